// Sync reports per configured feed (stored so options and the popup can show them live via
// liveQuery) and the compact health summary behind the popup line and the icon badge.
import type { ConstellationDB } from './database';
import { getSource } from './generations';
import type { SyncReportRow } from './sync-schema';

export async function saveReport(db: ConstellationDB, report: SyncReportRow): Promise<void> {
  await db.syncReports.put(report);
}

/** The last stored report of one feed URL. */
export function syncReport(db: ConstellationDB, url: string): Promise<SyncReportRow | undefined> {
  return db.syncReports.get(url);
}

/** Remembers that the user accepts the document with `digest` at `url` (refusals.ts). */
export async function acceptGeneration(
  db: ConstellationDB,
  url: string,
  digest: string,
  at: Date,
): Promise<void> {
  await db.transaction('rw', db.syncSources, async () => {
    const source = await getSource(db, url);
    await db.syncSources.put({ ...source, accepted: { digest, at: at.toISOString() } });
  });
}

export function syncReports(db: ConstellationDB): Promise<SyncReportRow[]> {
  return db.syncReports.toArray();
}

export interface SyncHealth {
  /** ok: every configured feed's last sync succeeded; problem: at least one did not. */
  state: 'none' | 'ok' | 'syncing' | 'problem';
  configured: number;
  failing: SyncReportRow[];
  /** The most recent successful sync of any feed. */
  lastSuccessAt?: string;
  neverSynced: number;
}

/** Summarises the reports of the configured feed URLs (reports of removed feeds are ignored). */
export function syncHealth(urls: readonly string[], reports: readonly SyncReportRow[]): SyncHealth {
  const byUrl = new Map(reports.map((r) => [r.url, r]));
  const mine = urls.map((url) => byUrl.get(url));
  const failing = mine.filter(
    (r): r is SyncReportRow =>
      r !== undefined && (r.outcome === 'failed' || r.outcome === 'refused'),
  );
  const neverSynced = mine.filter((r) => r === undefined).length;
  const successes = mine.flatMap((r) => (r?.lastSuccessAt ? [r.lastSuccessAt] : [])).sort();
  const state =
    urls.length === 0
      ? 'none'
      : failing.length > 0
        ? 'problem'
        : neverSynced > 0
          ? 'syncing'
          : 'ok';
  const health: SyncHealth = { state, configured: urls.length, failing, neverSynced };
  const last = successes.at(-1);
  if (last) health.lastSuccessAt = last;
  return health;
}
