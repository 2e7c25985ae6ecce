// Answers content scripts' annotation requests from Dexie: the compiled topic vocabulary
// (cached per data version and viewer), identity resolution for the keys a page found, and
// hovercard contents. Content scripts never see more than the people and topics their page
// named; members-only communities are filtered through canSee for the current viewer.
import type { ConstellationDB } from '../db/database';
import {
  communitiesForTopic,
  communitiesOfPerson,
  communityKey,
  dataStatus,
  getFeed,
  getPerson,
  getTopic,
  peopleIdsInUnit,
  topExperts,
  viewerOf,
  type Viewer,
} from '../db/queries';
import {
  dataVersion,
  membershipsOfPeople,
  peopleByKeys,
  uniquePersonNameKeys,
  visibleCommunities,
  vocabularySource,
} from '../db/resolve';
import type { PersonRow, Ref } from '../db/schema';
import { firstMembersOfLevel, type Where } from '../db/community-digest';
import { readPacks } from '../db/packed';
import { originOfFeed } from '../model/safe-url';
import { personSummaries, workplaces } from '../db/summaries';
import type { PersonCard, PersonToAsk, TopicCard, TopicCardContext } from '../annotate/cards';
import { byRelevance, cardCommunity, cardDiscovered } from './community-card';
import { personRefKey, type IdentityAnswer, type ResolvedPerson } from '../match/identity';
import { nameHash } from '../match/prose-names';
import type { TopicVocabulary } from '../match/vocabulary';
import { compileVocabulary } from './vocabulary';

/** The viewer as part of a cache key: whose memberships decide what is visible. */
function viewerVersion(viewer: Viewer): string {
  return `${viewer.me ? `${viewer.me.feedId}/${viewer.me.id}` : '-'}:${[...viewer.memberOf].sort().join(',')}`;
}

export interface VocabularyAnswer {
  version: string;
  /** Absent when the caller's version is current. */
  vocabulary?: TopicVocabulary;
}

// One compiled vocabulary per database, rebuilt when the data or the viewer changes.
const compiled = new WeakMap<ConstellationDB, TopicVocabulary>();

/**
 * The vocabulary for content scripts, unless `known` is already current. With
 * `namesInProse` (the user's setting) it also carries the hashes of the full names that
 * identify one person; the setting is part of the version, so turning it on or off reaches
 * every tab's cached copy.
 */
export async function annotateVocabulary(
  db: ConstellationDB,
  known: string | undefined,
  options: { namesInProse?: boolean } = {},
): Promise<VocabularyAnswer> {
  const viewer = await viewerOf(db);
  const names = options.namesInProse === true;
  const version = `${await dataVersion(db)}#${viewerVersion(viewer)}${names ? '#names' : ''}`;
  if (known === version) return { version };
  let cached = compiled.get(db);
  if (cached?.version !== version) {
    cached = compileVocabulary(version, await vocabularySource(db, viewer));
    if (names) cached.personNames = (await uniquePersonNameKeys(db)).map(nameHash);
    compiled.set(db, cached);
  }
  return { version, vocabulary: cached };
}

export async function annotateResolve(
  db: ConstellationDB,
  keys: { handles: string[]; emails: string[]; names: string[] },
): Promise<IdentityAnswer> {
  const [found, viewer] = await Promise.all([peopleByKeys(db, keys), viewerOf(db)]);
  const everyone = new Map<string, PersonRow>();
  const refsOf = (map: Map<string, PersonRow[]>) => {
    const out: Record<string, string[]> = {};
    for (const [key, rows] of map) {
      out[key] = rows.map((row) => {
        const ref = personRefKey(row.feedId, row.id);
        everyone.set(ref, row);
        return ref;
      });
    }
    return out;
  };
  const answer: IdentityAnswer = {
    handles: refsOf(found.handles),
    emails: refsOf(found.emails),
    names: refsOf(found.names),
    people: {},
  };
  const rows = [...everyone.values()];
  const [summaries, memberships] = await Promise.all([
    personSummaries(db, rows),
    membershipsOfPeople(db, rows),
  ]);
  const communities = await visibleCommunities(
    db,
    viewer,
    [...memberships.values()].flat().map((m) => ({ feedId: m.feedId, id: m.community })),
  );
  summaries.forEach((summary) => {
    const ref = personRefKey(summary.feedId, summary.id);
    const mine = (memberships.get(communityKey(summary.feedId, summary.id)) ?? [])
      .map((m) => communities.get(communityKey(m.feedId, m.community)))
      .filter((c) => c !== undefined);
    const person: ResolvedPerson = {
      feedId: summary.feedId,
      id: summary.id,
      name: summary.name,
      communities: mine.length,
      sharedWithMe: viewer.me
        ? mine
            .filter((c) => viewer.memberOf.has(communityKey(c.feedId, c.id)))
            .map((c) => c.name)
            .sort()
        : [],
      isMe: viewer.me?.feedId === summary.feedId && viewer.me.id === summary.id,
    };
    if (summary.unitName) person.unitName = summary.unitName;
    if (summary.company) person.company = summary.company;
    answer.people[ref] = person;
  });
  return answer;
}

