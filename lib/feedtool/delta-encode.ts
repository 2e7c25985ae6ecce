// Computes a delta (lib/feed/delta.ts) that rebuilds the bytes of a new feed document from an
// earlier one. Both documents are cut into segments that end at a newline or after "}," / "],"
// (a record, or a part of one, in indented and in compact JSON alike), and the new document is
// walked once against a cursor in the old one: equal segments become copies of old byte
// ranges, a changed record becomes a short literal, and inserted or removed records re-align
// on the next segment that occurs once in the old document (found by content hash). Greedy and linear rather than a
// minimal diff (Myers on three million segments is far too slow), which is all a feed needs:
// publishers regenerate documents in a stable order, so changes stay local. Correctness does
// not depend on the heuristic: the caller checks that the delta rebuilds the new bytes.
import type { DeltaOp } from '../feed/delta';

/** How far ahead in the old document a segment is looked for before it counts as new. */
const REALIGN_WINDOW = 4096;

interface Segments {
  /** Byte offset where segment i starts; segment i ends where i + 1 starts. */
  starts: Uint32Array;
  hashes: Uint32Array;
  count: number;
}

const NEWLINE = 0x0a;
const COMMA = 0x2c;
const CLOSE_BRACE = 0x7d;
const CLOSE_BRACKET = 0x5d;

function segment(bytes: Uint8Array): Segments {
  const starts: number[] = [0];
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i]!;
    const end =
      b === NEWLINE ||
      (b === COMMA && (bytes[i - 1] === CLOSE_BRACE || bytes[i - 1] === CLOSE_BRACKET));
    if (end && i + 1 < bytes.length) starts.push(i + 1);
  }
  const count = bytes.length === 0 ? 0 : starts.length;
  starts.push(bytes.length);
  const hashes = new Uint32Array(count);
  for (let s = 0; s < count; s++) {
    // FNV-1a over the segment's bytes: an index key, confirmed byte for byte on use.
    let h = 0x811c9dc5;
    for (let i = starts[s]!; i < starts[s + 1]!; i++) h = Math.imul(h ^ bytes[i]!, 0x01000193);
    hashes[s] = h >>> 0;
  }
  return { starts: Uint32Array.from(starts), hashes, count };
}

function equalSegments(
  a: Uint8Array,
  as: Segments,
  i: number,
  b: Uint8Array,
  bs: Segments,
  j: number,
): boolean {
  if (i >= as.count || j >= bs.count || as.hashes[i] !== bs.hashes[j]) return false;
  const aStart = as.starts[i]!;
  const bStart = bs.starts[j]!;
  const length = as.starts[i + 1]! - aStart;
  if (bs.starts[j + 1]! - bStart !== length) return false;
  for (let k = 0; k < length; k++) if (a[aStart + k] !== b[bStart + k]) return false;
  return true;
}

/** The operations that turn `base` into `next` (both UTF-8 JSON documents). */
export function encodeDelta(base: Uint8Array, next: Uint8Array): DeltaOp[] {
  const old = segment(base);
  const now = segment(next);
  const index = new Map<number, number[]>();
  for (let i = 0; i < old.count; i++) {
    const at = index.get(old.hashes[i]!);
    if (at) at.push(i);
    else index.set(old.hashes[i]!, [i]);
  }
  const ops: DeltaOp[] = [];
  const decoder = new TextDecoder();
  let literalFrom = -1;
  const copy = (i: number) => {
    const start = old.starts[i]!;
    const end = old.starts[i + 1]!;
    const last = ops[ops.length - 1];
    if (Array.isArray(last) && last[1] === start) last[1] = end;
    else ops.push([start, end]);
  };
  /** Ends a run of new segments [literalFrom, upTo) as one literal. */
  const flushLiteral = (upTo: number) => {
    if (literalFrom < 0) return;
    ops.push(decoder.decode(next.subarray(now.starts[literalFrom], now.starts[upTo])));
    literalFrom = -1;
  };
  let cursor = 0;
  for (let j = 0; j < now.count; j++) {
    if (equalSegments(base, old, cursor, next, now, j)) {
      flushLiteral(j);
      copy(cursor++);
      continue;
    }
    // A changed segment: the old one is replaced when the next ones line up again.
    if (equalSegments(base, old, cursor + 1, next, now, j + 1)) {
      if (literalFrom < 0) literalFrom = j;
      cursor++;
      continue;
    }
    // Records removed or inserted: re-align on a segment that occurs once in the old document
    // (one with an id in it). Common segments ("aliases":[],) never re-align: they would pull
    // the cursor onto the wrong record.
    const at = index.get(now.hashes[j]!);
    const found = at?.length === 1 ? at[0]! : undefined;
    if (
      found !== undefined &&
      Math.abs(found - cursor) <= REALIGN_WINDOW &&
      equalSegments(base, old, found, next, now, j)
    ) {
      flushLiteral(j);
      cursor = found;
      copy(cursor++);
      continue;
    }
    // Inserted (or changed beyond recognition): taken as it is.
    if (literalFrom < 0) literalFrom = j;
  }
  if (literalFrom >= 0) flushLiteral(now.count);
  return ops;
}
