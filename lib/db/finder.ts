// Gathers what the popup's peer finder needs from the database: the people who know a topic
// (experts and members of communities covering it, with how many of my communities each one
// shares), community summaries (members by participation, units spanned), the path from me to
// someone through communities, and signals for "where to participate". Ranking is lib/rank/peers.ts.
import type { ConstellationDB } from './database';
import { readPacks, type PackReader } from './packed';
import { canSee, countByParticipation, type Viewer } from './queries';
import type { CommunityRow, ExpertiseRow, MembershipRow, PersonRow, Ref, UnitRow } from './schema';
import type { PeerEvidence } from '../rank/peers';
import type { Participation } from '../model/vocabulary';
import { digestSummary, readMembersAndUnits, spansOf } from './community-digest';

type Key2 = [string, string];

/** Every person with expertise on the topic or a membership in a (visible) community covering it. */
export async function peerEvidenceForTopic(
  db: ConstellationDB,
  topic: Ref,
  viewer: Viewer,
): Promise<{ evidence: PeerEvidence[]; communities: CommunityRow[]; units: UnitRow[] }> {
  const { covering, expertise, memberships, people } = await readPacks(db, async (r) => {
    const feedIds = r.gens.has(topic.feedId) ? [topic.feedId] : [];
    const covering = (
      await r.bulkGet<CommunityRow>(
        'communities',
        await r.lookup('communities.topics', topic.id, feedIds),
      )
    ).filter((c): c is CommunityRow => c !== undefined && canSee(viewer, c));
    const [expertise, memberships] = await Promise.all([
      r.group<ExpertiseRow>('expertise@topic', topic.feedId, topic.id),
      r.groups<MembershipRow>('memberships@community', covering).then((g) => g.flat()),
    ]);
    const ids = new Set([...expertise.map((e) => e.person), ...memberships.map((m) => m.person)]);
    const people = await r.bulkGet<PersonRow>(
      'people',
      [...ids].map((id) => ({ feedId: topic.feedId, id })),
    );
    return { covering, expertise, memberships, people };
  });
  const units = await unitsOfFeed(db, topic.feedId);
  // People whose company is not given take their unit's.
  const unitCompany = new Map(
    units.flatMap((u) => (u.company ? [[u.id, u.company] as const] : [])),
  );
  const shared = await sharedCommunityCounts(db, viewer, topic.feedId);
  const names = new Map(covering.map((c) => [c.id, c.name]));

  const byPerson = new Map<string, PeerEvidence>();
  for (const person of people) {
    if (!person) continue;
    const entry: PeerEvidence = {
      personId: person.id,
      name: person.name,
      memberships: [],
      sharedWithMe: shared.get(person.id) ?? 0,
    };
    if (person.unit) entry.unit = person.unit;
    const company = person.company ?? (person.unit ? unitCompany.get(person.unit) : undefined);
    if (company) entry.company = company;
    byPerson.set(person.id, entry);
  }
  for (const e of expertise) {
    const entry = byPerson.get(e.person);
    if (entry) entry.level = e.level;
  }
  for (const m of memberships) {
    byPerson.get(m.person)?.memberships.push({
      communityId: m.community,
      communityName: names.get(m.community) ?? m.community,
      participation: m.participation,
      roles: m.roles,
    });
  }
  return { evidence: [...byPerson.values()], communities: covering, units };
}

/** Every unit of one feed (a few thousand rows at most). */
export function unitsOfFeed(db: ConstellationDB, feedId: string): Promise<UnitRow[]> {
  return readPacks(db, (r) =>
    r.gens.has(feedId) ? r.all<UnitRow>('units', feedId) : Promise.resolve([]),
  );
}

/** Person id → how many of the viewer's communities (in this feed) they are in. */
async function sharedCommunityCounts(
  db: ConstellationDB,
  viewer: Viewer,
  feedId: string,
): Promise<Map<string, number>> {
  const mine = [...viewer.memberOf]
    .map((key) => key.split('\u0000') as Key2)
    .filter(([f]) => f === feedId);
  const counts = new Map<string, number>();
  if (mine.length === 0) return counts;
  const rows = (
    await readPacks(db, (r) =>
      r.groups<MembershipRow>(
        'memberships@community',
        mine.map(([f, id]) => ({ feedId: f, id })),
      ),
    )
  ).flat();
  for (const row of rows) counts.set(row.person, (counts.get(row.person) ?? 0) + 1);
  return counts;
}

export interface CommunitySummary {
  community: CommunityRow;
  members: Record<Participation, number>;
  units: string[];
  companies: string[];
}

// Summaries are remembered per database, community and feed version: typing in the search box
// shows the same few communities keystroke after keystroke, and each summary reads every
// member. The version is the generation the feeds row names (never reused within a database)
// with the sync's clock reading: a clock reading alone repeats (a clock set back; two
// databases, as in tests, landing their feeds at the same moment).
const summaryCaches = new WeakMap<ConstellationDB, Map<string, CommunitySummary>>();
const SUMMARY_CACHE_LIMIT = 500;

