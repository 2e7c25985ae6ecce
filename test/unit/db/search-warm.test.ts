// The search box's warm-up (lib/db/search.ts `warmSearch`, lib/db/packed.ts `warm`): once it
// has run, a keystroke asks the database for nothing but the people's packs, answers exactly
// what it answers without the warm-up (on a whole generation and on a layer of changes over
// it), and a list that would take more than the warm-up's share of the memory is not read.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { ConstellationDB } from '../../../lib/db/database';
import { readPacks } from '../../../lib/db/packed';
import { forgetPacks, shareOfBudget } from '../../../lib/db/pack-memory';
import type { PackList } from '../../../lib/db/packs';
import { ANONYMOUS } from '../../../lib/db/queries';
import { warmSearch } from '../../../lib/db/search';
import { finderResults } from '../../../lib/db/views';
import { generateSyntheticFeed } from '../../../lib/demo/synthetic';
import { syncFeed } from '../../../lib/feed/sync';
import type { FeedInput } from '../../../lib/model/feed';
import { emptyTestDb, reopenTestDb } from '../../fixtures/test-db';
import { servePublicationWithChanges } from '../feed/changes-publication';
import { FakeFeedServer, syncDeps } from '../feed/fake-server';

const URL = 'https://feeds.acme.example/main.json';
const TARGET = { url: URL, label: 'Acme', intervalMinutes: 60 };

/** The lists of the packs asked of the database (by key or by range) while `fn` runs. */
async function listsRead(db: ConstellationDB, fn: () => Promise<unknown>): Promise<Set<string>> {
  const lists = new Set<string>();
  const bulkGet = vi.spyOn(db.packs, 'bulkGet');
  const where = vi.spyOn(db.packs, 'where');
  try {
    await fn();
    for (const [keys] of bulkGet.mock.calls) for (const key of keys) lists.add(key[2]);
    // A range read (a directory, a lone lookup, a layer, a whole list) names no keys: counted.
    if (where.mock.calls.length > 0) lists.add('(a range)');
  } finally {
    bulkGet.mockRestore();
    where.mockRestore();
  }
  return lists;
}

const QUERIES = ['a', 'e', 'in', 'ro', 'z', 'x y', 'sara'];

async function answers(db: ConstellationDB) {
  const out: unknown[] = [];
  for (const query of QUERIES) out.push(await finderResults(db, query, ANONYMOUS));
  return out;
}

async function syncedDb(): Promise<{ db: ConstellationDB; server: FakeFeedServer; v1: string }> {
  const base: FeedInput = generateSyntheticFeed({ people: 1500, seed: 5, feedId: 'acme-main' });
  const server = new FakeFeedServer();
  const db = emptyTestDb();
  const v1 = JSON.stringify(base);
  servePublicationWithChanges(server, URL, v1);
  expect((await syncFeed(syncDeps(db, server), TARGET)).outcome).toBe('updated');
  return { db, server, v1 };
}

beforeEach(() => forgetPacks());

describe('the search warm-up', () => {
  it('leaves a keystroke only the people’s packs to read, and changes no answer', async () => {
    const { db } = await syncedDb();
    const cold = await answers(db);

    forgetPacks();
    const warmed = reopenTestDb(db);
    expect(await warmSearch(warmed)).toEqual([
      'topics.tokens',
      'communities.tokens',
      'topics',
      'communities',
      'units',
    ]);
    for (const query of QUERIES) {
      const read = await listsRead(warmed, () => finderResults(warmed, query, ANONYMOUS));
      for (const list of read)
        expect(['people', 'people.tokens'], `${query}: ${list}`).toContain(list);
    }
    forgetPacks();
    expect(await answers(reopenTestDb(db))).toEqual(cold);
    const again = reopenTestDb(db);
    await warmSearch(again);
    expect(await answers(again)).toEqual(cold);
  });

  it('answers the same on a layer of changes, the layer read with the lists', async () => {
    const { db, server, v1 } = await syncedDb();
    const next = JSON.parse(v1) as FeedInput;
    next.generatedAt = '2026-11-02T09:00:00Z';
    next.topics[0]!.label = 'Zymurgy at scale';
    next.communities[1]!.name = 'Zither makers';
    next.people[2]!.name = 'Zoë Renamed';
    servePublicationWithChanges(server, URL, JSON.stringify(next), [v1]);
    const report = await syncFeed(syncDeps(db, server), TARGET);
    expect(report).toMatchObject({ outcome: 'updated', delivery: { via: 'changes' } });
    expect((await db.feeds.toArray())[0]!.base).toBeDefined();

    forgetPacks();
    const cold = await answers(reopenTestDb(db));
    const zCold = await finderResults(reopenTestDb(db), 'z', ANONYMOUS);
    forgetPacks();
    const warmed = reopenTestDb(db);
    await warmSearch(warmed);
    const read = await listsRead(warmed, () => finderResults(warmed, 'zither', ANONYMOUS));
    expect([...read].filter((list) => !list.startsWith('people'))).toEqual([]);
    expect(await answers(warmed)).toEqual(cold);
    expect(await finderResults(warmed, 'z', ANONYMOUS)).toEqual(zCold);
    // The layer's renamed rows are found, through the warmed lists and the people's packs.
    const found = async (query: string) =>
      (await finderResults(warmed, query, ANONYMOUS)).map((r) =>
        r.kind === 'topic'
          ? r.topic.label
          : r.kind === 'community'
            ? r.community.name
            : r.person.name,
      );
    expect(await found('zymurgy')).toEqual(['Zymurgy at scale']);
    expect(await found('zither')).toEqual(['Zither makers']);
    expect(await found('zoë ren')).toEqual(['Zoë Renamed']);
  });

  it('reads a list whole only while it fits in its share of the memory', async () => {
    const { db } = await syncedDb();
    const gen = (await db.feeds.toArray())[0]!.gen!;
    const packsOf = (list: PackList) =>
      db.packs
        .where('[feedId+gen+list+first]')
        .between(['acme-main', gen, list, ''], ['acme-main', gen, list, '\uffff'])
        .count();
    const topicsTokens = shareOfBudget('topics.tokens', await packsOf('topics.tokens'));
    const communitiesTokens = shareOfBudget(
      'communities.tokens',
      await packsOf('communities.tokens'),
    );
    expect(topicsTokens).toBeGreaterThan(0);
    expect(communitiesTokens).toBeGreaterThan(0);
    const whole: PackList[] = ['topics.tokens', 'people', 'communities.tokens'];
    // Room for the first list and the third, not for the people between them.
    const share = topicsTokens + communitiesTokens;
    expect(shareOfBudget('people', await packsOf('people'))).toBeGreaterThan(share);
    forgetPacks();
    const fresh = reopenTestDb(db);
    expect(await readPacks(fresh, (r) => r.warm([], whole, share))).toEqual([
      'topics.tokens',
      'communities.tokens',
    ]);
    const read = await listsRead(fresh, () =>
      readPacks(fresh, (r) => r.prefix('communities.tokens', '', Infinity)),
    );
    expect(read).toEqual(new Set());
    expect(await readPacks(reopenTestDb(db), (r) => r.warm([], whole, share / 4))).toEqual([]);
  });
});
