// Benchmark page for issue 19 goal 1, run in real Chromium by scripts/bench/storage.ts: what
// the same validated feed costs to write, and to read back, in four storage designs, in the
// same page and run, so the choice of design rests on measured floors:
//   rows          today's design: one row per record, the product's secondary indexes
//                 (multi-entry handle, email, name and token keys; per-person and
//                 per-community membership indexes) — the baseline;
//   rows-bare     the same rows with primary keys only: what the secondary indexes cost;
//   packed        records packed 2,000 to a row per list, plus one row of lookup keys (sorted
//                 handle/email/name keys → person position) built in memory: fewer, larger
//                 rows, indexes as compact serialised arrays;
//   blob          the whole JSON text in one row: the floor of writing these bytes at all.
// Reads: every membership (what the boundaries view opens with) and the first lookup of a
// person by handle on a fresh connection (what an annotated page asks first).
import Dexie from 'dexie';
import { ConstellationDB, FEED_TABLES } from '../../lib/db/database';
import { legacyRows, type LegacyRows as FeedRows } from './legacy-rows';
import { validateFeedText } from '../../lib/model/validate';
import { median } from '../../lib/stats';

const PACK = 2000;

export interface DesignResult {
  design: 'rows' | 'rows-bare' | 'packed' | 'blob';
  rowsWritten: number;
  writeMs: number;
  readMembershipsMs: number;
  firstLookupMs: number;
}

export interface StorageResult {
  bytes: number;
  people: number;
  memberships: number;
  records: number;
  runs: number;
  jsonParseMs: number;
  validateMs: number;
  designs: DesignResult[];
}

async function time<T>(fn: () => Promise<T> | T): Promise<[number, T]> {
  const start = performance.now();
  const value = await fn();
  return [performance.now() - start, value];
}

type AnyRow = object;

/** A database with today's table names and primary keys, without secondary indexes. */
function bareDb(name: string): Dexie {
  const db = new Dexie(name);
  db.version(1).stores({
    units: '[feedId+id]',
    people: '[feedId+id]',
    topics: '[feedId+id]',
    communities: '[feedId+id]',
    memberships: '[feedId+person+community]',
    expertise: '[feedId+person+topic]',
  });
  return db;
}

function packedDb(name: string): Dexie {
  const db = new Dexie(name);
  db.version(1).stores({ packs: '[list+n]', lookups: 'feedId', blobs: 'feedId' });
  return db;
}

async function writeRows(db: Dexie, rows: FeedRows): Promise<number> {
  await db.transaction('rw', [...FEED_TABLES], () =>
    Promise.all(FEED_TABLES.map((t) => db.table(t).bulkPut(rows[t] as AnyRow[]))),
  );
  return FEED_TABLES.reduce((sum, t) => sum + rows[t].length, 0);
}

/** Lookup keys → person position, sorted so a lookup is a binary search over one array. */
function buildLookups(rows: FeedRows): { keys: string[]; people: Int32Array } {
  const pairs: [string, number][] = [];
  rows.people.forEach((p, i) => {
    for (const key of [...p.handleKeys, ...p.emailKeys, ...p.nameKeys]) pairs.push([key, i]);
  });
  pairs.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  return { keys: pairs.map((p) => p[0]), people: Int32Array.from(pairs.map((p) => p[1])) };
}

async function writePacked(db: Dexie, rows: FeedRows, feedId: string): Promise<number> {
  const lookups = buildLookups(rows);
  const packs: AnyRow[] = [];
  for (const list of FEED_TABLES) {
    const records = rows[list] as AnyRow[];
    for (let n = 0; n * PACK < records.length; n++)
      packs.push({ list, n, records: records.slice(n * PACK, (n + 1) * PACK) });
  }
  await db.transaction('rw', ['packs', 'lookups'], () =>
    Promise.all([
      db.table('packs').bulkPut(packs),
      db.table('lookups').put({ feedId, ...lookups }),
    ]),
  );
  return packs.length + 1;
}

