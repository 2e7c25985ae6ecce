// Reading and writing page text for topic detection: a TreeWalker over a prose region that
// skips never-touch subtrees (code, editors, links, our own elements), and the wrap of one
// matched range of a text node in a topic host. Text is matched per text node, so a term
// split across inline elements ("<b>Kuber</b>netes") is not found; that is the price of
// never restructuring the page's markup.
import type { TopicMatcher } from '../match/topic-matcher';
import type { MatchContext, VocabularyTopic } from '../match/vocabulary';
import { markKey } from './community-host';
import { NEVER_TOUCH } from '../sites/dom';
import type { SkipTest } from './skip';
import { ownerDocumentOf } from './tree';

/** Topics are never highlighted inside links (nested interactive elements) or headings' anchors. */
export const TOPIC_SKIP = `${NEVER_TOUCH},a`;

export interface TopicOccurrence {
  node: Text;
  start: number;
  end: number;
  topic: VocabularyTopic;
}

/**
 * The text nodes of `region` outside skipped subtrees, in document order: one native
 * TreeWalker over elements and text without a filter callback; a skipped element's whole
 * subtree is stepped over. Single characters (line breaks between tags) are left out: they
 * can hold no topic.
 */
export function proseTextNodes(region: Element, skip: SkipTest): Text[] {
  const out: Text[] = [];
  if (skip(region)) return out;
  // The region can be a form, whose ownerDocument a control can shadow (tree.ts).
  const walker = ownerDocumentOf(region)!.createTreeWalker(region, 0x1 | 0x4 /* ELEMENT | TEXT */);
  let node: Node | null = walker.nextNode();
  while (node) {
    if (node.nodeType === 3) {
      if ((node as Text).length > 1) out.push(node as Text);
      node = walker.nextNode();
    } else if (skip(node as Element)) {
      // (The skip test also steps over the extension's own hosts: skip.ts.)
      // Next node after this subtree: its next sibling, or an ancestor's (inside the region).
      let next: Node | null = walker.nextSibling();
      while (!next && walker.parentNode() && walker.currentNode !== region)
        next = walker.nextSibling();
      node = next;
    } else node = walker.nextNode();
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
  context?: MatchContext,
): TopicOccurrence[] {
  const data = node.data;
  if (data.length < 2 || room <= 0) return [];
  const out: TopicOccurrence[] = [];
  for (const hit of matcher.find(data, context)) {
    const key = markKey(hit.topic);
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
    // The text's own `before`, not its parent's insertBefore: the parent can be a form, whose
    // insertBefore a control can shadow (tree.ts).
    middle.before(host);
    host.appendChild(middle);
    hosts.unshift(host);
  }
  return hosts;
}
