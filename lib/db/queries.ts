// Read queries the product needs: who is this handle/email/name, which communities does a
// person belong to, who is in a community, which communities cover a topic, who knows it.
// Members-only communities are filtered here, once, for every caller: pass the viewer's
// visibility (from `viewerOf`) and a community with visibility "members" is returned only
// when the viewer belongs to it.
import { emailKey, handleKey, nameKey } from '../model/keys';
import type { ConstellationDB } from './database';
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

/** Who is looking: their own person (if chosen) and the communities they belong to. */
export interface Viewer {
  me?: Ref;
  memberOf: ReadonlySet<string>;
}

export const ANONYMOUS: Viewer = { memberOf: new Set() };

export function communityKey(feedId: string, communityId: string): string {
  return `${feedId}\u0000${communityId}`;
}

export function canSee(
  viewer: Viewer,
  community: Pick<CommunityRow, 'feedId' | 'id' | 'visibility'>,
): boolean {
  return (
    community.visibility !== 'members' ||
    viewer.memberOf.has(communityKey(community.feedId, community.id))
  );
}

/** The current user as a viewer: "me" from local data, their feed and declared memberships. */
export async function viewerOf(db: ConstellationDB): Promise<Viewer> {
  const [meRow, declared] = await Promise.all([db.me.get('me'), db.myMemberships.toArray()]);
  const memberOf = new Set(declared.map((m) => communityKey(m.feedId, m.community)));
  if (!meRow) return { memberOf };
  const me = { feedId: meRow.feedId, id: meRow.personId };
  const rows = await db.memberships.where('[feedId+person]').equals([me.feedId, me.id]).toArray();
  for (const m of rows) memberOf.add(communityKey(m.feedId, m.community));
  return { me, memberOf };
}

