// A person's hovercard: who they are (unit, company), their communities with participation
// and leadership roles, and — shown distinctly — the communities they share with the viewer.
import type { PersonCard } from '../../lib/annotate/cards';
import { DisplayText } from '../DisplayText';
import { DiscoveredInfo, DiscoveredTag } from './CommunityEntry';

export function PersonCardView({ card }: { card: PersonCard }) {
  const shared = card.communities.filter((c) => c.shared);
  const where = [card.title, card.unitName, card.company].filter(Boolean).join(' · ');
  return (
    <div data-card="person" data-person={card.id}>
      <h2 id="constellation-card-title">
        <DisplayText value={card.name} />
      </h2>
      {where && (
        <p class="meta" data-field="where">
          {where}
        </p>
      )}
      {card.isMe ? (
        <p class="colleague-line" data-field="relation">
          This is you.
        </p>
      ) : shared.length > 0 ? (
        <p class="colleague-line" data-field="relation">
          Your colleague in {shared.map((c) => c.name).join(', ')}
        </p>
      ) : (
        <p class="stranger-line" data-field="relation">
          {card.viewerKnown
            ? 'You share no community yet.'
            : 'Choose who you are in the options to see shared communities.'}
        </p>
      )}
      <h3>Communities</h3>
      {card.communities.length === 0 ? (
        <p class="meta">No communities.</p>
      ) : (
        <ul data-field="communities">
          {card.communities.map((c) => (
            <li key={`${c.feedId}/${c.id}`} data-community={c.id}>
              <strong>
                <DisplayText value={c.name} />
              </strong>
              <DiscoveredTag discovered={c.discovered} />
              {c.shared && <span class="shared">shared with you</span>}
              <span class="tags">
                <span class="tag">{c.participation}</span>
                {c.roles.map((role) => (
                  <span class="tag" key={role}>
                    {role}
                  </span>
                ))}
                <span class="meta">{c.stage}</span>
              </span>
              {c.discovered ? (
                <DiscoveredInfo
                  discovered={c.discovered}
                  evidence={c.evidence ? `Evidence: ${c.evidence}` : c.discovered.evidence}
                />
              ) : (
                c.evidence && (
                  <span class="meta evidence" data-evidence>
                    {c.evidence}
                  </span>
                )
              )}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
