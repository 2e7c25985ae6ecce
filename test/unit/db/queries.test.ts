import { describe, expect, it, vi } from 'vitest';
import {
  declareMembership,
  follow,
  followedCommunities,
  getMe,
  isFollowing,
  noteFor,
  MAX_NOTE_CHARS,
  saveNote,
  setMe,
  unfollow,
} from '../../../lib/db/local';
import {
  ANONYMOUS,
  communitiesForTopic,
  communitiesOfPerson,
  getCommunity,
  getPerson,
  getTopic,
  membersOfCommunity,
  topExperts,
  peopleByEmail,
  peopleByHandle,
  peopleByName,
  peopleInUnit,
  topicsByName,
  viewerOf,
} from '../../../lib/db/queries';
import { PackReader } from '../../../lib/db/packed';
import { searchCommunities, searchPeople, searchTopics } from '../../../lib/db/search';
import { personSummaries } from '../../../lib/db/summaries';
import { smallTestDb, writeUnlistedFeed } from '../../fixtures/test-db';

const feedId = 'acme-main';
const ids = (rows: { id: string }[]) => rows.map((r) => r.id);

describe('identity lookups', () => {
  it('finds people by handle on a host, case-insensitively', async () => {
    const db = await smallTestDb();
    expect(ids(await peopleByHandle(db, 'GITHUB.com', 'alicec'))).toEqual(['p-alice']);
    expect(ids(await peopleByHandle(db, 'gitlab.com', 'alicec'))).toEqual([]);
    expect(ids(await peopleByHandle(db, 'gitlab.com', 'JMuller'))).toEqual(['p-jose']);
  });

  it('finds people by email and by folded name or alias', async () => {
    const db = await smallTestDb();
    expect(ids(await peopleByEmail(db, 'ALICE.CHEN@acme.example'))).toEqual(['p-alice']);
    expect(ids(await peopleByName(db, 'jose  muller'))).toEqual(['p-jose']);
    expect(ids(await peopleByName(db, 'Pepe Müller'))).toEqual(['p-jose']);
    expect(ids(await peopleByName(db, 'Jose'))).toEqual([]);
    expect(ids(await topicsByName(db, 'K8S'))).toEqual(['t-k8s']);
    expect(ids(await peopleInUnit(db, { feedId, id: 'platform' }))).toEqual(['p-bob', 'p-jose']);
  });
});

