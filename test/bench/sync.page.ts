// Benchmark page for background sync (issue 3), run in real Chromium by scripts/bench/sync.ts.
// It runs the extension's own sync engine (lib/feed/sync.ts) against real IndexedDB and a
// real HTTP server on 127.0.0.1, and measures, interleaved per run in the same page: raw
// bulkPut of the feed's rows (the baseline), a full first sync (download → validate → diff →
// chunked generation → switch), a re-sync with 1% of records changed, and a 304 re-sync.
import { ConstellationDB, FEED_TABLES } from '../../lib/db/database';
import { feedRows } from '../../lib/db/rows';
import { syncFeed, type SyncProgress } from '../../lib/feed/sync';
import { validateFeedText } from '../../lib/model/validate';
import { median } from '../../lib/stats';

export interface SyncBenchResult {
  bytes: number;
  people: number;
  memberships: number;
  rows: number;
  runs: number;
  rawBulkPutMs: number;
  fullSyncMs: number;
  resyncMs: number;
  notModifiedMs: number;
  resyncWrites: number;
  /** Phases of the last full sync: until fetched+digested, validated, written, switched. */
  phasesMs: { fetched: number; validated: number; written: number; switched: number };
  /** The same for the last 1% re-sync, plus when syncFeed returned (report, lease, GC). */
  resyncPhasesMs: {
    fetched: number;
    validated: number;
    written: number;
    switched: number;
    done: number;
  };
  /** Date.now() around a full sync run alone (baseline data released), for heap samples. */
  window: { start: number; end: number };
}

async function freshDb(name: string): Promise<ConstellationDB> {
  await ConstellationDB.delete(name);
  const db = new ConstellationDB(name);
  await db.open();
  return db;
}

export async function runSyncBench(
  fullUrl: string,
  changedUrl: string,
  runs: number,
): Promise<SyncBenchResult> {
  let text = await (await fetch(fullUrl, { credentials: 'include' })).text();
  let validation: ReturnType<typeof validateFeedText> | undefined = validateFeedText(text);
  if (!validation.ok) throw new Error(`bench feed rejected: ${validation.error.reason}`);
  let rows: ReturnType<typeof feedRows> | undefined = feedRows(validation.feed);
  const rowCount = FEED_TABLES.reduce((n, t) => n + rows![t].length, 0);
  const people = validation.feed.people.length;
  const memberships = validation.feed.memberships.length;
  const bytes = text.length;

  const raw: number[] = [];
  const full: number[] = [];
  const resync: number[] = [];
  const notModified: number[] = [];
  let resyncWrites = 0;
  let phases = { fetched: 0, validated: 0, written: 0, switched: 0 };
  let resyncPhases = { fetched: 0, validated: 0, written: 0, switched: 0, done: 0 };
  let window = { start: 0, end: 0 };
  for (let run = 0; run < runs; run++) {
    const baselineRows = rows;
    const rawDb = await freshDb('bench-sync-raw');
    let start = performance.now();
    await rawDb.transaction(
      'rw',
      FEED_TABLES.map((t) => rawDb[t]),
      () => Promise.all(FEED_TABLES.map((t) => rawDb.table(t).bulkPut(baselineRows[t]))),
    );
    raw.push(performance.now() - start);
    rawDb.close();
    await ConstellationDB.delete('bench-sync-raw');

    const db = await freshDb('bench-sync');
    let current = fullUrl;
    const marks: Partial<Record<SyncProgress['phase'], number>> = {};
    const deps = {
      db,
      owner: 'bench',
      maxInvalidShare: 0.1,
      fetch: (_url: string, init: RequestInit) => fetch(current, init),
      onProgress: (p: SyncProgress) => {
        marks[p.phase] = performance.now();
      },
    };
    const target = { url: fullUrl, label: 'bench', intervalMinutes: 60 };
    start = performance.now();
    const first = await syncFeed(deps, target);
    const end = performance.now();
    if (first.outcome !== 'updated') throw new Error(`full sync: ${first.message}`);
    full.push(end - start);
    phases = {
      fetched: marks.fetched! - start,
      validated: marks.validated! - start,
      written: (marks.writing ?? marks.validated!) - start,
      switched: marks.switched! - start,
    };

    current = changedUrl;
    for (const key of Object.keys(marks)) delete marks[key as SyncProgress['phase']];
    start = performance.now();
    const second = await syncFeed(deps, target);
    const resyncEnd = performance.now();
    resync.push(resyncEnd - start);
    resyncPhases = {
      fetched: marks.fetched! - start,
      validated: marks.validated! - start,
      written: (marks.writing ?? marks.validated!) - start,
      switched: marks.switched! - start,
      done: resyncEnd - start,
    };
    if (second.outcome !== 'updated') throw new Error(`re-sync: ${second.message}`);
    const c = second.counts!;
    resyncWrites = c.added + c.changed + c.removed;

    start = performance.now();
    const third = await syncFeed(deps, target);
    notModified.push(performance.now() - start);
    if (third.outcome !== 'not-modified' || third.httpStatus !== 304)
      throw new Error(`304 path: ${third.outcome} ${third.httpStatus ?? ''} ${third.message}`);
    db.close();
    await ConstellationDB.delete('bench-sync');
  }
  // Heap: one more full sync once the baseline's copies are released and collected, so the
  // samples taken from outside during `window` show what the sync itself holds.
  text = '';
  validation = undefined;
  rows = undefined;
  (globalThis as { gc?: () => void }).gc?.();
  await new Promise((resolve) => setTimeout(resolve, 300));
  const heapDb = await freshDb('bench-sync-heap');
  window = { start: Date.now(), end: 0 };
  const measured = await syncFeed(
    { db: heapDb, owner: 'bench', maxInvalidShare: 0.1, fetch: (_u, init) => fetch(fullUrl, init) },
    { url: fullUrl, label: 'bench', intervalMinutes: 60 },
  );
  window.end = Date.now();
  if (measured.outcome !== 'updated') throw new Error(`heap sync: ${measured.message}`);
  heapDb.close();
  await ConstellationDB.delete('bench-sync-heap');
  return {
    bytes,
    people,
    memberships,
    rows: rowCount,
    runs,
    rawBulkPutMs: median(raw),
    fullSyncMs: median(full),
    resyncMs: median(resync),
    notModifiedMs: median(notModified),
    resyncWrites,
    phasesMs: phases,
    resyncPhasesMs: resyncPhases,
    window,
  };
}
