// Writing a generation's chunks (lib/feed/write-generation.ts): every chunk from the checkpoint
// on lands once, progress counts records, and a chunk is let go of once written (or skipped
// by a resume), so a large directory's records can be collected while the rest is written.
import { describe, expect, it } from 'vitest';
import {
  chunkPacks,
  chunksOf,
  GenerationLostError,
  openGeneration,
  STREAMED_PLAN,
  writeChunk,
} from '../../../lib/db/generations';
import { packStream, planPacks, storedRow, type PackRow } from '../../../lib/db/packs';
import { feedRecords } from '../../../lib/db/rows';
import { acquireLease } from '../../../lib/db/sync-lease';
import type { SyncProgress } from '../../../lib/feed/sync';
import { recordsInChunks, writeChunks } from '../../../lib/feed/write-generation';
import { FEED_LISTS } from '../../../lib/model/lists';
import { emptyTestDb, parsedFeed } from '../../fixtures/test-db';

const URL_A = 'https://feeds.acme.example/main.json';

/** A generation opened with its chunk count, or (none given) to be planned as it is written. */
async function opened(chunkCount?: number) {
  const db = emptyTestDb();
  await acquireLease(db, URL_A, 'w');
  const pending = await openGeneration(db, {
    url: URL_A,
    feedId: 'acme-main',
    digest: 'x',
    mode: 'direct',
    ...(chunkCount !== undefined ? { chunkCount } : { plan: STREAMED_PLAN }),
    owner: 'w',
  });
  return { db, pending };
}

const deps = (db: ReturnType<typeof emptyTestDb>, onProgress?: (p: SyncProgress) => void) => ({
  db,
  owner: 'w',
  fetch,
  maxInvalidShare: 0.1,
  ...(onProgress ? { onProgress } : {}),
});

const recordCount = () => {
  const rows = feedRecords(parsedFeed());
  return FEED_LISTS.reduce((n, list) => n + rows[list].length, 0);
};

