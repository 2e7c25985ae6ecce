// The counts a viewer may see: the loaded feeds' totals minus members-only communities the
// viewer does not belong to, and those communities' memberships. The popup's header, the
// options page and the boundaries view all show these, so one screen never says 25 where
// another says 23 (issue 17). Feed rows keep the raw totals (what was ingested); this is the
// one place that turns them into what this user is shown.
import type { ConstellationDB } from './database';
import { canSee, dataStatus, visibleFeedIds, type DataStatus, type Viewer } from './queries';

export interface ViewerStatus extends DataStatus {
  /** Members-only communities left out of `counts` because the viewer is not a member. */
  hiddenCommunities: number;
}

export async function viewerStatus(db: ConstellationDB, viewer: Viewer): Promise<ViewerStatus> {
  const [status, visible] = await Promise.all([dataStatus(db), visibleFeedIds(db)]);
  // `visibility` is not indexed; communities are few (hundreds to a few thousand) next to
  // people and memberships, so one pass over them is cheap, and only the hidden ones' member
  // counts are read, through the [feedId+community] index.
  const hidden = await db.communities
    .filter((c) => visible.has(c.feedId) && !canSee(viewer, c))
    .toArray();
  if (hidden.length === 0) return { ...status, hiddenCommunities: 0 };
  const hiddenMemberships = await Promise.all(
    hidden.map((c) => db.memberships.where('[feedId+community]').equals([c.feedId, c.id]).count()),
  );
  return {
    ...status,
    hiddenCommunities: hidden.length,
    counts: {
      ...status.counts,
      communities: status.counts.communities - hidden.length,
      memberships: status.counts.memberships - hiddenMemberships.reduce((a, b) => a + b, 0),
    },
  };
}
