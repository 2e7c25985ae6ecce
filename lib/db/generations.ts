// Chunked, resumable generations of a feed, and the one transaction that switches a feed to
// its new generation. Readers never see a half-applied feed:
// - a feed with no visible generation (no `feeds` row) gets its rows written straight into
//   the feed tables; `visibleFeedIds` hides them until the switch writes the `feeds` row;
// - a visible feed gets its added/changed rows and removals staged in `syncStaging`; the
//   switch applies them (≈ the size of the change) in the same transaction as the `feeds` row.
// Every chunk advances the checkpoint (`pending.chunksDone`) in the chunk's own transaction, so
// a worker killed mid-sync resumes at the next chunk, and bulkPut by primary key can never
// duplicate a row. Each write checks the lease (fencing), so a sync that lost its lease stops.
import Dexie from 'dexie';
import type { Feed, FeedList } from '../model/feed';
import type { ConstellationDB } from './database';
import { FEED_TABLES } from './database';
import { deleteFeedRows } from './ingest';
import { feedRows } from './rows';
import type { FeedRow } from './schema';
import type {
  FeedTableRow,
  FeedValidators,
  FingerprintLists,
  PendingGeneration,
  StagedRow,
  SyncSourceRow,
} from './sync-schema';
import { recordKey, rowPrimaryKey } from '../feed/record-hash';
import { packFingerprint } from './fingerprints';
import { membersOnlyOfFeed } from './visible-counts';

/** Thrown when the lease or the pending generation changed under a running sync. */
export class GenerationLostError extends Error {
  constructor(reason: string) {
    super(reason);
    this.name = 'GenerationLostError';
  }
}

export async function getSource(db: ConstellationDB, url: string): Promise<SyncSourceRow> {
  return (await db.syncSources.get(url)) ?? { url, generation: 0, validators: {} };
}

export async function listSources(db: ConstellationDB): Promise<SyncSourceRow[]> {
  return db.syncSources.toArray();
}

export interface GenerationStart {
  url: string;
  feedId: string;
  digest: string;
  mode: PendingGeneration['mode'];
  chunkCount: number;
  owner: string;
  now?: Date;
}

/**
 * Opens the generation to write, resuming the pending one when it is the same document (same
 * digest, feed id, mode and plan size); otherwise the pending one is discarded first.
 */
export async function openGeneration(
  db: ConstellationDB,
  start: GenerationStart,
): Promise<PendingGeneration> {
  return db.transaction('rw', generationTables(db), async () => {
    await checkLease(db, start.url, start.owner);
    const source = await getSource(db, start.url);
    const p = source.pending;
    if (
      p &&
      p.digest === start.digest &&
      p.feedId === start.feedId &&
      p.mode === start.mode &&
      p.chunkCount === start.chunkCount
    ) {
      return p;
    }
    if (p) await discardRows(db, p);
    // Rows of an abandoned first generation may linger under this feed id: clear them.
    if (start.mode === 'direct' && !(await db.feeds.get(start.feedId))) {
      await deleteFeedRows(db, start.feedId);
    }
    const pending: PendingGeneration = {
      generation: source.generation + 1,
      feedId: start.feedId,
      mode: start.mode,
      digest: start.digest,
      chunkCount: start.chunkCount,
      chunksDone: 0,
      startedAt: (start.now ?? new Date()).toISOString(),
    };
    await db.syncSources.put({ ...source, pending });
    return pending;
  });
}

export interface ChunkWrite {
  list: FeedList;
  upserts?: readonly unknown[];
  removals?: readonly string[];
}

/** Writes chunk `index` of the pending generation and advances the checkpoint, atomically. */
export async function writeChunk(
  db: ConstellationDB,
  url: string,
  owner: string,
  pending: PendingGeneration,
  index: number,
  chunk: ChunkWrite,
): Promise<void> {
  const { feedId } = pending;
  const rows = chunk.upserts?.length ? rowsOf(feedId, chunk.list, chunk.upserts) : [];
  const target = pending.mode === 'direct' ? db.table(chunk.list) : db.syncStaging;
  await db.transaction('rw', db.syncSources, db.syncLeases, target, async () => {
    await checkLease(db, url, owner);
    const source = await getSource(db, url);
    const current = source.pending;
    if (!current || current.generation !== pending.generation || current.chunksDone !== index) {
      throw new GenerationLostError('the pending generation changed under this sync');
    }
    if (pending.mode === 'direct') {
      if (chunk.removals?.length) throw new Error('a first generation has nothing to remove');
      await db.table<FeedTableRow>(chunk.list).bulkPut(rows);
    } else {
      const keys = chunk.upserts?.length ? keysOf(chunk.list, rows) : [];
      const staged: StagedRow[] = rows.map((row, i) => ({
        feedId,
        list: chunk.list,
        key: keys[i]!,
        row,
      }));
      for (const key of chunk.removals ?? []) staged.push({ feedId, list: chunk.list, key });
      await db.syncStaging.bulkPut(staged);
    }
    await db.syncSources.put({ ...source, pending: { ...current, chunksDone: index + 1 } });
  });
}

