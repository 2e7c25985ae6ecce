// A titled list of communities, each opening its detail view; nothing when the list is empty.
import type { CommunityRow } from '../../lib/db/schema';
import { DiscoveredBadge } from './Discovered';
import type { Navigator } from './navigation';

export function CommunityLinks(props: {
  title: string;
  communities: CommunityRow[];
  nav: Navigator;
}) {
  if (props.communities.length === 0) return null;
  return (
    <>
      <h3>{props.title}</h3>
      <ul class="plain">
        {props.communities.map((c) => (
          <li key={`${c.feedId}/${c.id}`}>
            <button
              type="button"
              class="link"
              onClick={() =>
                props.nav.open({ kind: 'community', ref: { feedId: c.feedId, id: c.id } })
              }
            >
              {c.name}
            </button>
            <DiscoveredBadge community={c} />
          </li>
        ))}
      </ul>
    </>
  );
}
