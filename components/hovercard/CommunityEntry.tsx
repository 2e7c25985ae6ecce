// One community on a hovercard: name, the viewer's membership, stage, standing, whether it
// takes newcomers and how to take part. Feed URLs become links only when they are https (or
// loopback http): feed data is untrusted.
import type { CardDiscovered, TopicCardCommunity } from '../../lib/annotate/cards';
import { DISCOVERED_BADGE, DISCOVERED_TITLE } from '../../lib/discovered';
import { isSafeUrl } from '../../lib/model/safe-url';
import { DisplayText } from '../DisplayText';

export function MaybeLink({ url, children }: { url?: string; children: string }) {
  // The background already applied the rule with the feed's origin; this is the last guard.
  return url && isSafeUrl(url, 'loopback-feed') ? (
    <a href={url} target="_blank" rel="noopener noreferrer">
      {children}
    </a>
  ) : (
    <>{children}</>
  );
}

/** The "discovered" tag of a community found from shared work (issue 16). */
export function DiscoveredTag({ discovered }: { discovered?: CardDiscovered | undefined }) {
  if (!discovered) return null;
  return (
    <span class="discovered-tag" title={DISCOVERED_TITLE} data-field="discovered">
      {DISCOVERED_BADGE}
    </span>
  );
}

/**
 * Where and when it was found (never a chartered community), and the evidence: the
 * community's own, or — on a person's card — that person's part in it.
 */
export function DiscoveredInfo({
  discovered,
  evidence = discovered?.evidence,
}: {
  discovered?: CardDiscovered | undefined;
  evidence?: string | undefined;
}) {
  if (!discovered) return null;
  return (
    <span class="discovered-info" data-field="discovered-info">
      <span>{discovered.origin}</span>
      {evidence && (
        <>
          {' '}
          <span data-evidence>{evidence}</span>
        </>
      )}
    </span>
  );
}

/** Stage, standing and newcomers, as tags. */
export function CommunityFacts({
  community,
}: {
  community: Pick<TopicCardCommunity, 'stage' | 'standing' | 'openToNewcomers'>;
}) {
  return (
    <p class="meta">
      <span class="tag" data-field="stage">
        {community.stage}
      </span>
      <span class="tag" data-field="standing">
        {community.standing}
      </span>
      <span data-field="newcomers">
        {community.openToNewcomers ? 'open to newcomers' : 'not taking newcomers now'}
      </span>
    </p>
  );
}

/** Channels and meetings: how to take part. */
export function TakePart({
  community,
}: {
  community: Pick<TopicCardCommunity, 'channels' | 'meetings'>;
}) {
  if (community.channels.length === 0 && community.meetings.length === 0) return null;
  return (
    <ul data-field="take-part">
      {community.channels.map((channel, i) => (
        <li key={`c${i}`}>
          {channel.kind}: <MaybeLink url={channel.url}>{channel.label}</MaybeLink>
        </li>
      ))}
      {community.meetings.map((meeting, i) => (
        <li key={`m${i}`}>
          meeting: <MaybeLink url={meeting.url}>{meeting.title}</MaybeLink>
          {meeting.schedule && <span class="meta"> — {meeting.schedule}</span>}
        </li>
      ))}
    </ul>
  );
}

export function Community({ community }: { community: TopicCardCommunity }) {
  return (
    <li class="community" data-community={community.id}>
      <strong>
        <DisplayText value={community.name} />
      </strong>
      <DiscoveredTag discovered={community.discovered} />
      {community.mine && <span class="shared">you are a member</span>}
      <CommunityFacts community={community} />
      <DiscoveredInfo discovered={community.discovered} />
      <TakePart community={community} />
    </li>
  );
}
