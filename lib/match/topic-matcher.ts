// One-pass multi-pattern topic matcher: a trie over word tokens (not characters).
//
// Why a token trie rather than a character Aho-Corasick library: matches must start and end
// on word boundaries, which a token trie gets for free (tokens are maximal letter/digit runs),
// while a character automaton needs a boundary check after every hit and an extra pass to
// lower-case the text (which changes offsets for some scripts). Per token the cost is one
// lookup on a hash computed while scanning, whatever the size of the vocabulary; compiling
// 20k topics is filling Maps, not building an automaton with failure links; and no
// dependency lands in the content script.
//
// Communities' names are a second trie over the same tokens, matched first: a community's
// name ("SRE Guild") gets its own mark and no topic mark may split it ("SRE").
// Case rules and the normalisation of spellings are in terms.ts. Between words, white space
// and every kind of dash are interchangeable ("open-source" = "open source",
// "Kullback–Leibler" = "Kullback-Leibler"); other punctuation must appear as in the term,
// after the shared normalisation (typographic quotes = plain ones).
import { TokenBuffer, firstTermStart, hashFolded, isWordChar, type FirstTokens } from './tokens';
import { compileTerm, normalizeSeparator, termShape, type Term } from './terms';
import type { MatchContext, VocabularyTopic } from './vocabulary';

export { isShortAcronym } from './terms';

export interface TopicHit {
  start: number;
  end: number;
  topic: VocabularyTopic;
}

interface TrieNode {
  next: Map<number, TrieNode> | undefined;
  terms: Term[] | undefined;
}

export interface TopicMatcher {
  /**
   * Every non-overlapping mention in `text`, in text order: communities' names first, then
   * topics outside them; longest match first at each position.
   */
  find(text: string, context?: MatchContext): TopicHit[];
  /** How many distinct terms were compiled. */
  readonly termCount: number;
}

/** Builds the tries topic by topic, so a big vocabulary can be compiled in slices. */
class TrieBuilder {
  readonly topics = new Map<number, TrieNode>();
  readonly communities = new Map<number, TrieNode>();
  private readonly seen = new Set<string>();
  termCount = 0;

  add(topic: VocabularyTopic): void {
    for (const spelling of topic.terms) {
      const term = compileTerm(topic, spelling);
      if (!term) continue;
      const shape = termShape(term);
      if (this.seen.has(shape)) continue;
      this.seen.add(shape);
      this.termCount++;
      let level = topic.kind === 'community' ? this.communities : this.topics;
      let node: TrieNode | undefined;
      for (let k = 0; k < term.keys.length; k++) {
        const hash = hashFolded(term.keys[k]!);
        node = level.get(hash);
        if (!node) {
          node = { next: undefined, terms: undefined };
          level.set(hash, node);
        }
        if (k < term.keys.length - 1) level = node.next ??= new Map<number, TrieNode>();
      }
      (node!.terms ??= []).push(term);
    }
  }
}

export interface MatcherOptions {
  /**
   * Reject texts that hold no term's first tokens before tokenising them (default true).
   * False only to test that the rejection changes no result.
   */
  quickReject?: boolean;
}

export function compileTopicMatcher(
  topics: readonly VocabularyTopic[],
  options: MatcherOptions = {},
): TopicMatcher {
  const builder = new TrieBuilder();
  for (const topic of topics) builder.add(topic);
  return matcherOver(builder, options.quickReject !== false);
}

/**
 * The same matcher, compiled in slices of at most `sliceMs` with `pause()` in between, so a
 * 20k-topic vocabulary never blocks the page's main thread for long (content scripts).
 */
export async function compileTopicMatcherInSlices(
  topics: readonly VocabularyTopic[],
  pause: () => Promise<void>,
  sliceMs = 8,
): Promise<TopicMatcher> {
  const builder = new TrieBuilder();
  let sliceStart = performance.now();
  for (let i = 0; i < topics.length; i++) {
    builder.add(topics[i]!);
    if ((i & 63) === 63 && performance.now() - sliceStart > sliceMs) {
      await pause();
      sliceStart = performance.now();
    }
  }
  return matcherOver(builder);
}

type FirstLevel = (hash: number) => TrieNode | undefined;

/**
 * The first level of a trie as an open-addressing table on typed arrays: almost every
 * token of a page is looked up here and misses, and a probe in a Uint32Array is several
 * times cheaper than Map.get.
 */
function firstLevel(root: Map<number, TrieNode>): FirstLevel | undefined {
  if (root.size === 0) return undefined;
  let size = 16;
  while (size < root.size * 2) size *= 2;
  const mask = size - 1;
  const keys = new Uint32Array(size);
  const slots = new Int32Array(size); // index + 1 into `nodes`; 0 = empty
  const nodes: TrieNode[] = [];
  for (const [hash, node] of root) {
    let slot = hash & mask;
    while (slots[slot] !== 0) slot = (slot + 1) & mask;
    keys[slot] = hash;
    nodes.push(node);
    slots[slot] = nodes.length;
  }
  return (hash) => {
    let slot = hash & mask;
    for (let index = slots[slot]!; index !== 0; index = slots[slot]!) {
      if (keys[slot] === hash) return nodes[index - 1];
      slot = (slot + 1) & mask;
    }
    return undefined;
  };
}

/**
 * Both tries' first tokens, with what may follow each (nothing to check when a term is that
 * one token), for the quick rejection of texts that hold no term (`firstTermStart`).
 */
