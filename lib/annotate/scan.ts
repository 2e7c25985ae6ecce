// Reading and writing page text for topic detection: a TreeWalker over a prose region that
// skips never-touch subtrees (code, editors, links, our own elements), and the wrap of one
// matched range of a text node in a topic host. Text is matched per text node, so a term
// split across inline elements ("<b>Kuber</b>netes") is not found; that is the price of
// never restructuring the page's markup.
import type { TopicMatcher } from '../match/topic-matcher';
import { topicRefKey, type VocabularyTopic } from '../match/vocabulary';
import { NEVER_TOUCH } from '../sites/dom';
import type { SkipTest } from './skip';

/** Topics are never highlighted inside links (nested interactive elements) or headings' anchors. */
export const TOPIC_SKIP = `${NEVER_TOUCH},a`;

export interface TopicOccurrence {
  node: Text;
  start: number;
  end: number;
  topic: VocabularyTopic;
}

/**
 * The text nodes of `region` outside skipped subtrees, in document order: a native SHOW_TEXT
 * walk (no per-node filter callback) and a memo of which elements lie in a skipped subtree,
 * so the cost stays close to a bare TreeWalker pass (see lib/annotate/skip.ts).
 */
export function proseTextNodes(region: Element, skip: SkipTest): Text[] {
  const inside = new Map<Element, boolean>();
  const isSkipped = (element: Element | null): boolean => {
    if (!element) return false;
    let known = inside.get(element);
    if (known === undefined) {
      known = skip(element) || (element !== region && isSkipped(element.parentElement));
      inside.set(element, known);
    }
    return known;
  };
  skip.prepare?.(region);
  const out: Text[] = [];
  const walker = region.ownerDocument.createTreeWalker(region, 0x4 /* SHOW_TEXT */);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    // Single characters (the line breaks between tags) can hold no topic.
    if ((node as Text).length > 1 && !isSkipped(node.parentElement)) out.push(node as Text);
  }
  return out;
}

/**
 * The first occurrence of each topic not yet in `seen`, in one text node. `seen` is the
 * region's set of highlighted topics and is updated; `room` caps how many are taken.
 */
export function firstOccurrences(
  node: Text,
  matcher: TopicMatcher,
  seen: Set<string>,
  room: number,
): TopicOccurrence[] {
  const data = node.data;
  if (data.length < 2 || room <= 0) return [];
  const out: TopicOccurrence[] = [];
  for (const hit of matcher.find(data)) {
    const key = topicRefKey(hit.topic.feedId, hit.topic.id);
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({ node, start: hit.start, end: hit.end, topic: hit.topic });
    if (out.length >= room) break;
  }
  return out;
}

/**
 * Wraps the occurrences (all in the same text node) in hosts made by `makeHost`, last first
 * so earlier offsets stay valid. Returns the hosts in document order.
 */
export function wrapOccurrences(
  occurrences: TopicOccurrence[],
  makeHost: (topic: VocabularyTopic) => HTMLElement,
): HTMLElement[] {
  const hosts: HTMLElement[] = [];
  const sorted = [...occurrences].sort((a, b) => b.start - a.start);
  for (const occurrence of sorted) {
    const { node, start, end } = occurrence;
    if (!node.parentNode || end > node.data.length) continue;
    if (end < node.data.length) node.splitText(end);
    const middle = start > 0 ? node.splitText(start) : node;
    const host = makeHost(occurrence.topic);
    middle.parentNode!.insertBefore(host, middle);
    host.appendChild(middle);
    hosts.unshift(host);
  }
  return hosts;
}
