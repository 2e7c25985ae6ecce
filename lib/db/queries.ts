// Read queries the product needs: who is this handle/email/name, which communities does a
// person belong to, who is in a community, which communities cover a topic, who knows it.
// Members-only communities are filtered here, once, for every caller: pass the viewer's
// visibility (from `viewerOf`) and a community with visibility "members" is returned only
// when the viewer belongs to it.
import { emailKey, handleKey, nameKey } from '../model/keys';
import type { ConstellationDB } from './database';
import { readPacks, type PackReader } from './packed';
import type { Participation } from '../model/vocabulary';
import type { IndexList, RecordList } from './packs';
import { canSee, dataStatusOf, viewerOfRows, type DataStatus, type Viewer } from './viewer';
import type {
  CommunityRow,
  ExpertiseRow,
  FeedRow,
  MembershipRow,
  PersonRow,
  Ref,
  TopicRow,
  UnitRow,
} from './schema';

export { ANONYMOUS, canSee, communityKey, type DataStatus, type Viewer } from './viewer';

/** The current user as a viewer: "me" from local data, their feed and declared memberships. */
export async function viewerOf(db: ConstellationDB): Promise<Viewer> {
  return (await viewerAndPerson(db, false)).viewer;
}

/**
 * The viewer and, when `withPerson`, my own person row (what the popup's first screen shows),
 * my memberships and my row read side by side by one reader.
 */
export async function viewerAndPerson(
  db: ConstellationDB,
  withPerson = true,
): Promise<{ viewer: Viewer; person: PersonRow | undefined }> {
  const [meRow, declared] = await Promise.all([db.me.get('me'), db.myMemberships.toArray()]);
  if (!meRow) return { viewer: viewerOfRows(undefined, declared, []), person: undefined };
  const [rows, person] = await readPacks(db, (r) =>
    Promise.all([
      r.group<MembershipRow>('memberships', meRow.feedId, meRow.personId),
      withPerson ? r.get<PersonRow>('people', meRow.feedId, meRow.personId) : undefined,
    ]),
  );
  return { viewer: viewerOfRows(meRow, declared, rows), person };
}

/**
 * Feeds whose rows readers may see: those with a row in `feeds`. Ingest writes that row in
 * the same transaction as (or after) the feed's records, so rows of a feed still being
 * written are invisible. Every query that finds rows by an index other than a caller-given
 * [feedId+…] key must filter through this.
 */
export async function visibleFeedIds(db: ConstellationDB): Promise<Set<string>> {
  return new Set(await db.feeds.toCollection().primaryKeys());
}

export async function dataStatus(db: ConstellationDB): Promise<DataStatus> {
  return dataStatusOf(await db.feeds.toArray());
}

export function getPerson(db: ConstellationDB, ref: Ref): Promise<PersonRow | undefined> {
  return readPacks(db, (r) => r.get<PersonRow>('people', ref.feedId, ref.id));
}

export function getFeed(db: ConstellationDB, feedId: string): Promise<FeedRow | undefined> {
  return db.feeds.get(feedId);
}

export function getUnit(db: ConstellationDB, ref: Ref): Promise<UnitRow | undefined> {
  return readPacks(db, (r) => r.get<UnitRow>('units', ref.feedId, ref.id));
}

export function getTopic(db: ConstellationDB, ref: Ref): Promise<TopicRow | undefined> {
  return readPacks(db, (r) => r.get<TopicRow>('topics', ref.feedId, ref.id));
}

export async function getCommunity(
  db: ConstellationDB,
  ref: Ref,
  viewer: Viewer,
): Promise<CommunityRow | undefined> {
  const community = await readPacks(db, (r) =>
    r.get<CommunityRow>('communities', ref.feedId, ref.id),
  );
  return community && canSee(viewer, community) ? community : undefined;
}

/** Topics by reference, in the order asked (undefined where there is none). */
export function topicsByRef(
  db: ConstellationDB,
  refs: readonly Ref[],
): Promise<(TopicRow | undefined)[]> {
  return readPacks(db, (r) => r.bulkGet<TopicRow>('topics', refs));
}

