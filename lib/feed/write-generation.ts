// Writing a generation's chunks, shared by a document's whole generation (sync.ts) and a
// changes file's layer (land-changes.ts): each chunk in its own transaction with the
// checkpoint (lib/db/generations.ts), the lease renewed after each, progress in records.
import { renewLease } from '../db/sync-lease';
import { GenerationLostError, writeChunk } from '../db/generations';
import { feedRows } from '../db/feeds';
import type { ConstellationDB } from '../db/database';
import type { PlannedPack } from '../db/packs';
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
 * (a sync that lost it stops), and reports progress in records. Each chunk is let go of once
 * written (its slot in `chunks` emptied), so that what it holds can be collected while the
 * rest is written.
 */
export async function writeChunks(
  deps: SyncDeps,
  url: string,
  opened: PendingGeneration,
  chunks: (readonly PlannedPack[] | undefined)[],
): Promise<PendingGeneration> {
  const { db, owner } = deps;
  const now = deps.now ?? Date.now;
  const recordCount = chunks.reduce((n, c) => n + recordsIn(c ?? []), 0);
  const chunkCount = chunks.length;
  let pending = opened;
  let recordsDone = 0;
  for (let index = 0; index < pending.chunksDone; index++) {
    recordsDone += recordsIn(chunks[index] ?? []);
    chunks[index] = undefined;
  }
  for (let index = pending.chunksDone; index < chunkCount; index++) {
    const chunk = chunks[index]!;
    await writeChunk(db, url, owner, pending, index, chunk);
    recordsDone += recordsIn(chunk);
    chunks[index] = undefined;
    pending = { ...pending, chunksDone: index + 1 };
    if (!(await renewLease(db, url, owner, { now: now() })))
      throw new GenerationLostError('this sync lost the feed’s lease');
    await progress(deps, {
      url,
      phase: 'writing',
      chunksDone: index + 1,
      chunkCount,
      recordsDone,
      recordCount,
    });
  }
  return pending;
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
