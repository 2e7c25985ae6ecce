// Whom a community card names to ask (communityContacts): the same members, in the same order,
// with the same own membership and count, as ordering every member (membersOfCommunity) and
// taking the first of them; a community's core members (membersOfCommunity with a filter,
// reading only their people) as the full list gives them; and a topic card's first core members
// outside a unit (firstMembersOfLevel) as the first of the full list, the same with the
// community's digest as without, and from the digest without reading a membership or a
// person. On random communities
// spread over several packs of people, with names that tie and any mix of roles and
// participation; and a members-only community's card stays refused to a viewer outside it.
import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { annotateCommunityCard } from '../../../lib/background/community-card';
import { replaceFeed } from '../../../lib/db/ingest';
import { PackReader } from '../../../lib/db/packed';
import {
  communityContacts,
  firstMembersOfLevel,
  warmDigests,
  type MemberToAsk,
} from '../../../lib/db/community-digest';
import { membersOfCommunity, type CommunityMember } from '../../../lib/db/queries';
import { ANONYMOUS, type Viewer } from '../../../lib/db/viewer';
import type { FeedInput } from '../../../lib/model/feed';
import { LEADERSHIP_ROLES, PARTICIPATION_LEVELS } from '../../../lib/model/vocabulary';
import { emptyTestDb, parsedFeed, smallTestDb } from '../../fixtures/test-db';

const feedId = 'big';
const isCore = (m: { participation: string }) => m.participation === 'core';
const LIMIT = 5;

/** The card's former answer: every member ordered, then the first with a role or core. */
function expected(members: CommunityMember[], me: string | undefined) {
  const isMe = (m: CommunityMember) => m.person.id === me;
  const contacts = members
    .filter(
      (m) => !isMe(m) && (m.membership.roles.length > 0 || m.membership.participation === 'core'),
    )
    .sort(
      (a, b) =>
        b.membership.roles.length - a.membership.roles.length ||
        a.person.name.localeCompare(b.person.name),
    )
    .slice(0, LIMIT)
    .map(({ person, membership }) => ({
      person: { feedId: person.feedId, id: person.id, name: person.name },
      membership,
    }));
  return { count: members.length, mine: members.find(isMe)?.membership, contacts };
}

/** A feed of one community, "Everyone" (`c`), with these units, people and memberships. */
function everyoneFeed(
  units: FeedInput['units'],
  people: FeedInput['people'],
  memberships: FeedInput['memberships'],
): FeedInput {
  return {
    format: 'constellation-feed',
    version: 1,
    feedId,
    generatedAt: '2026-12-01T00:00:00Z',
    organization: { name: 'Big' },
    units,
    people,
    topics: [],
    communities: [
      {
        id: 'c',
        name: 'Everyone',
        domain: '',
        stage: 'active',
        standing: 'legitimized',
        openToNewcomers: true,
      },
    ],
    memberships,
    expertise: [],
  };
}

/** Members as a listing gives them: without where they work (firstMembersOfLevel's `where`). */
const listed = (members: MemberToAsk[]) =>
  members.map(({ person, membership }) => ({ person, membership }));

const seat = fc.record({
  participation: fc.constantFrom(...PARTICIPATION_LEVELS),
  roles: fc.uniqueArray(fc.constantFrom(...LEADERSHIP_ROLES), { maxLength: 3 }),
});

