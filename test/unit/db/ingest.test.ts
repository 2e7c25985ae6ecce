import { describe, expect, it } from 'vitest';
import { LOCAL_TABLES } from '../../../lib/db/database';
import { removeFeed, replaceFeed } from '../../../lib/db/ingest';
import { declareMembership, follow, saveNote, setMe } from '../../../lib/db/local';
import { dataStatus } from '../../../lib/db/queries';
import { smallFeed } from '../../fixtures/small-feed';
import { parsedFeed, smallTestDb } from '../../fixtures/test-db';

describe('replaceFeed', () => {
  it('stores every record with provenance and derived keys', async () => {
    const db = await smallTestDb();
    const alice = await db.people.get(['acme-main', 'p-alice']);
    expect(alice?.feedId).toBe('acme-main');
    expect(alice?.handleKeys).toEqual(['github.com alicec', 'wiki.acme.example alicechen']);
    expect(alice?.emailKeys).toEqual(['alice.chen@acme.example']);
    expect(alice?.nameKeys).toEqual(['alice chen', 'ali chen']);
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
    expect(await db.people.get(['acme-main', 'p-carol'])).toBeUndefined();
    expect((await db.people.get(['acme-main', 'p-alice']))?.title).toBe('Claims Lead');
    expect(await db.people.get(['globex', 'p-carol'])).toBeDefined();
    expect(await db.people.count()).toBe(7);
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
    const next = parsedFeed();
    next.people[0]!.name = 'Changed Name';
    // Two rows with the same primary key make bulkAdd fail inside the transaction.
    next.units.push({ ...next.units[0]! });
    await expect(replaceFeed(db, next, { source: 'url' })).rejects.toThrow();
    expect((await db.people.get(['acme-main', 'p-alice']))?.name).toBe('Alice Chen');
    expect(await db.people.count()).toBe(4);
    expect(await db.units.count()).toBe(4);
  });

  it('removeFeed removes exactly that feed', async () => {
    const db = await smallTestDb();
    const other = smallFeed();
    other.feedId = 'globex';
    await replaceFeed(db, parsedFeed(other), { source: 'url' });
    await removeFeed(db, 'acme-main');
    expect((await dataStatus(db)).feeds.map((f) => f.feedId)).toEqual(['globex']);
    expect(await db.memberships.count()).toBe(5);
    expect(
      await db.people
        .where('[feedId+id]')
        .between(['acme-main', ''], ['acme-main', '\uffff'])
        .count(),
    ).toBe(0);
  });
});