function lowerBound(keys: string[], key: string): number {
  let lo = 0;
  let hi = keys.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (keys[mid]! < key) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

async function measureDesign(
  design: DesignResult['design'],
  rows: FeedRows,
  text: string,
  feedId: string,
  probe: string,
): Promise<DesignResult> {
  const name = `bench-storage-${design}`;
  await Dexie.delete(name);
  const open = (): Dexie =>
    design === 'rows'
      ? new ConstellationDB(name)
      : design === 'rows-bare'
        ? bareDb(name)
        : packedDb(name);
  const db = open();
  await db.open();
  const [writeMs, rowsWritten] = await time(() =>
    design === 'packed'
      ? writePacked(db, rows, feedId)
      : design === 'blob'
        ? db
            .table('blobs')
            .put({ feedId, text })
            .then(() => 1)
        : writeRows(db, rows),
  );
  db.close();

  // Reads on a fresh connection, as a newly started page or worker would make them.
  const reader = open();
  await reader.open();
  const [firstLookupMs, found] = await time(async (): Promise<unknown> => {
    if (design === 'rows') return reader.table('people').where('handleKeys').equals(probe).first();
    if (design === 'rows-bare') {
      // No index: the only way to answer is to scan the people.
      let hit: unknown;
      await reader
        .table('people')
        .each((p: { handleKeys: string[] }) => void (p.handleKeys.includes(probe) && (hit = p)));
      return hit;
    }
    if (design === 'packed') {
      const lookups = (await reader.table('lookups').get(feedId)) as {
        keys: string[];
        people: Int32Array;
      };
      const at = lowerBound(lookups.keys, probe);
      const index = lookups.people[at]!;
      const pack = (await reader.table('packs').get(['people', Math.floor(index / PACK)])) as {
        records: AnyRow[];
      };
      return pack.records[index % PACK];
    }
    const blob = (await reader.table('blobs').get(feedId)) as { text: string };
    const feed = JSON.parse(blob.text) as { people: { handles: Record<string, string> }[] };
    return feed.people.find((p) => Object.values(p.handles).some((h) => probe.endsWith(h)));
  });
  if (!found) throw new Error(`${design}: the probe ${probe} was not found`);
  const [readMembershipsMs, count] = await time(async (): Promise<number> => {
    if (design === 'rows' || design === 'rows-bare')
      return (await reader.table('memberships').toArray()).length;
    if (design === 'packed') {
      const packs = (await reader
        .table('packs')
        .where('[list+n]')
        .between(['memberships', Dexie.minKey], ['memberships', Dexie.maxKey])
        .toArray()) as { records: AnyRow[] }[];
      return packs.reduce((sum, p) => sum + p.records.length, 0);
    }
    const blob = (await reader.table('blobs').get(feedId)) as { text: string };
    return (JSON.parse(blob.text) as { memberships: unknown[] }).memberships.length;
  });
  if (count !== rows.memberships.length)
    throw new Error(`${design}: read ${count} memberships of ${rows.memberships.length}`);
  reader.close();
  await Dexie.delete(name);
  return { design, rowsWritten, writeMs, readMembershipsMs, firstLookupMs };
}

export async function runStorageBench(feedUrl: string, runs: number): Promise<StorageResult> {
  const text = await (await fetch(feedUrl)).text();
  const [jsonParseMs] = await time((): unknown => JSON.parse(text));
  const [validateMs, result] = await time(() => validateFeedText(text));
  if (!result.ok) throw new Error(`bench feed rejected: ${result.error.reason}`);
  const rows = legacyRows(result.feed);
  const probe = rows.people[Math.floor(rows.people.length / 2)]!.handleKeys[0]!;
  const designs: DesignResult[] = [];
  for (const design of ['rows', 'rows-bare', 'packed', 'blob'] as const) {
    const each: DesignResult[] = [];
    for (let i = 0; i < runs; i++)
      each.push(await measureDesign(design, rows, text, result.feed.feedId, probe));
    designs.push({
      design,
      rowsWritten: each[0]!.rowsWritten,
      writeMs: median(each.map((e) => e.writeMs)),
      readMembershipsMs: median(each.map((e) => e.readMembershipsMs)),
      firstLookupMs: median(each.map((e) => e.firstLookupMs)),
    });
  }
  return {
    bytes: text.length,
    people: rows.people.length,
    memberships: rows.memberships.length,
    records: FEED_TABLES.reduce((sum, t) => sum + rows[t].length, 0),
    runs,
    jsonParseMs,
    validateMs,
    designs,
  };
}
