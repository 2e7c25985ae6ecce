// A community: its domain, stage and standing, how to take part (channels, meetings,
// repertoire), members grouped by participation with their roles, units and companies it
// spans, related communities, and follow/unfollow (local data).
import type { ConstellationDB } from '../../lib/db/database';
import { follow, unfollow } from '../../lib/db/local';
import type { Viewer } from '../../lib/db/queries';
import { communityDetail } from '../../lib/db/views';
import type { Ref } from '../../lib/db/schema';
import { PARTICIPATION_LEVELS } from '../../lib/model/vocabulary';
import { useLiveQuery } from '../useLiveQuery';
import { CommunityFacts } from './CommunityFacts';
import { CommunityLinks } from './CommunityLinks';
import { MemberGroup } from './MemberGroup';
import type { Navigator } from './navigation';
import { TakePart } from './TakePart';
import { DiscoveredBadge, DiscoveredNote } from './Discovered';
import { isDiscovered } from '../../lib/discovered';

export function CommunityView(props: {
  db: ConstellationDB;
  viewer: Viewer;
  nav: Navigator;
  community: Ref;
}) {
  const { db, viewer, nav, community: ref } = props;
  const state = useLiveQuery(
    () => communityDetail(db, ref, viewer),
    [db, ref.feedId, ref.id, viewer],
  );
  if (state.status === 'loading') return <p class="loading">Loading…</p>;
  if (state.status === 'error')
    return <p role="alert">Could not load this community: {state.error}</p>;
  if (!state.value)
    return (
      <p role="alert">This community is not in your data, or it is shown only to its members.</p>
    );
  const { community, summary, members, following, related, unitNames } = state.value;

  return (
    <section class="community-view" aria-labelledby="community-title" data-community={community.id}>
      <h2 id="community-title">
        {community.name}
        <DiscoveredBadge community={community} />
      </h2>
      <CommunityFacts summary={summary} />
      <DiscoveredNote community={community} />
      {!isDiscovered(community) && community.evidence && (
        // A declared community that a history confirmed (docs/discovery.md): its evidence.
        <p class="meta evidence-line" data-evidence>
          Also seen in shared work: {community.evidence.summary}
        </p>
      )}
      <p class="domain">{community.domain}</p>
      <button
        type="button"
        class="follow"
        aria-pressed={following}
        onClick={() => void (following ? unfollow(db, ref) : follow(db, ref))}
      >
        {following ? 'Following — unfollow' : 'Follow'}
      </button>
      <TakePart db={db} community={community} />
      <h3>Members</h3>
      {PARTICIPATION_LEVELS.map((level) => {
        const group = members.filter((m) => m.membership.participation === level);
        if (group.length === 0) return null;
        return <MemberGroup key={level} level={level} members={group} nav={nav} />;
      })}
      <p class="meta">
        Spans {unitNames.join(', ') || 'no units'}
        {summary.companies.length ? ` · ${summary.companies.join(', ')}` : ''}
      </p>
      <CommunityLinks title="Related communities" communities={related} nav={nav} />
    </section>
  );
}