describe('writeChunks', () => {
  it('writes every chunk once and lets each go once written', async () => {
    const chunks = chunkPacks(planPacks(feedRecords(parsedFeed())), 4);
    const total = chunks.flat().length;
    expect(chunks.length).toBeGreaterThan(3);
    const { db, pending } = await opened(chunks.length);
    const seen: SyncProgress[] = [];
    const done = await writeChunks(
      { db, owner: 'w', fetch, maxInvalidShare: 0.1, onProgress: (p) => void seen.push(p) },
      URL_A,
      pending,
      chunks,
      recordsInChunks(chunks),
    );
    expect(done.chunksDone).toBe(chunks.length);
    expect(chunks.every((chunk) => chunk === undefined)).toBe(true);
    expect(await db.packs.count()).toBe(total);
    expect(seen.map((p) => p.chunksDone)).toEqual(chunks.map((_, i) => i + 1));
    expect(seen.at(-1)).toMatchObject({ chunkCount: chunks.length });
    expect(seen.at(-1)!.recordsDone).toBe(seen.at(-1)!.recordCount);
  });

  it('resumes at the checkpoint: chunks already written are skipped and let go', async () => {
    const chunks = chunkPacks(planPacks(feedRecords(parsedFeed())), 4);
    const { db, pending } = await opened(chunks.length);
    // A worker wrote the first two chunks, then was killed.
    let checkpoint = pending;
    for (const index of [0, 1]) {
      await writeChunk(db, URL_A, 'w', checkpoint, index, chunks[index]!);
      checkpoint = { ...checkpoint, chunksDone: index + 1 };
    }
    const before = await db.packs.count();
    const written = chunks.slice(2).flat().length;
    const done = await writeChunks(
      { db, owner: 'w', fetch, maxInvalidShare: 0.1 },
      URL_A,
      checkpoint,
      chunks,
      recordsInChunks(chunks),
    );
    expect(done.chunksDone).toBe(chunks.length);
    expect(chunks.every((chunk) => chunk === undefined)).toBe(true);
    expect(await db.packs.count()).toBe(before + written);
  });

  it('writes packs planned as they come, and the last chunk records the count', async () => {
    const planned = planPacks(feedRecords(parsedFeed()));
    const expectedChunks = chunkPacks(planned, 4).length;
    const { db, pending } = await opened();
    expect(pending.chunkCount).toBeUndefined();
    const seen: SyncProgress[] = [];
    const done = await writeChunks(
      deps(db, (p) => void seen.push(p)),
      URL_A,
      pending,
      chunksOf(packStream(feedRecords(parsedFeed())), 4),
      recordCount(),
    );
    expect(done).toMatchObject({ chunksDone: expectedChunks, chunkCount: expectedChunks });
    expect((await db.syncSources.get(URL_A))!.pending).toMatchObject({
      chunksDone: expectedChunks,
      chunkCount: expectedChunks,
    });
    const stored = await db.packs.toArray();
    const strip = ({ list, first, items, keys, cols }: PackRow) => ({
      list,
      first,
      items,
      ...(keys ? { keys } : {}),
      ...(cols ? { cols } : {}),
    });
    // As planned, in the form packs are stored in (memberships in columns).
    expect(stored.map(strip).sort(byListAndFirst)).toEqual(
      planned.map((p) => strip(storedRow(p, pending.feedId, pending.gen))).sort(byListAndFirst),
    );
    expect(stored.some((p) => p.cols)).toBe(true);
    // The count is known only with the last chunk; progress counts every record.
    expect(seen.slice(0, -1).every((p) => p.chunkCount === 0)).toBe(true);
    expect(seen.at(-1)).toMatchObject({ chunkCount: expectedChunks });
    expect(seen.at(-1)!.recordsDone).toBe(recordCount());
    // After the records, the lookup lists: counted up to all nine with the last chunk.
    const indexes = seen.flatMap((p) => (p.indexesDone === undefined ? [] : [p.indexesDone]));
    expect(indexes.length).toBeGreaterThan(1);
    expect(indexes).toEqual([...indexes].sort((a, b) => a - b));
    expect(seen.at(-1)).toMatchObject({ indexesDone: 9 });
    const firstIndex = seen.findIndex((p) => p.indexesDone !== undefined);
    expect(seen[firstIndex - 1]!.recordsDone).toBe(recordCount());
  });

  it('resumes a generation planned as it is written: the chunks before the checkpoint are planned again and skipped', async () => {
    const { db, pending } = await opened();
    // A worker wrote the first three chunks of its stream, then was killed.
    const first = chunksOf(packStream(feedRecords(parsedFeed())), 4);
    let checkpoint = pending;
    for (const index of [0, 1, 2]) {
      await writeChunk(db, URL_A, 'w', checkpoint, index, first.next().value!);
      checkpoint = { ...checkpoint, chunksDone: index + 1 };
    }
    const reopened = await openGeneration(db, {
      url: URL_A,
      feedId: 'acme-main',
      digest: 'x',
      mode: 'direct',
      plan: STREAMED_PLAN,
      owner: 'w',
    });
    expect(reopened).toMatchObject({ generation: pending.generation, chunksDone: 3 });
    const done = await writeChunks(
      deps(db),
      URL_A,
      reopened,
      chunksOf(packStream(feedRecords(parsedFeed())), 4),
      recordCount(),
    );
    const planned = planPacks(feedRecords(parsedFeed()));
    expect(done.chunkCount).toBe(chunkPacks(planned, 4).length);
    expect(await db.packs.count()).toBe(planned.length);
  });

  it('does not resume a pending generation of another planning', async () => {
    const { db, pending } = await opened();
    await writeChunk(
      db,
      URL_A,
      'w',
      pending,
      0,
      chunkPacks(planPacks(feedRecords(parsedFeed())), 4)[0]!,
    );
    const other = await openGeneration(db, {
      url: URL_A,
      feedId: 'acme-main',
      digest: 'x',
      mode: 'direct',
      plan: 'another planning',
      owner: 'w',
    });
    expect(other.chunksDone).toBe(0);
    expect(other.generation).toBe(pending.generation);
    expect(await db.packs.count()).toBe(0);
  });

  it('refuses to finish a generation whose planned chunk count the stream does not meet', async () => {
    const chunks = chunkPacks(planPacks(feedRecords(parsedFeed())), 4);
    const { db, pending } = await opened(chunks.length + 1);
    await expect(
      writeChunks(deps(db), URL_A, pending, chunks, recordsInChunks(chunks)),
    ).rejects.toBeInstanceOf(GenerationLostError);
    const { db: db2, pending: fewer } = await opened(chunks.length - 1);
    const again = chunkPacks(planPacks(feedRecords(parsedFeed())), 4);
    await expect(
      writeChunks(deps(db2), URL_A, fewer, again, recordsInChunks(again)),
    ).rejects.toBeInstanceOf(GenerationLostError);
  });

  it('a stream with nothing to write still records its count (one empty chunk)', async () => {
    const { db, pending } = await opened();
    const done = await writeChunks(deps(db), URL_A, pending, chunksOf([], 4), 0);
    expect(done).toMatchObject({ chunksDone: 1, chunkCount: 1 });
    expect(await db.packs.count()).toBe(0);
  });
});

function byListAndFirst(a: { list: string; first: string }, b: { list: string; first: string }) {
  return a.list < b.list
    ? -1
    : a.list > b.list
      ? 1
      : a.first < b.first
        ? -1
        : a.first > b.first
          ? 1
          : 0;
}
