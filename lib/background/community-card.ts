// Hovercard contents for a community named on a page (issue 14): stage and standing, how to
// take part (open to newcomers, channels, meetings), whom to ask (leaders, then core
// members), and the viewer's relation to it. Members-only communities the viewer cannot see
// are refused like missing ones (getCommunity applies canSee).
import type { ConstellationDB } from '../db/database';
import { communityKey, dataStatus, getCommunity, getTopic, viewerOf } from '../db/queries';
import { communityContacts } from '../db/community-digest';
import type { CommunityRow, Ref } from '../db/schema';
import { getFeed } from '../db/queries';
import { isSafeUrl, originOfFeed, type LinkOrigin } from '../model/safe-url';
import type {
  CardDiscovered,
  CommunityCard,
  CommunityContact,
  TopicCardCommunity,
} from '../annotate/cards';
import { discoveredOrigin, evidenceLine, isDiscovered } from '../discovered';

const MAX_TO_ASK = 5;

/** The fields a card shows of a community (shared with the topic card). */
/** The entry without its URL when the URL may not be a link for a feed of this origin. */
function withSafeUrl<T extends { url?: string }>(entry: T, origin: LinkOrigin): T {
  if (entry.url === undefined || isSafeUrl(entry.url, origin)) return entry;
  const { url: _refused, ...rest } = entry;
  return rest as T;
}

/** The card label of a community discovered from shared work; nothing for a declared one. */
export function cardDiscovered(c: CommunityRow): { discovered?: CardDiscovered } {
  if (!isDiscovered(c)) return {};
  const evidence = evidenceLine(c.evidence);
  return {
    discovered: { origin: discoveredOrigin(c), ...(evidence ? { evidence } : {}) },
  };
}

/** One community as cards show it; links are checked against where its feed came from. */
export function cardCommunity(
  c: CommunityRow,
  mine: boolean,
  origin: LinkOrigin,
): TopicCardCommunity {
  return {
    feedId: c.feedId,
    id: c.id,
    name: c.name,
    stage: c.stage,
    standing: c.standing,
    domain: c.domain,
    openToNewcomers: c.openToNewcomers,
    channels: c.channels.map((channel) => withSafeUrl(channel, origin)),
    meetings: c.meetings.map((meeting) => withSafeUrl(meeting, origin)),
    mine,
    ...cardDiscovered(c),
  };
}

export async function annotateCommunityCard(db: ConstellationDB, ref: Ref): Promise<CommunityCard> {
  const viewer = await viewerOf(db);
  const [community, status] = await Promise.all([getCommunity(db, ref, viewer), dataStatus(db)]);
  if (!community) throw new Error(`no community ${ref.id} in feed ${ref.feedId}`);
  const members = await communityContacts(db, community, viewer, MAX_TO_ASK);
  const mine = viewer.memberOf.has(communityKey(community.feedId, community.id));
  const myRow = members.mine;
  const contacts: CommunityContact[] = members.contacts.map(({ person, membership }) => ({
    feedId: person.feedId,
    id: person.id,
    name: person.name,
    participation: membership.participation,
    roles: membership.roles,
  }));
  const topics = await Promise.all(
    community.topics.map((id) => getTopic(db, { feedId: community.feedId, id })),
  );
  const origin = originOfFeed((await getFeed(db, community.feedId))?.url);
  const { mine: _mine, ...fields } = cardCommunity(community, mine, origin);
  void _mine;
  const card: CommunityCard = {
    kind: 'community',
    ...fields,
    viewerKnown: viewer.me !== undefined,
    demo: status.demo,
    me: myRow
      ? {
          member: true,
          participation: myRow.participation,
          roles: myRow.roles,
        }
      : { member: mine },
    members: members.count,
    topics: topics.filter((t) => t !== undefined).map((t) => t.label),
    ask: contacts,
  };
  if (community.lastActivity) card.lastActivity = community.lastActivity;
  return card;
}

/**
 * The topic card's order: communities named on this page first, then the viewer's, then by
 * last activity (most recent first; none = oldest), then by name.
 */
export function byRelevance(
  communities: CommunityRow[],
  namedOnPage: ReadonlySet<string>,
  memberOf: ReadonlySet<string>,
): CommunityRow[] {
  const rank = (c: CommunityRow) => {
    const key = communityKey(c.feedId, c.id);
    return namedOnPage.has(key) ? 0 : memberOf.has(key) ? 1 : 2;
  };
  return [...communities].sort(
    (a, b) =>
      rank(a) - rank(b) ||
      (b.lastActivity ?? '').localeCompare(a.lastActivity ?? '') ||
      a.name.localeCompare(b.name),
  );
}
