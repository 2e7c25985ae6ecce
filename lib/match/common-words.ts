// Is a topic's spelling a single common English word ("map", "Go", "Security")? Such a term
// is ambiguous in prose, so the matcher applies the common-word rule to it (terms.ts). The
// vocabulary compiler (background) asks; content scripts never load the list.
import { foldText } from '../model/keys';
import { tokenize } from './tokens';
import { COMMON_WORDS_TEXT } from './common-words.generated';

let words: Set<string> | undefined;

export function isCommonWord(spelling: string): boolean {
  const tokens = tokenize(spelling.trim());
  // One word, nothing around it: "C++", ".NET", "open source" are not single common words.
  if (tokens.length !== 1 || tokens[0]!.text.length !== spelling.trim().length) return false;
  words ??= new Set(COMMON_WORDS_TEXT.split(' '));
  return words.has(foldText(tokens[0]!.text));
}
