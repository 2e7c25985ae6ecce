// What must not land even though the document is a valid feed. Trust is tied to the source:
// each configured URL remembers the feed id and generatedAt of what landed from it, so
// - a document of another feed (different feedId) at that URL is refused, even when validly
//   signed with the same key: a signature vouches for these bytes, and the bytes say which
//   feed and which generation they are, so both are checked against the URL;
// - an older generation (a rollback, a stale mirror) is refused;
// - a generatedAt more than CLOCK_SKEW_MS in the future is refused (it would otherwise make
//   every later, correct document look older), and a stored date that lies that far in the
//   future is ignored, so no stored date can ever block later correct updates;
// - a feed id that another configured URL or the bundled demo serves is refused;
// - a document with too large a share of records bad in themselves is refused (verdict.ts).
// Each refusal keeps the whole last good generation. Those marked `acceptable` can be
// overridden by the user for exactly that document (its digest): "accept it anyway".
import type { Feed } from '../model/feed';

/** How far in the future a generatedAt may lie (clocks of publishers and readers differ). */
export const CLOCK_SKEW_MS = 24 * 60 * 60 * 1000;

export interface RefusalContext {
  /** What landed from this URL: its feed id and generatedAt (absent before a first landing). */
  landed?: { feedId: string; generatedAt?: string };
  /** Another configured URL whose generation (active or pending) has this feed id. */
  servedBy?: string;
  /** True when this feed id is the bundled demo's. */
  isDemoFeedId: boolean;
  /** The verdict's threshold refusal, if any. */
  threshold?: string;
  /** The user accepted exactly this document despite its acceptable refusal. */
  accepted: boolean;
  now: number;
}

export interface Refusal {
  reason: string;
  path?: string;
  /** The user may accept this document anyway. */
  acceptable: boolean;
}

export function refusalOf(
  feed: Pick<Feed, 'feedId' | 'generatedAt'>,
  context: RefusalContext,
): Refusal | undefined {
  if (context.isDemoFeedId) {
    return {
      reason: `the feed id "${feed.feedId}" is the bundled demo's; a real feed needs its own id`,
      path: 'feedId',
      acceptable: false,
    };
  }
  if (context.servedBy) {
    return {
      reason: `the feed id "${feed.feedId}" is already served by ${context.servedBy}; two configured URLs cannot serve the same feed id (remove one, or give each feed its own id)`,
      path: 'feedId',
      acceptable: false,
    };
  }
  const generatedAt = Date.parse(feed.generatedAt);
  if (generatedAt > context.now + CLOCK_SKEW_MS) {
    return {
      reason: `generatedAt ${feed.generatedAt} lies more than 24 hours in the future (the publisher's clock or data is wrong); ask the publisher to correct it`,
      path: 'generatedAt',
      acceptable: false,
    };
  }
  const refusal = acceptableRefusal(feed, generatedAt, context);
  if (!refusal || context.accepted) return undefined;
  return refusal;
}

function acceptableRefusal(
  feed: Pick<Feed, 'feedId' | 'generatedAt'>,
  generatedAt: number,
  context: RefusalContext,
): Refusal | undefined {
  const { landed } = context;
  if (landed && landed.feedId !== feed.feedId) {
    return {
      reason: `this URL served the feed "${landed.feedId}", but now serves a document of another feed, "${feed.feedId}" (a wrong file or a substituted document)`,
      path: 'feedId',
      acceptable: true,
    };
  }
  const stored = landed?.generatedAt ? Date.parse(landed.generatedAt) : NaN;
  // A stored date beyond the skew is ignored: it must never block correct updates.
  if (stored <= context.now + CLOCK_SKEW_MS && generatedAt < stored) {
    return {
      reason: `generatedAt ${feed.generatedAt} is older than the ${landed!.generatedAt} that landed from this URL (a rollback or a stale mirror); the newer data stays`,
      path: 'generatedAt',
      acceptable: true,
    };
  }
  if (context.threshold) {
    return {
      reason: `${context.threshold}; the whole last good generation stays`,
      acceptable: true,
    };
  }
  return undefined;
}
