// A community: its domain, stage and standing, how to take part (channels, meetings,
// repertoire), members grouped by participation with their roles, units and companies it
// spans, related communities, and follow/unfollow (local data). Its head (members counted)
// shows first, marked busy, while the members are read.
import { useState } from 'preact/hooks';
import type { ConstellationDB } from '../../lib/db/database';
import { follow, unfollow } from '../../lib/db/local';
import type { Viewer } from '../../lib/db/queries';
import { communityDetail, communityHead } from '../../lib/db/views';
import type { CommunityRow, Ref } from '../../lib/db/schema';
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
  // A large community's first members of each level answer first (a few kilobytes of its
  // digest at any size); all of them are read when a level is asked for more.
  const [all, setAll] = useState(false);
  const state = useLiveQuery(
    () => communityDetail(db, ref, viewer, { members: all ? 'all' : 'first' }),
    [db, ref.feedId, ref.id, viewer, all],
  );
  // The head (a large community's digest, else the memberships alone) answers first; the
  // members and the units they span follow (from the digest, else every member's record:
  // most of a second for a community of everyone at 100,000 people). Once the whole view has
  // answered, the head is not read again (not on every later change to the data).
  const waiting = state.status === 'loading';
  const head = useLiveQuery(
    () => (waiting ? communityHead(db, ref, viewer) : Promise.resolve(undefined)),
    [db, ref.feedId, ref.id, viewer, waiting],
  );
  if (state.status === 'error')
    return <p role="alert">Could not load this community: {state.error}</p>;
  if (state.status === 'loading') {
    if (head.status !== 'ready') return <p class="loading">Loading…</p>;
    if (!head.value) return <NotShown />;
    const { community, members, following } = head.value;
    const count = members.core + members.active + members.peripheral;
    return (
      <section
        class="community-head"
        aria-labelledby="community-title"
        aria-busy="true"
        data-community={community.id}
      >
        <CommunityTop
          db={db}
          community={community}
          facts={{ community, members }}
          following={following}
        />
        <h3>Members</h3>
        <p class="loading">Loading {count.toLocaleString()} members…</p>
      </section>
    );
  }
  if (!state.value) return <NotShown />;
  const { community, summary, members, complete, following, related, unitNames } = state.value;

  return (
    <section class="community-view" aria-labelledby="community-title" data-community={community.id}>
      <CommunityTop db={db} community={community} facts={summary} following={following} />
      <h3>Members</h3>
      {PARTICIPATION_LEVELS.map((level) => {
        const group = members.filter((m) => m.membership.participation === level);
        if (group.length === 0) return null;
        return (
          <MemberGroup
            key={level}
            level={level}
            members={group}
            total={complete ? group.length : summary.members[level]}
            onMore={complete ? undefined : () => setAll(true)}
            nav={nav}
          />
        );
      })}
      <p class="meta">
        Spans {unitNames.join(', ') || 'no units'}
        {summary.companies.length ? ` · ${summary.companies.join(', ')}` : ''}
      </p>
      <CommunityLinks title="Related communities" communities={related} nav={nav} />
    </section>
  );
}

function NotShown() {
  return (
    <p role="alert">This community is not in your data, or it is shown only to its members.</p>
  );
}

/** Name, facts, evidence, domain, follow and how to take part: the same while members load. */
function CommunityTop(props: {
  db: ConstellationDB;
  community: CommunityRow;
  facts: Parameters<typeof CommunityFacts>[0]['summary'];
  following: boolean;
}) {
  const { db, community, facts, following } = props;
  const ref = { feedId: community.feedId, id: community.id };
  return (
    <>
      <h2 id="community-title">
        {community.name}
        <DiscoveredBadge community={community} />
      </h2>
      <CommunityFacts summary={facts} />
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
    </>
  );
}
