// The counts a viewer may see: the loaded feeds' totals minus members-only communities the
// viewer does not belong to, and those communities' memberships. The popup's header, the
// options page and the boundaries view all show these, so one screen never says 25 where
// another says 23 (issue 17). Feed rows keep the raw totals (what was ingested); this is the
// one place that turns them into what this user is shown.
//
// The popup reads this before its first paint, so it must not scan: each feed row carries its
// members-only communities with their membership counts (`FeedRow.membersOnly`), exact for
// the rows readers see: counted from the rows in memory by a whole-feed write
// (`membersOnlyOfRows`, lib/db/ingest.ts), read back from the stored rows inside the
// transaction that switches a chunked generation (`membersOnlyOfFeed`, lib/db/generations.ts).
import type { ConstellationDB } from './database';
import { readPacks } from './packed';
import { compareKeys } from './packs';
import { dataStatus } from './queries';
import { viewerStatusOf, type DataStatus, type Viewer, type ViewerStatus } from './viewer';
import type { CommunityRow, MembersOnlyCount } from './schema';

export type { ViewerStatus } from './viewer';

/** `raw` may be given when the caller started reading the feeds' totals already. */
export async function viewerStatus(
  db: ConstellationDB,
  viewer: Viewer,
  raw: Promise<DataStatus> = dataStatus(db),
): Promise<ViewerStatus> {
  const status = await raw;
  const membersOnly: MembersOnlyCount[][] = [];
  for (const feed of status.feeds)
    membersOnly.push(feed.membersOnly ?? (await membersOnlyOfFeed(db, feed.feedId)));
  return viewerStatusOf(status, viewer, membersOnly);
}

/**
 * The members-only communities of rows about to be written and how many memberships each has,
 * counted in memory (a whole-feed write has every row at hand; nothing is read back).
 */
export function membersOnlyOfRows(
  communities: readonly { id: string; visibility?: string | undefined }[],
  memberships: readonly { community: string }[],
): MembersOnlyCount[] {
  const counts = new Map<string, number>();
  for (const c of communities) if (c.visibility === 'members') counts.set(c.id, 0);
  for (const m of memberships) {
    const n = counts.get(m.community);
    if (n !== undefined) counts.set(m.community, n + 1);
  }
  return [...counts]
    .map(([community, n]) => ({ community, memberships: n }))
    .sort((a, b) => compareKeys(a.community, b.community));
}

/**
 * One feed's members-only communities and how many memberships each has, read from the
 * stored rows (call inside the transaction that writes the feed row to keep them exact).
 * `visibility` is not indexed: communities are few next to people and memberships, so one
 * pass over the feed's communities, then a count per members-only one through the
 * [feedId+community] index.
 */
export async function membersOnlyOfFeed(
  db: ConstellationDB,
  feedId: string,
): Promise<MembersOnlyCount[]> {
  return readPacks(db, async (r) => {
    if (!r.gens.has(feedId)) return [];
    const ids = (await r.all<CommunityRow>('communities', feedId))
      .filter((c) => c.visibility === 'members')
      .map((c) => c.id);
    const members = await r.groups(
      'memberships@community',
      ids.map((id) => ({ feedId, id })),
    );
    return ids.map((community, i) => ({ community, memberships: members[i]!.length }));
  });
}
