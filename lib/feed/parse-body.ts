// Turns a fetched body into a validated feed while holding as little as possible at once: a
// 66 MB feed is ~130 MB as a JS string, and the parsed and validated documents are larger
// still, so the bytes are released once decoded and the text once parsed, before the
// validator (which builds its own copy of every record) runs.
import { validateFeed, validateFeedText, type FeedValidation } from '../model/validate';

/** Moves the bytes out of a holder, leaving it empty, so the caller no longer retains them. */
export function takeBytes(holder: { bytes: Uint8Array; servedBytes?: Uint8Array }): Uint8Array {
  const { bytes } = holder;
  holder.bytes = new Uint8Array();
  delete holder.servedBytes;
  return bytes;
}

export function parseFeedBytes(bytes: Uint8Array): FeedValidation {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return { ok: false, error: { reason: 'the body is not UTF-8 text' } };
  }
  bytes = new Uint8Array();
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    // Empty, HTML, truncated, BOM: the validator words each of these precisely.
    return validateFeedText(text);
  }
  text = '';
  return validateFeed(value);
}
