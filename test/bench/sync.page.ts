// Benchmark page for background sync (issue 3), run in real Chromium by scripts/bench/sync.ts.
// It runs the extension's own sync engine (lib/feed/sync.ts) against real IndexedDB and a
// real HTTP server on 127.0.0.1, and measures, interleaved per run in the same page: raw
// bulkPut of the feed's rows (the baseline), a full first sync (download → validate → diff →
// chunked generation → switch), a re-sync with 1% of records changed, and a 304 re-sync;
// then the same three with the feed published by the delta protocol (manifest + delta).
import { ConstellationDB, FEED_TABLES } from '../../lib/db/database';
import { planPacks, type PackRow } from '../../lib/db/packs';
import { feedRecords } from '../../lib/db/rows';
import { legacyRows } from './legacy-rows';
import { syncFeed, type SyncProgress } from '../../lib/feed/sync';
import { validateFeedText } from '../../lib/model/validate';
import { median } from '../../lib/stats';
import { readPacks } from '../../lib/db/packed';
import { FEED_LISTS } from '../../lib/model/feed';

export interface SyncBenchResult {
  bytes: number;
  people: number;
  memberships: number;
  rows: number;
  runs: number;
  /** Raw bulkPut of the feed as version-1 rows (one row per record, with their indexes); NaN when not measured. */
  rawBulkPutMs: number;
  /** Raw bulkPut of the same feed as packs (today's storage), planned beforehand. */
  rawPacksMs: number;
  /** Planning those packs from the validated records (grouping, sorting, lookup keys). */
  planMs: number;
  /** JSON.parse of the same bytes: the floor of turning the document into objects. */
  parseMs: number;
  packs: number;
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
  /** The same feed published with the delta protocol (issue 19 goal 2), in the same run. */
  delta: DeltaBenchResult;
}

export interface DeltaBenchResult {
  /** First sync of the published feed: whole document, manifest probe, base kept. */
  fullSyncMs: number;
  /** The 1% change, by its changes file (or rebuilt from its delta). */
  resyncMs: number;
  /** A second 1% change of other records, landed over the first (a layer over the same base). */
  secondChangeMs: number;
  secondChangeVia: string;
  /** One person read in a fresh connection before any layer, and over two layers. */
  coldPersonMs: number;
  coldPersonLayeredMs: number;
  /** The manifest unchanged: one 304. */
  notModifiedMs: number;
  resyncVia: string;
  resyncWrites: number;
  /** Bytes the engine received in the delta re-sync (decoded), from its report. */
  resyncReceivedBytes: number;
  resyncPhasesMs: {
    fetched: number;
    validated: number;
    written: number;
    switched: number;
    done: number;
  };
}

/** One person read in a connection of its own (nothing remembered yet), in ms. */
async function coldRead(name: string, ref: { feedId: string; id: string }): Promise<number> {
  const db = new ConstellationDB(name);
  await db.open();
  const start = performance.now();
  const found = await readPacks(db, (r) => r.get('people', ref.feedId, ref.id));
  const ms = performance.now() - start;
  db.close();
  if (!found) throw new Error(`cold read: ${ref.id} not found`);
  return ms;
}

async function freshDb(name: string): Promise<ConstellationDB> {
  await ConstellationDB.delete(name);
  const db = new ConstellationDB(name);
  await db.open();
  return db;
}

/**
 * The delta protocol at the same scale: `firstUrl` and `changedUrl` are the same feed file
 * name under two folders, each with its manifest (and, for the changed one, a delta from the
 * first). The engine always syncs `firstUrl`; requests are sent to the folder of the moment.
 */
