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
  return normalizeText(value)
    .replace(/\p{Cf}+/gu, '')
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

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
  const tokens = new Set<string>();
  for (const value of values) {
    const folded = foldText(value);
    if (!folded) continue;
    for (const word of folded.split(/[^\p{L}\p{N}]+/u)) if (word) tokens.add(word);
    // The whole value too, so "alice.ch" or "k8s-sig" prefixes still find it.
    if (/[^\p{L}\p{N}]/u.test(folded) && !folded.includes(' ')) tokens.add(folded);
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
