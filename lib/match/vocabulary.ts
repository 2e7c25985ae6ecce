// The compiled topic vocabulary the background sends to content scripts: every topic label
// and alias with the topic it names, keyed by a data version so a content script can keep
// its copy until the data (or the viewer's memberships) change. Plain JSON, no feed schema:
// content scripts must stay small and never bundle zod or Dexie.

/**
 * One topic — or, with `kind: 'community'`, one community — and every spelling that names it
 * (label or name first, then aliases), normalised (lib/model/text.ts).
 */
export interface VocabularyTopic {
  feedId: string;
  id: string;
  label: string;
  terms: string[];
  /** Names of the visible communities that cover the topic (for the page summary). */
  communities: string[];
  /** A community's own name: marked before topics, and never split by a topic mark. */
  kind?: 'community';
  /** The terms that are single common English words (lib/match/common-words.ts). */
  commonTerms?: string[];
  /** The publisher's word: this topic's common-word terms match in any case, anywhere. */
  matchAnywhere?: boolean;
}

/** Where a text is: ordinary prose, or a page's label/topic area (tags, labels, categories). */
export interface MatchContext {
  labelArea?: boolean;
}

export interface TopicVocabulary {
  /** Changes whenever a feed is ingested or the viewer changes; opaque to content scripts. */
  version: string;
  topics: VocabularyTopic[];
  /**
   * With "full names in prose" on (settings, off by default): the hash (lib/match/
   * prose-names.ts) of every folded full name or alias that names exactly one visible person.
   * Hashes, not names: the page learns no name it does not already show.
   */
  personNames?: number[];
}

/** How a content script names a topic in messages and in `data-constellation-topic`. */
export function topicRefKey(feedId: string, id: string): string {
  return `${feedId}\u0000${id}`;
}
