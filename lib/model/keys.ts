// Normalised lookup keys derived from feed records. The contract says handles match
// case-insensitively per host and emails case-insensitively; names match after folding case,
// diacritics and white space. The database indexes these keys and the page matcher computes
// the same keys from what it finds, so both sides must use these functions.
import { normalizeText } from './text';

/**
 * "José  Müller " → "jose muller", "O’Brien" → "o'brien": the shared normalisation
 * (lib/model/text.ts), then case and diacritics folded. Format characters (bidi controls,
 * zero-width spaces and joiners, soft hyphens) are dropped, so a name padded with invisible
 * characters matches and is found like its visible text (docs/security.md).
 */
export function foldText(value: string): string {
  // Printable ASCII (most names, emails and logins) has nothing to normalise, no format
  // characters and no marks: only case and spaces to fold (same result, a fraction of the work).
  if (PRINTABLE_ASCII.test(value)) {
    const lower = value.toLowerCase();
    return EXTRA_SPACES.test(lower) ? lower.replace(/ +/g, ' ').trim() : lower;
  }
  return normalizeText(value)
    .replace(/\p{Cf}+/gu, '')
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;
/** Spaces that folding removes or merges: two in a row, or at either end. */
const EXTRA_SPACES = /^ | $| {2}/;
/** Lower-case ASCII: its letters and digits are exactly a–z and 0–9. */
const LOWER_ASCII = /^[^A-Z\u0080-\uffff]*$/;
const NOT_WORD = /[^\p{L}\p{N}]+/u;
const NOT_ASCII_WORD = /[^a-z0-9]+/;
const NOT_ASCII_WORD_CHAR = /[^a-z0-9]/;
const NOT_WORD_CHAR = /[^\p{L}\p{N}]/u;

/** Hosts compare without case and without a leading "www." (github.com = www.github.com). */
export function normalizeHost(host: string): string {
  const lower = host.toLowerCase();
  return lower.startsWith('www.') ? lower.slice(4) : lower;
}

/** One key per (host, login); a space cannot occur in either part. */
export function handleKey(host: string, login: string): string {
  return `${normalizeHost(host)} ${login.toLowerCase()}`;
}

export function emailKey(email: string): string {
  return email.trim().toLowerCase();
}

export function nameKey(name: string): string {
  return foldText(name);
}

/**
 * Words for prefix search: folded names split on anything that is not a letter or digit.
 * "Alice Chen", "alice.chen@acme.example" → alice, chen, acme, example, alice.chen@acme.example
 */
export function searchTokens(values: Iterable<string>): string[] {
  const folded: string[] = [];
  for (const value of values) folded.push(foldText(value));
  return foldedTokens(folded);
}

/** `searchTokens` of values already folded with `foldText` (in the same order). */
export function foldedTokens(values: readonly string[]): string[] {
  const tokens = new Set<string>();
  for (const folded of values) {
    if (!folded) continue;
    const ascii = LOWER_ASCII.test(folded);
    for (const word of folded.split(ascii ? NOT_ASCII_WORD : NOT_WORD)) if (word) tokens.add(word);
    const split = (ascii ? NOT_ASCII_WORD_CHAR : NOT_WORD_CHAR).test(folded);
    // The whole value too, so "alice.ch" or "k8s-sig" prefixes still find it.
    if (split && !folded.includes(' ')) tokens.add(folded);
  }
  return [...tokens];
}

/** The words of a query, folded the same way as the indexed tokens. */
export function queryTokens(query: string): string[] {
  return foldText(query)
    .split(/[\s]+/u)
    .flatMap((part) => {
      const words = part.split(/[^\p{L}\p{N}]+/u).filter(Boolean);
      return /[^\p{L}\p{N}]/u.test(part) && words.length > 1 ? [part] : words;
    })
    .filter(Boolean);
}
