import Dexie from 'dexie';
import { describe, expect, it, vi } from 'vitest';
import { LOCAL_TABLES } from '../../../lib/db/database';
import { removeFeed, replaceFeed } from '../../../lib/db/ingest';
import { declareMembership, follow, saveNote, setMe } from '../../../lib/db/local';
import { dataStatus, peopleByEmail, peopleByHandle, peopleByName } from '../../../lib/db/queries';
import { smallFeed } from '../../fixtures/small-feed';
import { parsedFeed, smallTestDb } from '../../fixtures/test-db';
import { getPerson } from '../../../lib/db/queries';
import { visibleRecords } from '../../../lib/db/packed';

describe('replaceFeed', () => {
  it('stores every record with provenance, found by its derived keys', async () => {
    const db = await smallTestDb();
    const alice = await getPerson(db, { feedId: 'acme-main', id: 'p-alice' });
    expect(alice?.feedId).toBe('acme-main');
    const ids = (people: { id: string }[]) => people.map((p) => p.id);
    expect(ids(await peopleByHandle(db, 'GitHub.com', 'AliceC'))).toEqual(['p-alice']);
    expect(ids(await peopleByHandle(db, 'wiki.acme.example', 'alicechen'))).toEqual(['p-alice']);
    expect(ids(await peopleByEmail(db, 'Alice.Chen@acme.example'))).toEqual(['p-alice']);
    expect(ids(await peopleByName(db, 'ALI  Chén'))).toEqual(['p-alice']);
    // The keys live in the index lists only: a stored record is the feed's record.
    const stored = await db.packs.filter((p) => p.list === 'people').toArray();
    for (const item of stored.flatMap((p) => p.items) as object[]) {
      for (const derived of ['feedId', 'handleKeys', 'emailKeys', 'nameKeys', 'tokens'])
        expect(item).not.toHaveProperty(derived);
    }
    const status = await dataStatus(db);
    expect(status.counts).toEqual({ people: 4, communities: 2, memberships: 5, topics: 3 });
    expect(status.demo).toBe(false);
    expect(status.feeds).toEqual([
      {
        feedId: 'acme-main',
        source: 'url',
        url: 'https://feeds.acme.example/main.json',
        organization: 'Acme Corp',
        generatedAt: '2026-11-20T10:00:00Z',
        ingestedAt: '2026-11-21T08:00:00.000Z',
        gen: expect.any(Number),
        counts: { units: 4, people: 4, topics: 3, communities: 2, memberships: 5, expertise: 3 },
        // c-fraud is members-only, with Carol and Alice.
        membersOnly: [{ community: 'c-fraud', memberships: 2 }],
      },
    ]);
  });

  it('replaces a feed wholly: removed records disappear, other feeds stay', async () => {
    const db = await smallTestDb();
    const other = smallFeed();
    other.feedId = 'globex';
    await replaceFeed(db, parsedFeed(other), { source: 'url' });
    const next = smallFeed();
    next.people = next.people.filter((p) => p.id !== 'p-carol');
    next.memberships = next.memberships.filter((m) => m.person !== 'p-carol');
    next.expertise = next.expertise.filter((e) => e.person !== 'p-carol');
    next.people[0]!.title = 'Claims Lead';
    await replaceFeed(db, parsedFeed(next), { source: 'url' });
    expect(await getPerson(db, { feedId: 'acme-main', id: 'p-carol' })).toBeUndefined();
    expect((await getPerson(db, { feedId: 'acme-main', id: 'p-alice' }))?.title).toBe(
      'Claims Lead',
    );
    expect(await getPerson(db, { feedId: 'globex', id: 'p-carol' })).toBeDefined();
    expect((await visibleRecords(db, 'people')).length).toBe(7);
  });

  it('never touches local data', async () => {
    const db = await smallTestDb();
    await setMe(db, { feedId: 'acme-main', id: 'p-alice' });
    await follow(db, { feedId: 'acme-main', id: 'c-sre' });
    await declareMembership(db, {
      feedId: 'acme-main',
      community: 'c-fraud',
      participation: 'peripheral',
      roles: [],
    });
    await saveNote(db, 'person', { feedId: 'acme-main', id: 'p-bob' }, 'Met at the k8s meetup');
    const before = await Promise.all(LOCAL_TABLES.map((t) => db.table(t).toArray()));
    const empty = smallFeed();
    empty.people = [];
    empty.memberships = [];
    empty.expertise = [];
    await replaceFeed(db, parsedFeed(empty), { source: 'url' });
    await removeFeed(db, 'acme-main');
    const after = await Promise.all(LOCAL_TABLES.map((t) => db.table(t).toArray()));
    expect(after).toEqual(before);
    expect(after.flat()).toHaveLength(4);
  });

  it('rolls back completely when the transaction fails, keeping the previous feed', async () => {
    const db = await smallTestDb();
    const dataGen = (await db.feeds.get('acme-main'))?.gen;
    const next = parsedFeed();
    next.people[0]!.name = 'Changed Name';
    next.units.push({ ...next.units[0]!, id: 'u-new' });
    // The feeds row write fails after the new generation's packs were written.
    vi.spyOn(db.feeds, 'put').mockImplementationOnce(() =>
      Dexie.Promise.reject(new Error('disk full')),
    );
    await expect(replaceFeed(db, next, { source: 'url' })).rejects.toThrow('disk full');
    // Not a pack of the failed generation is left.
    expect(await db.packs.count()).toBe(
      await db.packs.filter((p) => p.gen === (dataGen ?? -1)).count(),
    );
    expect((await getPerson(db, { feedId: 'acme-main', id: 'p-alice' }))?.name).toBe('Alice Chen');
    expect((await visibleRecords(db, 'people')).length).toBe(4);
    expect((await visibleRecords(db, 'units')).length).toBe(4);
  });

  it('removeFeed removes exactly that feed', async () => {
    const db = await smallTestDb();
    const other = smallFeed();
    other.feedId = 'globex';
    await replaceFeed(db, parsedFeed(other), { source: 'url' });
    await removeFeed(db, 'acme-main');
    expect((await dataStatus(db)).feeds.map((f) => f.feedId)).toEqual(['globex']);
    expect((await visibleRecords(db, 'memberships')).length).toBe(5);
    // Not a pack of any generation of that feed is left.
    expect(await db.packs.filter((p) => p.feedId === 'acme-main').count()).toBe(0);
  });
});