async function runDeltaBench(
  firstUrl: string,
  changedUrl: string,
  secondUrl: string,
  runs: number,
) {
  const full: number[] = [];
  const resync: number[] = [];
  const again: number[] = [];
  let againVia = '';
  const coldPlain: number[] = [];
  const coldLayered: number[] = [];
  const notModified: number[] = [];
  let last:
    | Omit<
        DeltaBenchResult,
        | 'fullSyncMs'
        | 'resyncMs'
        | 'notModifiedMs'
        | 'secondChangeMs'
        | 'secondChangeVia'
        | 'coldPersonMs'
        | 'coldPersonLayeredMs'
      >
    | undefined;
  for (let run = 0; run < runs; run++) {
    const db = await freshDb('bench-sync-delta');
    let folder = firstUrl;
    const marks: Partial<Record<SyncProgress['phase'], number>> = {};
    const deps = {
      db,
      owner: 'bench',
      maxInvalidShare: 0.1,
      fetch: (url: string, init: RequestInit) => fetch(url.replace(firstUrl, folder), init),
      onProgress: (p: SyncProgress) => {
        marks[p.phase] = performance.now();
      },
    };
    const target = { url: firstUrl, label: 'bench', intervalMinutes: 60 };
    let start = performance.now();
    const first = await syncFeed(deps, target);
    full.push(performance.now() - start);
    if (first.outcome !== 'updated') throw new Error(`delta full sync: ${first.message}`);
    // A person read in a fresh connection (as a popup opening does), before any layer.
    const person = (await readPacks(db, (r) => r.prefix('people.nameKeys', 'a', 1)))[0]!.ref;
    coldPlain.push(await coldRead('bench-sync-delta', person));

    folder = changedUrl;
    for (const key of Object.keys(marks)) delete marks[key as SyncProgress['phase']];
    start = performance.now();
    const second = await syncFeed(deps, target);
    const end = performance.now();
    resync.push(end - start);
    if (second.outcome !== 'updated') throw new Error(`delta re-sync: ${second.message}`);
    const c = second.counts!;
    last = {
      resyncVia: second.delivery?.via ?? 'unknown',
      resyncWrites: c.added + c.changed + c.removed,
      resyncReceivedBytes: second.delivery?.receivedBytes ?? -1,
      resyncPhasesMs: {
        fetched: marks.fetched! - start,
        validated: marks.validated! - start,
        written: (marks.writing ?? marks.validated!) - start,
        switched: marks.switched! - start,
        done: end - start,
      },
    };

    start = performance.now();
    const third = await syncFeed(deps, target);
    notModified.push(performance.now() - start);
    if (third.outcome !== 'not-modified' || third.httpStatus !== 304)
      throw new Error(
        `delta 304 path: ${third.outcome} ${third.httpStatus ?? ''} ${third.message}`,
      );

    // A second 1% change, of other records: by changes, a layer over the same base.
    folder = secondUrl;
    start = performance.now();
    const fourth = await syncFeed(deps, target);
    again.push(performance.now() - start);
    if (fourth.outcome !== 'updated') throw new Error(`second change: ${fourth.message}`);
    againVia = fourth.delivery?.via ?? 'unknown';
    // The same read over two layers: the people list's layer is read whole at first use.
    coldLayered.push(await coldRead('bench-sync-delta', person));
    db.close();
    await ConstellationDB.delete('bench-sync-delta');
  }
  return {
    fullSyncMs: median(full),
    resyncMs: median(resync),
    notModifiedMs: median(notModified),
    ...last!,
    secondChangeMs: median(again),
    secondChangeVia: againVia,
    coldPersonMs: median(coldPlain),
    coldPersonLayeredMs: median(coldLayered),
  };
}

