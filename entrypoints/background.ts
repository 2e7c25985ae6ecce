// Background service worker: wiring only. Loads the demo organisation while no real feed is
// shown, keeps the configured feeds in sync (alarms, "sync now", settings and policy changes,
// lib/background/sync-service.ts), and answers typed, validated messages from this
// extension's own contexts.
import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { reconcileDemoData, type DemoOutcome } from '../lib/background/demo-data';
import { handleMessage } from '../lib/background/handlers';
import { onSitePermissionRemoved, reconcileSiteScripts } from '../lib/browser/site-access';
import { SyncService } from '../lib/background/sync-service';
import { mergeFeeds } from '../lib/feed/configured';
import { openDatabase } from '../lib/db/database';
import { loadBundledDemo, loadSettings, readBundled } from '../lib/browser/extension';
import { loadSample, removeSample } from '../lib/background/samples';
import { clearFeedAlarm, feedAlarms, onFeedAlarm, scheduleFeedAlarm } from '../lib/browser/alarms';
import { showBadge } from '../lib/browser/badge';
import { clearProgress, publishProgress } from '../lib/browser/sync-progress';
import { loadPolicyFeeds, onFeedConfigChanged } from '../lib/browser/feed-config';
import { claimOwnerId, fetchFeed, isOwnerGone, keepAlive } from '../lib/browser/sync-runtime';
import {
  DEFAULT_MAX_INVALID_SHARE,
  marksNamesInProse,
  remembersVisitedTopics,
} from '../lib/settings';

export default defineBackground(() => {
  const db = openDatabase();
  let startup: Promise<DemoOutcome> | undefined;

  // Runs on every worker start (install, browser start, wake-up); cheap when up to date.
  const ensureData = () =>
    (startup ??= reconcileDemoData(db, loadBundledDemo).then((outcome) => {
      if (outcome.kind === 'failed')
        console.error('Constellation: demo data not loaded:', outcome.error);
      return outcome;
    }));

  const sync = new SyncService({
    db,
    owner: claimOwnerId(),
    fetch: fetchFeed,
    loadConfig: async () => {
      const [settings, policy] = await Promise.all([loadSettings(), loadPolicyFeeds()]);
      for (const problem of policy.problems) console.warn('Constellation:', problem);
      return {
        feeds: mergeFeeds(settings.feeds, policy.feeds),
        maxInvalidShare: settings.maxInvalidShare ?? DEFAULT_MAX_INVALID_SHARE,
      };
    },
    scheduleAlarm: scheduleFeedAlarm,
    clearAlarm: clearFeedAlarm,
    alarms: feedAlarms,
    showBadge,
    loadDemo: loadBundledDemo,
    keepAlive,
    isLeaseAbandoned: isOwnerGone,
    onProgress: publishProgress,
    onSyncEnd: clearProgress,
  });
  const samples = { db, readBundled, loadDemo: loadBundledDemo };
  const reconcile = (startup: boolean) =>
    ensureData()
      .then(() => sync.reconcile({ startup }))
      .catch((error: unknown) => console.error('Constellation: feed sync:', error));

  browser.runtime.onInstalled.addListener(() => void reconcile(true));
  browser.runtime.onStartup.addListener(() => void reconcile(true));
  void reconcile(false);

  onFeedAlarm((url) => void sync.onAlarm(url).catch((error: unknown) => console.error(error)));
  let pending: ReturnType<typeof setTimeout> | undefined;
  onFeedConfigChanged(() => {
    clearTimeout(pending);
    pending = setTimeout(() => void reconcile(false), 200);
  });
  // The database was deleted (site data cleared, eviction): reload the demo and resync all.
  db.on('versionchange', (event) => {
    if (event.newVersion === null) {
      startup = undefined;
      setTimeout(() => void reconcile(true), 500);
    }
  });

  // Sites enabled for annotation: scripts registered exactly for sites still granted.
  const reconcileSites = () =>
    reconcileSiteScripts().catch((error: unknown) => console.error('Constellation: sites:', error));
  void reconcileSites();
  onSitePermissionRemoved(() => void reconcileSites());

  // webextension-polyfill answers a message with the Promise its listener returns.
  // eslint-disable-next-line @typescript-eslint/no-misused-promises
  browser.runtime.onMessage.addListener((message, sender) =>
    ensureData().then(() =>
      handleMessage(db, message, sender, browser.runtime.id, {
        syncNow: (url) => sync.syncNow(url),
        acceptGeneration: (url, digest) => sync.accept(url, digest),
        remembersVisitedTopics: async () => remembersVisitedTopics(await loadSettings()),
        marksNamesInProse: async () => marksNamesInProse(await loadSettings()),
        loadSample: (file) => loadSample(samples, file),
        removeSample: (feedId) => removeSample(samples, feedId),
      }),
    ),
  );
});
