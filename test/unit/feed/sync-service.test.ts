// The background's sync service with injected browser parts: policy feeds from managed
// storage (WXT fake-browser), alarms, badge, removal of exactly a removed feed's records, the
// demo making way and coming back, and one sync per feed at a time within a worker.
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { loadPolicyFeeds } from '../../../lib/browser/feed-config';
import {
  SyncService,
  type BadgeState,
  type SyncConfig,
} from '../../../lib/background/sync-service';
import { mergeFeeds } from '../../../lib/feed/configured';
import type { ConstellationDB } from '../../../lib/db/database';
import { dataStatus } from '../../../lib/db/queries';
import { syncHealth } from '../../../lib/db/sync-status';
import type { FeedConfig } from '../../../lib/settings';
import { smallFeed } from '../../fixtures/small-feed';
import { emptyTestDb } from '../../fixtures/test-db';
import { FakeFeedServer } from './fake-server';
import { visibleRecords } from '../../../lib/db/packed';

const ACME = 'https://feeds.acme.example/main.json';
const GLOBEX = 'https://feeds.globex.example/all.json';
const demoText = JSON.stringify({
  ...smallFeed(),
  feedId: 'demo-test',
  organization: { name: 'Demo Org' },
});

function harness(db: ConstellationDB, server: FakeFeedServer, config: SyncConfig) {
  const alarms = new Map<string, number>();
  const badges: BadgeState[] = [];
  const service = new SyncService({
    db,
    owner: 'w',
    fetch: server.fetch,
    loadConfig: async () => config,
    scheduleAlarm: async (url, when) => void alarms.set(url, when),
    clearAlarm: async (url) => void alarms.delete(url),
    alarms: async () => new Map(alarms),
    showBadge: async (state) => void badges.push(state),
    loadDemo: async () => demoText,
  });
  return { service, alarms, badges };
}

const feedConfig = (url: string, label: string): FeedConfig => ({
  url,
  label,
  intervalMinutes: 60,
});

describe('policy feeds (storage.managed)', () => {
  beforeEach(() => fakeBrowser.reset());

  it('reads the administrator’s feeds and reports broken entries without failing', async () => {
    await fakeBrowser.storage.managed.set({
      feeds: [
        { url: ACME, label: 'Acme', intervalMinutes: 30, publicKey: 'MCowBQYDK2VwAyEA' },
        { url: 'ftp://nope', label: 'Broken' },
      ],
    });
    const policy = await loadPolicyFeeds();
    expect(policy.feeds).toEqual([
      { url: ACME, label: 'Acme', intervalMinutes: 30, publicKey: 'MCowBQYDK2VwAyEA' },
    ]);
    expect(policy.problems).toHaveLength(1);
    expect(policy.problems[0]).toMatch(/^policy feeds\[1\]\.url: /);
  });

  it('gives no feeds without a policy', async () => {
    expect(await loadPolicyFeeds()).toEqual({ feeds: [], problems: [] });
  });

  it('policy feeds come first and win over a user feed with the same URL', () => {
    const merged = mergeFeeds(
      [feedConfig(ACME, 'Mine'), feedConfig(GLOBEX, 'Globex')],
      [feedConfig(ACME, 'Policy')],
    );
    expect(merged.map((f) => [f.label, f.policy])).toEqual([
      ['Policy', true],
      ['Globex', false],
    ]);
  });
});

