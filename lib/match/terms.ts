// One compiled spelling of a topic or community ("term"): its tokens folded and as written,
// the punctuation around and between them, and which case rule applies. The rules:
// - short all-caps acronyms (≤ 4 letters: "SRE", "ML", "GDPR") match only as written;
// - a single common English word ("map", "Go", "Security"; the vocabulary compiler decides
//   with lib/match/common-words.ts and sends `commonTerms`) matches only as written, never
//   at the start of a sentence, and never at all when written in lower case — that is the
//   word itself — except inside the page's label/topic areas, or when the publisher set
//   `matchAnywhere` on the topic;
// - every other term matches case- and diacritics-insensitively.
// Spellings go through the shared normalisation (lib/model/text.ts) the page side uses.
import { normalizeText } from '../model/text';
import { foldToken, tokenize } from './tokens';
import type { VocabularyTopic } from './vocabulary';

export interface Term {
  topic: VocabularyTopic;
  /** Folded tokens: confirm a hash match. */
  keys: string[];
  /** Tokens as written (normalised), compared exactly for case-sensitive terms. */
  written: string[];
  /** Exact case everywhere (short acronyms). */
  caseSensitive: boolean;
  /** A common word: exact case, not sentence-initial, in prose; any case in label areas. */
  common: boolean;
  /** A common word written in lower case: label areas only. */
  labelsOnly: boolean;
  prefix: string;
  suffix: string;
  /** Normalised text between consecutive tokens. */
  separators: string[];
}

const LOWER = /\p{Ll}/u;
const UPPER = /\p{Lu}/u;
const LETTER = /\p{L}/u;
const SEPARATOR_NOISE = /[\s-]+/g;

/** What stands between two words, normalised: white space and hyphens are one space. */
export function normalizeSeparator(text: string): string {
  return text === ' ' ? text : normalizeText(text).replace(SEPARATOR_NOISE, ' ');
}

/** "SRE", "ML", "GDPR", "K8S": all caps and at most four letters. */
export function isShortAcronym(term: string): boolean {
  let letters = 0;
  for (const char of term) if (LETTER.test(char) && ++letters > 4) return false;
  return letters > 0 && UPPER.test(term) && !LOWER.test(term);
}

export function compileTerm(topic: VocabularyTopic, spelling: string): Term | null {
  const trimmed = normalizeText(spelling).trim();
  const tokens = tokenize(trimmed);
  if (tokens.length === 0) return null;
  const first = tokens[0]!;
  const last = tokens[tokens.length - 1]!;
  const separators: string[] = [];
  for (let i = 1; i < tokens.length; i++) {
    separators.push(normalizeSeparator(trimmed.slice(tokens[i - 1]!.end, tokens[i]!.start)));
  }
  const common =
    !topic.matchAnywhere &&
    (topic.commonTerms?.some((t) => normalizeText(t).trim() === trimmed) ?? false);
  return {
    topic,
    keys: tokens.map((t) => foldToken(t.text)),
    written: tokens.map((t) => t.text),
    caseSensitive: isShortAcronym(trimmed),
    common,
    labelsOnly: common && !UPPER.test(trimmed),
    prefix: trimmed.slice(0, first.start).toLowerCase(),
    suffix: trimmed.slice(last.end).toLowerCase(),
    separators,
  };
}

/** One entry per (topic, spelling shape): "Kubernetes" and "kubernetes" are one term. */
export function termShape(term: Term): string {
  const exact = term.caseSensitive || term.common;
  return [
    term.topic.kind ?? 'topic',
    term.topic.feedId,
    term.topic.id,
    (exact ? term.written : term.keys).join(' '),
    term.prefix,
    term.suffix,
    term.separators.join('\u0001'),
  ].join('\u0000');
}