/** Records of `list` found under `key` in an index of the visible feeds. */
function byIndex<T>(
  db: ConstellationDB,
  index: IndexList,
  list: RecordList,
  key: string,
): Promise<T[]> {
  return readPacks(db, async (r) => {
    const found = await r.bulkGet<T>(list, await r.lookup(index, key));
    return found.filter((row): row is Awaited<T> => row !== undefined);
  });
}

/** People with this login on this host (case-insensitive; one per feed at most in practice). */
export function peopleByHandle(
  db: ConstellationDB,
  host: string,
  login: string,
): Promise<PersonRow[]> {
  return byIndex(db, 'people.handleKeys', 'people', handleKey(host, login));
}

export function peopleByEmail(db: ConstellationDB, email: string): Promise<PersonRow[]> {
  return byIndex(db, 'people.emailKeys', 'people', emailKey(email));
}

/** People whose name or alias equals `name` after folding case, diacritics and white space. */
export function peopleByName(db: ConstellationDB, name: string): Promise<PersonRow[]> {
  const key = nameKey(name);
  return key ? byIndex(db, 'people.nameKeys', 'people', key) : Promise.resolve([]);
}

export function topicsByName(db: ConstellationDB, name: string): Promise<TopicRow[]> {
  const key = nameKey(name);
  return key ? byIndex(db, 'topics.nameKeys', 'topics', key) : Promise.resolve([]);
}

export interface CommunityMembership {
  community: CommunityRow;
  membership: MembershipRow;
}

/** A person's communities with their participation and roles, core first, then by name. */
export async function communitiesOfPerson(
  db: ConstellationDB,
  person: Ref,
  viewer: Viewer,
): Promise<CommunityMembership[]> {
  const { memberships, communities } = await readPacks(db, async (r) => {
    const memberships = await r.group<MembershipRow>('memberships', person.feedId, person.id);
    const communities = await r.bulkGet<CommunityRow>(
      'communities',
      memberships.map((m) => ({ feedId: m.feedId, id: m.community })),
    );
    return { memberships, communities };
  });
  const out: CommunityMembership[] = [];
  memberships.forEach((membership, i) => {
    const community = communities[i];
    if (community && canSee(viewer, community)) out.push({ community, membership });
  });
  return out.sort(
    (a, b) =>
      PARTICIPATION_ORDER[a.membership.participation] -
        PARTICIPATION_ORDER[b.membership.participation] ||
      a.community.name.localeCompare(b.community.name),
  );
}

export interface CommunityMember {
  person: PersonRow;
  membership: MembershipRow;
}

/** A community's memberships, read by `r` (its pack of the community's group). */
export function membershipsOf(r: PackReader, community: Ref): Promise<MembershipRow[]> {
  return r.group<MembershipRow>('memberships@community', community.feedId, community.id);
}

/** How many of `memberships` are at each level of participation. */
export function countByParticipation(
  memberships: readonly MembershipRow[],
): Record<Participation, number> {
  const counts: Record<Participation, number> = { core: 0, active: 0, peripheral: 0 };
  for (const m of memberships) counts[m.participation] += 1;
  return counts;
}

/**
 * A community's memberships (those `only` keeps) and, in the same order, the people they name
 * (undefined for a person the feed lacks), in one reader. No visibility check: callers make it.
 */
export async function readMembers(
  r: PackReader,
  community: Ref,
  only?: (membership: MembershipRow) => boolean,
): Promise<{ memberships: MembershipRow[]; people: (PersonRow | undefined)[] }> {
  const all = await membershipsOf(r, community);
  const memberships = only ? all.filter(only) : all;
  return { memberships, people: await peopleOf(r, memberships) };
}

/** The people `memberships` name, in the same order (undefined for one the feed lacks). */
function peopleOf(
  r: PackReader,
  memberships: readonly MembershipRow[],
): Promise<(PersonRow | undefined)[]> {
  return r.bulkGet<PersonRow>(
    'people',
    memberships.map((m) => ({ feedId: m.feedId, id: m.person })),
  );
}

/** Memberships beside the people they name (read in the same order), without the missing. */
function withPeople(
  memberships: readonly MembershipRow[],
  people: readonly (PersonRow | undefined)[],
): CommunityMember[] {
  const out: CommunityMember[] = [];
  memberships.forEach((membership, i) => {
    const person = people[i];
    if (person) out.push({ person, membership });
  });
  return out;
}

