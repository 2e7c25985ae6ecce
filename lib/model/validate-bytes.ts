// Validating a feed from its bytes while holding one document-sized thing at a time: the bytes
// (needed for the digest anyway) and the validated records. The whole text is never decoded and
// the whole document never parsed: the envelope (the document with its lists' insides cut out)
// is parsed alone, then each list a batch of records at a time (document-layout.ts), each raw
// record dying young once its validated copy exists. Whenever that path cannot give the very
// verdict the whole-document path gives (bytes it does not recognise, JSON.parse refusing a
// piece, invalid UTF-8, anything thrown), the whole-document path runs instead and words it.
import { FEED_LISTS, type FeedList } from './feed';
import { BATCH_BYTES, documentLayout, type DocumentLayout } from './document-layout';
import {
  validateFeed,
  validateFeedText,
  validateRecords,
  type FeedValidation,
  type RecordSource,
} from './validate';

/** Validates the bytes of a response body or file (UTF-8 JSON). Never throws. */
export function validateFeedBytes(bytes: Uint8Array, batchBytes = BATCH_BYTES): FeedValidation {
  const layout = documentLayout(bytes, batchBytes);
  if (layout) {
    const streamed = validateLaidOut(bytes, layout);
    if (streamed) return streamed;
  }
  return validateWholeBytes(bytes);
}

/**
 * The whole-document path: decode all the bytes, parse them at once, validate. Holds the text,
 * then the parsed document, at their full size.
 */
export function validateWholeBytes(bytes: Uint8Array): FeedValidation {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return { ok: false, error: { reason: notUtf8(bytes) } };
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    // Empty, HTML, truncated, BOM: the validator words each of these precisely.
    return atByte(validateFeedText(text), text, bytes);
  }
  text = '';
  return validateFeed(value);
}

/** Why bytes are not UTF-8, and where: a UTF-16 file, or the first byte that cannot be. */
function notUtf8(bytes: Uint8Array): string {
  const said = 'the body is not UTF-8 text';
  const advice = 'publish the feed as UTF-8';
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))
    return `${said}: it starts with a UTF-16 byte order mark; ${advice}`;
  const at = firstNonUtf8(bytes);
  if (at < 0) return said;
  const hex = bytes[at]!.toString(16).toUpperCase().padStart(2, '0');
  return `${said}: the byte 0x${hex} at byte ${at.toLocaleString('en-US')} of ${bytes.length.toLocaleString('en-US')} is not UTF-8 (Latin-1 or Windows-1252?); ${advice}`;
}

/**
 * The offset of the first byte that starts no well-formed UTF-8 sequence, or -1. Checks lead
 * and continuation bytes only (not overlong forms or surrogates): enough to point at a
 * Latin-1 export, and where it finds nothing the message just says "not UTF-8".
 */
function firstNonUtf8(bytes: Uint8Array): number {
  for (let i = 0; i < bytes.length;) {
    const lead = bytes[i]!;
    const size =
      lead < 0x80
        ? 1
        : lead >= 0xc2 && lead <= 0xdf
          ? 2
          : lead >= 0xe0 && lead <= 0xef
            ? 3
            : lead >= 0xf0 && lead <= 0xf4
              ? 4
              : 0;
    if (size === 0) return i;
    for (let k = 1; k < size; k++)
      if (i + k >= bytes.length || (bytes[i + k]! & 0xc0) !== 0x80) return i;
    i += size;
  }
  return -1;
}

/**
 * Adds where in the bytes JSON.parse stopped: its "position" counts UTF-16 units of the text
 * after the byte order mark and leading white space, which is nowhere a publisher can look.
 */
function atByte(validation: FeedValidation, text: string, bytes: Uint8Array): FeedValidation {
  const prefix = 'the body is not valid JSON (';
  if (validation.ok || !validation.error.reason.startsWith(prefix)) return validation;
  const position = /position (\d+)/.exec(validation.error.reason);
  if (!position) return validation;
  // TextDecoder took off one byte order mark; validateFeedText another and the white space.
  const trimmed = text.replace(/^\uFEFF/, '').trimStart();
  const at = text.length - trimmed.length + Number(position[1]);
  const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  const byte = bom + new TextEncoder().encode(text.slice(0, at)).length;
  const where = `at byte ${byte.toLocaleString('en-US')} of ${bytes.length.toLocaleString('en-US')}`;
  return {
    ...validation,
    error: {
      ...validation.error,
      reason: `the body is not valid JSON ${where} (${validation.error.reason.slice(prefix.length)}`,
    },
  };
}

/** The verdict from the layout, or undefined when only the whole-document path can give it. */
function validateLaidOut(bytes: Uint8Array, layout: DocumentLayout): FeedValidation | undefined {
  const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
  try {
    let text = '';
    for (const [start, end] of layout.envelope) text += decoder.decode(bytes.subarray(start, end));
    const envelope: unknown = JSON.parse(text);
    text = '';
    const source = batchSource(bytes, layout, envelope, decoder);
    const validation = validateRecords(envelope, () => source);
    // A refusal of the envelope comes before any record is read: it stands only if the whole
    // document is UTF-8 JSON, as it must be for the whole-document path to reach it.
    if (!validation.ok) for (const list of FEED_LISTS) source.read(list, () => undefined);
    return validation;
  } catch {
    return undefined;
  }
}

function batchSource(
  bytes: Uint8Array,
  layout: DocumentLayout,
  envelope: unknown,
  decoder: TextDecoder,
): RecordSource {
  const inEnvelope = (list: FeedList): unknown[] => {
    const value = (envelope as Record<string, unknown> | null)?.[list];
    return Array.isArray(value) ? value : [];
  };
  return {
    // A list cut out of the envelope reads as []; one that was not (not an array there) is
    // refused before its records are asked for.
    count: (list) => layout.lists[list]?.count ?? inEnvelope(list).length,
    read: (list, take) => {
      const laid = layout.lists[list];
      if (!laid) return take(inEnvelope(list), 0);
      let first = 0;
      for (const batch of laid.batches) {
        const records = JSON.parse(
          `[${decoder.decode(bytes.subarray(batch.start, batch.end))}]`,
        ) as unknown[];
        // The layout and JSON.parse must agree on where records begin and end.
        if (records.length !== batch.count) throw new Error('the layout misread a batch');
        take(records, first);
        first += batch.count;
      }
    },
    owned: true,
  };
}
