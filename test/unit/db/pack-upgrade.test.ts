// Schema version 5 packs what earlier versions stored one row per record: a user who updates
// the extension keeps every feed and sees it at once, and a half-written generation restarts.
import Dexie from 'dexie';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { ConstellationDB } from '../../../lib/db/database';
import { visibleRecords } from '../../../lib/db/packed';
import {
  ANONYMOUS,
  communitiesOfPerson,
  dataStatus,
  membersOfCommunity,
  peopleByHandle,
} from '../../../lib/db/queries';
import { feedRecords } from '../../../lib/db/rows';
import { searchPeople } from '../../../lib/db/search';
import { parsedFeed } from '../../fixtures/test-db';
import { fromColumns } from '../../../lib/db/pack-columns';

/** The schema as version 4 shipped it (tables only: what the upgrade reads). */
function version4(name: string, indexedDB: IDBFactory): Dexie {
  const db = new Dexie(name, { indexedDB, IDBKeyRange });
  db.version(1).stores({
    feeds: 'feedId',
    units: '[feedId+id], parent',
    people: '[feedId+id], *handleKeys, *emailKeys, *nameKeys, *tokens, [feedId+unit]',
    topics: '[feedId+id], *nameKeys, *tokens',
    communities: '[feedId+id], *topics, *tokens',
    memberships: '[feedId+person+community], [feedId+person], [feedId+community]',
    expertise: '[feedId+person+topic], [feedId+person], [feedId+topic]',
    me: 'key',
    follows: '[feedId+community]',
    myMemberships: '[feedId+community]',
    myExpertise: '[feedId+topic]',
    notes: '++id, [target+feedId+targetId]',
  });
  db.version(2).stores({
    syncSources: 'url',
    syncStaging: '[feedId+list+key]',
    syncFingerprints: 'feedId',
    syncLeases: 'url',
    syncReports: 'url',
  });
  db.version(3).stores({ topicVisits: '[feedId+topic], lastDay' });
  db.version(4).stores({ syncBases: '[url+digest]', syncManifests: 'url' });
  return db;
}

describe('the version 5 upgrade', () => {
  it('packs every stored feed, keeps local data, and drops a half-written generation', async () => {
    const indexedDB = new IDBFactory();
    const old = version4('upgrade-test', indexedDB);
    const rows = feedRecords(parsedFeed());
    await old.table('feeds').put({
      feedId: 'acme-main',
      source: 'url',
      organization: 'Acme Corp',
      generatedAt: '2026-11-20T10:00:00Z',
      ingestedAt: '2026-11-21T08:00:00.000Z',
      counts: { units: 4, people: 4, topics: 3, communities: 2, memberships: 5, expertise: 3 },
    });
    // Version 4 stored each record with its feed id (and, for people, topics and
    // communities, derived keys the upgrade drops: the index lists hold them).
    for (const [table, list] of Object.entries(rows) as [string, object[]][])
      await old
        .table(table)
        .bulkPut(list.map((row) => ({ ...row, feedId: 'acme-main', tokens: ['stale'] })));
    // A first generation of another feed, half written when the update came.
    await old.table('people').put({ ...rows.people[0]!, feedId: 'half' });
    await old.table('syncSources').put({
      url: 'https://half.example/feed.json',
      generation: 0,
      validators: {},
      pending: {
        generation: 1,
        feedId: 'half',
        mode: 'direct',
        digest: 'x',
        chunkCount: 3,
        chunksDone: 1,
        startedAt: '2026-11-21T08:00:00.000Z',
      },
    });
    await old
      .table('me')
      .put({ key: 'me', feedId: 'acme-main', personId: 'p-alice', chosenAt: 'x' });
    old.close();

    const db = new ConstellationDB('upgrade-test', { indexedDB, IDBKeyRange });
    expect((await dataStatus(db)).counts).toEqual({
      people: 4,
      communities: 2,
      memberships: 5,
      topics: 3,
    });
    expect((await peopleByHandle(db, 'github.com', 'AliceC')).map((p) => p.id)).toEqual([
      'p-alice',
    ]);
    expect((await searchPeople(db, 'ali')).map((p) => p.id)).toEqual(['p-alice']);
    expect(
      (await communitiesOfPerson(db, { feedId: 'acme-main', id: 'p-alice' }, ANONYMOUS)).map(
        (c) => c.community.id,
      ),
    ).toEqual(['c-sre']);
    expect(
      (await membersOfCommunity(db, { feedId: 'acme-main', id: 'c-sre' }, ANONYMOUS)).length,
    ).toBeGreaterThan(0);
    expect(await db.me.get('me')).toMatchObject({ personId: 'p-alice' });
    // Nothing of the half-written feed is visible or kept; its sync starts again.
    expect(
      (await visibleRecords(db, 'people')).every(
        (p) => (p as { feedId: string }).feedId === 'acme-main',
      ),
    ).toBe(true);
    expect(await db.packs.filter((p) => p.feedId === 'half').count()).toBe(0);
    // Records are stored as the feed gave them: the old rows' feed id and keys are dropped.
    const stored = (await db.packs.filter((p) => p.list === 'people').toArray()).flatMap(
      (p) => (p.cols ? fromColumns(p.cols) : p.items) as object[],
    );
    expect(stored.length).toBe(4);
    for (const record of stored) {
      expect(record).not.toHaveProperty('tokens');
      expect(record).not.toHaveProperty('feedId');
    }
    expect((await db.syncSources.get('https://half.example/feed.json'))?.pending).toBeUndefined();
    // The old tables are empty.
    expect(await db.table('people').count()).toBe(0);
    expect(await db.table('memberships').count()).toBe(0);
  });
});
