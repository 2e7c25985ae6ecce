// Background service worker: wiring only. Loads the demo organisation when no feed is
// configured, and answers typed, validated messages from this extension's own contexts.
import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { ensureDemoData, type DemoOutcome } from '../lib/background/demo-data';
import { handleMessage } from '../lib/background/handlers';
import { openDatabase } from '../lib/db/database';
import { loadBundledDemo, loadSettings } from '../lib/adapters/extension';

export default defineBackground(() => {
  const db = openDatabase();
  let startup: Promise<DemoOutcome> | undefined;

  // Runs on every worker start (install, browser start, wake-up); cheap when up to date.
  const ensureData = () =>
    (startup ??= loadSettings()
      .then((settings) =>
        ensureDemoData(db, {
          feedsConfigured: settings.feeds.length > 0,
          loadDemo: loadBundledDemo,
        }),
      )
      .then((outcome) => {
        if (outcome.kind === 'failed')
          console.error('Constellation: demo data not loaded:', outcome.error);
        return outcome;
      }));

  browser.runtime.onInstalled.addListener(() => void ensureData());
  browser.runtime.onStartup.addListener(() => void ensureData());
  void ensureData();

  browser.runtime.onMessage.addListener((message, sender) =>
    ensureData().then(() => handleMessage(db, message, sender, browser.runtime.id)),
  );
});
