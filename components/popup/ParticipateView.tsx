// "Where can I take part?": communities ranked for me from my interests (declared here, my
// expertise, and topics of pages I read), open to newcomers and preferring active or
// coalescing ones, each with its peripheral entry points and the day-to-day and
// interpersonal leaders to contact. Interests and follows are local data.
import { useState } from 'preact/hooks';
import type { ConstellationDB } from '../../lib/db/database';
import { declareExpertise, follow, unfollow, withdrawExpertise } from '../../lib/db/local';
import type { Viewer } from '../../lib/db/queries';
import { searchTopics } from '../../lib/db/search';
import type { MyExpertiseRow, TopicRow } from '../../lib/db/schema';
import { participationData } from '../../lib/db/views';
import { clearTopicVisits } from '../../lib/db/visits';
import { openOptions } from '../../lib/browser/tabs';
import { useLiveQuery } from '../useLiveQuery';
import { CommunityLinks } from './CommunityLinks';
import type { Navigator } from './navigation';
import { DiscoveredBadge, DiscoveredNote } from './Discovered';
import { TakePart } from './TakePart';

export function ParticipateView(props: { db: ConstellationDB; viewer: Viewer; nav: Navigator }) {
  const { db, viewer, nav } = props;
  const state = useLiveQuery(() => participationData(db, viewer), [db, viewer]);
  if (state.status === 'loading') return <p class="loading">Loading…</p>;
  if (state.status === 'error')
    return <p role="alert">Could not load suggestions: {state.error}</p>;
  const { detailed, interests, followed, topicLabels, visited } = state.value;
  const followedIds = new Set(followed.map((c) => c.id));

  return (
    <section class="participate" aria-labelledby="participate-title">
      <h2 id="participate-title">Where can I take part?</h2>
      <Interests db={db} interests={interests} />
      <VisitedTopics
        db={db}
        labels={visited.shown.map((v) => topicLabels.get(v.topic) ?? v.topic)}
        total={visited.total}
      />
      {detailed.length === 0 ? (
        <p class="hint">
          {interests.length === 0 && visited.total === 0
            ? 'Add a topic you care about to see communities that welcome newcomers.'
            : 'No open community matches your interests yet. Add another topic.'}
        </p>
      ) : (
        <ol class="suggestions">
          {detailed.map(({ suggestion, community, leaders }) => {
            const ref = { feedId: community.feedId, id: community.id };
            const following = followedIds.has(community.id);
            return (
              <li key={community.id} data-community={community.id}>
                <button
                  type="button"
                  class="link name"
                  onClick={() => nav.open({ kind: 'community', ref })}
                >
                  {community.name}
                </button>
                <DiscoveredBadge community={community} />
                <span class="meta">
                  {community.stage} · {community.standing}
                  {suggestion.matchedTopics.length > 0 &&
                    ` · matches ${suggestion.matchedTopics.map((t) => topicLabels.get(t) ?? t).join(', ')}`}
                </span>
                <DiscoveredNote community={community} />
                {leaders.length > 0 && (
                  <span class="meta">
                    Ask{' '}
                    {leaders
                      .slice(0, 3)
                      .map(
                        (l) =>
                          `${l.person.name} (${l.membership.roles.filter((r) => r === 'day-to-day' || r === 'interpersonal').join(', ')})`,
                      )
                      .join(', ')}
                  </span>
                )}
                <TakePart db={db} community={community} />
                <button
                  type="button"
                  class="follow"
                  aria-pressed={following}
                  onClick={() => void (following ? unfollow(db, ref) : follow(db, ref))}
                >
                  {following ? 'Following — unfollow' : 'Follow'}
                </button>
              </li>
            );
          })}
        </ol>
      )}
      <CommunityLinks title="You follow" communities={followed} nav={nav} />
    </section>
  );
}

/** The topics of pages I read that feed the suggestions, with a way to forget them. */
function VisitedTopics(props: { db: ConstellationDB; labels: string[]; total: number }) {
  const { db, labels, total } = props;
  if (total === 0) return null;
  const more = total - labels.length;
  return (
    <div class="visited" data-visited-topics={total}>
      <h3 id="visited-title">From pages you read</h3>
      <p class="meta">
        {labels.join(', ')}
        {more > 0 && ` and ${more} more`}
      </p>
      <p class="meta">
        Kept on this device only.{' '}
        <button type="button" class="link" onClick={() => void clearTopicVisits(db)}>
          Forget them
        </button>{' '}
        ·{' '}
        <button type="button" class="link" onClick={() => void openOptions()}>
          Turn off in settings
        </button>
      </p>
    </div>
  );
}

function Interests(props: {
  db: ConstellationDB;
  interests: { row: MyExpertiseRow; label: string }[];
}) {
  const { db, interests } = props;
  const [query, setQuery] = useState('');
  const matches = useLiveQuery<TopicRow[]>(
    () => (query.trim() ? searchTopics(db, query, 5) : Promise.resolve([])),
    [db, query],
  );
  const add = async (topic: TopicRow) => {
    await declareExpertise(db, { feedId: topic.feedId, topic: topic.id, level: 0 });
    setQuery('');
  };
  return (
    <div class="interests">
      <h3 id="interests-title">Your interests</h3>
      <ul class="chips" aria-labelledby="interests-title">
        {interests.map(({ row, label }) => (
          <li key={row.topic}>
            {label}{' '}
            <button
              type="button"
              aria-label={`Remove ${label}`}
              onClick={() => void withdrawExpertise(db, { feedId: row.feedId, id: row.topic })}
            >
              ×
            </button>
          </li>
        ))}
      </ul>
      <label for="interest-input">Add a topic you care about</label>
      <input
        id="interest-input"
        type="search"
        autocomplete="off"
        value={query}
        onInput={(e) => setQuery(e.currentTarget.value)}
      />
      {matches.status === 'ready' && matches.value.length > 0 && (
        <ul class="plain" aria-label="Matching topics">
          {matches.value.map((topic) => (
            <li key={topic.id}>
              <button type="button" class="link" onClick={() => void add(topic)}>
                Add {topic.label}
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