/**
 * Members of a community (empty for a members-only community the viewer is not in), by
 * participation then name (`byParticipationThenName`). With `only`, just the memberships it keeps, and only their people
 * are read: where to take part names the leaders, and a community of everyone would otherwise
 * read the whole directory.
 */
export async function membersOfCommunity(
  db: ConstellationDB,
  community: Ref,
  viewer: Viewer,
  only?: (membership: MembershipRow) => boolean,
): Promise<CommunityMember[]> {
  if (!(await getCommunity(db, community, viewer))) return [];
  const { memberships, people } = await readPacks(db, (r) => readMembers(r, community, only));
  return withPeople(memberships, people).sort(byParticipationThenName);
}

/**
 * The order a community's members are listed in: by participation (core first), then name,
 * then person id (one order however the memberships were read).
 */
export function byParticipationThenName(
  a: { person: Pick<PersonRow, 'id' | 'name'>; membership: Pick<MembershipRow, 'participation'> },
  b: { person: Pick<PersonRow, 'id' | 'name'>; membership: Pick<MembershipRow, 'participation'> },
): number {
  return (
    PARTICIPATION_ORDER[a.membership.participation] -
      PARTICIPATION_ORDER[b.membership.participation] ||
    a.person.name.localeCompare(b.person.name) ||
    (a.person.id < b.person.id ? -1 : a.person.id > b.person.id ? 1 : 0)
  );
}

/** Whom a community card names to ask, with the viewer's own membership and the members' count. */
export interface CommunityContacts {
  count: number;
  mine?: MembershipRow;
  contacts: { person: Pick<PersonRow, 'feedId' | 'id' | 'name'>; membership: MembershipRow }[];
}

/** Can this member be named to ask: a leadership role, or core participation? */
export function isContact(membership: Pick<MembershipRow, 'roles' | 'participation'>): boolean {
  return membership.roles.length > 0 || membership.participation === 'core';
}

/**
 * The order a community card names its contacts in: most roles first, then by name, then by
 * participation, then by person id (one order however the memberships were read).
 */
export function byRolesThenName(
  a: {
    person: Pick<PersonRow, 'id' | 'name'>;
    membership: Pick<MembershipRow, 'roles' | 'participation'>;
  },
  b: {
    person: Pick<PersonRow, 'id' | 'name'>;
    membership: Pick<MembershipRow, 'roles' | 'participation'>;
  },
): number {
  return (
    b.membership.roles.length - a.membership.roles.length ||
    a.person.name.localeCompare(b.person.name) ||
    PARTICIPATION_ORDER[a.membership.participation] -
      PARTICIPATION_ORDER[b.membership.participation] ||
    (a.person.id < b.person.id ? -1 : a.person.id > b.person.id ? 1 : 0)
  );
}

/**
 * Whom a community card names to ask, read the long way by `r`: the first `limit` members other
 * than the viewer who are contacts (`isContact`), in the order of `byRolesThenName`, with the
 * viewer's own membership and how many members there are. Only the memberships are read
 * whole; people are read for the tiers of equal role counts that decide the answer, not for
 * every member (an "everyone" group of 100,000 people would read the whole directory). A
 * membership whose person the feed lacks is counted but never named. No visibility check:
 * callers make it (the card has read the community for this viewer). A large community's digest
 * answers without reading its memberships: `communityContacts` (community-digest.ts).
 */
export async function contactsReadLongWay(
  r: PackReader,
  community: Ref,
  viewer: Viewer,
  limit: number,
): Promise<CommunityContacts> {
  const me = viewer.me;
  const memberships = await membershipsOf(r, community);
  const isMe = (m: MembershipRow) =>
    me !== undefined && m.feedId === me.feedId && m.person === me.id;
  const tiers = new Map<number, MembershipRow[]>();
  for (const m of memberships) {
    if (isMe(m) || !isContact(m)) continue;
    const tier = tiers.get(m.roles.length);
    if (tier) tier.push(m);
    else tiers.set(m.roles.length, [m]);
  }
  const contacts: CommunityContacts['contacts'] = [];
  for (const roles of [...tiers.keys()].sort((a, b) => b - a)) {
    if (contacts.length >= limit) break;
    const tier = tiers.get(roles)!;
    const found = withPeople(tier, await peopleOf(r, tier)).sort(byRolesThenName);
    for (const { person, membership } of found.slice(0, limit - contacts.length))
      contacts.push({
        person: { feedId: person.feedId, id: person.id, name: person.name },
        membership,
      });
  }
  const mine = memberships.find(isMe);
  return { count: memberships.length, ...(mine ? { mine } : {}), contacts };
}

