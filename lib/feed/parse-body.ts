// Turns a fetched body into a validated feed while holding as little as possible at once: the
// body's bytes are read a batch of records at a time (lib/model/validate-bytes.ts), so neither
// the whole text (a 66 MB feed is 66–130 MB as a JS string) nor the whole parsed document is
// ever built beside the validated records.
import { validateFeedBytes } from '../model/validate-bytes';
import type { FeedValidation } from '../model/validate';

/** Moves the bytes out of a holder, leaving it empty, so the caller no longer retains them. */
export function takeBytes(holder: { bytes: Uint8Array; servedBytes?: Uint8Array }): Uint8Array {
  const { bytes } = holder;
  holder.bytes = new Uint8Array();
  delete holder.servedBytes;
  return bytes;
}

export function parseFeedBytes(bytes: Uint8Array): FeedValidation {
  return validateFeedBytes(bytes);
}
