// The one text normalisation shared by everything that compares words: the vocabulary
// compiler (feed labels and aliases), the page matcher (page tokens and what stands between
// them) and the lookup keys (names). Pages and feeds spell the same word with different code
// points — "Kullback–Leibler" (en dash) and "Kullback-Leibler", "Conway’s" and "Conway's",
// no-break or thin spaces, soft hyphens a CMS inserted for line breaking, full-width or
// ligature forms — and a reader sees one word. Case and diacritics are NOT folded here: the
// matcher keeps them for exact-case rules; foldText (keys.ts) folds them on top of this.

// Invisible format characters a word may carry: soft hyphen, zero-width space/joiners,
// word joiner, byte-order mark.
const INVISIBLE = /[\u00ad\u200b-\u200d\u2060\ufeff]/g;
// Hyphens and dashes (hyphen, non-breaking hyphen, figure/en/em dashes, horizontal bar,
// minus sign, small and full-width hyphen-minus are NFKC-mapped already).
const DASHES = /[\u2010-\u2015\u2212\u2e3a\u2e3b]/g;
// Single quotes and apostrophes (typographic, modifier letter, prime, acute accent used as one).
const SINGLE_QUOTES = /[\u2018-\u201b\u2032\u02bc\u00b4]/g;
const DOUBLE_QUOTES = /[\u201c-\u201f\u2033]/g;
// Every Unicode space (no-break, narrow no-break, figure, thin, ideographic …) but line breaks.
const SPACES = /[^\S\n\r]/g;
const NEEDS_WORK = /[^\t\n\r\x20-\x7e]/;

/**
 * NFKC (compatibility forms: full-width letters, ligatures), invisible format characters
 * removed, every dash a hyphen-minus, typographic quotes plain, every space a plain space.
 * Plain ASCII text comes back unchanged without work.
 */
export function normalizeText(value: string): string {
  if (!NEEDS_WORK.test(value)) return value;
  return value
    .normalize('NFKC')
    .replace(INVISIBLE, '')
    .replace(DASHES, '-')
    .replace(SINGLE_QUOTES, "'")
    .replace(DOUBLE_QUOTES, '"')
    .replace(SPACES, ' ');
}
