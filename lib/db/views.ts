// Everything one popup view shows, read in one call per view, so components never touch
// tables: the people who know a topic, a person's detail, a community's detail, and the
// "where to participate" suggestions with their leaders.
import type { ConstellationDB } from './database';
import {
  pathTo,
  peerEvidenceForTopic,
  summarizeCommunities,
  unitsOfFeed,
  type CommunitySummary,
} from './finder';
import { communityFirstMembers, communityListing, digestSummary } from './community-digest';
import { searchCommunities, searchPeople, searchTopics } from './search';
import { scopeOf } from './search-cache';
import { personSummaries, type PersonSummary } from './summaries';
import { followedCommunities, isFollowing } from './local';
import { participationInputs } from './participate';
import {
  communitiesOfPerson,
  countByParticipation,
  expertiseOfPerson,
  getCommunity,
  getPerson,
  getTopic,
  getUnit,
  membersOfCommunity,
  membershipsOf,
  topicsByRef,
  type Viewer,
} from './queries';
import { readPacks } from './packed';
import type {
  CommunityRow,
  MembershipRow,
  MyExpertiseRow,
  PersonRow,
  Ref,
  TopicRow,
} from './schema';
import { suggestCommunities } from '../rank/participate';

type Key2 = [string, string];

/** One result of the popup's search box. */
export type FinderResult =
  | { kind: 'topic'; topic: TopicRow }
  | { kind: 'person'; person: PersonSummary }
  | { kind: 'community'; community: CommunityRow };

/**
 * What one keystroke in the search box costs: three prefix searches and the people's unit
 * names. Community facts (members by participation, units spanned) read every member, so
 * the result row loads them on its own, after the results are on screen.
 */
export async function finderResults(
  db: ConstellationDB,
  query: string,
  viewer: Viewer,
): Promise<FinderResult[]> {
  if (!query.trim()) return [];
  // One reader for the whole keystroke: the feeds rows read once, for the generations and
  // the search's scope, and each pack decoded once for the three searches. No explicit
  // transaction: readPacks is consistent without one, and packs answered from memory leave a
  // transaction with nothing to do (it may finish under the next read).
  const [topics, people, communities] = await readPacks(db, (r) => {
    const scope = scopeOf(r.feeds);
    return Promise.all([
      searchTopics(db, query, 5, scope, r),
      searchPeople(db, query, { limit: 8 }, scope, r).then((rows) => personSummaries(db, rows, r)),
      searchCommunities(db, query, viewer, 5, scope, r),
    ]);
  });
  return [
    ...topics.map((topic) => ({ kind: 'topic' as const, topic })),
    ...people.map((person) => ({ kind: 'person' as const, person })),
    ...communities.map((community) => ({ kind: 'community' as const, community })),
  ];
}

async function unitNames(db: ConstellationDB, feedId: string): Promise<Map<string, string>> {
  return new Map((await unitsOfFeed(db, feedId)).map((u) => [u.id, u.name]));
}

/**
 * Who knows a topic, for the popup's topic view. `me` is who the ranking leaves out (myself,
 * and my unit with "outside my unit"): my person and unit as the topic's feed has them, so
 * only when my person is of that feed — another feed's ids name other people and other units,
 * however alike (ids are unique within a feed only).
 */
export async function topicPeopleData(db: ConstellationDB, ref: Ref, viewer: Viewer) {
  const mine = viewer.me?.feedId === ref.feedId ? viewer.me : undefined;
  const [topic, found, meRow] = await Promise.all([
    getTopic(db, ref),
    peerEvidenceForTopic(db, ref, viewer),
    mine ? getPerson(db, mine) : Promise.resolve(undefined),
  ]);
  const names = new Map(found.units.map((u) => [u.id, u.name]));
  const [communities, people] = await Promise.all([
    summarizeCommunities(db, found.communities),
    readPacks(db, (r) =>
      r.bulkGet<PersonRow>(
        'people',
        found.evidence.map((e) => ({ feedId: ref.feedId, id: e.personId })),
      ),
    ),
  ]);
  const contacts = new Map(
    people.flatMap((p) => (p ? [[p.id, { emails: p.emails, handles: p.handles }] as const] : [])),
  );
  return {
    topic,
    evidence: found.evidence,
    communities,
    unitNames: names,
    contacts,
    me: mine && (meRow?.unit ? { personId: mine.id, unit: meRow.unit } : { personId: mine.id }),
  };
}

export async function personDetail(db: ConstellationDB, ref: Ref, viewer: Viewer) {
  const person = await getPerson(db, ref);
  if (!person) return undefined;
  const [unit, memberships, expertise, path] = await Promise.all([
    person.unit ? getUnit(db, { feedId: ref.feedId, id: person.unit }) : Promise.resolve(undefined),
    communitiesOfPerson(db, ref, viewer),
    expertiseOfPerson(db, ref),
    viewer.me ? pathTo(db, viewer.me, ref, viewer) : Promise.resolve(undefined),
  ]);
  const topics = await topicsByRef(
    db,
    expertise.map((e) => ({ feedId: e.feedId, id: e.topic })),
  );
  return {
    person,
    unit,
    memberships,
    expertise: expertise
      .map((entry, i) => ({ entry, label: topics[i]?.label ?? entry.topic }))
      .sort((a, b) => b.entry.level - a.entry.level || a.label.localeCompare(b.label)),
    path,
  };
}

