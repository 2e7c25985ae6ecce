// What the product answers about one synced feed, through the queries the popup, the options
// page and the content scripts' background use, reduced to plain ids and values (in the order
// the product gives them) so that two databases' answers compare with toEqual and a model's
// with plain loops.
import { expect } from 'vitest';
import { annotateResolve } from '../../../../lib/background/annotate';
import type { ConstellationDB } from '../../../../lib/db/database';
import {
  DIGEST_FIRST_PER_LEVEL,
  communityContacts,
  firstMembersOfLevel,
  warmDigests,
} from '../../../../lib/db/community-digest';
import { readFirstScreen } from '../../../../lib/db/first-screen';
import { readFirstScreenRaw } from '../../../../lib/db/first-screen-raw';
import { testIndexedDB } from '../../../fixtures/test-db';
import { pathTo, summarizeCommunities } from '../../../../lib/db/finder';
import {
  communitiesForTopic,
  communitiesOfPerson,
  getCommunity,
  membersOfCommunity,
  topExperts,
  viewerOf,
  type Viewer,
} from '../../../../lib/db/queries';
import { peopleByKeys, uniquePersonNameKeys, vocabularySource } from '../../../../lib/db/resolve';
import { searchCommunities, searchPeople, searchTopics } from '../../../../lib/db/search';
import { viewerStatus } from '../../../../lib/db/visible-counts';
import { communityDetail, communityHead, topicPeopleData } from '../../../../lib/db/views';
import { handleKey } from '../../../../lib/model/keys';
import { canSee } from '../../../../lib/db/viewer';
import type { FeedInput } from '../../../../lib/model/feed';
import { profileHandle } from '../../../../lib/match/profile-url';
import { rankPeers } from '../../../../lib/rank/peers';
import type { Participation } from '../../../../lib/model/vocabulary';

/** Everyone's eyes: a viewer who is a member of every community (sees members-only ones). */
function seeingAll(feeds: readonly FeedInput[]): Viewer {
  return {
    memberOf: new Set(feeds.flatMap((f) => f.communities.map((c) => `${f.feedId}\u0000${c.id}`))),
  };
}

/** A record of any feed, as search and page lookups answer them: "feedId|id". */
export const qualified = (row: { feedId: string; id: string }) => `${row.feedId}|${row.id}`;

export type Member = [person: string, participation: Participation];
export interface Spans {
  counts: Record<Participation, number>;
  units: string[];
  companies: string[];
}

export interface CommunityAnswers {
  id: string;
  members: Member[];
  /** The first 2 core members in the list's order (firstMembersOfLevel; a topic card's). */
  firstCore: Member[];
  /** The same, of people whose id has an even length (firstMembersOfLevel's `wanted`). */
  firstCoreWanted: Member[];
  /** Whom a community card names to ask (communityContacts, 3 at most). */
  contacts: { count: number; mine?: Member; contacts: Member[] };
  head?: Record<Participation, number>;
  detail?: Spans & { members: Member[]; related: string[] };
  summary: Spans;
}

export interface PeerAnswer {
  personId: string;
  unit?: string;
  company?: string;
  level?: number;
  memberships: [community: string, participation: Participation, roles: string[]][];
  sharedWithMe: number;
}

export interface TopicAnswers {
  id: string;
  communities: string[];
  experts: [person: string, level: number][];
  /** A topic card's: the first 2 at level 3 or above whose id has an even length. */
  firstExperts: [person: string, level: number][];
  /** Evidence of who knows the topic, by person id (memberships by community id). */
  peers: PeerAnswer[];
  /** "Who outside my unit knows this": the popup's default ranking. */
  outsideMyUnit: [person: string, score: number][];
  /** The communities the topic view summarises: members by participation, what they span. */
  summaries: (Spans & { id: string })[];
}

export interface SearchAnswers {
  query: string;
  people: string[];
  peopleLimited: string[];
  topics: string[];
  communities: string[];
}

export interface ResolveAnswers {
  handles: [key: string, people: string[]][];
  emails: [key: string, people: string[]][];
  names: [key: string, people: string[]][];
  /** Profile links: the handle each names, and the people it resolves to. */
  urls: [url: string, handle: string | undefined, people: string[]][];
  /** Who each resolved person is to the viewer (annotateResolve). */
  resolved: [
    person: string,
    details: {
      communities: number;
      sharedWithMe: string[];
      isMe: boolean;
      unitName?: string;
      company?: string;
    },
  ][];
}

