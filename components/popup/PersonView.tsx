// A person: unit and company, how to reach them, what we share ("your colleague in …"), the
// path to them through communities, all their memberships with roles, and their expertise.
import type { ConstellationDB } from '../../lib/db/database';
import { communityKey, type Viewer } from '../../lib/db/queries';
import { personDetail } from '../../lib/db/views';
import type { Ref } from '../../lib/db/schema';
import { EXPERTISE_LEVEL_NAMES } from '../../lib/model/vocabulary';
import { useLiveQuery } from '../useLiveQuery';
import type { Navigator } from './navigation';
import { ContactLinks } from './PersonRow';
import { DiscoveredBadge, DiscoveredNote } from './Discovered';
import { evidenceLine, isDiscovered } from '../../lib/discovered';

export function PersonView(props: {
  db: ConstellationDB;
  viewer: Viewer;
  nav: Navigator;
  person: Ref;
}) {
  const { db, viewer, nav, person: ref } = props;
  const state = useLiveQuery(() => personDetail(db, ref, viewer), [db, ref.feedId, ref.id, viewer]);
  if (state.status === 'loading') return <p class="loading">Loading…</p>;
  if (state.status === 'error')
    return <p role="alert">Could not load this person: {state.error}</p>;
  if (!state.value) return <p role="alert">This person is no longer in your data.</p>;
  const { person, unit, memberships, expertise, path } = state.value;
  const isMe = viewer.me?.feedId === ref.feedId && viewer.me.id === ref.id;
  const shared = memberships.filter((m) =>
    viewer.memberOf.has(communityKey(m.community.feedId, m.community.id)),
  );

  return (
    <section class="person-view" aria-labelledby="person-title" data-person={person.id}>
      <h2 id="person-title">
        {person.name}
        {isMe && <span class="badge"> you</span>}
      </h2>
      <p class="meta">
        {[person.title, unit?.name, person.company ?? unit?.company].filter(Boolean).join(' · ')}
      </p>
      <ContactLinks emails={person.emails} handles={person.handles} />
      {!isMe && shared.length > 0 && (
        <p class="colleague">Your colleague in {shared.map((m) => m.community.name).join(', ')}</p>
      )}
      {!isMe && path && path.length === 3 && (
        <p class="path" aria-label="How you are connected">
          You ↔ {path[1]!.person.name} ({path[0]!.via!.name}) ↔ {person.name} ({path[1]!.via!.name})
        </p>
      )}
      {!isMe && viewer.me && !path && (
        <p class="hint">No one links you to {person.name} through your communities yet.</p>
      )}
      <h3>Communities</h3>
      {memberships.length === 0 ? (
        <p class="hint">Not a member of any community you can see.</p>
      ) : (
        <ul class="plain">
          {memberships.map(({ community, membership }) => (
            <li key={community.id}>
              <button
                type="button"
                class="link"
                onClick={() =>
                  nav.open({
                    kind: 'community',
                    ref: { feedId: community.feedId, id: community.id },
                  })
                }
              >
                {community.name}
              </button>
              <DiscoveredBadge community={community} />{' '}
              <span class="meta">
                {membership.participation}
                {membership.roles.length ? ` · ${membership.roles.join(', ')}` : ''}
              </span>
              {isDiscovered(community) ? (
                <DiscoveredNote
                  community={community}
                  evidence={membership.evidence ?? community.evidence}
                />
              ) : (
                membership.evidence && (
                  <span class="meta evidence-line" data-evidence>
                    {evidenceLine(membership.evidence)}
                  </span>
                )
              )}
            </li>
          ))}
        </ul>
      )}
      {expertise.length > 0 && (
        <>
          <h3>Expertise</h3>
          <ul class="plain">
            {expertise.map(({ entry, label }) => (
              <li key={entry.topic}>
                <button
                  type="button"
                  class="link"
                  onClick={() =>
                    nav.open({ kind: 'topic', ref: { feedId: entry.feedId, id: entry.topic } })
                  }
                >
                  {label}
                </button>{' '}
                <span class="meta">
                  {EXPERTISE_LEVEL_NAMES[entry.level as 1 | 2 | 3 | 4 | 5]} ({entry.level}/5)
                </span>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
