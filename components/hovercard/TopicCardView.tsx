// A topic's hovercard: the communities whose domain covers it (stage, standing, open to
// newcomers, how to take part) and whom to ask outside the viewer's unit. Feed URLs become
// links only when they are https (or loopback http): feed data is untrusted.
// The card must answer at a glance within its 440 px: the viewer's own communities first,
// then the most alive and best recognized (a dispersed or memorable one is rarely where to
// go), three at first, and "Whom to ask" always above the fold.
import { useState } from 'preact/hooks';
import type { TopicCard, TopicCardCommunity } from '../../lib/annotate/cards';
import { isSafeUrl } from '../../lib/model/safe-url';
import { STANDINGS } from '../../lib/model/vocabulary';

/** Communities shown before "Show more". */
const FIRST = 3;
const STAGE_RANK: readonly string[] = [
  'active',
  'coalescing',
  'potential',
  'dispersed',
  'memorable',
];

function byRelevance(a: TopicCardCommunity, b: TopicCardCommunity): number {
  return (
    Number(b.mine) - Number(a.mine) ||
    STAGE_RANK.indexOf(a.stage) - STAGE_RANK.indexOf(b.stage) ||
    STANDINGS.indexOf(b.standing) - STANDINGS.indexOf(a.standing) ||
    a.name.localeCompare(b.name)
  );
}
import { DisplayText } from '../DisplayText';

function MaybeLink({ url, children }: { url?: string; children: string }) {
  // The background already applied the rule with the feed's origin; this is the last guard.
  return url && isSafeUrl(url, 'loopback-feed') ? (
    <a href={url} target="_blank" rel="noopener noreferrer">
      {children}
    </a>
  ) : (
    <>{children}</>
  );
}

function Community({ community, hidden }: { community: TopicCardCommunity; hidden: boolean }) {
  return (
    <li class="community" data-community={community.id} hidden={hidden}>
      <strong>
        <DisplayText value={community.name} />
      </strong>
      {community.mine && <span class="shared">you are a member</span>}
      <p class="meta tags">
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
      {(community.channels.length > 0 || community.meetings.length > 0) && (
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
      )}
    </li>
  );
}

export function TopicCardView({ card }: { card: TopicCard }) {
  const [all, setAll] = useState(false);
  const sorted = [...card.communities].sort(byRelevance);
  return (
    <div data-card="topic" data-topic={card.id}>
      <h2 id="constellation-card-title">
        <DisplayText value={card.label} />
      </h2>
      {card.description && <p class="meta">{card.description}</p>}
      <h3>Communities{card.communities.length > FIRST ? ` (${card.communities.length})` : ''}</h3>
      {card.communities.length === 0 ? (
        <p class="meta">No community you can see covers this topic.</p>
      ) : (
        <ul data-field="communities">
          {/* Collapsed ones stay in the document, hidden, so expanding keeps focus order. */}
          {sorted.map((c, i) => (
            <Community key={`${c.feedId}/${c.id}`} community={c} hidden={!all && i >= FIRST} />
          ))}
        </ul>
      )}
      {sorted.length > FIRST && (
        <button type="button" class="link more" onClick={() => setAll(!all)} aria-expanded={all}>
          {all ? 'Show fewer' : `Show ${sorted.length - FIRST} more communities`}
        </button>
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