describe('communities and members', () => {
  it('lists a person’s communities core first, hiding members-only ones from outsiders', async () => {
    const db = await smallTestDb();
    const alice = { feedId, id: 'p-alice' };
    const anonymous = await communitiesOfPerson(db, alice, ANONYMOUS);
    expect(anonymous.map((x) => [x.community.id, x.membership.participation])).toEqual([
      ['c-sre', 'core'],
    ]);
    await setMe(db, { feedId, id: 'p-carol' });
    const asCarol = await communitiesOfPerson(db, alice, await viewerOf(db));
    expect(
      asCarol.map((x) => [x.community.id, x.membership.participation, x.membership.roles]),
    ).toEqual([
      ['c-sre', 'core', ['day-to-day', 'boundary']],
      ['c-fraud', 'active', []],
    ]);
  });

  it('lists members by participation and name', async () => {
    const db = await smallTestDb();
    const members = await membersOfCommunity(db, { feedId, id: 'c-sre' }, ANONYMOUS);
    expect(members.map((m) => `${m.membership.participation}:${m.person.name}`)).toEqual([
      'core:Alice Chen',
      'active:Bob Okafor',
      'peripheral:José Müller',
    ]);
    expect(await membersOfCommunity(db, { feedId, id: 'c-fraud' }, ANONYMOUS)).toEqual([]);
    expect(await getCommunity(db, { feedId, id: 'c-fraud' }, ANONYMOUS)).toBeUndefined();
  });

  it('a declared local membership also reveals a members-only community', async () => {
    const db = await smallTestDb();
    await declareMembership(db, {
      feedId,
      community: 'c-fraud',
      participation: 'peripheral',
      roles: [],
    });
    const viewer = await viewerOf(db);
    expect(viewer.me).toBeUndefined();
    expect(
      (await membersOfCommunity(db, { feedId, id: 'c-fraud' }, viewer)).map((m) => m.person.id),
    ).toEqual(['p-carol', 'p-alice']);
  });

  it('finds communities for a topic and experts by level', async () => {
    const db = await smallTestDb();
    expect(ids(await communitiesForTopic(db, { feedId, id: 't-k8s' }, ANONYMOUS))).toEqual([
      'c-sre',
    ]);
    expect(ids(await communitiesForTopic(db, { feedId, id: 't-fraud' }, ANONYMOUS))).toEqual([]);
    expect(ids(await communitiesForTopic(db, { feedId: 'other', id: 't-k8s' }, ANONYMOUS))).toEqual(
      [],
    );
    const experts = await topExperts(db, { feedId, id: 't-k8s' });
    expect(experts.map((e) => [e.person.id, e.expertise.level])).toEqual([
      ['p-bob', 5],
      ['p-alice', 4],
    ]);
    // The first one above level 4, or outside Bob: the people of the top level only, or of
    // both.
    const read: string[] = [];
    const { bulkGet } = PackReader.prototype;
    const spy = vi.spyOn(PackReader.prototype, 'bulkGet');
    spy.mockImplementation(function (this: PackReader, list, refs) {
      if (list === 'people') read.push(...refs.map((r) => r.id));
      return bulkGet.call(this, list, refs);
    });
    try {
      const first = await topExperts(db, { feedId, id: 't-k8s' }, { want: 1 });
      expect(first.map((e) => e.person.id)).toEqual(['p-bob']);
      expect(read).toEqual(['p-bob']);
      read.length = 0;
      const notBob = await topExperts(
        db,
        { feedId, id: 't-k8s' },
        { wanted: (p) => p.id !== 'p-bob', want: 1 },
      );
      expect(notBob.map((e) => e.person.id)).toEqual(['p-alice']);
      expect(read).toEqual(['p-alice']);
      expect(await topExperts(db, { feedId, id: 't-k8s' }, { minLevel: 5 })).toHaveLength(1);
    } finally {
      spy.mockRestore();
    }
  });
});

describe('prefix search', () => {
  it('matches every query word as a prefix of a name, alias, email or login token', async () => {
    const db = await smallTestDb();
    expect(ids(await searchPeople(db, 'ali'))).toEqual(['p-alice']);
    expect(ids(await searchPeople(db, 'ali che'))).toEqual(['p-alice']);
    expect(ids(await searchPeople(db, 'chen ali'))).toEqual(['p-alice']);
    expect(ids(await searchPeople(db, 'ali okafor'))).toEqual([]);
    expect(ids(await searchPeople(db, 'JOSE'))).toEqual(['p-jose']);
    expect(ids(await searchPeople(db, 'pepe'))).toEqual(['p-jose']);
    expect(ids(await searchPeople(db, 'bobo'))).toEqual(['p-bob']);
    expect(ids(await searchPeople(db, 'bob.okafor@'))).toEqual(['p-bob']);
    expect(ids(await searchPeople(db, '   '))).toEqual([]);
  });

  it('filters by feed and honours the limit', async () => {
    const db = await smallTestDb();
    expect(ids(await searchPeople(db, 'acme', { limit: 1 }))).toHaveLength(1);
    expect(ids(await searchPeople(db, 'carol', { feedId: 'acme-main' }))).toEqual(['p-carol']);
    expect(ids(await searchPeople(db, 'carol', { feedId: 'other' }))).toEqual([]);
  });

  it('searches communities (respecting visibility) and topics by alias', async () => {
    const db = await smallTestDb();
    expect(ids(await searchCommunities(db, 'gui', ANONYMOUS))).toEqual(['c-sre']);
    expect(ids(await searchCommunities(db, 'fraud', ANONYMOUS))).toEqual([]);
    expect(ids(await searchTopics(db, 'k8'))).toEqual(['t-k8s']);
    expect(ids(await searchTopics(db, 'site rel'))).toEqual(['t-sre']);
  });

  it('summaries resolve unit names and companies', async () => {
    const db = await smallTestDb();
    const people = [...(await searchPeople(db, 'alice')), ...(await searchPeople(db, 'carol'))];
    const [alice, carol] = await personSummaries(db, people);
    expect(alice).toMatchObject({
      unitName: 'Claims Processing',
      company: 'Acme',
      title: 'Senior Claims Analyst',
    });
    expect(carol).toMatchObject({ unitName: 'Globex Consulting', company: 'Globex' });
    expect(carol).not.toHaveProperty('title');
  });
});

