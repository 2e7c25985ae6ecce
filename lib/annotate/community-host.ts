// A community's own mark (issue 14): the same host as a topic mark (the page's text slotted
// into a closed root), registered with the community as its entry (`kind: 'community'`), so
// its card is the community's card. Like every host, it carries nothing a page can read
// (registry.ts, docs/security.md).
import { topicRefKey, type VocabularyTopic } from '../match/vocabulary';
import { createTopicHost, type Theme } from './hosts';

export function createMarkHost(
  document: Document,
  entry: VocabularyTopic,
  theme: Theme,
): HTMLElement {
  return createTopicHost(document, entry, theme);
}

/** One key per marked thing: topics and communities have separate id spaces. */
export function markKey(entry: Pick<VocabularyTopic, 'feedId' | 'id' | 'kind'>): string {
  return `${entry.kind === 'community' ? 'c' : 't'}${topicRefKey(entry.feedId, entry.id)}`;
}
