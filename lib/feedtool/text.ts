// Turning the bytes of an input file into text, and offsets in that text into line:column.
// Exports from spreadsheets and HR systems arrive with a BOM, as UTF-16, or as Latin-1;
// we decode what is declared or marked, and refuse (with the line of the first bad byte)
// what would otherwise be silently garbled into U+FFFD.

export type TextEncodingName = 'utf-8' | 'utf-16le' | 'utf-16be' | 'latin1' | 'windows-1252';

export type DecodeResult =
  | { ok: true; text: string; encoding: TextEncodingName; bom: boolean }
  | { ok: false; line: number; column: number; message: string };

/**
 * Decodes bytes. A byte-order mark wins over the declared encoding (it cannot be wrong by
 * accident); without one, the declared encoding (default UTF-8) is used. Invalid UTF-8 is an
 * error that points at the first offending byte.
 */
export function decodeBytes(bytes: Uint8Array, declared: TextEncodingName = 'utf-8'): DecodeResult {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return decodeUtf8(bytes.subarray(3), true);
  }
  if (bytes[0] === 0xff && bytes[1] === 0xfe) {
    return {
      ok: true,
      text: new TextDecoder('utf-16le').decode(bytes.subarray(2)),
      encoding: 'utf-16le',
      bom: true,
    };
  }
  if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    return {
      ok: true,
      text: new TextDecoder('utf-16be').decode(bytes.subarray(2)),
      encoding: 'utf-16be',
      bom: true,
    };
  }
  if (declared === 'utf-8') return decodeUtf8(bytes, false);
  // TextDecoder's "latin1" label is windows-1252 per the WHATWG Encoding standard; both
  // decode every byte, so they cannot fail.
  return {
    ok: true,
    text: new TextDecoder(declared).decode(bytes),
    encoding: declared,
    bom: false,
  };
}

function decodeUtf8(bytes: Uint8Array, bom: boolean): DecodeResult {
  const bad = firstInvalidUtf8(bytes);
  if (bad >= 0) {
    const { line, column } = byteLineColumn(bytes, bad);
    const byte = bytes[bad]!.toString(16).toUpperCase().padStart(2, '0');
    const hint = bytes.includes(0)
      ? 'the file contains NUL bytes; it may be UTF-16 without a byte-order mark (set encoding: utf-16le)'
      : 'the file may be Latin-1 or Windows-1252; re-save it as UTF-8 or set encoding: latin1';
    return { ok: false, line, column, message: `not valid UTF-8 (byte 0x${byte}); ${hint}` };
  }
  const text = new TextDecoder('utf-8').decode(bytes);
  if (text.includes('\u0000')) {
    const offset = bytes.indexOf(0);
    const { line, column } = byteLineColumn(bytes, offset);
    return {
      ok: false,
      line,
      column,
      message:
        'the file contains NUL bytes; it may be UTF-16 without a byte-order mark (set encoding: utf-16le)',
    };
  }
  return { ok: true, text, encoding: 'utf-8', bom };
}

/** Offset of the first byte that breaks UTF-8 (RFC 3629), or -1. */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    if (b < 0x80) {
      i++;
      continue;
    }
    let need: number;
    let min: number;
    if (b >= 0xc2 && b <= 0xdf) [need, min] = [1, 0x80];
    else if (b >= 0xe0 && b <= 0xef) [need, min] = [2, 0x800];
    else if (b >= 0xf0 && b <= 0xf4) [need, min] = [3, 0x10000];
    else return i;
    let code = b & (0x3f >> need);
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return i;
      code = (code << 6) | (c & 0x3f);
    }
    if (code < min || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return i;
    i += need + 1;
  }
  return -1;
}

function byteLineColumn(bytes: Uint8Array, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset; i++) {
    if (bytes[i] === 0x0a) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}

/** Maps offsets in a text to 1-based line and column (columns count UTF-16 code units). */
export class LineIndex {
  private readonly starts: number[] = [0];

  constructor(text: string) {
    for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) this.starts.push(i + 1);
  }

  locate(offset: number): { line: number; column: number } {
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: offset - this.starts[lo]! + 1 };
  }
}
