// Display hygiene for names and labels from feeds (docs/security.md): bidi controls (which
// can reorder what a reader sees, e.g. "Alice\u202Eecila" or a name that swallows the text
// after it) and invisible characters (zero-width spaces, word joiners, BOMs) are taken out
// of what is displayed, and the caller shows a warning mark; the raw value stays stored as
// the feed sent it. Zero-width (non-)joiners are kept where they are part of writing:
// between letters of scripts that use them (Persian, Indic scripts) and inside emoji
// sequences. Search and matching ignore all of these (foldText in keys.ts).

// Bidi embeddings, overrides and isolates; marks LRM/RLM/ALM; zero-width space, word
// joiner and invisible operators; BOM; Mongolian vowel separator; soft hyphen; and the
// joiners, which are then let back in where they belong (below).
const HIDDEN = /[\u061C\u00AD\u180E\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF]/u;

const JOINING_LETTER = /[\p{L}\p{M}]/u;
const LATIN_OR_COMMON = /[\p{Script=Latin}\p{Script=Common}]/u;
// Emoji, skin-tone modifiers, and the emoji variation selector (tested one code point at a time).
const PICTOGRAPHIC = /\p{Extended_Pictographic}|[\u{1F3FB}-\u{1F3FF}]|\uFE0F/u;

function joinerBelongs(char: string, before: string, after: string): boolean {
  if (char !== '\u200C' && char !== '\u200D') return false;
  const letters = (c: string) => JOINING_LETTER.test(c) && !LATIN_OR_COMMON.test(c);
  if (letters(before) && letters(after)) return true;
  return char === '\u200D' && PICTOGRAPHIC.test(before) && PICTOGRAPHIC.test(after);
}

export interface DisplayText {
  /** What to show. */
  text: string;
  /** Hidden or direction-changing characters were taken out: show a warning mark. */
  altered: boolean;
}

export function displayText(raw: string): DisplayText {
  if (!HIDDEN.test(raw)) return { text: raw, altered: false };
  const chars = Array.from(raw);
  let altered = false;
  const kept = chars.filter((char, i) => {
    if (!HIDDEN.test(char)) return true;
    if (joinerBelongs(char, chars[i - 1] ?? '', chars[i + 1] ?? '')) return true;
    altered = true;
    return false;
  });
  return { text: kept.join(''), altered };
}

/** The warning shown (and announced) beside an altered name. */
export const ALTERED_WARNING =
  'This name contained hidden or direction-changing characters; they are not shown.';

/** Plain-text form for labels and attributes: the cleaned text, with a marker if altered. */
export function displayLabel(raw: string): string {
  const { text, altered } = displayText(raw);
  return altered ? `${text} (⚠ hidden characters removed)` : text;
}