/** What the product answers about one feed's records (ids are that feed's). */
export interface FeedAnswers {
  feedId: string;
  communities: CommunityAnswers[];
  people: [person: string, communities: [string, Participation][]][];
  /** The path from me to each person of my feed: [person, the community to the next][]. */
  paths: [person: string, path: [string, string | undefined][] | undefined][];
  topics: TopicAnswers[];
}

/** Per feed, then across them (search and page lookups answer "feedId|id"). */
export interface Answers {
  status: {
    people: number;
    communities: number;
    memberships: number;
    topics: number;
    hidden: number;
  };
  feeds: FeedAnswers[];
  search: SearchAnswers[];
  resolve: ResolveAnswers;
  /** The popup's first screen (read raw, equal to the Dexie read): me, whose communities. */
  firstScreen: { me: [string, string] | null; memberOf: string[] };
  /** What content scripts mark on pages (vocabularySource, uniquePersonNameKeys). */
  vocabulary: {
    topics: string[];
    coverage: [topic: string, communities: string[]][];
    communities: string[];
    uniqueNames: string[];
  };
}

/** The keys a page might carry: every key of the feed, and some that name no one. */
export interface ResolveKeys {
  handles: string[];
  emails: string[];
  names: string[];
  urls: string[];
}

const member = (m: {
  person: { id: string };
  membership: { participation: Participation };
}): Member => [m.person.id, m.membership.participation];

const sortedIds = (rows: { feedId: string; id: string }[]) => rows.map(qualified).sort();

export async function productAnswers(
  db: ConstellationDB,
  feeds: readonly FeedInput[],
  queries: readonly string[],
  keys: ResolveKeys,
): Promise<Answers> {
  const viewer = await viewerOf(db);
  const status = await viewerStatus(db, viewer);
  const perFeed: FeedAnswers[] = [];
  for (const feed of feeds) perFeed.push(await feedAnswers(db, feed, viewer, seeingAll(feeds)));
  const search = await searchAnswers(db, feeds, queries, viewer);
  const resolve = await resolveAnswers(db, keys);
  // The popup's first screen, read without Dexie as the popup does, then through Dexie.
  const raw = await readFirstScreenRaw(testIndexedDB(db), db.name);
  expect(raw, 'first screen read raw').toEqual(await readFirstScreen(db));
  const firstScreen = {
    me: raw?.me ? ([qualified(raw.me), raw.me.name] as [string, string]) : null,
    memberOf: [...(raw?.viewer.memberOf ?? [])].map((key) => key.replace('\u0000', '|')).sort(),
  };
  expect(raw?.status.counts, 'first screen counts').toEqual({
    people: status.counts.people,
    communities: status.counts.communities,
    memberships: status.counts.memberships,
    topics: status.counts.topics,
  });
  const source = await vocabularySource(db, viewer);
  const vocabulary = {
    topics: source.topics.map(qualified).sort(),
    coverage: [...source.coverage]
      .map(([key, ids]): [string, string[]] => [key.replace('\u0000', '|'), [...ids].sort()])
      .sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0)),
    communities: source.communities.map(qualified).sort(),
    uniqueNames: (await uniquePersonNameKeys(db)).sort(),
  };

  // The community views again, now from digests (every community's, written as a sync's
  // background warm-up writes a large community's): the same answers.
  await warmDigests(db, 1);
  for (const { feedId, communities } of perFeed) {
    for (const answer of communities) {
      const ref = { feedId, id: answer.id };
      const detail = await communityDetail(db, ref, viewer);
      const head = await communityHead(db, ref, viewer);
      const what = `${feedId}|${answer.id} from its digest`;
      expect(
        detail && { members: detail.members.map(member), counts: detail.summary.members },
        what,
      ).toEqual(answer.detail && { members: answer.detail.members, counts: answer.detail.counts });
      expect(detail?.summary.units, what).toEqual(answer.detail?.units);
      expect(detail?.summary.companies, what).toEqual(answer.detail?.companies);
      expect(head?.members, what).toEqual(answer.head);
      // The popup's first members: the first of each level of the whole list, from the digest.
      const first = await communityDetail(db, ref, viewer, { members: 'first' });
      if (detail && first) {
        const taken: Record<Participation, number> = { core: 0, active: 0, peripheral: 0 };
        const expected = detail.members.filter(
          (m) => ++taken[m.membership.participation] <= DIGEST_FIRST_PER_LEVEL,
        );
        expect(first.members.map(member), `${what}: first members`).toEqual(expected.map(member));
        expect(first.complete, `${what}: first members complete`).toBe(
          Object.values(taken).every((n) => n < DIGEST_FIRST_PER_LEVEL),
        );
      } else expect(first, what).toEqual(detail);
      // A topic card's first core members from the digest.
      const row = (await getCommunity(db, ref, seeingAll(feeds)))!;
      expect(await firstCoreAnswers(db, ref, row, viewer), `${what}: first core members`).toEqual({
        firstCore: answer.firstCore,
        firstCoreWanted: answer.firstCoreWanted,
      });
      // A community card's contacts from the digest's summary.
      const found = await communityContacts(db, ref, viewer, 3);
      expect(
        {
          count: found.count,
          ...(found.mine ? { mine: [found.mine.person, found.mine.participation] as Member } : {}),
          contacts: found.contacts.map(member),
        },
        `${what}: contacts`,
      ).toEqual(answer.contacts);
    }
  }

  return {
    status: {
      people: status.counts.people,
      communities: status.counts.communities,
      memberships: status.counts.memberships,
      topics: status.counts.topics,
      hidden: status.hiddenCommunities,
    },
    feeds: perFeed,
    search,
    resolve,
    firstScreen,
    vocabulary,
  };
}

