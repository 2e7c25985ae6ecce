// Word tokens for topic matching, scanned by hand for speed: a token is a maximal run of
// letters, digits and combining marks, and of the invisible format characters between them
// (`isJoiner`), never starting or ending with one; everything else separates tokens. Each token gets a
// 32-bit hash of its folded form (case, and for non-ASCII also diacritics, as
// lib/model/keys.ts folds), computed while scanning, so the matcher looks tokens up without
// allocating a string per word. Plain ASCII — almost every token on real pages — never
// reaches Unicode normalisation (lib/model/text.ts, shared with the vocabulary compiler).
import { foldText } from '../model/keys';
import { normalizeText } from '../model/text';

const NON_ASCII = /[\u0080-\uffff]/;
const WORD_CHAR = /[\p{L}\p{N}\p{M}]/u;

/** ASCII letters and digits → their lower-case code; everything else → 0. */
const ASCII_WORD = new Uint8Array(128);
for (let c = 48; c <= 57; c++) ASCII_WORD[c] = c;
for (let c = 97; c <= 122; c++) ASCII_WORD[c] = c;
for (let c = 65; c <= 90; c++) ASCII_WORD[c] = c + 32;

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

/** The folded form of one token ("Kubernetes" → "kubernetes", "Zoë" → "zoe"). */
export function foldToken(token: string): string {
  return NON_ASCII.test(token) ? foldText(token) : token.toLowerCase();
}

/** FNV-1a over a folded token's UTF-16 code units (the same hash the scanner computes). */
export function hashFolded(folded: string): number {
  let hash = FNV_OFFSET;
  for (let i = 0; i < folded.length; i++) hash = Math.imul(hash ^ folded.charCodeAt(i), FNV_PRIME);
  return hash >>> 0;
}

/**
 * Invisible format characters that do not break a word: soft hyphen (a CMS's or a hyphenation
 * tool's break points), zero-width non-joiner and joiner, word joiner, and a byte-order mark
 * (a zero-width no-break space, as old editors pasted it). Inside a word they keep it one word,
 * and folding removes them (lib/model/text.ts), so "Kuber\u00ADnetes" is "kubernetes"; next to
 * a word they are not part of it, so a highlight never takes them in. A zero-width *space*
 * is a word break by definition (UAX #29) and separates words like any space.
 */
function isJoiner(code: number): boolean {
  return code === 0xad || code === 0x200c || code === 0x200d || code === 0x2060 || code === 0xfeff;
}

/**
 * A non-ASCII UTF-16 unit at `index`: part of a word (a joiner included: see isJoiner)? The common punctuation of real pages
 * (no-break space, typographic quotes and dashes) and Latin letters with diacritics are
 * decided without the Unicode regular expression.
 */
function isWideWordChar(code: number, text: string, index: number): boolean {
  if (isJoiner(code)) return true;
  if (code >= 0x2000 && code <= 0x206f) return false; // general punctuation, spaces
  if (code >= 0xa0 && code <= 0xbf) return code === 0xaa || code === 0xb5 || code === 0xba;
  if (code >= 0xc0 && code <= 0x24f) return code !== 0xd7 && code !== 0xf7;
  // A letter outside the Basic Multilingual Plane (𠮷 in Japanese names, 𝐀) is two UTF-16
  // units; each half is read as the whole character (a lone half is none).
  if (code >= 0xd800 && code <= 0xdfff) {
    const point = text.codePointAt(code <= 0xdbff ? index : index - 1);
    return point !== undefined && point > 0xffff && WORD_CHAR.test(String.fromCodePoint(point));
  }
  return WORD_CHAR.test(text[index]!);
}

// Folding a non-ASCII token goes through Unicode normalisation (microseconds); pages repeat
// their words, so folded hashes are remembered (boundedly).
const wideHashes = new Map<string, number>();

function wideHash(token: string): number {
  let hash = wideHashes.get(token);
  if (hash === undefined) {
    hash = hashFolded(foldText(token));
    if (wideHashes.size > 20_000) wideHashes.clear();
    wideHashes.set(token, hash);
  }
  return hash;
}

/** Is the character at `index` part of a word? Fast for ASCII. */
export function isWordChar(text: string, index: number): boolean {
  const code = text.charCodeAt(index);
  if (Number.isNaN(code)) return false;
  if (code < 128) return ASCII_WORD[code] !== 0;
  return isWideWordChar(code, text, index);
}

/** Tokens of one text, in parallel arrays reused between calls (no per-token objects). */
export class TokenBuffer {
  count = 0;
  starts = new Int32Array(256);
  ends = new Int32Array(256);
  hashes = new Uint32Array(256);
  /** 1 when the token had a non-ASCII character (folded through foldText). */
  wide = new Uint8Array(256);

  private grow(needed: number): void {
    let size = this.starts.length;
    while (size < needed) size *= 2;
    const copy = <T extends Int32Array | Uint32Array | Uint8Array>(from: T, to: T): T => {
      to.set(from);
      return to;
    };
    this.starts = copy(this.starts, new Int32Array(size));
    this.ends = copy(this.ends, new Int32Array(size));
    this.hashes = copy(this.hashes, new Uint32Array(size));
    this.wide = copy(this.wide, new Uint8Array(size));
  }

