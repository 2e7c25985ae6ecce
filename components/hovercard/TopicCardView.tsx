// A topic's hovercard: the communities whose domain covers it (stage, standing, open to
// newcomers, how to take part) and whom to ask outside the viewer's unit. The background
// orders the communities by relevance (named on this page, mine, most active); the first
// screen shows the first FIRST_SCREEN of them and "N more" opens the rest.
import type { TopicCard } from '../../lib/annotate/cards';
import { DisplayText } from '../DisplayText';
import { Community } from './CommunityEntry';

const FIRST_SCREEN = 2;

export function TopicCardView({ card }: { card: TopicCard }) {
  return (
    <div data-card="topic" data-topic={card.id}>
      <h2 id="constellation-card-title">
        <DisplayText value={card.label} />
      </h2>
      {card.description && <p class="meta">{card.description}</p>}
      <h3>
        Communities
        {card.communities.length > FIRST_SCREEN ? ` (${card.communities.length})` : ''}
      </h3>
      {card.communities.length === 0 ? (
        <p class="meta">No community you can see covers this topic.</p>
      ) : (
        <>
          <ul data-field="communities">
            {card.communities.slice(0, FIRST_SCREEN).map((c) => (
              <Community key={`${c.feedId}/${c.id}`} community={c} />
            ))}
          </ul>
          {card.communities.length > FIRST_SCREEN && (
            <details data-field="more-communities">
              <summary>{card.communities.length - FIRST_SCREEN} more</summary>
              <ul>
                {card.communities.slice(FIRST_SCREEN).map((c) => (
                  <Community key={`${c.feedId}/${c.id}`} community={c} />
                ))}
              </ul>
            </details>
          )}
        </>
      )}
      {card.askOutsideMyUnit.length > 0 && (
        <>
          <h3>{card.viewerKnown ? 'Whom to ask outside your unit' : 'Whom to ask'}</h3>
          <ul data-field="ask">
            {card.askOutsideMyUnit.map((p) => (
              <li key={`${p.feedId}/${p.id}`} data-person={p.id}>
                <strong>
                  <DisplayText value={p.name} />
                </strong>
                <span class="meta">
                  {' '}
                  {[p.unitName, p.company].filter(Boolean).join(', ')} — {p.reason}
                </span>
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}