export interface DataStatus {
  feeds: FeedRow[];
  /** True when the only data is the bundled demo organisation. */
  demo: boolean;
  counts: { people: number; communities: number; memberships: number; topics: number };
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

async function visibleOnly<T extends { feedId: string }>(
  db: ConstellationDB,
  rows: Promise<T[]>,
): Promise<T[]> {
  const [visible, found] = await Promise.all([visibleFeedIds(db), rows]);
  return found.filter((row) => visible.has(row.feedId));
}

export async function dataStatus(db: ConstellationDB): Promise<DataStatus> {
  // Counted from the visible feeds' rows (kept exact by every ingest and generation switch),
  // not from the tables: a generation being written must not show up in the counts.
  const feeds = await db.feeds.toArray();
  const counts = { people: 0, communities: 0, memberships: 0, topics: 0 };
  for (const feed of feeds) {
    counts.people += feed.counts.people;
    counts.communities += feed.counts.communities;
    counts.memberships += feed.counts.memberships;
    counts.topics += feed.counts.topics;
  }
  return {
    feeds,
    demo: feeds.length > 0 && feeds.every((f) => f.source === 'demo'),
    counts,
  };
}

export function getPerson(db: ConstellationDB, ref: Ref): Promise<PersonRow | undefined> {
  return db.people.get([ref.feedId, ref.id]);
}

export function getFeed(db: ConstellationDB, feedId: string): Promise<FeedRow | undefined> {
  return db.feeds.get(feedId);
}

export function getUnit(db: ConstellationDB, ref: Ref): Promise<UnitRow | undefined> {
  return db.units.get([ref.feedId, ref.id]);
}

export function getTopic(db: ConstellationDB, ref: Ref): Promise<TopicRow | undefined> {
  return db.topics.get([ref.feedId, ref.id]);
}

export async function getCommunity(
  db: ConstellationDB,
  ref: Ref,
  viewer: Viewer,
): Promise<CommunityRow | undefined> {
  const community = await db.communities.get([ref.feedId, ref.id]);
  return community && canSee(viewer, community) ? community : undefined;
}

/** People with this login on this host (case-insensitive; one per feed at most in practice). */
export function peopleByHandle(
  db: ConstellationDB,
  host: string,
  login: string,
): Promise<PersonRow[]> {
  return visibleOnly(db, db.people.where('handleKeys').equals(handleKey(host, login)).toArray());
}

export function peopleByEmail(db: ConstellationDB, email: string): Promise<PersonRow[]> {
  return visibleOnly(db, db.people.where('emailKeys').equals(emailKey(email)).toArray());
}

/** People whose name or alias equals `name` after folding case, diacritics and white space. */
export function peopleByName(db: ConstellationDB, name: string): Promise<PersonRow[]> {
  const key = nameKey(name);
  return key
    ? visibleOnly(db, db.people.where('nameKeys').equals(key).toArray())
    : Promise.resolve([]);
}

export function topicsByName(db: ConstellationDB, name: string): Promise<TopicRow[]> {
  const key = nameKey(name);
  return key
    ? visibleOnly(db, db.topics.where('nameKeys').equals(key).toArray())
    : Promise.resolve([]);
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
  const memberships = await db.memberships
    .where('[feedId+person]')
    .equals([person.feedId, person.id])
    .toArray();
  const communities = await db.communities.bulkGet(
    memberships.map((m) => [m.feedId, m.community] as [string, string]),
  );
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

/** Members of a community (empty for a members-only community the viewer is not in). */
export async function membersOfCommunity(
  db: ConstellationDB,
  community: Ref,
  viewer: Viewer,
): Promise<CommunityMember[]> {
  if (!(await getCommunity(db, community, viewer))) return [];
  const memberships = await db.memberships
    .where('[feedId+community]')
    .equals([community.feedId, community.id])
    .toArray();
  const people = await db.people.bulkGet(
    memberships.map((m) => [m.feedId, m.person] as [string, string]),
  );
  const out: CommunityMember[] = [];
  memberships.forEach((membership, i) => {
    const person = people[i];
    if (person) out.push({ person, membership });
  });
  return out.sort(
    (a, b) =>
      PARTICIPATION_ORDER[a.membership.participation] -
        PARTICIPATION_ORDER[b.membership.participation] ||
      a.person.name.localeCompare(b.person.name),
  );
}

/** Communities whose topics include this topic. */
export async function communitiesForTopic(
  db: ConstellationDB,
  topic: Ref,
  viewer: Viewer,
): Promise<CommunityRow[]> {
  const rows = await db.communities.where('topics').equals(topic.id).toArray();
  return rows
    .filter((c) => c.feedId === topic.feedId && canSee(viewer, c))
    .sort((a, b) => a.name.localeCompare(b.name));
}

export interface PersonExpertise {
  person: PersonRow;
  expertise: ExpertiseRow;
}

/** People with declared expertise in a topic, highest level first. */
export async function expertsOnTopic(db: ConstellationDB, topic: Ref): Promise<PersonExpertise[]> {
  const entries = await db.expertise
    .where('[feedId+topic]')
    .equals([topic.feedId, topic.id])
    .toArray();
  const people = await db.people.bulkGet(
    entries.map((e) => [e.feedId, e.person] as [string, string]),
  );
  const out: PersonExpertise[] = [];
  entries.forEach((expertise, i) => {
    const person = people[i];
    if (person) out.push({ person, expertise });
  });
  return out.sort(
    (a, b) => b.expertise.level - a.expertise.level || a.person.name.localeCompare(b.person.name),
  );
}

export function expertiseOfPerson(db: ConstellationDB, person: Ref): Promise<ExpertiseRow[]> {
  return db.expertise.where('[feedId+person]').equals([person.feedId, person.id]).toArray();
}

export function peopleInUnit(db: ConstellationDB, unit: Ref): Promise<PersonRow[]> {
  return db.people.where('[feedId+unit]').equals([unit.feedId, unit.id]).toArray();
}

const PARTICIPATION_ORDER = { core: 0, active: 1, peripheral: 2 } as const;
