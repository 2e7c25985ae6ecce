// Splitting CSV text into records, each with the line it starts on: a record with a quoted
// multi-line field still points at its first line, and a malformed record (an unclosed
// quote) is reported where it starts rather than where the parser gave up.
import { parse } from 'csv-parse/sync';

export interface Row {
  cells: string[];
  line: number;
}

type ParsedRows = { ok: true; rows: Row[] } | { ok: false; line: number; message: string };

/** Parses CSV text into rows, each with the line its record starts on. */
export function parseRows(text: string, delimiter: string): ParsedRows {
  // csv-parse reports, after each record, how many bytes (of UTF-8) it has consumed; the
  // next record starts there, after any blank lines. (Its `raw` and `lines` are unreliable
  // with CRLF line ends, which real exports have.)
  const encoded = new TextEncoder().encode(text);
  // Where lines end: LF, CRLF (counted once, at its LF) and a lone CR, which classic Mac
  // exports ("CSV (Macintosh)") use throughout and csv-parse reads as a record delimiter.
  const newlines: number[] = [];
  for (let i = 0; i < encoded.length; i++) {
    const byte = encoded[i];
    if (byte === 0x0a || (byte === 0x0d && encoded[i + 1] !== 0x0a)) newlines.push(i);
  }
  const lineAt = (offset: number) => {
    while (encoded[offset] === 0x0a || encoded[offset] === 0x0d) offset++;
    let lo = 0;
    let hi = newlines.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (newlines[mid]! < offset) lo = mid + 1;
      else hi = mid;
    }
    return lo + 1;
  };
  const rows: Row[] = [];
  let consumed = 0;
  try {
    parse(text, {
      delimiter,
      info: true,
      relax_column_count: true,
      skip_empty_lines: true,
      // With `info`, csv-parse hands each record over as { record, info }.
      on_record: (value: unknown) => {
        const { record, info } = value as { record: string[]; info: { bytes: number } };
        rows.push({ cells: record, line: lineAt(consumed) });
        consumed = info.bytes;
        return null;
      },
    });
  } catch (error) {
    // csv-parse names the line where it gave up (the end of the file, for an unclosed
    // quote); the record that failed starts right after the last good one.
    const detail =
      error instanceof Error
        ? error.message.replace(/\s+at line \d+.*$/, '').replace(/ on line \d+$/, '')
        : String(error);
    return {
      ok: false,
      line: lineAt(consumed),
      message: `malformed CSV in the record starting here: ${detail}`,
    };
  }
  return { ok: true, rows };
}
