// A community's hovercard (a community named on the page, issue 14): what it is about, its
// stage and standing, how to take part, whom to ask, and the viewer's relation to it.
import type { CommunityCard } from '../../lib/annotate/cards';
import { CommunityFacts, DiscoveredInfo, DiscoveredTag, TakePart } from './CommunityEntry';
import { DisplayText } from '../DisplayText';

function relation(card: CommunityCard): string {
  if (card.me.member) {
    const how = card.me.participation ? ` (${card.me.participation})` : '';
    const roles = card.me.roles?.length ? `, ${card.me.roles.join(', ')} leader` : '';
    return `You are a member${how}${roles}.`;
  }
  if (!card.viewerKnown) return 'Choose who you are in the options to see your relation.';
  return card.openToNewcomers
    ? 'You are not a member yet; it welcomes newcomers.'
    : 'You are not a member.';
}

export function CommunityCardView({ card }: { card: CommunityCard }) {
  return (
    <div data-card="community" data-community={card.id}>
      <h2 id="constellation-card-title">
        <DisplayText value={card.name} />
        <DiscoveredTag discovered={card.discovered} />
      </h2>
      <p class="meta" data-field="domain">
        {card.domain}
      </p>
      <CommunityFacts community={card} />
      <DiscoveredInfo discovered={card.discovered} />
      <p class={card.me.member ? 'colleague-line' : 'stranger-line'} data-field="relation">
        {relation(card)}
      </p>
      {card.ask.length > 0 && (
        <>
          <h3>Whom to ask</h3>
          <ul data-field="ask">
            {card.ask.map((p) => (
              <li key={`${p.feedId}/${p.id}`} data-person={p.id}>
                <strong>
                  <DisplayText value={p.name} />
                </strong>
                <span class="meta">
                  {' '}
                  {p.roles.length > 0 ? `${p.roles.join(', ')} leader` : p.participation}
                </span>
              </li>
            ))}
          </ul>
        </>
      )}
      <h3>How to take part</h3>
      <TakePart community={card} />
      <p class="meta" data-field="members">
        {card.members === 1 ? '1 member' : `${card.members} members`}
        {card.lastActivity ? ` · last active ${card.lastActivity}` : ''}
        {card.topics.length > 0 ? ` · ${card.topics.join(', ')}` : ''}
      </p>
    </div>
  );
}
