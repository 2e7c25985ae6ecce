// Writing a generation's chunks (lib/feed/write-generation.ts): every chunk from the checkpoint
// on lands once, progress counts records, and a chunk is let go of once written (or skipped
// by a resume), so a large directory's records can be collected while the rest is written.
import { describe, expect, it } from 'vitest';
import { chunkPacks, openGeneration, writeChunk } from '../../../lib/db/generations';
import { planPacks } from '../../../lib/db/packs';
import { feedRecords } from '../../../lib/db/rows';
import { acquireLease } from '../../../lib/db/sync-lease';
import type { SyncProgress } from '../../../lib/feed/sync';
import { writeChunks } from '../../../lib/feed/write-generation';
import { emptyTestDb, parsedFeed } from '../../fixtures/test-db';

const URL_A = 'https://feeds.acme.example/main.json';

async function opened(chunkCount: number) {
  const db = emptyTestDb();
  await acquireLease(db, URL_A, 'w');
  const pending = await openGeneration(db, {
    url: URL_A,
    feedId: 'acme-main',
    digest: 'x',
    mode: 'direct',
    chunkCount,
    owner: 'w',
  });
  return { db, pending };
}

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
    );
    expect(done.chunksDone).toBe(chunks.length);
    expect(chunks.every((chunk) => chunk === undefined)).toBe(true);
    expect(await db.packs.count()).toBe(before + written);
  });
});