/** A topic card's first core members of a community (none of one the viewer cannot see). */
async function firstCoreAnswers(
  db: ConstellationDB,
  ref: { feedId: string; id: string },
  row: Parameters<typeof canSee>[1],
  viewer: Viewer,
): Promise<Pick<CommunityAnswers, 'firstCore' | 'firstCoreWanted'>> {
  if (!canSee(viewer, row)) return { firstCore: [], firstCoreWanted: [] };
  const first = (wanted: (m: { person: { id: string } }) => boolean) =>
    firstMembersOfLevel(db, ref, 'core', wanted, 2).then((found) => found.map(member));
  return {
    firstCore: await first(() => true),
    firstCoreWanted: await first((m) => m.person.id.length % 2 === 0),
  };
}

async function feedAnswers(
  db: ConstellationDB,
  feed: FeedInput,
  viewer: Viewer,
  all: Viewer,
): Promise<FeedAnswers> {
  const ref = (id: string) => ({ feedId: feed.feedId, id });
  const communities: CommunityAnswers[] = [];
  for (const c of feed.communities) {
    const row = (await getCommunity(db, ref(c.id), all))!;
    const [summary] = await summarizeCommunities(db, [row]);
    const head = await communityHead(db, ref(c.id), viewer);
    const detail = await communityDetail(db, ref(c.id), viewer);
    communities.push({
      id: c.id,
      members: (await membersOfCommunity(db, ref(c.id), viewer)).map(member),
      ...(await firstCoreAnswers(db, ref(c.id), row, viewer)),
      contacts: await communityContacts(db, ref(c.id), viewer, 3).then((found) => ({
        count: found.count,
        ...(found.mine ? { mine: [found.mine.person, found.mine.participation] as Member } : {}),
        contacts: found.contacts.map(member),
      })),
      ...(head ? { head: head.members } : {}),
      ...(detail
        ? {
            detail: {
              members: detail.members.map(member),
              counts: detail.summary.members,
              units: detail.summary.units,
              companies: detail.summary.companies,
              related: detail.related.map((r) => r.id),
            },
          }
        : {}),
      summary: { counts: summary!.members, units: summary!.units, companies: summary!.companies },
    });
  }

  const people: FeedAnswers['people'] = [];
  for (const p of feed.people) {
    const mine = await communitiesOfPerson(db, ref(p.id), viewer);
    people.push([p.id, mine.map((m) => [m.community.id, m.membership.participation])]);
  }

  const paths: FeedAnswers['paths'] = [];
  if (viewer.me?.feedId === feed.feedId) {
    for (const p of feed.people) {
      const path = await pathTo(db, viewer.me, ref(p.id), viewer);
      paths.push([p.id, path?.map((step) => [step.person.id, step.via?.id])]);
    }
  }

  const topics: TopicAnswers[] = [];
  for (const t of feed.topics) {
    const data = await topicPeopleData(db, ref(t.id), viewer);
    topics.push({
      id: t.id,
      communities: (await communitiesForTopic(db, ref(t.id), viewer)).map((c) => c.id),
      experts: (await topExperts(db, ref(t.id))).map((e) => [e.person.id, e.expertise.level]),
      firstExperts: (
        await topExperts(db, ref(t.id), {
          minLevel: 3,
          wanted: (p) => p.id.length % 2 === 0,
          want: 2,
        })
      ).map((e) => [e.person.id, e.expertise.level]),
      peers: data.evidence
        .map((e) => ({
          personId: e.personId,
          ...(e.unit !== undefined ? { unit: e.unit } : {}),
          ...(e.company !== undefined ? { company: e.company } : {}),
          ...(e.level !== undefined ? { level: e.level } : {}),
          memberships: e.memberships
            .map((m): PeerAnswer['memberships'][number] => [
              m.communityId,
              m.participation,
              [...m.roles],
            ])
            .sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0)),
          sharedWithMe: e.sharedWithMe,
        }))
        .sort((a, b) => (a.personId < b.personId ? -1 : a.personId > b.personId ? 1 : 0)),
      outsideMyUnit: rankPeers(data.evidence, t.label, { outsideMyUnit: true }, data.me).map(
        (p) => [p.personId, p.score],
      ),
      summaries: data.communities.map((s) => ({
        id: s.community.id,
        counts: s.members,
        units: s.units,
        companies: s.companies,
      })),
    });
  }

  return { feedId: feed.feedId, communities, people, paths, topics };
}

