// When to sync next: the feed's interval after a success; exponential backoff with jitter after
// failures (so many browsers do not hammer a struggling server in step); never earlier than a
// server's Retry-After on 429/503.

export const MIN_DELAY_MS = 60_000;
export const MAX_BACKOFF_MS = 6 * 60 * 60_000;
/** Retry-After values beyond this are clamped: a broken header must not stop syncing for weeks. */
export const MAX_RETRY_AFTER_MS = 24 * 60 * 60_000;

/** Retry-After as delay-seconds or an HTTP date; undefined when absent or unreadable. */
export function parseRetryAfter(header: string | null, now: number): number | undefined {
  if (header === null) return undefined;
  const value = header.trim();
  if (/^\d+$/.test(value)) return Math.min(Number(value) * 1000, MAX_RETRY_AFTER_MS);
  const date = Date.parse(value);
  if (Number.isNaN(date)) return undefined;
  return Math.min(Math.max(0, date - now), MAX_RETRY_AFTER_MS);
}

/**
 * Delay before the next attempt after `failures` failures in a row (1 = the first failure):
 * 1, 2, 4, 8 … minutes capped at 6 h (or the feed's own interval when that is longer),
 * each scaled by a random factor in [0.5, 1) ("equal jitter").
 */
export function backoffDelay(
  failures: number,
  intervalMs: number,
  random: () => number = Math.random,
): number {
  const cap = Math.max(MAX_BACKOFF_MS, intervalMs);
  const base = Math.min(cap, MIN_DELAY_MS * 2 ** Math.min(30, Math.max(0, failures - 1)));
  return Math.round(base / 2 + (base / 2) * random());
}

export interface NextAttemptInput {
  now: number;
  intervalMinutes: number;
  /** Failures in a row, counting this one; 0 after a success. */
  failures: number;
  retryAfterMs?: number;
  random?: () => number;
}

/** The time (ms since epoch) of the next sync attempt. */
export function nextAttemptAt(input: NextAttemptInput): number {
  const interval = input.intervalMinutes * 60_000;
  if (input.failures === 0) return input.now + interval;
  const backoff = backoffDelay(input.failures, interval, input.random);
  const delay = Math.max(backoff, input.retryAfterMs ?? 0, MIN_DELAY_MS);
  return input.now + delay;
}
