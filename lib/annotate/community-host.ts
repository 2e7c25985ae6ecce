// A community's own mark (issue 14): the same host element as a topic mark (TOPIC_TAG, the
// page's text slotted in), but carrying `data-constellation-community="<community id>"`
// instead of `data-constellation-topic`, so its hovercard is the community's card.
import { topicRefKey, type VocabularyTopic } from '../match/vocabulary';
import { createTopicHost, type Theme } from './hosts';

export function createMarkHost(
  document: Document,
  entry: VocabularyTopic,
  theme: Theme,
): HTMLElement {
  const host = createTopicHost(document, entry, theme);
  if (entry.kind !== 'community') return host;
  host.removeAttribute('data-constellation-topic');
  host.setAttribute('data-constellation-community', entry.id);
  host.setAttribute(
    'aria-label',
    `Constellation community: ${entry.label}. Press Enter for how to take part and whom to ask.`,
  );
  return host;
}

/** One key per marked thing: topics and communities have separate id spaces. */
export function markKey(entry: Pick<VocabularyTopic, 'feedId' | 'id' | 'kind'>): string {
  return `${entry.kind === 'community' ? 'c' : 't'}${topicRefKey(entry.feedId, entry.id)}`;
}

/** The key of a mark already in the page (a second run). */
export function markKeyOf(host: Element): string {
  const community = host.getAttribute('data-constellation-community');
  return markKey({
    feedId: host.getAttribute('data-constellation-feed') ?? '',
    id: community ?? host.getAttribute('data-constellation-topic') ?? '',
    kind: community ? 'community' : undefined,
  });
}
