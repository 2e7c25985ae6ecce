// Who is looking and what they may count: the pure parts of the popup's first screen, shared by
// the Dexie reads (queries.ts, visible-counts.ts, first-screen.ts) and the popup's first read
// through raw IndexedDB (first-screen-raw.ts), which must not load Dexie. So this module
// imports no Dexie, and neither path keeps a copy of these rules.
import type {
  FeedRow,
  MembersOnlyCount,
  MembershipRow,
  MeRow,
  MyMembershipRow,
  PersonRow,
  Ref,
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
  community: { feedId: string; id: string; visibility?: string | undefined },
): boolean {
  return (
    community.visibility !== 'members' ||
    viewer.memberOf.has(communityKey(community.feedId, community.id))
  );
}

/**
 * The viewer from the local rows: "me" (if chosen), the memberships I declared, and (when "me"
 * is chosen) my memberships in my feed.
 */
export function viewerOfRows(
  meRow: MeRow | undefined,
  declared: readonly Pick<MyMembershipRow, 'feedId' | 'community'>[],
  mine: readonly Pick<MembershipRow, 'feedId' | 'community'>[],
): Viewer {
  const memberOf = new Set(declared.map((m) => communityKey(m.feedId, m.community)));
  if (!meRow) return { memberOf };
  for (const m of mine) memberOf.add(communityKey(m.feedId, m.community));
  return { me: { feedId: meRow.feedId, id: meRow.personId }, memberOf };
}

export interface DataStatus {
  feeds: FeedRow[];
  /** True when the only data is the bundled demo organisation. */
  demo: boolean;
  counts: { people: number; communities: number; memberships: number; topics: number };
}

/**
 * The loaded feeds' totals, summed from the visible feeds' rows (kept exact by every ingest
 * and generation switch), not from the tables: a generation being written must not show up.
 */
export function dataStatusOf(feeds: FeedRow[]): DataStatus {
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

export interface ViewerStatus extends DataStatus {
  /** Members-only communities left out of `counts` because the viewer is not a member. */
  hiddenCommunities: number;
}

/**
 * The counts this viewer may see: `status` less the members-only communities they are not
 * in, and those communities' memberships. `membersOnly[i]` lists feed i's members-only
 * communities (its row's `membersOnly`, or a scan of its rows when the row predates it).
 */
export function viewerStatusOf(
  status: DataStatus,
  viewer: Viewer,
  membersOnly: readonly (readonly MembersOnlyCount[])[],
): ViewerStatus {
  let hiddenCommunities = 0;
  let hiddenMemberships = 0;
  status.feeds.forEach((feed, i) => {
    for (const { community, memberships } of membersOnly[i]!) {
      if (viewer.memberOf.has(communityKey(feed.feedId, community))) continue;
      hiddenCommunities += 1;
      hiddenMemberships += memberships;
    }
  });
  if (hiddenCommunities === 0) return { ...status, hiddenCommunities: 0 };
  return {
    ...status,
    hiddenCommunities,
    counts: {
      ...status.counts,
      communities: status.counts.communities - hiddenCommunities,
      memberships: status.counts.memberships - hiddenMemberships,
    },
  };
}

/** What the popup's first screen shows, read before its first render. */
export interface FirstScreen {
  /** Counts as this viewer may see them (members-only communities they are not in left out). */
  status: ViewerStatus;
  viewer: Viewer;
  /** My own person, when I chose one (null when anonymous or no longer in any feed). */
  me: PersonRow | null;
}
