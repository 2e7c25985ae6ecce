// Chunked generations: readers never see a half-applied feed, a sync frozen mid-way (a killed
// worker) is resumed by the next worker at its checkpoint with no duplicates, a sync that lost
// its lease cannot write, garbage is collected, and removing a feed removes exactly its rows.
import { describe, expect, it } from 'vitest';
import type { ConstellationDB } from '../../../lib/db/database';
import { FEED_LISTS } from '../../../lib/model/feed';
import { collectGarbage, removeSource } from '../../../lib/db/generation-cleanup';
import { GenerationLostError, openGeneration, writeChunk } from '../../../lib/db/generations';
import { dataStatus, peopleByEmail, visibleFeedIds } from '../../../lib/db/queries';
import { acquireLease } from '../../../lib/db/sync-lease';
import { generateSyntheticFeed } from '../../../lib/demo/synthetic';
import { syncFeed, type SyncDeps, type SyncProgress } from '../../../lib/feed/sync';
import type { FeedInput } from '../../../lib/model/feed';
import { smallFeed } from '../../fixtures/small-feed';
import { emptyTestDb, writeUnlistedFeed } from '../../fixtures/test-db';
import { FakeFeedServer } from '../feed/fake-server';
import { getPerson } from '../../../lib/db/queries';
import { visibleRecords } from '../../../lib/db/packed';
import type { PersonRow } from '../../../lib/db/schema';
import { packItems } from '../../../lib/db/packs';

const URL_A = 'https://feeds.acme.example/big.json';

function deps(
  db: ConstellationDB,
  server: FakeFeedServer,
  owner: string,
  extra: Partial<SyncDeps> = {},
): SyncDeps {
  return { db, fetch: server.fetch, owner, maxInvalidShare: 0.1, chunkSize: 50, ...extra };
}
const target = { url: URL_A, label: 'Big', intervalMinutes: 60 };

function synthetic(people: number, generatedAt = '2026-11-01T09:00:00Z'): FeedInput {
  return { ...generateSyntheticFeed({ people, seed: 7, feedId: 'big' }), generatedAt };
}

/** Records a reader sees, per feed list. */
async function rowCounts(db: ConstellationDB): Promise<number[]> {
  return Promise.all(FEED_LISTS.map(async (list) => (await visibleRecords(db, list)).length));
}

/** Packs of generations no `feeds` row names (a pending or abandoned generation's). */
async function unlistedPacks(db: ConstellationDB): Promise<number> {
  const gens = new Map((await db.feeds.toArray()).map((f) => [f.feedId, f.gen]));
  return (await db.packs.toArray()).filter((p) => gens.get(p.feedId) !== p.gen).length;
}

/** Starts a sync that freezes (like a killed worker) when it reaches chunk `stopAt`. */
function frozenSync(db: ConstellationDB, server: FakeFeedServer, stopAt: number) {
  let reached!: () => void;
  const frozen = new Promise<void>((resolve) => (reached = resolve));
  void syncFeed(
    deps(db, server, 'worker-dead', {
      onProgress: (p: SyncProgress) =>
        p.phase === 'writing' && p.chunksDone === stopAt
          ? (reached(), new Promise<void>(() => undefined))
          : undefined,
    }),
    target,
  );
  return frozen;
}

