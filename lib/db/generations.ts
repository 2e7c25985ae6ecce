// Chunked, resumable generations of a feed, and the one transaction that switches a feed to
// its new generation. A generation is the feed's whole content as packs (lib/db/packs.ts)
// under a generation number of its own; readers see only the generation the feed's `feeds`
// row names (lib/db/packed.ts), so the packs of a generation being written are invisible
// until the switch writes that row, and the switch removes the previous generation's packs
// in the same transaction. Readers never see a half-applied feed.
// Every chunk (a run of packs) advances the checkpoint (`pending.chunksDone`) in the chunk's
// own transaction, so a worker killed mid-sync resumes at the next chunk; packs are planned
// in a fixed order from the same document, and bulkPut by primary key never duplicates one.
// A whole document's packs are planned as they are written, so its chunk count is recorded
// by the last chunk's transaction; a generation is switched to only once that count is set.
// Each write checks the lease (fencing), so a sync that lost its lease stops.
import Dexie from 'dexie';
import type { ConstellationDB } from './database';
import { deleteFeedRows } from './ingest';
import { packRange, readPacks } from './packed';
import { FEED_LISTS, type FeedList } from '../model/lists';
import { recordKey, type Keyed } from '../feed/record-hash';
import type { FeedRows } from './rows';
import { nextGen, storedRow, type PlannedPack } from './packs';
import type { FeedRow, MembersOnlyCount } from './schema';
import type {
  FeedValidators,
  FingerprintRow,
  PendingGeneration,
  SyncSourceRow,
} from './sync-schema';
import { StoredFingerprint } from './fingerprints';

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
  /** `overlay` mode: the generation the layer lies over. */
  base?: number;
  /**
   * The chunks to write, when planned before writing; absent when the packs are planned as
   * they are written (a whole document's, `packStream`): the last chunk's write then records
   * the count, and `plan` says which planning a resumed sync must repeat.
   */
  chunkCount?: number;
  plan?: string;
  owner: string;
  now?: Date;
}

/**
 * The planning of a whole document's packs as they are written (`packStream`, then
 * `chunksOf`): a pending generation written by another planning (an older version of the
 * extension) is not resumed, since its chunks may be cut elsewhere.
 */
export const STREAMED_PLAN = 'packStream/1';

/**
 * Opens the generation to write, resuming the pending one when it is the same document (same
 * digest, feed id, mode and plan: the same chunk count, or the same streamed planning);
 * otherwise the pending one is discarded first.
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
      p.base === start.base &&
      (start.chunkCount !== undefined
        ? p.chunkCount === start.chunkCount
        : p.plan !== undefined && p.plan === start.plan)
    ) {
      return p;
    }
    if (p) await discardRows(db, p);
    const visible = await db.feeds.get(start.feedId);
    // Packs of an abandoned first generation may linger under this feed id: clear them.
    if (!visible) await deleteFeedRows(db, start.feedId);
    const pending: PendingGeneration = {
      generation: source.generation + 1,
      gen: nextGen(Math.max(visible?.gen ?? 0, p?.gen ?? 0), (start.now ?? new Date()).getTime()),
      feedId: start.feedId,
      mode: start.mode,
      ...(start.base !== undefined ? { base: start.base } : {}),
      digest: start.digest,
      ...(start.chunkCount !== undefined ? { chunkCount: start.chunkCount } : {}),
      ...(start.plan !== undefined ? { plan: start.plan } : {}),
      chunksDone: 0,
      startedAt: (start.now ?? new Date()).toISOString(),
    };
    await db.syncSources.put({ ...source, pending });
    return pending;
  });
}

/**
 * Writes chunk `index` (a run of packs) of the pending generation and advances the checkpoint,
 * atomically; `last` also records the chunk count of a generation planned as it is written.
 */
export async function writeChunk(
  db: ConstellationDB,
  url: string,
  owner: string,
  pending: PendingGeneration,
  index: number,
  chunk: readonly PlannedPack[],
  last = false,
): Promise<void> {
  const { feedId, gen } = pending;
  await db.transaction('rw', db.syncSources, db.syncLeases, db.packs, async () => {
    await checkLease(db, url, owner);
    const source = await getSource(db, url);
    const current = source.pending;
    if (!current || current.generation !== pending.generation || current.chunksDone !== index) {
      throw new GenerationLostError('the pending generation changed under this sync');
    }
    await db.packs.bulkPut(chunk.map((pack) => storedRow(pack, feedId, gen)));
    const done = index + 1;
    if (
      current.chunkCount !== undefined &&
      (index >= current.chunkCount || (last && current.chunkCount !== done))
    )
      throw new GenerationLostError('the generation was planned with another chunk count');
    await db.syncSources.put({
      ...source,
      pending: { ...current, chunksDone: done, ...(last ? { chunkCount: done } : {}) },
    });
  });
}

/**
 * Cuts a generation's packs into chunks of about `size` items each, in plan order (a resumed
 * sync cuts the same document into the same chunks).
 */
export function chunkPacks(packs: readonly PlannedPack[], size: number): PlannedPack[][] {
  return [...chunksOf(packs, size)];
}

