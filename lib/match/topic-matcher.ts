// One-pass multi-pattern topic matcher: a trie over word tokens (not characters).
//
// Why a token trie rather than a character Aho-Corasick library: matches must start and end
// on word boundaries, which a token trie gets for free (tokens are maximal letter/digit runs),
// while a character automaton needs a boundary check after every hit and an extra pass to
// lower-case the text (which changes offsets for some scripts). Per token the cost is one Map
// lookup on a hash computed while scanning, whatever the size of the vocabulary; compiling
// 20k topics is filling Maps, not building an automaton with failure links; and no
// dependency lands in the content script.
//
// Case rules: short all-caps acronyms (≤ 4 letters, e.g. "SRE", "ML", "GDPR") match only as
// written; every other term matches case- and diacritics-insensitively. Punctuation that is
// part of a term ("C++", ".NET", "CI/CD") must appear literally; between words, white space
// and hyphens are interchangeable ("open-source" = "open source").
import { TokenBuffer, foldToken, hashFolded, isWordChar, tokenize } from './tokens';
import type { VocabularyTopic } from './vocabulary';

export interface TopicHit {
  start: number;
  end: number;
  topic: VocabularyTopic;
}

interface Term {
  topic: VocabularyTopic;
  /** Folded tokens: confirm a hash match. */
  keys: string[];
  /** Tokens as written, compared exactly for case-sensitive terms. */
  written: string[];
  caseSensitive: boolean;
  prefix: string;
  suffix: string;
  /** Normalised text between consecutive tokens. */
  separators: string[];
}

interface TrieNode {
  next: Map<number, TrieNode> | undefined;
  terms: Term[] | undefined;
}

export interface TopicMatcher {
  /** Every non-overlapping topic mention in `text`, longest match first at each position. */
  find(text: string): TopicHit[];
  /** How many distinct terms were compiled. */
  readonly termCount: number;
}

const LOWER = /\p{Ll}/u;
const UPPER = /\p{Lu}/u;
const LETTER = /\p{L}/u;
const SEPARATOR_NOISE = /[\s\u00a0\u2010\u2011-]+/g;

function normalizeSeparator(text: string): string {
  return text === ' ' ? text : text.replace(SEPARATOR_NOISE, ' ');
}

/** "SRE", "ML", "GDPR", "K8S": all caps and at most four letters. */
export function isShortAcronym(term: string): boolean {
  let letters = 0;
  for (const char of term) if (LETTER.test(char) && ++letters > 4) return false;
  return letters > 0 && UPPER.test(term) && !LOWER.test(term);
}

function compileTerm(topic: VocabularyTopic, spelling: string): Term | null {
  const trimmed = spelling.trim();
  const tokens = tokenize(trimmed);
  if (tokens.length === 0) return null;
  const first = tokens[0]!;
  const last = tokens[tokens.length - 1]!;
  const separators: string[] = [];
  for (let i = 1; i < tokens.length; i++) {
    separators.push(normalizeSeparator(trimmed.slice(tokens[i - 1]!.end, tokens[i]!.start)));
  }
  return {
    topic,
    keys: tokens.map((t) => foldToken(t.text)),
    written: tokens.map((t) => t.text),
    caseSensitive: isShortAcronym(trimmed),
    prefix: trimmed.slice(0, first.start).toLowerCase(),
    suffix: trimmed.slice(last.end).toLowerCase(),
    separators,
  };
}

/** Builds the trie topic by topic, so a big vocabulary can be compiled in slices. */
class TrieBuilder {
  readonly root = new Map<number, TrieNode>();
  private readonly seen = new Set<string>();
  termCount = 0;

  add(topic: VocabularyTopic): void {
    for (const spelling of topic.terms) {
      const term = compileTerm(topic, spelling);
      if (!term) continue;
      // One entry per (topic, spelling shape): "Kubernetes" and "kubernetes" are the same term.
      const shape = `${topic.feedId}\u0000${topic.id}\u0000${(term.caseSensitive ? term.written : term.keys).join(' ')}\u0000${term.prefix}\u0000${term.suffix}\u0000${term.separators.join('\u0001')}`;
      if (this.seen.has(shape)) continue;
      this.seen.add(shape);
      this.termCount++;
      let level = this.root;
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

export function compileTopicMatcher(topics: readonly VocabularyTopic[]): TopicMatcher {
  const builder = new TrieBuilder();
  for (const topic of topics) builder.add(topic);
  return matcherOver(builder.root, builder.termCount);
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
  return matcherOver(builder.root, builder.termCount);
}

/**
 * The first level of the trie as an open-addressing table on typed arrays: almost every
 * token of a page is looked up here and misses, and a probe in a Uint32Array is several
 * times cheaper than Map.get.
 */
function firstLevel(root: Map<number, TrieNode>) {
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
  return (hash: number): TrieNode | undefined => {
    let slot = hash & mask;
    for (let index = slots[slot]!; index !== 0; index = slots[slot]!) {
      if (keys[slot] === hash) return nodes[index - 1];
      slot = (slot + 1) & mask;
    }
    return undefined;
  };
}

function matcherOver(root: Map<number, TrieNode>, termCount: number): TopicMatcher {
  const buffer = new TokenBuffer();
  const first = firstLevel(root);
  return {
    termCount,
    find(text) {
      const hits: TopicHit[] = [];
      buffer.scan(text);
      const count = buffer.count;
      const hashes = buffer.hashes;
      for (let i = 0; i < count; i++) {
        let node = first(hashes[i]!);
        if (!node) continue;
        let best: Term | undefined;
        let bestLast = -1;
        let j = i;
        while (node) {
          if (node.terms && j > bestLast) {
            for (const term of node.terms) {
              if (accepts(term, text, buffer, i, j)) {
                best = term;
                bestLast = j;
                break;
              }
            }
          }
          if (!node.next || j + 1 >= count) break;
          j++;
          node = node.next.get(hashes[j]!);
        }
        if (best) {
          hits.push({
            start: buffer.starts[i]! - best.prefix.length,
            end: buffer.ends[bestLast]! + best.suffix.length,
            topic: best.topic,
          });
          i = bestLast;
        }
      }
      return hits;
    },
  };
}

function accepts(
  term: Term,
  text: string,
  tokens: TokenBuffer,
  first: number,
  last: number,
): boolean {
  for (let k = 0; k < term.keys.length; k++) {
    const n = first + k;
    if (term.caseSensitive) {
      if (tokens.written(text, n) !== term.written[k]) return false;
    } else if (tokens.folded(text, n) !== term.keys[k]) return false;
  }
  for (let k = 0; k < term.separators.length; k++) {
    const between = text.slice(tokens.ends[first + k], tokens.starts[first + k + 1]);
    if (normalizeSeparator(between) !== term.separators[k]) return false;
  }
  const start = tokens.starts[first]!;
  const end = tokens.ends[last]!;
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