export async function annotatePersonCard(db: ConstellationDB, ref: Ref): Promise<PersonCard> {
  const [row, viewer, status] = await Promise.all([
    getPerson(db, ref),
    viewerOf(db),
    dataStatus(db),
  ]);
  if (!row) throw new Error(`no person ${ref.id} in feed ${ref.feedId}`);
  const [summary] = await personSummaries(db, [row]);
  const communities = await communitiesOfPerson(db, ref, viewer);
  const card: PersonCard = {
    kind: 'person',
    feedId: row.feedId,
    id: row.id,
    name: row.name,
    isMe: viewer.me?.feedId === row.feedId && viewer.me.id === row.id,
    viewerKnown: viewer.me !== undefined,
    demo: status.demo,
    communities: communities.map(({ community, membership }) => ({
      feedId: community.feedId,
      id: community.id,
      name: community.name,
      stage: community.stage,
      standing: community.standing,
      participation: membership.participation,
      roles: membership.roles,
      shared:
        viewer.me !== undefined &&
        viewer.memberOf.has(communityKey(community.feedId, community.id)),
      ...(membership.evidence ? { evidence: membership.evidence.summary } : {}),
      ...cardDiscovered(community),
    })),
  };
  if (row.title) card.title = row.title;
  if (summary?.unitName) card.unitName = summary.unitName;
  if (summary?.company) card.company = summary.company;
  return card;
}

const MAX_TO_ASK = 5;

/** Someone a topic card may name, with why, and where they work when that is known. */
interface Candidate {
  person: Pick<PersonRow, 'feedId' | 'id' | 'name'>;
  where?: Where;
  reason: string;
}

/**
 * The card's entries for the people chosen: their unit's name and their company (their own, or
 * else their unit's). Only people whose unit and company were not read with them are read.
 */
async function peopleToAsk(db: ConstellationDB, chosen: Candidate[]): Promise<PersonToAsk[]> {
  return readPacks(db, async (r) => {
    const unknown = chosen.filter((c) => !c.where);
    const read = await r.bulkGet<PersonRow>(
      'people',
      unknown.map((c) => c.person),
    );
    const readWhere = new Map(unknown.map((c, i) => [c, read[i]] as const));
    const found = chosen.flatMap((c) => {
      const where = c.where ?? readWhere.get(c);
      return where ? [{ ...c, where }] : [];
    });
    const places = await workplaces(
      r,
      found.map(({ person, where }) => ({ feedId: person.feedId, ...where })),
    );
    return found.map(({ person, reason }, i) => ({
      feedId: person.feedId,
      id: person.id,
      name: person.name,
      reason,
      ...places[i],
    }));
  });
}

export async function annotateTopicCard(
  db: ConstellationDB,
  ref: Ref,
  context: TopicCardContext = {},
): Promise<TopicCard> {
  const [topic, viewer, status] = await Promise.all([
    getTopic(db, ref),
    viewerOf(db),
    dataStatus(db),
  ]);
  if (!topic) throw new Error(`no topic ${ref.id} in feed ${ref.feedId}`);
  const named = new Set((context.namedOnPage ?? []).map((c) => communityKey(c.feedId, c.id)));
  const communities = byRelevance(
    await communitiesForTopic(db, ref, viewer),
    named,
    viewer.memberOf,
  );
  const origin = originOfFeed((await getFeed(db, ref.feedId))?.url);
  // Whom "outside my unit" leaves out: me, and the people of my unit by reference (a unit id
  // names a unit of its own feed only; a topic may be another organisation's).
  const me = viewer.me ? await getPerson(db, viewer.me) : undefined;
  const myUnit = new Set(
    me?.unit
      ? (await peopleIdsInUnit(db, { feedId: me.feedId, id: me.unit })).map((id) =>
          personRefKey(me.feedId, id),
        )
      : [],
  );
  const outsideMyUnit = (person: Pick<PersonRow, 'feedId' | 'id'>) =>
    !(viewer.me && person.feedId === viewer.me.feedId && person.id === viewer.me.id) &&
    !myUnit.has(personRefKey(person.feedId, person.id));

  // Experts first (highest level), then core members of the covering communities.
  const candidates = new Map<string, Candidate>();
  const experts = await topExperts(db, ref, {
    minLevel: 3,
    wanted: outsideMyUnit,
    want: MAX_TO_ASK,
  });
  for (const { person, expertise } of experts)
    candidates.set(personRefKey(person.feedId, person.id), {
      person,
      where: person,
      reason: `expertise level ${expertise.level}`,
    });
  // Of a covering community, its first core members outside my unit by name, as its view lists
  // them: from the community's digest, where a community of everyone has a thousand core
  // members and 100,000 memberships (firstMembersOfLevel).
  for (const community of communities) {
    const need = MAX_TO_ASK - candidates.size;
    if (need <= 0) break;
    const core = await firstMembersOfLevel(
      db,
      community,
      'core',
      ({ person }) =>
        outsideMyUnit(person) && !candidates.has(personRefKey(person.feedId, person.id)),
      need,
    );
    for (const { person, where } of core)
      candidates.set(personRefKey(person.feedId, person.id), {
        person,
        ...(where ? { where } : {}),
        reason: `core member of ${community.name}`,
      });
  }
  const askOutsideMyUnit = await peopleToAsk(db, [...candidates.values()]);
  const card: TopicCard = {
    kind: 'topic',
    feedId: topic.feedId,
    id: topic.id,
    label: topic.label,
    viewerKnown: viewer.me !== undefined,
    demo: status.demo,
    communities: communities.map((c) =>
      cardCommunity(c, viewer.memberOf.has(communityKey(c.feedId, c.id)), origin),
    ),
    askOutsideMyUnit,
  };
  if (topic.description) card.description = topic.description;
  return card;
}
