// Bulk reads for the boundaries view: every visible community, membership, person, unit and
// topic as one consistent snapshot (readPacks), so the analyses (lib/boundaries, pure) never mix
// two generations of a feed. Only feeds with a feeds row are read, and members-only communities the
// viewer does not belong to are left out together with their memberships (`canSee`), so no
// analysis can count, rank or reveal them.
import type { ConstellationDB } from './database';
import { readPacks, type PackReader } from './packed';
import { canSee, viewerOf, type Viewer } from './queries';
import type { CommunityRow, FeedRow, MembershipRow, PersonRow, TopicRow, UnitRow } from './schema';

/** What the boundaries view reads of a person (PersonRecord, lib/boundaries/types.ts). */
export type LoadedPerson = Pick<PersonRow, 'feedId' | 'id' | 'name' | 'unit' | 'company'>;

/** The fields read of every person (each keeps its feed id, which is the pack's). */
const PERSON_FIELDS: ReadonlySet<Exclude<keyof LoadedPerson, 'feedId'>> = new Set([
  'id',
  'name',
  'unit',
  'company',
]);

/**
 * Every visible person as the view reads them: their emails, handles and aliases are not
 * decoded (a 100k directory's people are the largest list it reads after the memberships).
 */
export function viewPeople(r: PackReader): Promise<LoadedPerson[]> {
  return r.all<LoadedPerson>('people', undefined, PERSON_FIELDS);
}

export interface LoadedConstellation {
  feeds: FeedRow[];
  viewer: Viewer;
  communities: CommunityRow[];
  people: LoadedPerson[];
  units: UnitRow[];
  topics: TopicRow[];
  memberships: MembershipRow[];
  /** Members-only communities left out because the viewer is not a member. */
  hiddenCommunities: number;
}

function inVisibleFeeds<T extends { feedId: string }>(rows: T[], visible: Set<string>): T[] {
  // Usually every row is visible; avoid copying 300k rows when nothing would be dropped.
  return rows.every((row) => visible.has(row.feedId))
    ? rows
    : rows.filter((row) => visible.has(row.feedId));
}

export async function loadConstellation(db: ConstellationDB): Promise<LoadedConstellation> {
  // No transaction of its own: readPacks is one consistent snapshot without one (it reads the
  // generations again after its reads and runs again on a switch), and an explicit one around
  // reads chained through native promises (Promise.all) can finish under them ("transaction
  // has finished", seen in the popup). The feeds rows are read inside the snapshot, so they
  // name the same generations as the records.
  const [viewer, read] = await Promise.all([
    viewerOf(db),
    readPacks(db, async (r) => {
      const [feeds, communities, people, units, topics, memberships] = await Promise.all([
        db.feeds.toArray(),
        r.all<CommunityRow>('communities'),
        viewPeople(r),
        r.all<UnitRow>('units'),
        r.all<TopicRow>('topics'),
        r.all<MembershipRow>('memberships'),
      ]);
      return { feeds, communities, people, units, topics, memberships };
    }),
  ]);
  const { feeds, communities, people, units, topics, memberships } = read;
  const visible = new Set(feeds.map((feed) => feed.feedId));
  const shown: CommunityRow[] = [];
  const hidden = new Map<string, Set<string>>();
  for (const community of inVisibleFeeds(communities, visible)) {
    if (canSee(viewer, community)) shown.push(community);
    else {
      let ids = hidden.get(community.feedId);
      if (!ids) hidden.set(community.feedId, (ids = new Set()));
      ids.add(community.id);
    }
  }
  let visibleMemberships = inVisibleFeeds(memberships, visible);
  if (hidden.size > 0) {
    visibleMemberships = visibleMemberships.filter((m) => !hidden.get(m.feedId)?.has(m.community));
  }
  return {
    feeds,
    viewer,
    communities: shown,
    people: inVisibleFeeds(people, visible),
    units: inVisibleFeeds(units, visible),
    topics: inVisibleFeeds(topics, visible),
    memberships: visibleMemberships,
    hiddenCommunities: [...hidden.values()].reduce((sum, ids) => sum + ids.size, 0),
  };
}

/** The day signals are judged on: the newest visible feed's date, else today. */
export function asOfDate(feeds: readonly FeedRow[], today = new Date()): string {
  const times = feeds.map((feed) => Date.parse(feed.generatedAt)).filter(Number.isFinite);
  return (times.length ? new Date(Math.max(...times)) : today).toISOString().slice(0, 10);
}
