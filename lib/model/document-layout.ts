// Where the records of a feed document lie in its bytes, found without decoding or parsing
// them: one pass over the UTF-8 bytes that follows strings and nesting only. The validator then
// parses each list a batch of records at a time with the engine's own JSON.parse
// (validate-bytes.ts), so neither the whole text nor the whole parsed document ever exists.
// The layout vouches for nothing: every byte still goes through JSON.parse, either in the
// envelope (the document with the lists' insides cut out) or in a batch, and anything this pass
// does not recognise returns null so the caller takes the whole-document path instead.
import { FEED_LISTS, type FeedList } from './feed';

/** One batch of consecutive records: bytes [start, end) hold `count` records and the commas between them. */
export interface RecordBatch {
  start: number;
  end: number;
  count: number;
}

export interface ListLayout {
  /** Records in the list. */
  count: number;
  batches: RecordBatch[];
  /** The list's brackets: its inside (open + 1 … close) is cut out of the envelope. */
  open: number;
  close: number;
}

export interface DocumentLayout {
  /** The document without the lists' records, as byte ranges [start, end) to decode in order. */
  envelope: [number, number][];
  lists: Partial<Record<FeedList, ListLayout>>;
}

/** A batch is closed once it holds this many bytes: small enough to die young, large enough that calls are few. */
export const BATCH_BYTES = 256 * 1024;

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACKET = 0x5d;
const COMMA = 0x2c;
const COLON = 0x3a;

const LIST_NAMES = new Set<string>(FEED_LISTS);

function isSpace(byte: number | undefined): boolean {
  return byte === 0x20 || byte === 0x0a || byte === 0x0d || byte === 0x09;
}

/** Thrown inside the scan when the bytes are not laid out as expected; never escapes. */
class Unrecognised extends Error {}

/**
 * The layout of a document that is a JSON object whose feed lists are arrays, or null for
 * anything else (not an object, a list named twice, bytes that break off): the caller then
 * decodes and parses the whole document, which words every refusal exactly.
 */
export function documentLayout(bytes: Uint8Array, batchBytes = BATCH_BYTES): DocumentLayout | null {
  try {
    return scan(bytes, batchBytes);
  } catch (error) {
    if (error instanceof Unrecognised) return null;
    throw error;
  }
}

function scan(b: Uint8Array, batchBytes: number): DocumentLayout {
  const n = b.length;
  let i = 0;
  // A UTF-8 byte order mark is dropped by the decoder, as on the whole-document path.
  if (b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) i = 3;
  const first = i;
  i = skipSpace(b, i);
  if (b[i] !== OPEN_BRACE) throw new Unrecognised();
  i = skipSpace(b, i + 1);
  const lists: Partial<Record<FeedList, ListLayout>> = {};
  if (b[i] === CLOSE_BRACE) i++;
  else {
    for (;;) {
      if (b[i] !== QUOTE) throw new Unrecognised();
      const keyEnd = stringEnd(b, i);
      const key = keyName(b, i, keyEnd);
      i = skipSpace(b, keyEnd);
      if (b[i] !== COLON) throw new Unrecognised();
      i = skipSpace(b, i + 1);
      if (key !== undefined && LIST_NAMES.has(key) && b[i] === OPEN_BRACKET) {
        const list = key as FeedList;
        // The same list twice: JSON.parse keeps the last, and both would need checking.
        if (lists[list]) throw new Unrecognised();
        const layout = scanList(b, i, batchBytes);
        lists[list] = layout;
        i = layout.close + 1;
      } else {
        i = valueEnd(b, i);
      }
      i = skipSpace(b, i);
      if (b[i] === COMMA) {
        i = skipSpace(b, i + 1);
        continue;
      }
      if (b[i] === CLOSE_BRACE) {
        i++;
        break;
      }
      throw new Unrecognised();
    }
  }
  if (skipSpace(b, i) !== n) throw new Unrecognised();
  const cuts = Object.values(lists).sort((x, y) => x.open - y.open);
  const envelope: [number, number][] = [];
  let at = first;
  for (const cut of cuts) {
    envelope.push([at, cut.open + 1]);
    at = cut.close;
  }
  envelope.push([at, n]);
  return { envelope, lists };
}

/** The array opening at `open`: its records batched, and where it closes. */
function scanList(b: Uint8Array, open: number, batchBytes: number): ListLayout {
  const batches: RecordBatch[] = [];
  let count = 0;
  let i = skipSpace(b, open + 1);
  if (b[i] === CLOSE_BRACKET) return { count, batches, open, close: i };
  let batch: RecordBatch = { start: i, end: i, count: 0 };
  for (;;) {
    const end = valueEnd(b, i);
    if (end === i) throw new Unrecognised();
    batch.end = end;
    batch.count++;
    count++;
    i = skipSpace(b, end);
    const next = b[i];
    if (next === CLOSE_BRACKET) {
      batches.push(batch);
      return { count, batches, open, close: i };
    }
    if (next !== COMMA) throw new Unrecognised();
    i = skipSpace(b, i + 1);
    if (batch.end - batch.start >= batchBytes) {
      batches.push(batch);
      batch = { start: i, end: i, count: 0 };
    }
  }
}

/**
 * Where the value starting at `i` ends: after its closing bracket, or at the comma or closing
 * bracket that follows a number or literal. Only strings and nesting are followed; whether the
 * value is well formed is for JSON.parse to say.
 */
function valueEnd(b: Uint8Array, i: number): number {
  const n = b.length;
  let depth = 0;
  while (i < n) {
    const c = b[i]!;
    if (c === QUOTE) {
      i = stringEnd(b, i);
      if (depth === 0) return i;
      continue;
    }
    if (c === OPEN_BRACE || c === OPEN_BRACKET) depth++;
    else if (c === CLOSE_BRACE || c === CLOSE_BRACKET) {
      if (depth === 0) return i;
      if (--depth === 0) return i + 1;
    } else if (depth === 0 && (c === COMMA || isSpace(c))) return i;
    i++;
  }
  throw new Unrecognised();
}

/** The index just after the string whose opening quote is at `i`. */
function stringEnd(b: Uint8Array, i: number): number {
  const n = b.length;
  for (i++; i < n; i++) {
    const c = b[i];
    if (c === QUOTE) return i + 1;
    if (c === BACKSLASH) i++;
  }
  throw new Unrecognised();
}

function skipSpace(b: Uint8Array, i: number): number {
  while (isSpace(b[i])) i++;
  return i;
}

const keyDecoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** A top-level key as JSON.parse reads it (escapes included); undefined when it is not a string. */
function keyName(b: Uint8Array, start: number, end: number): string | undefined {
  // Only a key that could spell a list's name is decoded: at most 11 characters, each at most
  // a 6-byte escape, between quotes.
  if (end - start > 6 * 11 + 2) return undefined;
  try {
    const key: unknown = JSON.parse(keyDecoder.decode(b.subarray(start, end)));
    return typeof key === 'string' ? key : undefined;
  } catch {
    return undefined;
  }
}
