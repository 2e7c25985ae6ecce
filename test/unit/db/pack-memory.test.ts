// The decoded packs a context remembers (lib/db/pack-memory.ts): a second read of the same
// packs asks the database nothing, a new generation or any write to the packs is read afresh,
// and the memory stays within its budget.
import { describe, expect, it, vi } from 'vitest';
import { replaceFeed } from '../../../lib/db/ingest';
import { readPacks } from '../../../lib/db/packed';
import { isRemembered, packId, remember } from '../../../lib/db/pack-memory';
import type { PackRow } from '../../../lib/db/packs';
import type { PersonRow } from '../../../lib/db/schema';
import { emptyTestDb, parsedFeed, smallTestDb } from '../../fixtures/test-db';
import { smallFeed } from '../../fixtures/small-feed';
import { packItems } from '../../../lib/db/packs';
import { rewrittenPack } from '../../fixtures/packs';

const FEED = 'acme-main';

function spyOnReads(db: Awaited<ReturnType<typeof smallTestDb>>) {
  const spies = [
    vi.spyOn(db.packs, 'get'),
    vi.spyOn(db.packs, 'bulkGet'),
    vi.spyOn(db.packs, 'where'),
    vi.spyOn(db.feeds, 'toArray'),
  ];
  return {
    packReads: () => spies.slice(0, 3).reduce((n, s) => n + s.mock.calls.length, 0),
    feedReads: () => spies[3]!.mock.calls.length,
    clear: () => spies.forEach((s) => s.mockClear()),
  };
}

describe('remembered packs', () => {
  it('answer a second read without asking the database for packs, or the generations twice', async () => {
    const db = await smallTestDb();
    const ids = smallFeed().people.map((p) => ({ feedId: FEED, id: p.id }));
    const reads = spyOnReads(db);
    const first = await readPacks(db, (r) => r.bulkGet<PersonRow>('people', ids));
    expect(reads.packReads()).toBeGreaterThan(0);
    // Read from the database: the generations were checked again afterwards.
    expect(reads.feedReads()).toBe(2);
    reads.clear();
    const again = await readPacks(db, (r) => r.bulkGet<PersonRow>('people', ids));
    expect(again).toEqual(first);
    expect(again.map((p) => p?.id)).toEqual(ids.map((ref) => ref.id));
    expect(reads.packReads()).toBe(0);
    expect(reads.feedReads()).toBe(1);
  });

  it('are never taken for a new generation of the feed', async () => {
    const db = await smallTestDb();
    const id = smallFeed().people[0]!.id;
    const before = await readPacks(db, (r) => r.get<PersonRow>('people', FEED, id));
    const renamed = smallFeed();
    renamed.people[0]!.title = 'A new title';
    await replaceFeed(db, parsedFeed(renamed), { source: 'url' });
    const after = await readPacks(db, (r) => r.get<PersonRow>('people', FEED, id));
    expect(before?.title).not.toBe('A new title');
    expect(after?.title).toBe('A new title');
  });

  it('are forgotten on any write to the packs, even one that keeps the generation', async () => {
    const db = await smallTestDb();
    const ids = smallFeed().people.map((p) => ({ feedId: FEED, id: p.id }));
    await readPacks(db, (r) => r.bulkGet<PersonRow>('people', ids));
    const gen = (await db.feeds.get(FEED))!.gen!;
    const stored = (await db.packs.toArray()).find(
      (p) => p.feedId === FEED && p.gen === gen && p.list === 'people',
    )!;
    const changed = packItems(stored).map((row) => ({ ...(row as PersonRow), title: 'Rewritten' }));
    await db.packs.put(rewrittenPack(stored, changed));
    const after = await readPacks(db, (r) => r.bulkGet<PersonRow>('people', ids));
    for (const person of after) expect(person?.title).toBe('Rewritten');
  });

  it('stay within the budget, least recently used first out, and never hold a giant pack', () => {
    const db = emptyTestDb();
    const people = (first: string, count: number): PackRow => ({
      feedId: 'f',
      gen: 1,
      list: 'people',
      first,
      items: Array.from({ length: count }, (_, i) => ({ id: `${first}-${i}` })),
    });
    const firsts = Array.from({ length: 200 }, (_, i) => `p-${String(i).padStart(3, '0')}`);
    for (const first of firsts) remember(db, people(first, 128));
    const kept = firsts.filter((first) => isRemembered(db, packId('f', 1, 'people', first)));
    expect(kept.length).toBeGreaterThan(50);
    expect(kept.length).toBeLessThan(200);
    // The most recent ones are kept, the oldest went first.
    expect(kept).toEqual(firsts.slice(-kept.length));
    const giant: PackRow = {
      feedId: 'f',
      gen: 1,
      list: 'people.tokens',
      first: 'nw',
      items: Array.from({ length: 100_000 }, (_, i) => ['nw', `p-${i}`]),
    };
    remember(db, giant);
    expect(isRemembered(db, packId('f', 1, 'people.tokens', 'nw'))).toBe(false);
    expect(isRemembered(db, packId('f', 1, 'people', firsts.at(-1)!))).toBe(true);
  });
});