  /** Scans `text` into the buffer, from `from` (0, or a token's start). */
  scan(text: string, from = 0): void {
    // Locals, not `this.` loads, in the hot loop: about twice as fast in V8.
    const length = text.length;
    // A text of n characters holds at most ceil(n / 2) tokens: grow once, before the loop.
    if (this.starts.length < (length >> 1) + 1) this.grow((length >> 1) + 1);
    let count = 0;
    const starts = this.starts;
    const ends = this.ends;
    const hashes = this.hashes;
    const wides = this.wide;
    let i = from;
    while (i < length) {
      let code = text.charCodeAt(i);
      if (code < 128) {
        if (ASCII_WORD[code] === 0) {
          i++;
          continue;
        }
      } else if (isJoiner(code) || !isWideWordChar(code, text, i)) {
        // (A joiner starts no word: isJoiner.)
        i++;
        continue;
      }
      const start = i;
      // The common case in a tight loop of its own: a run of ASCII letters and digits,
      // hashed as it is read. A non-ASCII character ends it; if that character belongs to
      // the word, the rest of the token is read by the general loop and hashed folded.
      let hash = FNV_OFFSET;
      while (i < length) {
        code = text.charCodeAt(i);
        if (code >= 128) break;
        const lower = ASCII_WORD[code]!;
        if (lower === 0) break;
        hash = Math.imul(hash ^ lower, FNV_PRIME);
        i++;
      }
      let wide = 0;
      let end = i;
      if (i < length && code >= 128 && isWideWordChar(code, text, i)) {
        const asciiEnd = i;
        for (i++; i < length; i++) {
          code = text.charCodeAt(i);
          if (code < 128 ? ASCII_WORD[code] === 0 : !isWideWordChar(code, text, i)) break;
        }
        // Joiners after the word are not part of it (isJoiner); scanning goes on after them.
        end = i;
        while (isJoiner(text.charCodeAt(end - 1))) end--;
        // Only the joiners were non-ASCII: the ASCII run and its hash are the token.
        wide = end === asciiEnd ? 0 : 1;
      }
      starts[count] = start;
      ends[count] = end;
      wides[count] = wide;
      hashes[count] = wide === 1 ? wideHash(text.slice(start, end)) : hash >>> 0;
      count++;
    }
    this.count = count;
  }

  /** The folded text of token `n` (allocates; used only to confirm a candidate). */
  folded(text: string, n: number): string {
    const raw = text.slice(this.starts[n], this.ends[n]);
    return this.wide[n] ? foldText(raw) : raw.toLowerCase();
  }

  written(text: string, n: number): string {
    return text.slice(this.starts[n], this.ends[n]);
  }

  /** Token `n` as written, through the shared normalisation (for exact-case comparison). */
  normalized(text: string, n: number): string {
    const raw = text.slice(this.starts[n], this.ends[n]);
    return this.wide[n] ? normalizeText(raw) : raw;
  }
}

/**
 * The first tokens of a vocabulary's terms, for `firstTermStart`: an open-addressing table of
 * folded-token hashes. `follow[slot]` is undefined when a term is that one token, else the
 * hashes a second token must have.
 */
export interface FirstTokens {
  mask: number;
  keys: Uint32Array;
  /** 1 when the slot holds a key. */
  used: Uint8Array;
  follow: (ReadonlySet<number> | undefined)[];
}

/**
 * Where in `text` a term starting with one of `first` may begin: the start of the first such
 * token, or -1 when there is none. Read as `TokenBuffer.scan` reads (same tokens, same
 * hashes) but storing nothing and stopping at the first token that may start a term: a
 * page's text nodes are mostly words no term starts with, and this loop is what they cost.
 * A term of several words needs its first word followed by one of its possible second
 * words. A token with a non-ASCII word character stops the loop (folding it is the full
 * scan's job). No term can start before the answer, so the full scan may start there.
 */
export function firstTermStart(text: string, first: FirstTokens): number {
  const { mask, keys, used, follow } = first;
  const length = text.length;
  // Second tokens wanted after the previous token (a term's first of several words).
  let wanted: ReadonlySet<number> | undefined;
  let wantedFrom = -1;
  let i = 0;
  while (i < length) {
    let code = text.charCodeAt(i);
    if (code < 128) {
      if (ASCII_WORD[code] === 0) {
        i++;
        continue;
      }
    } else if (isJoiner(code) || !isWideWordChar(code, text, i)) {
      i++;
      continue;
    } else return wanted !== undefined ? wantedFrom : i;
    const start = i;
    let hash = FNV_OFFSET;
    while (i < length) {
      code = text.charCodeAt(i);
      if (code >= 128) break;
      const lower = ASCII_WORD[code]!;
      if (lower === 0) break;
      hash = Math.imul(hash ^ lower, FNV_PRIME);
      i++;
    }
    if (i < length && code >= 128 && isWideWordChar(code, text, i))
      return wanted !== undefined ? wantedFrom : start;
    hash >>>= 0;
    if (wanted !== undefined && wanted.has(hash)) return wantedFrom;
    wanted = undefined;
    for (let slot = hash & mask; used[slot] === 1; slot = (slot + 1) & mask) {
      if (keys[slot] === hash) {
        wanted = follow[slot];
        if (wanted === undefined) return start;
        wantedFrom = start;
        break;
      }
    }
  }
  return -1;
}

export interface Token {
  text: string;
  start: number;
  end: number;
}

const shared = new TokenBuffer();

/** The tokens of a text as objects (compiling terms, tests); the matcher uses TokenBuffer. */
export function tokenize(text: string): Token[] {
  const buffer = shared;
  buffer.scan(text);
  const out: Token[] = [];
  for (let n = 0; n < buffer.count; n++) {
    out.push({ text: buffer.written(text, n), start: buffer.starts[n]!, end: buffer.ends[n]! });
  }
  return out;
}