/** `chunkPacks` as the packs come: each chunk is cut once its last pack is planned. */
export function* chunksOf(
  packs: Iterable<PlannedPack>,
  size: number,
): Generator<PlannedPack[], void, undefined> {
  let current: PlannedPack[] = [];
  let items = 0;
  for (const pack of packs) {
    current.push(pack);
    items += pack.items.length;
    if (items >= size) {
      yield current;
      current = [];
      items = 0;
    }
  }
  if (current.length > 0) yield current;
}

export interface GenerationSwitch {
  url: string;
  owner: string;
  pending: PendingGeneration;
  feedRow: FeedRow;
  /** Members-only communities of the new generation and their membership counts. */
  membersOnly: MembersOnlyCount[];
  /** The new fingerprint: whole (in its stored form), or the stored one with a change's layer. */
  fingerprint: FingerprintRow['lists'] | StoredFingerprint;
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
      current.chunkCount === undefined ||
      current.chunksDone !== current.chunkCount
    ) {
      throw new GenerationLostError('the pending generation is not complete');
    }
    // The previous generations' packs go in the same transaction that hides them; a layer
    // keeps the generation it lies over.
    await deleteGenerationsExcept(
      db,
      feedId,
      current.base === undefined ? [current.gen] : [current.base, current.gen],
    );
    for (const other of s.retire) {
      if (other === feedId) continue;
      await deleteFeedRows(db, other);
      await db.feeds.delete(other);
      await db.syncFingerprints.delete(other);
      await db.syncFingerprintLayers.delete(other);
    }
    const { base: _previousBase, ...row } = s.feedRow;
    await db.feeds.put({
      ...row,
      gen: current.gen,
      ...(current.base !== undefined ? { base: current.base } : {}),
      membersOnly: s.membersOnly,
    });
    if (s.fingerprint instanceof StoredFingerprint) {
      // A changes landing: only what changed since the whole fingerprint, which must still be
      // the one it was read over.
      const whole = await wholeFingerprintGen(db, feedId);
      if (!whole.stored || whole.gen !== s.fingerprint.over)
        throw new GenerationLostError('the stored fingerprint changed under this sync');
      await db.syncFingerprintLayers.put(s.fingerprint.layerRow(feedId));
    } else {
      await db.syncFingerprints.put({
        feedId,
        gen: current.gen,
        lists: s.fingerprint,
      });
      await db.syncFingerprintLayers.delete(feedId);
    }
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

/** Deletes every generation of a feed's packs but those in `keep` (inside a transaction). */
async function deleteGenerationsExcept(
  db: ConstellationDB,
  feedId: string,
  keep: readonly number[],
): Promise<void> {
  const MIN = Dexie.minKey;
  const MAX = Dexie.maxKey;
  // The gaps between the kept generations: before the first, between two, after the last.
  let lower: unknown[] = [feedId, MIN, MIN, MIN];
  for (const gen of [...keep].sort((a, b) => a - b)) {
    await db.packs
      .where('[feedId+gen+list+first]')
      .between(lower, [feedId, gen, MIN, MIN])
      .delete();
    lower = [feedId, gen, MAX, MAX];
  }
  await db.packs.where('[feedId+gen+list+first]').between(lower, [feedId, MAX, MAX, MAX]).delete();
}

export async function discardRows(db: ConstellationDB, pending: PendingGeneration): Promise<void> {
  await packRange(db, pending.feedId, pending.gen).delete();
}

/**
 * The stored rows of a visible feed under these record keys ("id", or "person\u0000community"
 * / "person\u0000topic"), per list: the previous versions of records a new document left
 * out as invalid, which the new generation keeps (FEED-V1 rules).
 */
export async function storedRowsByKey(
  db: ConstellationDB,
  feedId: string,
  keys: Record<FeedList, readonly string[]>,
): Promise<FeedRows> {
  return readPacks(db, async (r) => {
    const out = {} as Record<FeedList, unknown[]>;
    for (const list of FEED_LISTS) {
      const found = await Promise.all(
        keys[list].map(async (key) => {
          // The group is the record's id, or a pair's person: U+0000 joins a pair's ends, but
          // an id may hold one too, so each place it occurs may be where the group ends.
          for (let at = key.indexOf('\u0000'); ; at = key.indexOf('\u0000', at + 1)) {
            const group = await r.group<Keyed>(list, feedId, at < 0 ? key : key.slice(0, at));
            const row = group.find((stored) => recordKey(list, stored) === key);
            if (row || at < 0) return row;
          }
        }),
      );
      out[list] = found.filter((row) => row !== undefined);
    }
    return out as unknown as FeedRows;
  });
}

/**
 * Whether a feed has a whole fingerprint and the generation it names, from keys alone (the
 * primary key and the `gen` index): the row itself is not read.
 */
async function wholeFingerprintGen(
  db: ConstellationDB,
  feedId: string,
): Promise<{ stored: boolean; gen: number | undefined }> {
  if ((await db.syncFingerprints.where(':id').equals(feedId).count()) === 0)
    return { stored: false, gen: undefined };
  let gen: number | undefined;
  await db.syncFingerprints.orderBy('gen').eachKey((key, cursor) => {
    if (cursor.primaryKey === feedId) gen = key as number;
  });
  return { stored: true, gen };
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
    db.packs,
    db.syncSources,
    db.syncStaging,
    db.syncFingerprints,
    db.syncFingerprintLayers,
    db.syncLeases,
  ];
}
