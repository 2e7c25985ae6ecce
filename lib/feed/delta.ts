// The delta file of the feed delta protocol (docs/feed-format.md, "Deltas"): how to rebuild
// the exact bytes of the current feed document from an earlier document the client holds.
// A delta is a list of operations: `[start, end]` copies bytes [start, end) of the earlier
// document, a string inserts its UTF-8 bytes. Byte-exact reconstruction is the point: the
// result is hash-checked against the manifest and then runs through the very same pipeline
// as a downloaded document (verdict, refusals, diff, generation), so nothing downstream can
// tell the two apart. Shared by the extension (apply) and the feed tool (which writes them).

export const DELTA_FORMAT = 'constellation-feed-delta';
export const DELTA_VERSION = 1;

export type DeltaOp = [start: number, end: number] | string;

export interface FeedDelta {
  format: typeof DELTA_FORMAT;
  version: typeof DELTA_VERSION;
  /** SHA-256 (hex) of the document the copies read from. */
  from: string;
  /** SHA-256 (hex) of the document the operations rebuild. */
  to: string;
  ops: DeltaOp[];
}

export type DeltaParse = { ok: true; delta: FeedDelta } | { ok: false; reason: string };

const SHA256_HEX = /^[0-9a-f]{64}$/;

/**
 * Reads a delta file's bytes. Checked by hand rather than with zod: a delta of a large feed
 * holds tens of thousands of operations, and each is a plain pair or string.
 */
export function parseDelta(bytes: Uint8Array): DeltaParse {
  let value: unknown;
  try {
    value = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch {
    return { ok: false, reason: 'the delta is not UTF-8 JSON' };
  }
  if (typeof value !== 'object' || value === null) return { ok: false, reason: 'not an object' };
  const d = value as Record<string, unknown>;
  if (d.format !== DELTA_FORMAT) return { ok: false, reason: `"format" is not "${DELTA_FORMAT}"` };
  if (d.version !== DELTA_VERSION)
    return { ok: false, reason: `unsupported delta version ${JSON.stringify(d.version)}` };
  for (const field of ['from', 'to'] as const) {
    if (typeof d[field] !== 'string' || !SHA256_HEX.test(d[field]))
      return { ok: false, reason: `"${field}" is not a SHA-256 in hex` };
  }
  if (!Array.isArray(d.ops)) return { ok: false, reason: '"ops" is not a list' };
  const ops = d.ops as unknown[];
  for (let i = 0; i < ops.length; i++) {
    const op = ops[i];
    if (typeof op === 'string') continue;
    if (
      !Array.isArray(op) ||
      op.length !== 2 ||
      !Number.isSafeInteger(op[0]) ||
      !Number.isSafeInteger(op[1]) ||
      (op[0] as number) < 0 ||
      (op[1] as number) < (op[0] as number)
    )
      return { ok: false, reason: `ops[${i}] is neither [start, end] nor a string` };
  }
  return { ok: true, delta: d as unknown as FeedDelta };
}

export type DeltaApplied = { ok: true; bytes: Uint8Array } | { ok: false; reason: string };

/** Rebuilds the document from `base`; refuses a copy outside the base or a result over `maxBytes`. */
export function applyDelta(
  base: Uint8Array,
  ops: readonly DeltaOp[],
  maxBytes: number,
): DeltaApplied {
  const encoder = new TextEncoder();
  const literals = new Map<number, Uint8Array>();
  let size = 0;
  for (let i = 0; i < ops.length; i++) {
    const op = ops[i]!;
    if (typeof op === 'string') {
      const bytes = encoder.encode(op);
      literals.set(i, bytes);
      size += bytes.length;
    } else {
      if (op[1] > base.length)
        return {
          ok: false,
          reason: `ops[${i}] copies up to byte ${op[1]} of a ${base.length}-byte document`,
        };
      size += op[1] - op[0];
    }
    if (size > maxBytes)
      return { ok: false, reason: `the rebuilt document would exceed ${maxBytes} bytes` };
  }
  const out = new Uint8Array(size);
  let at = 0;
  for (let i = 0; i < ops.length; i++) {
    const op = ops[i]!;
    const piece = typeof op === 'string' ? literals.get(i)! : base.subarray(op[0], op[1]);
    out.set(piece, at);
    at += piece.length;
  }
  return { ok: true, bytes: out };
}