export async function runSyncBench(
  fullUrl: string,
  changedUrl: string,
  runs: number,
  deltaFirstUrl: string,
  deltaChangedUrl: string,
  deltaSecondUrl: string,
  /** Whether to measure the raw write of one row per record (minutes at 300,000 people). */
  rowBaseline: boolean,
): Promise<SyncBenchResult> {
  const text = await (await fetch(fullUrl, { credentials: 'include' })).text();
  const validation = validateFeedText(text);
  if (!validation.ok) throw new Error(`bench feed rejected: ${validation.error.reason}`);
  const rows = rowBaseline ? legacyRows(validation.feed) : undefined;
  const validFeed = validation.feed;
  const rowCount = FEED_LISTS.reduce((n, list) => n + validFeed[list].length, 0);
  const people = validation.feed.people.length;
  const memberships = validation.feed.memberships.length;
  const bytes = text.length;

  const raw: number[] = [];
  const rawPacks: number[] = [];
  const parses: number[] = [];
  // Planned once and timed alone.
  let planMs = 0;
  const planned: PackRow[] = ((records) => {
    const planStart = performance.now();
    const packs = planPacks(records);
    planMs = performance.now() - planStart;
    return packs.map((p) => ({ ...p, feedId: 'bench', gen: 1 }));
  })(feedRecords(validation.feed));
  const packCount = planned.length;
  const full: number[] = [];
  const resync: number[] = [];
  const notModified: number[] = [];
  let resyncWrites = 0;
  let phases = { fetched: 0, validated: 0, written: 0, switched: 0 };
  let resyncPhases = { fetched: 0, validated: 0, written: 0, switched: 0, done: 0 };
  for (let run = 0; run < runs; run++) {
    const baselineRows = rows;
    let start: number;
    if (baselineRows) {
      const rawDb = await freshDb('bench-sync-raw');
      start = performance.now();
      await rawDb.transaction(
        'rw',
        FEED_TABLES.map((t) => rawDb.table(t)),
        () => Promise.all(FEED_TABLES.map((t) => rawDb.table(t).bulkPut(baselineRows[t]))),
      );
      raw.push(performance.now() - start);
      rawDb.close();
      await ConstellationDB.delete('bench-sync-raw');
    }
    console.log('step: raw bulkPut of the planned packs');
    const packDb = await freshDb('bench-sync-packs');
    start = performance.now();
    await packDb.packs.bulkPut(planned);
    rawPacks.push(performance.now() - start);
    packDb.close();
    await ConstellationDB.delete('bench-sync-packs');
    start = performance.now();
    if ((JSON.parse(text) as { people: unknown[] }).people.length !== people)
      throw new Error('parse');
    parses.push(performance.now() - start);

    console.log('step: full sync');
    const db = await freshDb('bench-sync');
    let current = fullUrl;
    const marks: Partial<Record<SyncProgress['phase'], number>> = {};
    const deps = {
      db,
      owner: 'bench',
      maxInvalidShare: 0.1,
      // The feed and anything beside it (the manifest probe: 404 here) from the current file.
      fetch: (url: string, init: RequestInit) => fetch(url.replace(fullUrl, current), init),
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

    console.log('step: whole-document 1% re-sync');
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
  console.log('step: the delta protocol');
  const delta = await runDeltaBench(deltaFirstUrl, deltaChangedUrl, deltaSecondUrl, runs);
  return {
    bytes,
    people,
    memberships,
    rows: rowCount,
    runs,
    rawBulkPutMs: raw.length > 0 ? median(raw) : Number.NaN,
    rawPacksMs: median(rawPacks),
    planMs,
    parseMs: median(parses),
    packs: packCount,
    fullSyncMs: median(full),
    resyncMs: median(resync),
    notModifiedMs: median(notModified),
    resyncWrites,
    phasesMs: phases,
    resyncPhasesMs: resyncPhases,
    delta,
  };
}

/** Date.now() around one full sync and at each phase it reported first, for heap samples. */
export interface HeapSyncResult {
  window: { start: number; end: number };
  phases: { phase: string; at: number }[];
}

/**
 * One full sync in a page that has done nothing else (a fresh page, as a service worker
 * starting a sync): the heap samples taken from outside during `window` show what the sync
 * itself holds, and nothing left over from the other steps.
 */
export async function runHeapSync(fullUrl: string): Promise<HeapSyncResult> {
  const db = await freshDb('bench-sync-heap');
  (globalThis as { gc?: () => void }).gc?.();
  await new Promise((resolve) => setTimeout(resolve, 300));
  const window = { start: Date.now(), end: 0 };
  const phases: { phase: string; at: number }[] = [];
  const measured = await syncFeed(
    {
      db,
      owner: 'bench',
      maxInvalidShare: 0.1,
      fetch: (url, init) => fetch(url, init),
      onProgress: ({ phase }) => {
        if (phases.at(-1)?.phase !== phase) phases.push({ phase, at: Date.now() });
      },
    },
    { url: fullUrl, label: 'bench', intervalMinutes: 60 },
  );
  window.end = Date.now();
  if (measured.outcome !== 'updated') throw new Error(`heap sync: ${measured.message}`);
  db.close();
  await ConstellationDB.delete('bench-sync-heap');
  return { window, phases };
}
