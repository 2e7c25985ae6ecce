// The background's feed-sync service: keeps the database in step with the configured feeds
// (the user's, from settings, and the administrator's, from policy). It runs one sync per feed
// at a time in this worker (and the lease covers other workers), schedules each feed's next
// attempt as an alarm, removes exactly the records of a feed that is no longer configured,
// lets the demo make way, and shows problems on the icon badge. Browser APIs are injected.
import type { ConstellationDB } from '../db/database';
import { collectGarbage, removeSource } from '../db/generation-cleanup';
import { warmDigests } from '../db/community-digest';
import { listSources } from '../db/generations';
import type { LeaseRow, SyncReportRow } from '../db/sync-schema';
import { acceptGeneration, syncHealth, syncReports } from '../db/sync-status';
import type { FetchLike } from '../feed/fetch';
import { syncFeed, type SyncProgress } from '../feed/sync';
import type { ConfiguredFeed } from '../feed/configured';
import { reconcileDemoData } from './demo-data';

export interface SyncConfig {
  feeds: ConfiguredFeed[];
  maxInvalidShare: number;
}

export interface BadgeState {
  text: string;
  color: string;
  title: string;
}

export interface SyncServiceDeps {
  db: ConstellationDB;
  owner: string;
  fetch: FetchLike;
  loadConfig: () => Promise<SyncConfig>;
  scheduleAlarm: (url: string, when: number) => Promise<void>;
  clearAlarm: (url: string) => Promise<void>;
  alarms: () => Promise<Map<string, number>>;
  showBadge: (state: BadgeState) => Promise<void>;
  loadDemo: () => Promise<string>;
  keepAlive?: () => void;
  isLeaseAbandoned?: (holder: LeaseRow) => Promise<boolean>;
  onProgress?: (progress: SyncProgress) => Promise<void> | void;
  /** Called when a sync of `url` ended, however it ended (its report is stored by then). */
  onSyncEnd?: (url: string) => Promise<void> | void;
  now?: () => number;
  log?: (message: string) => void;
}

export class SyncService {
  private readonly running = new Map<string, Promise<SyncReportRow>>();

  constructor(private readonly deps: SyncServiceDeps) {}

  /** Syncs one configured feed now (or every one); answers the reports. */
  async syncNow(url?: string): Promise<SyncReportRow[]> {
    const config = await this.deps.loadConfig();
    const feeds = config.feeds.filter((f) => url === undefined || f.url === url);
    if (url !== undefined && feeds.length === 0) throw new Error(`no feed is configured at ${url}`);
    return Promise.all(feeds.map((feed) => this.run(feed, config.maxInvalidShare)));
  }

  /**
   * The user accepts the document with this digest at `url` despite its acceptable refusal
   * (older generation, another feed id, too many invalid records), and it is synced now.
   */
  async accept(url: string, digest: string): Promise<SyncReportRow[]> {
    const config = await this.deps.loadConfig();
    const feed = config.feeds.find((f) => f.url === url);
    if (!feed) throw new Error(`no feed is configured at ${url}`);
    await acceptGeneration(this.deps.db, url, digest, new Date((this.deps.now ?? Date.now)()));
    await this.running.get(url)?.catch(() => undefined);
    return [await this.run(feed, config.maxInvalidShare)];
  }

  async onAlarm(url: string): Promise<void> {
    const config = await this.deps.loadConfig();
    const feed = config.feeds.find((f) => f.url === url);
    if (!feed) return this.deps.clearAlarm(url);
    await this.run(feed, config.maxInvalidShare);
  }