/** Members by participation and the units/companies a community spans. */
export async function summarizeCommunities(
  db: ConstellationDB,
  communities: CommunityRow[],
): Promise<CommunitySummary[]> {
  const versions = new Map(
    (await db.feeds.toArray()).map((f) => [f.feedId, `${f.gen ?? ''}\u0000${f.ingestedAt}`]),
  );
  const cache = summaryCaches.get(db) ?? new Map<string, CommunitySummary>();
  summaryCaches.set(db, cache);
  return Promise.all(
    communities.map(async (community) => {
      const key = `${community.feedId}\u0000${community.id}\u0000${versions.get(community.feedId) ?? ''}`;
      const cached = cache.get(key);
      if (cached && cached.community === community) return cached;
      if (cached) return { ...cached, community };
      const summary = await summarizeCommunity(db, community);
      if (cache.size >= SUMMARY_CACHE_LIMIT) cache.clear();
      cache.set(key, summary);
      return summary;
    }),
  );
}

async function summarizeCommunity(
  db: ConstellationDB,
  community: CommunityRow,
): Promise<CommunitySummary> {
  return readPacks(db, async (r) => {
    // A large community's digest holds its summary (lib/db/community-digest.ts).
    const digest = await digestSummary(db, r, community);
    if (digest) {
      const { counts, units, companies } = digest;
      return { community, members: { ...counts }, units, companies };
    }
    const { memberships, people, unitCompany } = await readMembersAndUnits(r, community);
    const members = countByParticipation(memberships);
    return { community, members, ...spansOf(people, unitCompany) };
  });
}

/** One step of a path: a person, and the community that links them to the next one. */
export interface PathStep {
  person: PersonRow;
  via?: CommunityRow;
}

/**
 * The shortest path from me to `target` through shared communities, up to one intermediary:
 * [me, target] when we share a community, [me, X, target] through a person X who shares one
 * with each of us, or undefined. Each step names the community that links it to the next.
 */
export async function pathTo(
  db: ConstellationDB,
  me: Ref,
  target: Ref,
  viewer: Viewer,
): Promise<PathStep[] | undefined> {
  if (me.feedId !== target.feedId || me.id === target.id) return undefined;
  return readPacks(db, (r) => pathThrough(r, me, target, viewer));
}

async function pathThrough(
  r: PackReader,
  me: Ref,
  target: Ref,
  viewer: Viewer,
): Promise<PathStep[] | undefined> {
  const feedId = me.feedId;
  const membershipsOf = (person: string) => r.group<MembershipRow>('memberships', feedId, person);
  const inCommunities = async (ids: Iterable<string>) =>
    (
      await r.groups<MembershipRow>(
        'memberships@community',
        [...ids].map((id) => ({ feedId, id })),
      )
    ).flat();
  const [mine, theirs] = await Promise.all([membershipsOf(me.id), membershipsOf(target.id)]);
  const communities = new Map(
    (
      await r.bulkGet<CommunityRow>(
        'communities',
        [...new Set([...mine, ...theirs].map((m) => m.community))].map((id) => ({ feedId, id })),
      )
    )
      .filter((c): c is CommunityRow => c !== undefined && canSee(viewer, c))
      .map((c) => [c.id, c]),
  );
  const myCommunities = mine.map((m) => m.community).filter((c) => communities.has(c));
  const theirCommunities = new Set(
    theirs.map((m) => m.community).filter((c) => communities.has(c)),
  );
  const [meRow, targetRow] = await r.bulkGet<PersonRow>('people', [
    { feedId, id: me.id },
    { feedId, id: target.id },
  ]);
  if (!meRow || !targetRow) return undefined;

  const direct = myCommunities.find((c) => theirCommunities.has(c));
  if (direct) return [{ person: meRow, via: communities.get(direct)! }, { person: targetRow }];

  // One intermediary: someone in one of my communities who is also in one of theirs.
  const nearMe = await inCommunities(myCommunities);
  const nearThem = await inCommunities(theirCommunities);
  const theirSideOf = new Map<string, string>();
  for (const m of nearThem) if (!theirSideOf.has(m.person)) theirSideOf.set(m.person, m.community);
  const bridge = nearMe
    .filter((m) => m.person !== me.id && m.person !== target.id && theirSideOf.has(m.person))
    .sort((a, b) => a.person.localeCompare(b.person))[0];
  if (!bridge) return undefined;
  const middle = await r.get<PersonRow>('people', feedId, bridge.person);
  if (!middle) return undefined;
  return [
    { person: meRow, via: communities.get(bridge.community)! },
    { person: middle, via: communities.get(theirSideOf.get(bridge.person)!)! },
    { person: targetRow },
  ];
}
