// A large community's digest (lib/db/community-digest.ts) lists it exactly as reading every
// member does — the same members in the same order, the same counts, units and companies —
// without reading the people; it is written after a sync and by the first view that lists the
// community the long way, read only for the generation it was made from, and dropped with it.
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  DIGEST_FIRST_PER_LEVEL,
  communityContacts,
  communityFirstMembers,
  communityListing,
  warmDigests,
  type CommunityDigestRow,
  type CommunityListing,
} from '../../../lib/db/community-digest';
import type { ConstellationDB } from '../../../lib/db/database';
import { collectGarbage, removeSource } from '../../../lib/db/generation-cleanup';
import { replaceFeed } from '../../../lib/db/ingest';
import { summarizeCommunities } from '../../../lib/db/finder';
import { ANONYMOUS, getCommunity } from '../../../lib/db/queries';
import { communityHead } from '../../../lib/db/views';
import { forgetPacks } from '../../../lib/db/pack-memory';
import { PackReader } from '../../../lib/db/packed';
import { generateSyntheticFeed } from '../../../lib/demo/synthetic';
import { syncFeed } from '../../../lib/feed/sync';
import type { FeedInput } from '../../../lib/model/feed';
import { PARTICIPATION_LEVELS, type Participation } from '../../../lib/model/vocabulary';
import { emptyTestDb, parsedFeed, reopenTestDb } from '../../fixtures/test-db';
import { FakeFeedServer } from '../feed/fake-server';

const FEED_ID = 'digest';
const EVERYONE = { feedId: FEED_ID, id: 'everyone' };

/**
 * A synthetic directory of 600 with a community of everyone: every tenth person core, every
 * fiftieth with a role, names beyond Latin-1 and names shared by two people (ties broken by
 * id); with `evidence`, one membership carries evidence (the digest then stores objects).
 */
function directory(
  options: { evidence?: boolean; rename?: string; ascii?: boolean; newline?: boolean } = {},
): FeedInput {
  const feed = generateSyntheticFeed({ people: 600, seed: 11, feedId: FEED_ID });
  if (!options.ascii) {
    feed.people[3]!.name = 'Zoë Ωmega';
    feed.people[4]!.name = 'Zoë Ωmega';
    feed.people[5]!.name = 'Émile Durand';
  } else {
    for (const person of feed.people)
      person.name = person.name.normalize('NFD').replace(/[^\x20-\x7e]/g, '');
    feed.people[3]!.name = 'Ana Lima';
    feed.people[4]!.name = 'Ana Lima';
  }
  if (options.newline) feed.people[6]!.name = 'Ana\nMaria Lima';
  if (options.rename) feed.people[7]!.name = options.rename;
  const model = feed.communities[0]!;
  feed.communities.push({ ...model, id: 'everyone', name: 'Everyone', related: [] });
  feed.people.forEach((person, i) =>
    feed.memberships.push({
      person: person.id,
      community: 'everyone',
      participation: i % 10 === 0 ? 'core' : i % 3 === 0 ? 'active' : 'peripheral',
      roles: i % 50 === 0 ? ['boundary', 'day-to-day'] : [],
      ...(i === 12 ? { since: '2024-02-01' } : {}),
      ...(options.evidence && i === 20
        ? { evidence: { summary: '12 commits with Ana on clinic', commits: 12, paths: ['clinic'] } }
        : {}),
    }),
  );
  return feed;
}

async function landed(feed: FeedInput): Promise<ConstellationDB> {
  const db = emptyTestDb();
  await replaceFeed(db, parsedFeed(feed), { source: 'url', url: 'https://feeds.example/d.json' });
  return db;
}

/** The listing read the long way (never from a digest, and keeping none). */
async function longWay(db: ConstellationDB, id: string): Promise<CommunityListing> {
  const stored = await db.communityDigests.count();
  const listing = await communityListing(db, { feedId: FEED_ID, id }, Infinity);
  expect(await db.communityDigests.count()).toBe(stored);
  return listing;
}

/** The first `DIGEST_FIRST_PER_LEVEL` members of each level of participation, in order. */
function firstOfEachLevel<T extends { membership: { participation: Participation } }>(
  members: T[],
): T[] {
  const taken: Record<Participation, number> = { core: 0, active: 0, peripheral: 0 };
  return members.filter((m) => ++taken[m.membership.participation] <= DIGEST_FIRST_PER_LEVEL);
}