  /**
   * Aligns the database and the alarms with the configuration: removes feeds no longer
   * configured, brings the demo back when no real feed is left, syncs feeds that never landed
   * (first sync, evicted database), are overdue, or (on startup) come from policy, and makes
   * sure every other feed has its alarm.
   */
  async reconcile(options: { startup: boolean }): Promise<void> {
    const { db } = this.deps;
    const config = await this.deps.loadConfig();
    const configured = new Set(config.feeds.map((f) => f.url));
    const known = new Set([
      ...(await listSources(db)).map((s) => s.url),
      ...(await syncReports(db)).map((r) => r.url),
    ]);
    for (const url of known) {
      if (configured.has(url)) continue;
      await this.running.get(url)?.catch(() => undefined);
      const feedId = await removeSource(db, url);
      await this.deps.clearAlarm(url);
      this.deps.log?.(`removed feed ${url}${feedId ? ` (${feedId})` : ''}`);
    }
    const alarms = await this.deps.alarms();
    for (const [url] of alarms) if (!configured.has(url)) await this.deps.clearAlarm(url);
    await reconcileDemoData(db, this.deps.loadDemo);
    const sources = new Map((await listSources(db)).map((s) => [s.url, s]));
    const reports = new Map((await syncReports(db)).map((r) => [r.url, r]));
    const now = (this.deps.now ?? Date.now)();
    const due: ConfiguredFeed[] = [];
    for (const feed of config.feeds) {
      const landed = (sources.get(feed.url)?.generation ?? 0) > 0;
      const next = reports.get(feed.url)?.nextAttemptAt;
      const nextAt = next ? Date.parse(next) : 0;
      if (!landed && !reports.get(feed.url)) due.push(feed);
      else if ((options.startup && feed.policy) || nextAt <= now) due.push(feed);
      else if (!landed && sources.get(feed.url)?.pending) due.push(feed);
      else if (!alarms.has(feed.url)) await this.deps.scheduleAlarm(feed.url, nextAt);
    }
    await this.updateBadge();
    await Promise.all(due.map((feed) => this.run(feed, config.maxInvalidShare)));
    await collectGarbage(db);
  }

  async updateBadge(): Promise<void> {
    const config = await this.deps.loadConfig();
    const labels = new Map(config.feeds.map((f) => [f.url, f.label]));
    const health = syncHealth([...labels.keys()], await syncReports(this.deps.db));
    if (health.state === 'problem') {
      const lines = health.failing.map((r) => `${labels.get(r.url) ?? r.url}: ${r.message}`);
      await this.deps.showBadge({
        text: '!',
        color: '#b91c1c',
        title: `Constellation — feed sync problem\n${lines.join('\n')}`,
      });
    } else {
      await this.deps.showBadge({ text: '', color: '#000000', title: 'Constellation' });
    }
  }

  private run(feed: ConfiguredFeed, maxInvalidShare: number): Promise<SyncReportRow> {
    const existing = this.running.get(feed.url);
    if (existing) return existing;
    const task = this.sync(feed, maxInvalidShare).finally(() => {
      this.running.delete(feed.url);
      void Promise.resolve(this.deps.onSyncEnd?.(feed.url)).catch(() => undefined);
    });
    this.running.set(feed.url, task);
    return task;
  }

  private async sync(feed: ConfiguredFeed, maxInvalidShare: number): Promise<SyncReportRow> {
    const { deps } = this;
    deps.keepAlive?.();
    const report = await syncFeed(
      {
        db: deps.db,
        fetch: deps.fetch,
        owner: deps.owner,
        maxInvalidShare,
        ...(deps.now ? { now: deps.now } : {}),
        ...(deps.isLeaseAbandoned ? { isLeaseAbandoned: deps.isLeaseAbandoned } : {}),
        onProgress: async (progress) => {
          deps.keepAlive?.();
          await deps.onProgress?.(progress);
        },
      },
      feed,
    );
    // The feed may have been removed while it synced; then its alarm must not come back.
    const still = (await deps.loadConfig()).feeds.some((f) => f.url === feed.url);
    if (still && report.nextAttemptAt)
      await deps.scheduleAlarm(feed.url, Date.parse(report.nextAttemptAt));
    if (!still) await removeSource(deps.db, feed.url);
    if (report.outcome === 'updated') await collectGarbage(deps.db);
    await this.updateBadge();
    deps.log?.(`sync ${feed.url}: ${report.outcome} — ${report.message}`);
    // Large communities' digests for the new generation, so their views list them without
    // reading every member. Derived data: if this fails, views read the long way.
    if (report.outcome === 'updated' && still) {
      deps.keepAlive?.();
      await warmDigests(deps.db).catch((error: unknown) =>
        deps.log?.(`community digests: ${error instanceof Error ? error.message : String(error)}`),
      );
    }
    return report;
  }
}