describe('communityContacts', () => {
  it('names the members a full ordering of every member names', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1, max: 400 }),
        fc.array(fc.tuple(fc.nat(), seat), { maxLength: 300 }),
        fc.option(fc.nat()),
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: -6, max: 6 }),
        async (people, seats, meAt, firstWant, skipEvery) => {
          const names = ['Ana Díaz', 'ana diaz', 'Ben Ode', 'Zoë Ng', 'Ana Díaz', 'Émile Roy'];
          const feed = everyoneFeed(
            [],
            Array.from({ length: people }, (_, i) => ({
              id: `p-${String(i).padStart(3, '0')}`,
              name: names[(i * 7) % names.length]!,
            })),
            [],
          );
          const seated = new Set<number>();
          for (const [at, s] of seats) {
            const person = at % people;
            if (seated.has(person)) continue;
            seated.add(person);
            feed.memberships.push({
              person: `p-${String(person).padStart(3, '0')}`,
              community: 'c',
              ...s,
            });
          }
          const db = emptyTestDb();
          await replaceFeed(db, parsedFeed(feed), { source: 'url' });
          const me = meAt === null ? undefined : `p-${String(meAt % people).padStart(3, '0')}`;
          const viewer: Viewer = me ? { me: { feedId, id: me }, memberOf: new Set() } : ANONYMOUS;
          const ref = { feedId, id: 'c' };
          const members = await membersOfCommunity(db, ref, viewer);
          // What a topic card asks: the core members, as the full list orders them.
          expect(await membersOfCommunity(db, ref, viewer, isCore)).toEqual(
            members.filter((m) => m.membership.participation === 'core'),
          );
          // What a topic card asks: the first core members some test accepts, in the list's
          // order. A negative `skipEvery` accepts few (one in 2–7), so that the digest's first
          // core members (60) hold too few of them and the whole list answers.
          const accepts = ({ person }: { person: { id: string } }) =>
            skipEvery === 0 ||
            (Number(person.id.slice(2)) % (Math.abs(skipEvery) + 1) === 0) === skipEvery < 0;
          const firstCore = members
            .filter((m) => isCore(m.membership) && accepts(m))
            .slice(0, firstWant)
            .map(({ person, membership }) => ({
              person: { feedId: person.feedId, id: person.id, name: person.name },
              membership,
            }));
          expect(listed(await firstMembersOfLevel(db, ref, 'core', accepts, firstWant))).toEqual(
            firstCore,
          );
          const want = expected(members, me);
          const answer = {
            count: want.count,
            ...(want.mine ? { mine: want.mine } : {}),
            contacts: want.contacts,
          };
          expect(await communityContacts(db, ref, viewer, LIMIT)).toEqual(answer);
          // From the community's digest (any with a member has one here): the same answer, its
          // memberships not read.
          const digested = feed.memberships.length > 0;
          expect(await warmDigests(db, 1)).toBe(digested ? 1 : 0);
          const group = vi.spyOn(PackReader.prototype, 'group');
          expect(await communityContacts(db, ref, viewer, LIMIT)).toEqual(answer);
          expect(group.mock.calls.map(([list]) => list)).toEqual(
            !digested ? ['memberships@community'] : me ? ['memberships'] : [],
          );
          group.mockClear();
          expect(listed(await firstMembersOfLevel(db, ref, 'core', accepts, firstWant))).toEqual(
            firstCore,
          );
          expect(group.mock.calls.map(([list]) => list).includes('memberships@community')).toBe(
            !digested,
          );
          group.mockRestore();
          db.close();
        },
      ),
      { numRuns: 40 },
    );
  });

  it('the card of a members-only community is refused to a viewer outside it; a visible one names its contacts', async () => {
    const db = await smallTestDb();
    const fraud = { feedId: 'acme-main', id: 'c-fraud' };
    await expect(annotateCommunityCard(db, fraud)).rejects.toThrow(
      'no community c-fraud in feed acme-main',
    );
    expect(await membersOfCommunity(db, fraud, ANONYMOUS, isCore)).toEqual([]);
    const sre = await communityContacts(db, { feedId: 'acme-main', id: 'c-sre' }, ANONYMOUS, LIMIT);
    expect(sre.count).toBe(3);
    expect(sre.contacts.map((m) => m.person.name)).toEqual(['Alice Chen']);
  });

  it("a topic card's first core members come from the community's digest: no membership, no person read", async () => {
    // 2,000 people, one in five core: 400 core members over every pack of people.
    const feed = everyoneFeed(
      [
        { id: 'u-a', name: 'A' },
        { id: 'u-b', name: 'B', company: 'Initech' },
      ],
      Array.from({ length: 2000 }, (_, i) => ({
        id: `p-${String(i).padStart(4, '0')}`,
        name: `Person ${(i * 7919) % 2000}`,
        ...(i % 4 === 0 ? {} : { unit: i % 4 === 1 ? 'u-a' : 'u-b' }),
        ...(i % 7 === 0 ? { company: 'Own Co' } : {}),
      })),
      Array.from({ length: 2000 }, (_, i) => ({
        person: `p-${String(i).padStart(4, '0')}`,
        community: 'c',
        participation: i % 5 === 0 ? ('core' as const) : ('peripheral' as const),
      })),
    );
    const db = emptyTestDb();
    await replaceFeed(db, parsedFeed(feed), { source: 'url' });
    const ref = { feedId, id: 'c' };
    // Leaving out the core members whose index is a multiple of 3.
    const wanted = ({ person }: { person: { id: string } }) => Number(person.id.slice(2)) % 3 !== 0;
    const expected = (await membersOfCommunity(db, ref, ANONYMOUS, isCore))
      .filter(wanted)
      .slice(0, 10)
      .map((m) => m.person.id);
    expect(expected).toHaveLength(10);
    // Where each works: their own unit and company, as the feed gives them.
    const whereOf = (id: string) => {
      const i = Number(id.slice(2));
      return {
        ...(i % 4 === 0 ? {} : { unit: i % 4 === 1 ? 'u-a' : 'u-b' }),
        ...(i % 7 === 0 ? { company: 'Own Co' } : {}),
      };
    };
    const asked = (found: MemberToAsk[]) => found.map((m) => [m.person.id, m.where]);
    // Without a digest (large: none written yet), the whole listing answers, and keeps one.
    expect(asked(await firstMembersOfLevel(db, ref, 'core', wanted, 10))).toEqual(
      expected.map((id) => [id, undefined]),
    );
    await vi.waitFor(async () => expect(await db.communityDigests.count()).toBe(3));
    expect(await warmDigests(db)).toBe(0);
    const read: string[] = [];
    const { bulkGet, group } = PackReader.prototype;
    const bulk = vi.spyOn(PackReader.prototype, 'bulkGet');
    bulk.mockImplementation(function (this: PackReader, list, refs) {
      read.push(list);
      return bulkGet.call(this, list, refs);
    });
    const grouped = vi.spyOn(PackReader.prototype, 'group');
    grouped.mockImplementation(function (this: PackReader, list, ...rest) {
      read.push(list);
      return group.call(this, list, ...rest);
    });
    // Too few wanted among the digest's first 60 core members (one in 155 of them): the whole
    // list answers, from the digest too.
    const few = ({ person }: { person: { id: string } }) => Number(person.id.slice(2)) % 155 === 0;
    const fewExpected = (await membersOfCommunity(db, ref, ANONYMOUS, isCore))
      .filter(few)
      .slice(0, 10)
      .map((m) => m.person.id);
    expect(fewExpected).toHaveLength(10);
    read.length = 0;
    let found: MemberToAsk[];
    let fewFound: MemberToAsk[];
    try {
      found = await firstMembersOfLevel(db, ref, 'core', wanted, 10);
      fewFound = await firstMembersOfLevel(db, ref, 'core', few, 10);
    } finally {
      bulk.mockRestore();
      grouped.mockRestore();
    }
    expect(asked(found)).toEqual(expected.map((id) => [id, whereOf(id)]));
    // (The whole list's members part keeps no units: the card reads the few it names.)
    expect(asked(fewFound)).toEqual(fewExpected.map((id) => [id, undefined]));
    expect(read).toEqual([]);
    db.close();
  });
});