describe('SyncService', () => {
  it('syncs new feeds, schedules their alarms, then removes exactly a removed feed and brings the demo back', async () => {
    const db = emptyTestDb();
    const server = new FakeFeedServer()
      .serveFeed(ACME, JSON.stringify(smallFeed()))
      .serveFeed(GLOBEX, JSON.stringify({ ...smallFeed(), feedId: 'globex' }));
    const config: SyncConfig = {
      feeds: mergeFeeds([feedConfig(ACME, 'Acme')], [feedConfig(GLOBEX, 'Globex')]),
      maxInvalidShare: 0.1,
    };
    const { service, alarms, badges } = harness(db, server, config);
    await service.reconcile({ startup: true });
    expect((await dataStatus(db)).feeds.map((f) => f.feedId).sort()).toEqual([
      'acme-main',
      'globex',
    ]);
    expect([...alarms.keys()].sort()).toEqual([ACME, GLOBEX]);
    expect(badges.at(-1)?.text).toBe('');

    // A restart: the policy feed syncs again (304), the user's feed waits for its alarm.
    const before = server.requests.length;
    await service.reconcile({ startup: true });
    // One sync: the delta protocol's manifest probe (absent here), then the document.
    expect(server.requests.slice(before).map((r) => r.url)).toEqual([
      `${GLOBEX}.manifest.json`,
      GLOBEX,
    ]);

    config.feeds = config.feeds.filter((f) => f.url !== GLOBEX);
    await service.reconcile({ startup: false });
    expect((await dataStatus(db)).feeds.map((f) => f.feedId)).toEqual(['acme-main']);
    expect((await visibleRecords(db, 'people')).length).toBe(4);
    expect([...alarms.keys()]).toEqual([ACME]);

    config.feeds = [];
    await service.reconcile({ startup: false });
    const status = await dataStatus(db);
    expect(status.demo).toBe(true);
    expect(status.feeds.map((f) => f.feedId)).toEqual(['demo-test']);
    expect(await db.syncReports.count()).toBe(0);
    expect(alarms.size).toBe(0);
  });

  it('shows a problem on the badge while a feed fails, and clears it after a success', async () => {
    const db = emptyTestDb();
    const server = new FakeFeedServer().serve(ACME, { status: 500 });
    const config: SyncConfig = {
      feeds: mergeFeeds([feedConfig(ACME, 'Acme')], []),
      maxInvalidShare: 0.1,
    };
    const { service, badges, alarms } = harness(db, server, config);
    const [failed] = await service.syncNow(ACME);
    expect(failed!.outcome).toBe('failed');
    expect(badges.at(-1)).toMatchObject({ text: '!', color: '#b91c1c' });
    expect(badges.at(-1)!.title).toContain(
      'Acme: Could not download the feed: the server answered HTTP 500',
    );
    expect(alarms.get(ACME)).toBe(Date.parse(failed!.nextAttemptAt!));
    server.serveFeed(ACME, JSON.stringify(smallFeed()));
    await service.onAlarm(ACME);
    expect(badges.at(-1)?.text).toBe('');
  });

  it('runs one sync per feed at a time: concurrent requests share it', async () => {
    const db = emptyTestDb();
    const server = new FakeFeedServer().serveFeed(ACME, JSON.stringify(smallFeed()));
    const config: SyncConfig = {
      feeds: mergeFeeds([feedConfig(ACME, 'Acme')], []),
      maxInvalidShare: 0.1,
    };
    const { service } = harness(db, server, config);
    const [a, b] = await Promise.all([service.syncNow(ACME), service.syncNow(ACME)]);
    expect(a).toEqual(b);
    expect(server.requests.map((r) => r.url)).toEqual([`${ACME}.manifest.json`, ACME]);
    await expect(service.syncNow('https://unknown.example/x.json')).rejects.toThrow(
      'no feed is configured',
    );
  });

  it('resyncs in full when the database lost the feed (eviction)', async () => {
    const db = emptyTestDb();
    const server = new FakeFeedServer().serveFeed(ACME, JSON.stringify(smallFeed()));
    const config: SyncConfig = {
      feeds: mergeFeeds([feedConfig(ACME, 'Acme')], []),
      maxInvalidShare: 0.1,
    };
    const { service } = harness(db, server, config);
    await service.reconcile({ startup: false });
    await Promise.all(db.tables.map((t) => t.clear()));
    await service.reconcile({ startup: false });
    expect(server.requests.at(-1)!.headers['if-none-match']).toBeUndefined();
    expect((await dataStatus(db)).counts.people).toBe(4);
  });
});

describe('syncHealth', () => {
  it('summarises only the configured feeds', () => {
    const report = (url: string, outcome: 'updated' | 'failed', lastSuccessAt?: string) => ({
      url,
      outcome,
      message: '',
      startedAt: '',
      finishedAt: '',
      problems: [],
      problemCount: 0,
      failures: outcome === 'failed' ? 1 : 0,
      durationMs: 0,
      ...(lastSuccessAt ? { lastSuccessAt } : {}),
    });
    const reports = [
      report(ACME, 'updated', '2026-11-21T08:00:00Z'),
      report('https://gone.example/', 'failed'),
    ];
    expect(syncHealth([ACME], reports)).toMatchObject({
      state: 'ok',
      lastSuccessAt: '2026-11-21T08:00:00Z',
    });
    expect(syncHealth([ACME, GLOBEX], reports)).toMatchObject({ state: 'syncing', neverSynced: 1 });
    expect(syncHealth([ACME, GLOBEX], [...reports, report(GLOBEX, 'failed')]).state).toBe(
      'problem',
    );
    expect(syncHealth([], reports).state).toBe('none');
  });
});
