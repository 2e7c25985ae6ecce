// The people scan of a page, in slices (issue 14): an adapter's `people(root)` is synchronous
// and reads every candidate element (profile links, bylines, every link's text for a full
// name…), which on a long article takes tens of milliseconds — a long task on a loaded
// machine. Instead of asking the adapter once for the whole document, the annotator asks it
// for subtrees of at most `limit` elements, one after another, yielding to the page between
// them when a slice's time is used up.
//
// Adapters only read through `within(root, …)` and `closest`, so asking them per subtree finds
// what one call over the whole root finds; the subtrees' ancestors that were split (body, a
// long article's container) are not candidates themselves, which no person element is (it
// would hold more than `limit` elements). One decision spans subtrees — whether an avatar-only
// link is the only sign of its person nearby (lib/sites/avatars.ts) — so it is made again over
// the whole list. A unit test holds the two answers equal on every saved real page.
import { redecideAvatars } from '../sites/avatars';
import type { PersonMention, SiteAdapter } from '../sites/types';
import { appendAll } from '../arrays';
import { childrenOf, elementsByTagName } from './tree';

/** Most elements in one subtree the adapter is asked about (a few ms of adapter work). */
export const PEOPLE_CHUNK_ELEMENTS = 1500;

/**
 * Element count of `root`'s subtree (itself excluded), native; undefined when unknown. Through
 * the DOM's own members, as `root` and its children can be forms (tree.ts).
 */
function elementCount(root: ParentNode): number | undefined {
  return elementsByTagName(root, '*')?.length;
}

/**
 * Disjoint subtrees of `root`, in document order, each holding at most `limit` elements
 * (or being a single element with no children to split): `root` itself when it is small.
 */
export function peopleChunks(root: ParentNode, limit = PEOPLE_CHUNK_ELEMENTS): ParentNode[] {
  const out: ParentNode[] = [];
  // Depth first on a stack of its own: a script can nest elements deeper than the call stack
  // reaches (12,000 levels threw, and the page got no annotation at all). Down a chain of only
  // children each count is its parent's less one, so such a chain is not counted again at
  // every level.
  const stack: { node: ParentNode; count: number | undefined }[] = [
    { node: root, count: elementCount(root) },
  ];
  for (let next = stack.pop(); next; next = stack.pop()) {
    const { node, count } = next;
    const children = count === undefined || count <= limit ? [] : childrenOf(node);
    if (count === undefined || !children || children.length === 0) {
      out.push(node);
      continue;
    }
    for (let i = children.length - 1; i >= 0; i--) {
      const child = children[i]!;
      stack.push({ node: child, count: children.length === 1 ? count - 1 : elementCount(child) });
    }
  }
  return out;
}

/**
 * The adapter's people in `root`, asked subtree by subtree; `pause` is awaited after each
 * subtree and yields when the slice is used up. An adapter that throws on one subtree loses
 * only that subtree. Returns undefined when `signal` aborted meanwhile.
 */
export async function scanPeople(
  adapter: SiteAdapter,
  root: ParentNode,
  url: URL,
  pause: () => Promise<void>,
  signal: AbortSignal,
  limit = PEOPLE_CHUNK_ELEMENTS,
): Promise<PersonMention[] | undefined> {
  const out: PersonMention[] = [];
  const chunks = peopleChunks(root, limit);
  for (const chunk of chunks) {
    if (signal.aborted) return undefined;
    if (!(chunk as Node).isConnected) continue;
    try {
      appendAll(out, adapter.people(chunk, url));
    } catch {
      // An adapter that trips over odd markup must not break the page.
    }
    await pause();
  }
  if (signal.aborted) return undefined;
  return chunks.length > 1 ? redecideAvatars(out) : out;
}