describe('generations', () => {
  it('a first generation stays invisible until it is complete, then resumes at its checkpoint', async () => {
    const db = emptyTestDb();
    const server = new FakeFeedServer().serveFeed(URL_A, JSON.stringify(synthetic(120)));
    await frozenSync(db, server, 5);
    expect((await db.syncSources.get(URL_A))?.pending).toMatchObject({
      chunksDone: 5,
      mode: 'direct',
    });
    expect(await unlistedPacks(db)).toBeGreaterThan(0);
    // Readers: no feed, no counts, no people by index.
    expect([...(await visibleFeedIds(db))]).toEqual([]);
    expect((await dataStatus(db)).counts.people).toBe(0);
    const someone = packItems(
      (await db.packs.filter((p) => p.list === 'people').first())!,
    )[0] as PersonRow;
    expect(await peopleByEmail(db, someone.emails[0]!)).toEqual([]);

    const written: number[] = [];
    const report = await syncFeed(
      deps(db, server, 'worker-new', {
        isLeaseAbandoned: async (holder) => holder.owner === 'worker-dead',
        onProgress: (p) => void (p.phase === 'writing' && written.push(p.chunksDone)),
      }),
      target,
    );
    expect(report.outcome).toBe('updated');
    expect(written[0]).toBe(6); // resumed after the 5 chunks already written
    const clean = emptyTestDb();
    await syncFeed(deps(clean, server, 'w'), target);
    expect(await rowCounts(db)).toEqual(await rowCounts(clean));
    expect((await dataStatus(db)).counts).toEqual((await dataStatus(clean)).counts);
  });

  it('a staged generation leaves the previous one serving until the switch', async () => {
    const db = emptyTestDb();
    const server = new FakeFeedServer().serveFeed(URL_A, JSON.stringify(synthetic(120)));
    await syncFeed(deps(db, server, 'w1'), target);
    const before = await dataStatus(db);
    const next = synthetic(120, '2026-11-02T09:00:00Z');
    for (const person of next.people) person.title = 'Renamed';
    next.people = next.people.slice(10);
    const kept = (person: string) => next.people.some((p) => p.id === person);
    const gone =
      10 +
      next.memberships.filter((m) => !kept(m.person)).length +
      (next.expertise ?? []).filter((e) => !kept(e.person)).length;
    next.memberships = next.memberships.filter((m) => kept(m.person));
    next.expertise = (next.expertise ?? []).filter((e) => kept(e.person));
    server.serveFeed(URL_A, JSON.stringify(next));
    await frozenSync(db, server, 2);
    expect(await unlistedPacks(db)).toBeGreaterThan(0);
    expect(await dataStatus(db)).toEqual(before);
    expect(
      (await visibleRecords<PersonRow>(db, 'people')).every((p) => p.title !== 'Renamed'),
    ).toBe(true);

    const report = await syncFeed(
      deps(db, server, 'w2', { isLeaseAbandoned: async () => true }),
      target,
    );
    expect(report.outcome).toBe('updated');
    expect(report.counts).toMatchObject({ changed: 110, removed: gone, added: 0 });
    expect((await visibleRecords(db, 'people')).length).toBe(110);
    expect(
      (await visibleRecords<PersonRow>(db, 'people')).every((p) => p.title === 'Renamed'),
    ).toBe(true);
    expect(await unlistedPacks(db)).toBe(0);
  });

  it('restarts cleanly when the document changed while a generation was pending', async () => {
    const db = emptyTestDb();
    const server = new FakeFeedServer().serveFeed(URL_A, JSON.stringify(synthetic(120)));
    await frozenSync(db, server, 3);
    const smaller = synthetic(60, '2026-11-03T09:00:00Z');
    server.serveFeed(URL_A, JSON.stringify(smaller));
    const report = await syncFeed(
      deps(db, server, 'w2', { isLeaseAbandoned: async () => true }),
      target,
    );
    expect(report.outcome).toBe('updated');
    expect((await visibleRecords(db, 'people')).length).toBe(60);
    expect((await dataStatus(db)).counts.people).toBe(60);
  });

  it('drops a pending generation when the server answers 304 for the active one', async () => {
    const db = emptyTestDb();
    const first = JSON.stringify(synthetic(120));
    const server = new FakeFeedServer().serveFeed(URL_A, first);
    await syncFeed(deps(db, server, 'w1'), target);
    const next = synthetic(120, '2026-11-05T09:00:00Z');
    for (const person of next.people) person.title = 'Renamed';
    server.serveFeed(URL_A, JSON.stringify(next));
    await frozenSync(db, server, 1);
    expect(await unlistedPacks(db)).toBeGreaterThan(0);
    // The publisher reverts: the server serves the active document again.
    server.serveFeed(URL_A, first);
    const report = await syncFeed(
      deps(db, server, 'w2', { isLeaseAbandoned: async () => true }),
      target,
    );
    expect(report).toMatchObject({ outcome: 'not-modified', httpStatus: 304 });
    expect(await unlistedPacks(db)).toBe(0);
    expect((await db.syncSources.get(URL_A))?.pending).toBeUndefined();
  });

  it('a sync that lost its lease cannot write (fencing)', async () => {
    const db = emptyTestDb();
    await acquireLease(db, URL_A, 'old', { now: 0, ttlMs: 10 });
    const pending = await openGeneration(db, {
      url: URL_A,
      feedId: 'acme-main',
      digest: 'x',
      mode: 'direct',
      chunkCount: 2,
      owner: 'old',
    });
    // The lease expired and another worker took it.
    expect(await acquireLease(db, URL_A, 'new', { now: 1000 })).toEqual({ ok: true });
    await expect(
      writeChunk(db, URL_A, 'old', pending, 0, [
        { list: 'units', first: 'u', items: [{ id: 'u', name: 'U' }] },
      ]),
    ).rejects.toBeInstanceOf(GenerationLostError);
    expect((await visibleRecords(db, 'units')).length).toBe(0);
  });

  it('a quota error drops the pending generation and keeps the previous one', async () => {
    const db = emptyTestDb();
    const server = new FakeFeedServer().serveFeed(URL_A, JSON.stringify(synthetic(120)));
    await syncFeed(deps(db, server, 'w1'), target);
    const before = await dataStatus(db);
    const next = synthetic(120, '2026-11-02T09:00:00Z');
    for (const person of next.people) person.title = 'Renamed';
    server.serveFeed(URL_A, JSON.stringify(next));
    const report = await syncFeed(
      deps(db, server, 'w1', {
        onProgress: (p) => {
          if (p.phase === 'writing' && p.chunksDone === 1)
            throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
        },
      }),
      target,
    );
    expect(report.outcome).toBe('failed');
    expect(report.message).toContain('storage quota exceeded');
    expect(await dataStatus(db)).toEqual(before);
    expect(await unlistedPacks(db)).toBe(0);
    expect((await db.syncSources.get(URL_A))?.pending).toBeUndefined();
  });

  it('collects rows no generation owns and removes exactly one feed', async () => {
    const db = emptyTestDb();
    const server = new FakeFeedServer()
      .serveFeed(URL_A, JSON.stringify(smallFeed()))
      .serveFeed('https://b.example/f.json', JSON.stringify({ ...smallFeed(), feedId: 'globex' }));
    await syncFeed(deps(db, server, 'w'), target);
    await syncFeed(deps(db, server, 'w'), { ...target, url: 'https://b.example/f.json' });
    // Orphans: rows of an abandoned feed and a stray staged row.
    const bob = (await getPerson(db, { feedId: 'acme-main', id: 'p-bob' }))!;
    await writeUnlistedFeed(db, 'ghost', { people: [bob] });
    await db.syncStaging.put({ feedId: 'ghost', list: 'people', key: 'x' });
    expect(await collectGarbage(db)).toEqual({ feedIds: ['ghost'] });
    expect((await visibleRecords(db, 'people')).length).toBe(8);
    expect(await unlistedPacks(db)).toBe(0);
    expect(await db.syncStaging.count()).toBe(0);

    expect(await removeSource(db, URL_A)).toBe('acme-main');
    expect([...(await visibleFeedIds(db))]).toEqual(['globex']);
    expect(await rowCounts(db)).toEqual([4, 4, 3, 2, 5, 3]);
    expect(await db.syncSources.get(URL_A)).toBeUndefined();
    expect(await db.syncReports.get(URL_A)).toBeUndefined();
    expect(await db.syncFingerprints.get('acme-main')).toBeUndefined();
  });
});