function firstTokens(...roots: Map<number, TrieNode>[]): FirstTokens {
  const follows = new Map<number, Set<number> | undefined>();
  for (const root of roots)
    for (const [hash, node] of root) {
      if (node.terms || (follows.has(hash) && follows.get(hash) === undefined)) {
        follows.set(hash, undefined);
        continue;
      }
      const set = follows.get(hash) ?? new Set<number>();
      for (const next of node.next?.keys() ?? []) set.add(next);
      follows.set(hash, set);
    }
  let size = 16;
  while (size < follows.size * 2) size *= 2;
  const mask = size - 1;
  const keys = new Uint32Array(size);
  const used = new Uint8Array(size);
  const follow: (Set<number> | undefined)[] = new Array<Set<number> | undefined>(size);
  for (const [hash, next] of follows) {
    let slot = hash & mask;
    while (used[slot] === 1) slot = (slot + 1) & mask;
    keys[slot] = hash;
    used[slot] = 1;
    follow[slot] = next;
  }
  return { mask, keys, used, follow };
}

function matcherOver(builder: TrieBuilder, quickReject = true): TopicMatcher {
  const buffer = new TokenBuffer();
  const topics = firstLevel(builder.topics);
  const communities = firstLevel(builder.communities);
  const first = firstTokens(builder.topics, builder.communities);
  // Per token: 1 when a community's name covers it (topics must not overlap those).
  let covered = new Uint8Array(256);

  /**
   * Greedy longest-match pass of one trie; appends hits. `covering`: 'mark' records the
   * tokens hits cover, 'respect' skips covered tokens, 'none' ignores `covered` (no
   * communities: no typed-array reads at all in the hot loop).
   */
  function pass(
    first: FirstLevel,
    text: string,
    labelArea: boolean,
    hits: TopicHit[],
    covering: 'mark' | 'respect' | 'none',
  ): void {
    const count = buffer.count;
    const hashes = buffer.hashes;
    const respect = covering === 'respect';
    for (let i = 0; i < count; i++) {
      if (respect && covered[i] === 1) continue;
      let node = first(hashes[i]!);
      if (!node) continue;
      let best: Term | undefined;
      let bestLast = -1;
      let j = i;
      while (node) {
        if (node.terms && j > bestLast) {
          for (const term of node.terms) {
            if (accepts(term, text, buffer, i, j, labelArea)) {
              best = term;
              bestLast = j;
              break;
            }
          }
        }
        if (!node.next || j + 1 >= count || (respect && covered[j + 1] === 1)) break;
        j++;
        node = node.next.get(hashes[j]!);
      }
      if (best) {
        hits.push({
          start: buffer.starts[i]! - best.prefix.length,
          end: buffer.ends[bestLast]! + best.suffix.length,
          topic: best.topic,
        });
        if (covering === 'mark') covered.fill(1, i, bestLast + 1);
        i = bestLast;
      }
    }
  }

  return {
    termCount: builder.termCount,
    find(text, context) {
      const hits: TopicHit[] = [];
      // Most texts of a page hold no term: one read of their characters, nothing stored; the
      // others are tokenised from where a term may start.
      const from = quickReject ? firstTermStart(text, first) : 0;
      if (from < 0) return hits;
      buffer.scan(text, from);
      const labelArea = context?.labelArea === true;
      if (!communities) {
        if (topics) pass(topics, text, labelArea, hits, 'none');
        return hits;
      }
      if (covered.length < buffer.count) covered = new Uint8Array(buffer.starts.length);
      covered.fill(0, 0, buffer.count);
      pass(communities, text, labelArea, hits, 'mark');
      const named = hits.length;
      if (topics) pass(topics, text, labelArea, hits, 'respect');
      return named > 0 && hits.length > named ? hits.sort((a, b) => a.start - b.start) : hits;
    },
  };
}

/** Is `start` the first word of a sentence (or of the text)? */
function sentenceStart(text: string, start: number): boolean {
  let i = start - 1;
  while (i >= 0 && /[\s"'“‘(]/.test(text[i]!)) i--;
  return i < 0 || /[.!?:]/.test(text[i]!);
}

function accepts(
  term: Term,
  text: string,
  tokens: TokenBuffer,
  first: number,
  last: number,
  labelArea: boolean,
): boolean {
  const exact = term.caseSensitive || (term.common && !labelArea);
  if (term.labelsOnly && !labelArea) return false;
  for (let k = 0; k < term.keys.length; k++) {
    const n = first + k;
    if (exact) {
      if (tokens.normalized(text, n) !== term.written[k]) return false;
    } else if (tokens.folded(text, n) !== term.keys[k]) return false;
  }
  for (let k = 0; k < term.separators.length; k++) {
    const between = text.slice(tokens.ends[first + k], tokens.starts[first + k + 1]);
    if (normalizeSeparator(between) !== term.separators[k]) return false;
  }
  const start = tokens.starts[first]!;
  const end = tokens.ends[last]!;
  // "Map the data first.": a capital there says nothing about the word being a name.
  if (term.common && !labelArea && sentenceStart(text, start)) return false;
  if (term.prefix) {
    const before = start - term.prefix.length;
    if (before < 0 || text.slice(before, start).toLowerCase() !== term.prefix) return false;
    if (isWordChar(text, before - 1)) return false;
  }
  if (term.suffix) {
    const after = end + term.suffix.length;
    if (text.slice(end, after).toLowerCase() !== term.suffix) return false;
    if (isWordChar(text, after)) return false;
  }
  return true;
}