export interface GenerationSwitch {
  url: string;
  owner: string;
  pending: PendingGeneration;
  feedRow: FeedRow;
  fingerprint: FingerprintLists;
  validators: FeedValidators;
  /** Other feeds to remove in the same transaction (the demo; this URL's previous feed id). */
  retire: readonly string[];
  now?: Date;
}

/** Makes the pending generation the active one in one transaction. */
export async function switchGeneration(db: ConstellationDB, s: GenerationSwitch): Promise<void> {
  const { feedId } = s.pending;
  await db.transaction('rw', generationTables(db), async () => {
    await checkLease(db, s.url, s.owner);
    const source = await getSource(db, s.url);
    const current = source.pending;
    if (
      !current ||
      current.generation !== s.pending.generation ||
      current.chunksDone !== current.chunkCount
    ) {
      throw new GenerationLostError('the pending generation is not complete');
    }
    if (current.mode === 'staged') {
      const range = stagingRange(db, feedId);
      const staged = await range.toArray();
      const byList = new Map<FeedList, { puts: FeedTableRow[]; deletes: string[][] }>();
      for (const item of staged) {
        let entry = byList.get(item.list);
        if (!entry) byList.set(item.list, (entry = { puts: [], deletes: [] }));
        if (item.row) entry.puts.push(item.row);
        else entry.deletes.push(rowPrimaryKey(item.list, feedId, item.key));
      }
      for (const [list, { puts, deletes }] of byList) {
        const table = db.table<FeedTableRow, string[]>(list);
        if (deletes.length) await table.bulkDelete(deletes);
        if (puts.length) await table.bulkPut(puts);
      }
      await range.delete();
    }
    for (const other of s.retire) {
      if (other === feedId) continue;
      await deleteFeedRows(db, other);
      await db.feeds.delete(other);
      await db.syncFingerprints.delete(other);
    }
    // Counted from the rows just made visible (kept versions of faulty records included).
    await db.feeds.put({ ...s.feedRow, membersOnly: await membersOnlyOfFeed(db, feedId) });
    await db.syncFingerprints.put({ feedId, lists: packFingerprint(s.fingerprint) });
    const next: SyncSourceRow = {
      url: s.url,
      feedId,
      generation: current.generation,
      generatedAt: s.feedRow.generatedAt,
      digest: current.digest,
      validators: s.validators,
      switchedAt: (s.now ?? new Date()).toISOString(),
    };
    await db.syncSources.put(next);
  });
}

/** Drops the pending generation's rows (after a refusal, quota error or a new document). */
export async function discardPending(db: ConstellationDB, url: string): Promise<void> {
  await db.transaction('rw', generationTables(db), async () => {
    const source = await db.syncSources.get(url);
    if (!source?.pending) return;
    await discardRows(db, source.pending);
    const { pending: _dropped, ...rest } = source;
    await db.syncSources.put(rest);
  });
}

/** Stores the validators of a not-modified answer (a 200 with the same bytes may bring new ones). */
export async function recordValidators(
  db: ConstellationDB,
  url: string,
  validators: FeedValidators,
): Promise<void> {
  await db.transaction('rw', db.syncSources, async () => {
    const source = await db.syncSources.get(url);
    if (
      source &&
      (source.validators.etag !== validators.etag ||
        source.validators.lastModified !== validators.lastModified)
    )
      await db.syncSources.put({ ...source, validators });
  });
}

export async function discardRows(db: ConstellationDB, pending: PendingGeneration): Promise<void> {
  if (pending.mode === 'staged') await stagingRange(db, pending.feedId).delete();
  else if (!(await db.feeds.get(pending.feedId))) await deleteFeedRows(db, pending.feedId);
}

export function stagingRange(db: ConstellationDB, feedId: string) {
  return db.syncStaging
    .where('[feedId+list+key]')
    .between([feedId, Dexie.minKey, Dexie.minKey], [feedId, Dexie.maxKey, Dexie.maxKey]);
}

async function checkLease(db: ConstellationDB, url: string, owner: string): Promise<void> {
  const lease = await db.syncLeases.get(url);
  if (!lease || lease.owner !== owner) {
    throw new GenerationLostError('this sync no longer holds the feed’s lease');
  }
}

export function generationTables(db: ConstellationDB): Dexie.Table[] {
  return [
    db.feeds,
    ...FEED_TABLES.map((name) => db[name] as Dexie.Table),
    db.syncSources,
    db.syncStaging,
    db.syncFingerprints,
    db.syncLeases,
  ];
}

const NO_RECORDS = {
  units: [],
  people: [],
  topics: [],
  communities: [],
  memberships: [],
  expertise: [],
};

/** Rows of some records of one list, derived exactly as a whole-feed ingest derives them. */
function rowsOf(feedId: string, list: FeedList, records: readonly unknown[]): FeedTableRow[] {
  const part = { ...NO_RECORDS, feedId, [list]: records } as unknown as Feed;
  return feedRows(part)[list];
}

function keysOf(list: FeedList, rows: readonly FeedTableRow[]): string[] {
  return rows.map((row) => recordKey(list, row));
}