/**
 * What the popup's community view shows before its members are read: the community, its
 * members counted by participation, and whether I follow it. The counts come from its
 * digest's summary when it has one (a large community), else from the memberships alone; the
 * members' records are communityDetail's ("A community's screens at directory scale",
 * docs/benchmarks.md). Undefined for a community the viewer may not see.
 */
export async function communityHead(db: ConstellationDB, ref: Ref, viewer: Viewer) {
  const community = await getCommunity(db, ref, viewer);
  if (!community) return undefined;
  const [members, following] = await Promise.all([
    readPacks(db, async (r) => {
      const digest = await digestSummary(db, r, ref);
      return digest ? { ...digest.counts } : countByParticipation(await membershipsOf(r, ref));
    }),
    isFollowing(db, ref),
  ]);
  return { community, members, following };
}

/**
 * Everything the popup's community view shows: a large community's members come from its
 * digest (lib/db/community-digest.ts) when its generation has one, else from every member's
 * record. With `members: 'first'`, a large community's first members of each level only
 * (`complete` false when some level has more: `summary.members` counts them all). Undefined
 * for a community the viewer may not see.
 */
export async function communityDetail(
  db: ConstellationDB,
  ref: Ref,
  viewer: Viewer,
  options: { members: 'first' | 'all' } = { members: 'all' },
) {
  const community = await getCommunity(db, ref, viewer);
  if (!community) return undefined;
  const [{ listing, complete }, following, related, names] = await Promise.all([
    options.members === 'first'
      ? communityFirstMembers(db, ref)
      : communityListing(db, ref).then((listing) => ({ listing, complete: true })),
    isFollowing(db, ref),
    Promise.all(
      community.related.map((id) => getCommunity(db, { feedId: ref.feedId, id }, viewer)),
    ),
    unitNames(db, ref.feedId),
  ]);
  const summary: CommunitySummary = {
    community,
    members: listing.counts,
    units: listing.units,
    companies: listing.companies,
  };
  return {
    community,
    summary,
    members: listing.members,
    complete,
    following,
    related: related.filter((c): c is CommunityRow => c !== undefined),
    unitNames: summary.units.map((id) => names.get(id) ?? id),
  };
}

/** Whom "where to participate" names to ask about a community it suggests. */
const isLeader = (m: MembershipRow) =>
  m.roles.some((r) => r === 'day-to-day' || r === 'interpersonal');

/** How many of the topics of pages I read the view names. */
const VISITED_SHOWN = 5;

export async function participationData(db: ConstellationDB, viewer: Viewer, now = new Date()) {
  const { candidates, signals, visited } = await participationInputs(db, viewer, now);
  const suggestions = suggestCommunities(candidates, signals, 6);
  const detailed = await Promise.all(
    suggestions.map(async (suggestion) => {
      const ref = { feedId: suggestion.community.feedId, id: suggestion.community.id };
      // Only the leaders' people are read: a suggested community may have thousands of members.
      const [community, leaders] = await Promise.all([
        getCommunity(db, ref, viewer),
        membersOfCommunity(db, ref, viewer, isLeader),
      ]);
      return { suggestion, community: community!, leaders };
    }),
  );
  const interests = (await db.myExpertise.toArray()).filter((row) => row.level === 0);
  const interestTopics = await topicsByRef(
    db,
    interests.map((i) => ({ feedId: i.feedId, id: i.topic })),
  );
  const followed = (
    await Promise.all((await followedCommunities(db)).map((r) => getCommunity(db, r, viewer)))
  ).filter((c): c is CommunityRow => c !== undefined);
  const shownVisits = visited.slice(0, VISITED_SHOWN);
  const matched = [
    ...detailed.flatMap((d) =>
      d.suggestion.matchedTopics.map((t) => [d.community.feedId, t] as Key2),
    ),
    ...shownVisits.map((v) => [v.feedId, v.topic] as Key2),
  ];
  const matchedTopics = await topicsByRef(
    db,
    matched.map(([feedId, id]) => ({ feedId, id })),
  );
  return {
    detailed,
    interests: interests.map((row: MyExpertiseRow, i) => ({
      row,
      label: interestTopics[i]?.label ?? row.topic,
    })),
    followed,
    topicLabels: new Map(matchedTopics.flatMap((t) => (t ? [[t.id, t.label] as const] : []))),
    /** The strongest topics of pages I read (labels in topicLabels), and how many in all. */
    visited: { shown: shownVisits, total: visited.length },
  };
}
