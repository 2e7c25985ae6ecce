// What must not land even though the document is a valid feed: a rollback to an older
// generatedAt, a feed id that another configured URL (or the demo) already serves, and a
// document with more invalid records than the configured share. Each refusal keeps the
// whole last good generation and says so.
import { FEED_LISTS } from '../model/feed';
import type { FeedValidation } from '../model/validate';

export interface RefusalContext {
  url: string;
  /** generatedAt of the visible generation of this feed id, if any. */
  storedGeneratedAt?: string;
  /** Another configured URL whose generation (active or pending) has this feed id. */
  servedBy?: string;
  /** True when this feed id is the bundled demo's. */
  isDemoFeedId: boolean;
  maxInvalidShare: number;
}

export interface Refusal {
  reason: string;
  path?: string;
}

export function refusalOf(
  validation: Extract<FeedValidation, { ok: true }>,
  context: RefusalContext,
): Refusal | undefined {
  const { feed } = validation;
  if (context.isDemoFeedId) {
    return {
      reason: `the feed id "${feed.feedId}" is the bundled demo's; a real feed needs its own id`,
      path: 'feedId',
    };
  }
  if (context.servedBy) {
    return {
      reason: `the feed id "${feed.feedId}" is already served by ${context.servedBy}; two configured URLs cannot serve the same feed id (remove one, or give each feed its own id)`,
      path: 'feedId',
    };
  }
  if (
    context.storedGeneratedAt !== undefined &&
    Date.parse(feed.generatedAt) < Date.parse(context.storedGeneratedAt)
  ) {
    return {
      reason: `generatedAt ${feed.generatedAt} is older than the stored ${context.storedGeneratedAt} (a rollback or a stale mirror); the newer data stays`,
      path: 'generatedAt',
    };
  }
  let total = 0;
  let invalid = 0;
  for (const list of FEED_LISTS) {
    total += validation.counts[list].total;
    invalid += validation.counts[list].invalid;
  }
  if (total > 0 && invalid / total > context.maxInvalidShare) {
    return {
      reason: `${invalid} of ${total} records are invalid (${percent(invalid / total)}), more than the ${percent(context.maxInvalidShare)} allowed; the whole last good generation stays`,
    };
  }
  return undefined;
}

function percent(share: number): string {
  const value = share * 100;
  return `${value < 1 && value > 0 ? value.toFixed(2) : Math.round(value * 10) / 10}%`;
}