/** Communities whose topics include this topic. */
export async function communitiesForTopic(
  db: ConstellationDB,
  topic: Ref,
  viewer: Viewer,
): Promise<CommunityRow[]> {
  const rows = await readPacks(db, async (r) =>
    r.bulkGet<CommunityRow>(
      'communities',
      await r.lookup(
        'communities.topics',
        topic.id,
        r.gens.has(topic.feedId) ? [topic.feedId] : [],
      ),
    ),
  );
  return rows
    .filter((c): c is CommunityRow => c !== undefined && canSee(viewer, c))
    .sort((a, b) => a.name.localeCompare(b.name));
}

export interface PersonExpertise {
  person: PersonRow;
  expertise: ExpertiseRow;
}

/** What `topExperts` keeps: a level, whom, and how many (all by default). */
export interface ExpertsWanted {
  minLevel?: number;
  wanted?: (person: Ref) => boolean;
  want?: number;
}

/**
 * People with declared expertise in a topic, highest level first, then by name and id: of those
 * at `minLevel` or above whom `wanted` accepts, the first `want`. People are read a level at a
 * time, and only until `want` are found: a topic card asks five of a topic with hundreds of
 * experts spread over every people pack, and the top level or two name them.
 */
export async function topExperts(
  db: ConstellationDB,
  topic: Ref,
  { minLevel = 0, wanted = () => true, want = Infinity }: ExpertsWanted = {},
): Promise<PersonExpertise[]> {
  if (want <= 0) return [];
  return readPacks(db, async (r) => {
    const entries = (await r.group<ExpertiseRow>('expertise@topic', topic.feedId, topic.id)).filter(
      (e) => e.level >= minLevel && wanted({ feedId: e.feedId, id: e.person }),
    );
    const levels = [...new Set(entries.map((e) => e.level))].sort((a, b) => b - a);
    const out: PersonExpertise[] = [];
    for (const level of levels) {
      const tier = entries.filter((e) => e.level === level);
      const people = await r.bulkGet<PersonRow>(
        'people',
        tier.map((e) => ({ feedId: e.feedId, id: e.person })),
      );
      const found = tier
        .flatMap((expertise, i) => {
          const person = people[i];
          return person ? [{ person, expertise }] : [];
        })
        .sort(
          (a, b) =>
            a.person.name.localeCompare(b.person.name) ||
            (a.person.id < b.person.id ? -1 : a.person.id > b.person.id ? 1 : 0),
        );
      for (const expert of found) if (out.push(expert) === want) return out;
    }
    return out;
  });
}

export function expertiseOfPerson(db: ConstellationDB, person: Ref): Promise<ExpertiseRow[]> {
  return readPacks(db, (r) => r.group<ExpertiseRow>('expertise', person.feedId, person.id));
}

/** The people of a unit (of the unit's own feed), by reference. */
function unitPeopleRefs(r: PackReader, unit: Ref): Promise<Ref[]> {
  return r.lookup('people.unit', unit.id, r.gens.has(unit.feedId) ? [unit.feedId] : []);
}

/** The ids of the people of a unit, without reading the people. */
export function peopleIdsInUnit(db: ConstellationDB, unit: Ref): Promise<string[]> {
  return readPacks(db, async (r) => (await unitPeopleRefs(r, unit)).map((ref) => ref.id));
}

export function peopleInUnit(db: ConstellationDB, unit: Ref): Promise<PersonRow[]> {
  return readPacks(db, async (r) =>
    (await r.bulkGet<PersonRow>('people', await unitPeopleRefs(r, unit))).filter(
      (p): p is PersonRow => p !== undefined,
    ),
  );
}

const PARTICIPATION_ORDER = { core: 0, active: 1, peripheral: 2 } as const;