/** Community ids with at least `min` members. */
function largeCommunities(feed: FeedInput, min: number): string[] {
  const sizes = new Map<string, number>();
  for (const m of feed.memberships) sizes.set(m.community, (sizes.get(m.community) ?? 0) + 1);
  return [...sizes].filter(([, n]) => n >= min).map(([id]) => id);
}

afterEach(() => {
  vi.restoreAllMocks();
  forgetPacks();
});

describe('community digests', () => {
  const variants = [
    { name: 'in columns, names beyond Latin-1', evidence: false, names: 'bytes' },
    { name: 'in columns, names in Latin-1', evidence: false, ascii: true, names: 'string' },
    { name: 'as objects, a name with a line break', evidence: true, newline: true, names: 'list' },
  ] as const;
  for (const variant of variants) {
    const { evidence } = variant;
    it(`list every large community as the long way does, without reading people (${variant.name})`, async () => {
      const feed = directory(variant);
      const db = await landed(feed);
      const large = largeCommunities(feed, 40);
      expect(large.length).toBeGreaterThan(3);
      const expected = new Map<string, CommunityListing>();
      for (const id of large) expected.set(id, await longWay(db, id));
      const everyone = expected.get('everyone')!;
      expect(everyone.members).toHaveLength(600);
      expect(everyone.counts).toEqual({ core: 60, active: 180, peripheral: 360 });
      expect(everyone.units.length).toBeGreaterThan(1);
      expect(everyone.companies.length).toBeGreaterThan(0);

      expect(await warmDigests(db, 40)).toBe(large.length);
      const row = (await db.communityDigests.toArray()).find(
        (d) => d.community === 'everyone' && d.part === 'members',
      )!;
      if (row.part !== 'members') throw new Error('not the members');
      expect(Array.isArray(row.memberships)).toBe(evidence);
      const names = row.names;
      expect(Array.isArray(names) ? 'list' : typeof names === 'string' ? 'string' : 'bytes').toBe(
        variant.names,
      );
      // A second warm-up finds them all written.
      expect(await warmDigests(db, 40)).toBe(0);

      forgetPacks();
      const bulkGet = vi.spyOn(PackReader.prototype, 'bulkGet');
      for (const id of large)
        expect(await communityListing(db, { feedId: FEED_ID, id })).toEqual(expected.get(id));
      // The popup's first members: the first of each level, as the long way orders them.
      for (const id of large) {
        const whole = expected.get(id)!;
        const first = await communityFirstMembers(db, { feedId: FEED_ID, id });
        expect(first.listing).toEqual({ ...whole, members: firstOfEachLevel(whole.members) });
        expect(first.complete).toBe(
          PARTICIPATION_LEVELS.every((level) => whole.counts[level] < DIGEST_FIRST_PER_LEVEL),
        );
      }
      expect(bulkGet).not.toHaveBeenCalled();
    });
  }

  it("gives the popup's first members from a few kilobytes, and every member the long way when its digest has no first part that decodes, then writes it again", async () => {
    const db = await landed(directory());
    const whole = await longWay(db, 'everyone');
    await warmDigests(db, 100);
    forgetPacks();
    const asked = vi.spyOn(db.communityDigests, 'get');
    const first = await communityFirstMembers(db, EVERYONE);
    expect(asked.mock.calls.map(([key]) => (key as string[])[3])).toEqual(['summary', 'first']);
    // 60 core members (exactly the part's share), 180 active, 360 peripheral.
    expect(first.complete).toBe(false);
    expect(first.listing.members).toHaveLength(3 * DIGEST_FIRST_PER_LEVEL);
    expect(first.listing.members).toEqual(firstOfEachLevel(whole.members));
    expect(first.listing.counts).toEqual(whole.counts);
    // A digest written before the first part, or whose first part is damaged: the whole
    // listing, from its members part; the part is written again for the next view.
    const key: [string, number, string, string] = [
      FEED_ID,
      (await db.feeds.get(FEED_ID))!.gen!,
      'everyone',
      'first',
    ];
    const part = (await db.communityDigests.get(key))!;
    if (part.part !== 'first') throw new Error('not the first part');
    // Written again from the digest's own listing, it keeps no units or companies (a topic card
    // reads the few people it names).
    expect(part.where).toHaveLength(3 * DIGEST_FIRST_PER_LEVEL);
    const { where: _where, ...mended } = part;
    for (const spoil of [
      () => db.communityDigests.delete(key),
      () => db.communityDigests.put({ ...part, names: ['Only One'] }),
    ]) {
      await spoil();
      expect(await communityFirstMembers(db, EVERYONE)).toEqual({ listing: whole, complete: true });
      await vi.waitFor(async () => expect(await db.communityDigests.get(key)).toEqual(mended));
      expect(await communityFirstMembers(db, EVERYONE)).toEqual(first);
    }
    // A small community has no digest: the whole listing, the long way.
    const small = {
      feedId: FEED_ID,
      id: largeCommunities(directory(), 1).find(
        (id) => !largeCommunities(directory(), 100).includes(id),
      )!,
    };
    const listed = await longWay(db, small.id);
    expect(await communityFirstMembers(db, small)).toEqual({ listing: listed, complete: true });
  });

  it("gives the view's head its counts without reading the memberships", async () => {
    const db = await landed(directory());
    const before = await communityHead(db, EVERYONE, ANONYMOUS);
    expect(before?.members).toEqual({ core: 60, active: 180, peripheral: 360 });
    await warmDigests(db, 100);
    forgetPacks();
    const group = vi.spyOn(PackReader.prototype, 'group');
    expect(await communityHead(db, EVERYONE, ANONYMOUS)).toEqual(before);
    expect(group.mock.calls.map(([list]) => list)).not.toContain('memberships@community');
  });

  it("gives a community's hovercard its contacts, and reads the long way a digest written before it kept them", async () => {
    const db = await landed(directory());
    const me = { feedId: FEED_ID, id: 'p-0' };
    const viewer = { me, memberOf: new Set<string>() };
    const before = await communityContacts(db, EVERYONE, viewer, 5);
    // p-0 is core with two roles: a contact, never named to itself.
    expect(before.mine).toMatchObject({ person: 'p-0', participation: 'core' });
    expect(before.count).toBe(600);
    expect(before.contacts).toHaveLength(5);
    expect(before.contacts.map((c) => c.person.id)).not.toContain('p-0');
    await warmDigests(db, 100);
    forgetPacks();
    const group = vi.spyOn(PackReader.prototype, 'group');
    expect(await communityContacts(db, EVERYONE, viewer, 5)).toEqual(before);
    expect(group.mock.calls.map(([list]) => list)).toEqual(['memberships']);
    // A digest without contacts (an earlier version's): the same answer, the long way.
    const key = [FEED_ID, (await db.feeds.get(FEED_ID))!.gen, 'everyone', 'summary'];
    const { contacts: _contacts, ...older } = (await db.communityDigests.get(key)) as Extract<
      CommunityDigestRow,
      { part: 'summary' }
    >;
    await db.communityDigests.put(older);
    group.mockClear();
    expect(await communityContacts(db, EVERYONE, viewer, 5)).toEqual(before);
    expect(group.mock.calls.map(([list]) => list)).toContain('memberships@community');
  });

  it("gives a community's facts (search results, a topic's communities) without reading its members", async () => {
    const db = await landed(directory());
    const everyone = (await getCommunity(db, EVERYONE, ANONYMOUS))!;
    const [before] = await summarizeCommunities(db, [everyone]);
    expect(before!.members).toEqual({ core: 60, active: 180, peripheral: 360 });
    await warmDigests(db, 100);
    // Another feed version: the summaries remembered per version are not asked.
    const db2 = reopenTestDb(db);
    await db2.feeds.update(FEED_ID, { ingestedAt: '2026-12-05T10:00:00Z' });
    forgetPacks();
    const group = vi.spyOn(PackReader.prototype, 'group');
    const bulkGet = vi.spyOn(PackReader.prototype, 'bulkGet');
    expect(await summarizeCommunities(db2, [everyone])).toEqual([before]);
    expect(group.mock.calls.map(([list]) => list)).not.toContain('memberships@community');
    expect(bulkGet).not.toHaveBeenCalled();
  });

  it('orders by participation, then name, then id', async () => {
    const db = await landed(directory());
    const { members } = await longWay(db, 'everyone');
    const levels = members.map((m) => m.membership.participation);
    expect(levels.indexOf('active')).toBe(60);
    expect(levels.lastIndexOf('core')).toBe(59);
    for (let i = 1; i < members.length; i++) {
      const [a, b] = [members[i - 1]!, members[i]!];
      if (a.membership.participation !== b.membership.participation) continue;
      const byName = a.person.name.localeCompare(b.person.name);
      expect(byName < 0 || (byName === 0 && a.person.id < b.person.id)).toBe(true);
    }
  });

  it('is kept by the first view that lists a large community the long way', async () => {
    const db = await landed(directory());
    const small = await longWay(db, 'c-0');
    const min = small.members.length + 1;
    expect(min).toBeLessThan(600);
    const first = await communityListing(db, EVERYONE, min);
    await vi.waitFor(async () => expect(await db.communityDigests.count()).toBe(3));
    const gen = (await db.feeds.get(FEED_ID))!.gen;
    expect(await db.communityDigests.toCollection().primaryKeys()).toEqual([
      [FEED_ID, gen, 'everyone', 'first'],
      [FEED_ID, gen, 'everyone', 'members'],
      [FEED_ID, gen, 'everyone', 'summary'],
    ]);
    forgetPacks();
    const bulkGet = vi.spyOn(PackReader.prototype, 'bulkGet');
    expect(await communityListing(db, EVERYONE, min)).toEqual(first);
    expect(bulkGet).not.toHaveBeenCalled();
    // A smaller community is listed the long way and keeps nothing.
    expect(await communityListing(db, { feedId: FEED_ID, id: 'c-0' }, min)).toEqual(small);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(await db.communityDigests.count()).toBe(3);
  });

  it('is read past, and replaced, when it does not decode', async () => {
    const db = await landed(directory());
    const expected = await longWay(db, 'everyone');
    await warmDigests(db, 100);
    const gen = (await db.feeds.get(FEED_ID))!.gen!;
    const key: [string, number, string, string] = [FEED_ID, gen, 'everyone', 'members'];
    const row = (await db.communityDigests.get(key))!;
    if (row.part !== 'members' || Array.isArray(row.names)) throw new Error('not in columns');
    // One name short: the digest no longer matches its members.
    await db.communityDigests.put({ ...row, names: ['Only One'] });
    expect(await communityListing(db, EVERYONE, 100)).toEqual(expected);
    await vi.waitFor(async () => {
      const again = await db.communityDigests.get(key);
      expect(again?.part === 'members' && again.names).toEqual(row.names);
    });
    forgetPacks();
    const bulkGet = vi.spyOn(PackReader.prototype, 'bulkGet');
    expect(await communityListing(db, EVERYONE, 100)).toEqual(expected);
    expect(bulkGet).not.toHaveBeenCalled();
  });

  it('is read only for the generation it was made from, and dropped with it', async () => {
    const db = await landed(directory());
    await warmDigests(db, 100);
    const oldGen = (await db.feeds.get(FEED_ID))!.gen;
    await replaceFeed(db, parsedFeed(directory({ rename: 'Aaron Renamed' })), {
      source: 'url',
      url: 'https://feeds.example/d.json',
    });
    expect((await db.feeds.get(FEED_ID))!.gen).not.toBe(oldGen);
    const listing = await communityListing(db, EVERYONE, Infinity);
    expect(listing.members.some((m) => m.person.name === 'Aaron Renamed')).toBe(true);
    const kept = (await db.communityDigests.toArray()).map((d) => d.gen);
    expect(kept.length).toBeGreaterThan(0);
    expect(new Set(kept)).toEqual(new Set([oldGen]));
    await collectGarbage(db);
    expect(await db.communityDigests.count()).toBe(0);
  });

  it('are written after a sync and removed with their feed', async () => {
    const url = 'https://feeds.example/synced.json';
    const db = emptyTestDb();
    const server = new FakeFeedServer().serveFeed(url, JSON.stringify(directory()));
    const target = { url, label: 'Synced', intervalMinutes: 60 };
    const report = await syncFeed(
      { db, fetch: server.fetch, owner: 'worker', maxInvalidShare: 0.1 },
      target,
    );
    expect(report.outcome).toBe('updated');
    expect(await warmDigests(db)).toBe(1);
    expect(await removeSource(db, url)).toBe(FEED_ID);
    expect(await db.communityDigests.count()).toBe(0);
  });
});
