// One participation level of a community's members ("core (12)"), paged: a community at
// organisation scale can have thousands of peripheral members, and rendering them all would
// make the popup a long, slow column (issue 17). The heading keeps the full count.
import { useState } from 'preact/hooks';
import type { ListedMember } from '../../lib/db/community-digest';
import { evidenceLine } from '../../lib/discovered';
import type { Participation } from '../../lib/model/vocabulary';
import type { Navigator } from './navigation';

/** Members shown at first and added by "Show more". */
export const MEMBER_PAGE = 30;

export function MemberGroup(props: {
  level: Participation;
  /** The level's members read so far, in order: all of them, or the first of `total`. */
  members: ListedMember[];
  total: number;
  /** Asks for every member, when `members` holds only the first ones. */
  onMore: (() => void) | undefined;
  nav: Navigator;
}) {
  const { level, members, total, onMore, nav } = props;
  const [shown, setShown] = useState(MEMBER_PAGE);
  const rest = total - shown;
  return (
    <div class="member-group" data-participation={level}>
      <h4>
        {level} ({total.toLocaleString()})
      </h4>
      <ul class="plain">
        {members.slice(0, shown).map(({ person, membership }) => (
          <li key={person.id}>
            <button
              type="button"
              class="link"
              onClick={() =>
                nav.open({ kind: 'person', ref: { feedId: person.feedId, id: person.id } })
              }
            >
              {person.name}
            </button>
            {membership.roles.length > 0 && (
              <span class="meta"> · {membership.roles.join(', ')}</span>
            )}
            {membership.evidence && (
              <span class="meta evidence-line" data-evidence>
                {evidenceLine(membership.evidence)}
              </span>
            )}
          </li>
        ))}
      </ul>
      {rest > 0 && (
        <button
          type="button"
          class="secondary"
          onClick={() => {
            // The rest are read as the last of those already read show, so the next page is there.
            if (onMore && shown + MEMBER_PAGE >= members.length) onMore();
            setShown(shown + MEMBER_PAGE);
          }}
        >
          Show {Math.min(MEMBER_PAGE, rest)} more of {rest.toLocaleString()} {level} members
        </button>
      )}
    </div>
  );
}
