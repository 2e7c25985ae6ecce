// Topic highlights: compiles the vocabulary's topic matcher once per page (in slices), and in
// each prose region wraps the first occurrence of each topic, up to a per-page cap. Topics a
// region already shows (a second run) count as seen, so annotating twice adds nothing; the
// topics found are reported to the background once each (the reading signal). Communities'
// names get their own marks (community-host.ts); inside the site's label areas the matcher
// is told so (common words match there in any case).
import { compileTopicMatcherInSlices, type TopicMatcher } from '../match/topic-matcher';
import { topicRefKey, type VocabularyTopic } from '../match/vocabulary';
import type { AnnotateClient, RecordRef } from './client';
import { createMarkHost, markKey } from './community-host';
import { type Theme } from './hosts';
import { isEditableNode } from './editable';
import { liveHosts, ownHost } from './registry';
import { firstOccurrences, proseTextNodes, wrapOccurrences } from './scan';
import type { compileSkip } from './skip';
import { closestOf, containsNode } from './tree';

export interface TopicsContext {
  document: Document;
  client: AnnotateClient;
  signal: AbortSignal;
  theme: Theme;
  /** Compiled selector of places inside a region that are not prose. */
  skip: ReturnType<typeof compileSkip>;
  /** The site's label/topic areas (tags, labels): common words match there in any case. */
  labels?: string;
  /** What is skipped inside label areas (labels are often links, which prose skips). */
  labelSkip?: ReturnType<typeof compileSkip>;
  /** Every host this page's annotation inserted (unwrapped on abort). */
  inserted: Set<HTMLElement>;
  /** Most topic highlights on one page. */
  cap: number;
  /** Yields to the page between slices of work. */
  yieldToPage: () => Promise<void>;
  sliceMs: number;
}

export interface TopicAnnotator {
  /** The compiled matcher, or undefined when the vocabulary cannot be had. */
  matcher(): Promise<TopicMatcher | undefined>;
  capReached(): boolean;
  /** Highlights one region; `pause` is awaited between text nodes and yields when due. */
  annotateRegion(
    region: Element,
    compiled: TopicMatcher,
    pause: () => Promise<void>,
  ): Promise<void>;
  /** Tells the background which topics this page is about (new ones only, once each). */
  reportTopics(): void;
  /** The topics highlighted on this page so far, by `topicRefKey`. */
  readonly onPage: ReadonlyMap<string, VocabularyTopic>;
  /** The communities marked by name on this page so far, by `topicRefKey`. */
  readonly communitiesOnPage: ReadonlyMap<string, VocabularyTopic>;
}

export function createTopicAnnotator(context: TopicsContext): TopicAnnotator {
  const { document, client, signal, theme, inserted, cap } = context;
  const regionTopics = new WeakMap<Element, Set<string>>();
  const onPage = new Map<string, VocabularyTopic>();
  const communitiesOnPage = new Map<string, VocabularyTopic>();
  const reported = new Set<string>();
  let count = 0;
  let matcher: Promise<TopicMatcher | undefined> | undefined;

  const loadMatcher = () =>
    (matcher ??= client
      .vocabulary()
      .then((vocabulary) =>
        compileTopicMatcherInSlices(vocabulary.topics, context.yieldToPage, context.sliceMs),
      )
      .catch(() => undefined));

  /** Topics another run already highlighted in this region. */
  function seenIn(region: Element): Set<string> {
    let seen = regionTopics.get(region);
    if (!seen) {
      seen = new Set<string>();
      for (const element of liveHosts()) {
        const host = ownHost(element);
        // The region can be a form: its own contains and closest are the DOM's (tree.ts).
        if (host?.kind === 'topic' && containsNode(region, element)) seen.add(markKey(host.topic));
      }
      regionTopics.set(region, seen);
    }
    return seen;
  }

  async function annotateRegion(
    region: Element,
    compiled: TopicMatcher,
    pause: () => Promise<void>,
  ): Promise<void> {
    const seen = seenIn(region);
    const labelArea = !!context.labels && !!closestOf(region, context.labels);
    const skip = labelArea && context.labelSkip ? context.labelSkip : context.skip;
    for (const node of proseTextNodes(region, skip)) {
      // Editable content (a region made editable later, design mode) is never wrapped: an
      // editor would save our markup. Checked per node because each pause may yield.
      if (signal.aborted || count >= cap || isEditableNode(document, node)) break;
      // The page may have taken it away in a pause (a re-render): wrapping it there would
      // spend the cap and the region's first occurrence on text no one sees.
      if (!node.isConnected) continue;
      const found = firstOccurrences(node, compiled, seen, cap - count, { labelArea });
      if (found.length > 0) {
        const hosts = wrapOccurrences(found, (topic) => createMarkHost(document, topic, theme));
        for (const host of hosts) inserted.add(host);
        for (const { topic } of found)
          (topic.kind === 'community' ? communitiesOnPage : onPage).set(
            topicRefKey(topic.feedId, topic.id),
            topic,
          );
        count += hosts.length;
      }
      await pause();
    }
  }

  function reportTopics(): void {
    if (signal.aborted || !client.noteTopics) return;
    const fresh: RecordRef[] = [];
    for (const [key, topic] of onPage) {
      if (reported.has(key)) continue;
      reported.add(key);
      fresh.push({ feedId: topic.feedId, id: topic.id });
    }
    if (fresh.length > 0) client.noteTopics(fresh).catch(() => undefined);
  }

  return {
    matcher: loadMatcher,
    capReached: () => count >= cap,
    annotateRegion,
    reportTopics,
    onPage,
    communitiesOnPage,
  };
}