describe('local data', () => {
  it('stores me, follows and notes', async () => {
    const db = await smallTestDb();
    expect(await getMe(db)).toBeUndefined();
    await setMe(db, { feedId, id: 'p-bob' });
    expect(await getMe(db)).toEqual({ feedId, id: 'p-bob' });
    await setMe(db, undefined);
    expect(await getMe(db)).toBeUndefined();

    const sre = { feedId, id: 'c-sre' };
    await follow(db, sre);
    expect(await isFollowing(db, sre)).toBe(true);
    expect(await followedCommunities(db)).toEqual([sre]);
    await unfollow(db, sre);
    expect(await isFollowing(db, sre)).toBe(false);

    const bob = { feedId, id: 'p-bob' };
    await saveNote(db, 'person', bob, 'first');
    await saveNote(db, 'person', bob, 'second');
    expect((await noteFor(db, 'person', bob))?.text).toBe('second');
    expect(await db.notes.count()).toBe(1);
    // A note as long as the export's import takes is kept; a longer one is refused, the
    // note before it kept.
    await saveNote(db, 'person', bob, 'x'.repeat(MAX_NOTE_CHARS));
    expect((await noteFor(db, 'person', bob))?.text).toHaveLength(MAX_NOTE_CHARS);
    await expect(saveNote(db, 'person', bob, 'y'.repeat(MAX_NOTE_CHARS + 1))).rejects.toThrow(
      'a note holds at most 20,000 characters; this one has 20,001; shorten it, or keep the rest elsewhere and link to it',
    );
    expect((await noteFor(db, 'person', bob))?.text).toBe('x'.repeat(MAX_NOTE_CHARS));
    await saveNote(db, 'person', bob, '  ');
    expect(await noteFor(db, 'person', bob)).toBeUndefined();
  });
});

describe('visibility of feeds being written', () => {
  it('rows of a feed without a feeds row are invisible to lookups and search', async () => {
    const db = await smallTestDb();
    // Simulate rows written ahead of their feed's final switch.
    const alice = (await getPerson(db, { feedId, id: 'p-alice' }))!;
    const k8s = (await getTopic(db, { feedId, id: 't-k8s' }))!;
    await writeUnlistedFeed(db, 'pending-feed', { people: [alice], topics: [k8s] });
    expect((await peopleByHandle(db, 'github.com', 'alicec')).map((p) => p.feedId)).toEqual([
      feedId,
    ]);
    expect((await peopleByEmail(db, 'alice.chen@acme.example')).map((p) => p.feedId)).toEqual([
      feedId,
    ]);
    expect((await peopleByName(db, 'Alice Chen')).map((p) => p.feedId)).toEqual([feedId]);
    expect((await searchPeople(db, 'alice')).map((p) => p.feedId)).toEqual([feedId]);
    expect((await topicsByName(db, 'k8s')).map((t) => t.feedId)).toEqual([feedId]);
    expect((await searchTopics(db, 'kube')).map((t) => t.feedId)).toEqual([feedId]);
  });
});