async function searchAnswers(
  db: ConstellationDB,
  feeds: readonly FeedInput[],
  queries: readonly string[],
  viewer: Viewer,
): Promise<SearchAnswers[]> {
  const search: SearchAnswers[] = [];
  for (const query of queries) {
    search.push({
      query,
      people: (await searchPeople(db, query, { limit: 1000 })).map(qualified),
      peopleLimited: (await searchPeople(db, query, { limit: 2 })).map(qualified),
      topics: (await searchTopics(db, query, 1000)).map(qualified),
      communities: (await searchCommunities(db, query, viewer, 1000)).map(qualified),
    });
  }
  return search;
}

async function resolveAnswers(db: ConstellationDB, keys: ResolveKeys): Promise<ResolveAnswers> {
  const base = new URL('https://wiki.acme.example/wiki/Main_Page');
  const urlHandles = keys.urls.map((url) => {
    const handle = profileHandle(url, base);
    return handle ? handleKey(handle.host, handle.login) : undefined;
  });
  const found = await peopleByKeys(db, {
    handles: [...keys.handles, ...urlHandles.filter((k): k is string => k !== undefined)],
    emails: keys.emails,
    names: keys.names,
  });
  const listed = (map: Map<string, { feedId: string; id: string }[]>, wanted: string[]) =>
    [...new Set(wanted)].map((key): [string, string[]] => [key, sortedIds(map.get(key) ?? [])]);
  const answer = await annotateResolve(db, {
    handles: [...found.handles.keys()],
    emails: [...found.emails.keys()],
    names: [...found.names.keys()],
  });
  return {
    handles: listed(found.handles, keys.handles),
    emails: listed(found.emails, keys.emails),
    names: listed(found.names, keys.names),
    urls: keys.urls.map((url, i) => {
      const key = urlHandles[i];
      return [url, key, key ? sortedIds(found.handles.get(key) ?? []) : []];
    }),
    resolved: Object.values(answer.people)
      .map((p): ResolveAnswers['resolved'][number] => [
        qualified(p),
        {
          communities: p.communities,
          sharedWithMe: p.sharedWithMe,
          isMe: p.isMe,
          ...(p.unitName !== undefined ? { unitName: p.unitName } : {}),
          ...(p.company !== undefined ? { company: p.company } : {}),
        },
      ])
      .sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0)),
  };
}
