// Full names anywhere in prose (issue 14, item 3: an option, off by default). The background
// sends content scripts not the directory's names but a 32-bit hash of each folded full name
// that identifies exactly one visible person (`personNames` in the vocabulary); the page looks
// for runs of capitalised words, folds each window of two to four of them the way lookup keys
// are folded (lib/model/keys.ts: case, diacritics, spaces, typographic forms) and keeps the
// windows whose hash is in the set. Only those keys — names of the directory, give or take a
// hash collision — are then sent to be resolved, exactly, like any name an adapter found.
import { foldText } from '../model/keys';

/** FNV-1a over UTF-16 code units: small, fast, the same in the background and the page. */
export function nameHash(key: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) {
    hash ^= key.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash >>> 0;
}

export interface ProseName {
  /** Offsets of the name in the text (end exclusive). */
  start: number;
  end: number;
  /** The name as written on the page. */
  name: string;
}

/**
 * A word that can be part of a name: a capitalised word (letters, marks, apostrophes,
 * hyphens, a trailing dot for an initial), or a lower-case particle between two of them.
 */
const WORD = /[\p{L}\p{M}][\p{L}\p{M}'’.-]*/gu;
const PARTICLE = /^(?:van|von|der|den|de|da|di|du|le|la|bin|al|dos|das|del|ter|ten)$/;
/** Words of a name written as one: no more (and "Mary Ann van der Berg" is five). */
const MOST_WORDS = 5;

interface Word {
  start: number;
  end: number;
  capital: boolean;
}

/** The runs of name-like words in `text`: capitalised words and the particles between them. */
function runs(text: string): Word[][] {
  const out: Word[][] = [];
  let run: Word[] = [];
  let lastEnd = -1;
  const close = () => {
    while (run.length > 0 && !run[run.length - 1]!.capital) run.pop();
    if (run.filter((w) => w.capital).length >= 2) out.push(run);
    run = [];
  };
  WORD.lastIndex = 0;
  for (let match = WORD.exec(text); match; match = WORD.exec(text)) {
    let value = match[0];
    // A sentence's full stop is not part of the word ("… met Zoë Okafor."), nor is a
    // possessive ("Zoë Okafor’s team"); either ends the name.
    if (value.length > 2 && value.endsWith('.')) value = value.slice(0, -1);
    else if (value.length > 3 && /['’]s$/u.test(value)) value = value.slice(0, -2);
    const start = match.index;
    const end = start + value.length;
    const capital = /^\p{Lu}/u.test(value);
    // Only white space may stand between two words of one name.
    const joined = lastEnd >= 0 && /^\s+$/u.test(text.slice(lastEnd, start));
    if (!joined) close();
    if (capital || (run.length > 0 && PARTICLE.test(value))) {
      run.push({ start, end, capital });
      lastEnd = end;
    } else {
      close();
      lastEnd = -1;
    }
    if (value !== match[0]) {
      // The dot or the possessive ended the name (if any) here.
      close();
      lastEnd = -1;
    }
  }
  close();
  return out;
}

/**
 * The full names in `text` whose folded form hashes into `hashes`: longest first, never
 * overlapping, always two capitalised words or more. Plain-ASCII text without two capitals in
 * a row costs one regular-expression pass.
 */
export function findProseNames(text: string, hashes: ReadonlySet<number>): ProseName[] {
  if (hashes.size === 0 || text.length < 3) return [];
  const found: ProseName[] = [];
  for (const run of runs(text)) {
    let i = 0;
    while (i < run.length) {
      let taken = 0;
      if (run[i]!.capital)
        for (let n = Math.min(MOST_WORDS, run.length - i); n >= 2; n--) {
          const last = run[i + n - 1]!;
          if (!last.capital) continue;
          const name = text.slice(run[i]!.start, last.end);
          if (hashes.has(nameHash(foldText(name)))) {
            found.push({ start: run[i]!.start, end: last.end, name });
            taken = n;
            break;
          }
        }
      i += taken || 1;
    }
  }
  return found;
}
