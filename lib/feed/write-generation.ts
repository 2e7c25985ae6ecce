// Writing a generation's chunks, shared by a document's whole generation (sync.ts) and a
// changes file's layer (land-changes.ts): each chunk in its own transaction with the
// checkpoint (lib/db/generations.ts), the lease renewed after each, progress in records.
import { renewLease } from '../db/sync-lease';
import { GenerationLostError, writeChunk } from '../db/generations';
import { feedRows } from '../db/feeds';
import type { ConstellationDB } from '../db/database';
import { INDEX_LISTS, type PlannedPack } from '../db/packs';
import type { PendingGeneration } from '../db/sync-schema';
import { FEED_LISTS } from '../model/feed';
import type { SyncDeps, SyncProgress } from './sync';

/**
 * Items (records, their second orderings and index entries) per chunk of packs: ~80 chunks at
 * 100,000 people, each its own transaction with the checkpoint.
 */
export const DEFAULT_CHUNK_SIZE = 25_000;

/**
 * Writes the chunks of a generation from its checkpoint on, renewing the lease after each
 * (a sync that lost it stops), and reports progress in records (`recordCount` of them in all
 * the chunks). The chunks are taken one at a time: a stream (`chunksOf(packStream(…))`) plans
 * each only when the one before is written, and an array has each slot emptied once written,
 * so that what a chunk holds can be collected while the rest is written. The chunks before
 * the checkpoint are planned again and skipped. The last chunk's write records the count.
 */
export async function writeChunks(
  deps: SyncDeps,
  url: string,
  opened: PendingGeneration,
  chunks: Iterable<readonly PlannedPack[]>,
  recordCount: number,
): Promise<PendingGeneration> {
  const { db, owner } = deps;
  const now = deps.now ?? Date.now;
  let pending = opened;
  let recordsDone = 0;
  let index = 0;
  const taken = takeEach(chunks)[Symbol.iterator]();
  // One chunk ahead, so that the last one's write knows it is the last.
  let next = taken.next();
  // A generation planned as it is written records its count with its last chunk: with nothing
  // to write, it writes one empty chunk.
  if (next.done && pending.chunkCount === undefined) next = { done: false, value: [] };
  while (!next.done) {
    const chunk = next.value;
    next = taken.next();
    if (index < pending.chunksDone) {
      recordsDone += recordsIn(chunk);
      index++;
      continue;
    }
    await writeChunk(db, url, owner, pending, index, chunk, next.done === true);
    recordsDone += recordsIn(chunk);
    index++;
    pending = {
      ...pending,
      chunksDone: index,
      ...(next.done ? { chunkCount: index } : {}),
    };
    if (!(await renewLease(db, url, owner, { now: now() })))
      throw new GenerationLostError('this sync lost the feed’s lease');
    const indexesDone = indexListsWritten(chunk, next.done === true);
    await progress(deps, {
      url,
      phase: 'writing',
      chunksDone: index,
      chunkCount: pending.chunkCount ?? 0,
      recordsDone,
      recordCount,
      ...(indexesDone !== undefined ? { indexesDone } : {}),
    });
  }
  if (index !== pending.chunksDone || pending.chunkCount !== index)
    throw new GenerationLostError(
      `the generation was written in ${pending.chunkCount ?? pending.chunksDone} chunks; this sync planned ${index}`,
    );
  return pending;
}

/** The chunks one at a time; an array's slot is emptied once its chunk is taken. */
function* takeEach(
  chunks: Iterable<readonly PlannedPack[]>,
): Generator<readonly PlannedPack[], void, undefined> {
  if (!Array.isArray(chunks)) {
    yield* chunks;
    return;
  }
  const list = chunks as (readonly PlannedPack[] | undefined)[];
  for (let i = 0; i < list.length; i++) {
    const chunk = list[i]!;
    list[i] = undefined;
    yield chunk;
  }
}

const INDEX_ORDER: ReadonlyMap<string, number> = new Map(INDEX_LISTS.map((list, i) => [list, i]));

/**
 * Index lists written once `chunk` is (lists come in `INDEX_LISTS` order, after the records;
 * the list the chunk ends in may go on in the next), or undefined before the first.
 */
function indexListsWritten(chunk: readonly PlannedPack[], last: boolean): number | undefined {
  const at = INDEX_ORDER.get(chunk.at(-1)?.list ?? '');
  if (at === undefined) return undefined;
  return last ? INDEX_LISTS.length : at;
}

/** Records (the feed's lists' items, not index entries or second orderings) in chunks. */
export function recordsInChunks(chunks: readonly (readonly PlannedPack[])[]): number {
  let n = 0;
  for (const chunk of chunks) n += recordsIn(chunk);
  return n;
}

/** Records (not index entries or second orderings) in a chunk of packs: what progress counts. */
function recordsIn(chunk: readonly PlannedPack[]): number {
  let n = 0;
  for (const pack of chunk) if (PRIMARY_LISTS.has(pack.list)) n += pack.items.length;
  return n;
}

const PRIMARY_LISTS: ReadonlySet<string> = new Set(FEED_LISTS);

export async function progress(deps: SyncDeps, p: SyncProgress): Promise<void> {
  await deps.onProgress?.(p);
}

/** The demo feeds a landing real feed retires (in the switch's transaction). */
export async function demoFeedIds(db: ConstellationDB): Promise<string[]> {
  return (await feedRows(db)).filter((f) => f.source === 'demo').map((f) => f.feedId);
}
