// Whom a community card names to ask (communityContacts): the same members, in the same order,
// with the same own membership and count, as ordering every member (membersOfCommunity) and
// taking the first of them; a community's core members (membersOfCommunity with a filter,
// reading only their people) as the full list gives them; and a topic card's first core members
// outside a unit (firstMembersWhere) as the first of the full list in id order, reading only a
// few batches of people. On random communities
// spread over several packs of people, with names that tie and any mix of roles and
// participation; and a members-only community's card stays refused to a viewer outside it.
import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { annotateCommunityCard } from '../../../lib/background/community-card';
import { replaceFeed } from '../../../lib/db/ingest';
import { PackReader } from '../../../lib/db/packed';
import { communityContacts, warmDigests } from '../../../lib/db/community-digest';
import {
  firstMembersWhere,
  membersOfCommunity,
  type CommunityMember,
} from '../../../lib/db/queries';
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
        fc.nat({ max: 6 }),
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
          // What a topic card asks: the first core members some test accepts, in id order.
          const accepts = (p: { id: string }) =>
            skipEvery === 0 || Number(p.id.slice(2)) % (skipEvery + 1) !== 0;
          const byId = [...members].sort((a, b) =>
            a.person.id < b.person.id ? -1 : a.person.id > b.person.id ? 1 : 0,
          );
          expect(await firstMembersWhere(db, ref, viewer, isCore, accepts, firstWant)).toEqual(
            byId.filter((m) => isCore(m.membership) && accepts(m.person)).slice(0, firstWant),
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
    expect(await firstMembersWhere(db, fraud, ANONYMOUS, isCore, () => true, 5)).toEqual([]);
    const sre = await communityContacts(db, { feedId: 'acme-main', id: 'c-sre' }, ANONYMOUS, LIMIT);
    expect(sre.count).toBe(3);
    expect(sre.contacts.map((m) => m.person.name)).toEqual(['Alice Chen']);
  });

  it("a topic card's first core members read a few batches of people, not every core member", async () => {
    // 2,000 people, one in five core: 400 core members over every pack of people.
    const feed = everyoneFeed(
      [
        { id: 'u-a', name: 'A' },
        { id: 'u-b', name: 'B' },
      ],
      Array.from({ length: 2000 }, (_, i) => ({
        id: `p-${String(i).padStart(4, '0')}`,
        name: `Person ${i}`,
        unit: i % 3 === 0 ? 'u-a' : 'u-b',
      })),
      Array.from({ length: 2000 }, (_, i) => ({
        person: `p-${String(i).padStart(4, '0')}`,
        community: 'c',
        participation: i % 5 === 0 ? ('core' as const) : ('peripheral' as const),
      })),
    );
    const db = emptyTestDb();
    await replaceFeed(db, parsedFeed(feed), { source: 'url' });
    const requested: string[] = [];
    const { bulkGet } = PackReader.prototype;
    const spy = vi.spyOn(PackReader.prototype, 'bulkGet');
    spy.mockImplementation(function (this: PackReader, list, refs) {
      if (list === 'people') for (const ref of refs) requested.push(ref.id);
      return bulkGet.call(this, list, refs);
    });
    let found: CommunityMember[];
    try {
      // Outside unit A: the core members whose index is not a multiple of 3.
      found = await firstMembersWhere(
        db,
        { feedId, id: 'c' },
        ANONYMOUS,
        isCore,
        (p) => p.unit !== 'u-a',
        10,
      );
    } finally {
      spy.mockRestore();
    }
    expect(found.map((m) => m.person.id)).toEqual(
      [5, 10, 20, 25, 35, 40, 50, 55, 65, 70].map((i) => `p-${String(i).padStart(4, '0')}`),
    );
    // Batches of 10 then 20 core members: 30 people of 400 core members and 2,000 people.
    expect(requested.length).toBe(30);
    db.close();
  });
});
