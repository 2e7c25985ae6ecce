import { describe, expect, it } from 'vitest';
import {
  backoffDelay,
  MAX_BACKOFF_MS,
  nextAttemptAt,
  parseRetryAfter,
} from '../../../lib/feed/schedule';

describe('schedule', () => {
  it('doubles the backoff per failure up to the cap, with jitter in [½, 1)', () => {
    const low = () => 0;
    const high = () => 0.999999;
    expect([1, 2, 3, 4].map((n) => backoffDelay(n, 60_000, low))).toEqual([
      30_000, 60_000, 120_000, 240_000,
    ]);
    expect(backoffDelay(30, 60_000, low)).toBe(MAX_BACKOFF_MS / 2);
    expect(backoffDelay(30, 60_000, high)).toBeLessThanOrEqual(MAX_BACKOFF_MS);
    // A feed synced weekly may back off up to its own interval.
    expect(backoffDelay(40, 7 * 24 * 3600_000, high)).toBeGreaterThan(MAX_BACKOFF_MS);
    const spread = new Set(Array.from({ length: 20 }, () => backoffDelay(5, 60_000)));
    expect(spread.size).toBeGreaterThan(1);
  });

  it('schedules the interval after a success and never earlier than Retry-After', () => {
    expect(nextAttemptAt({ now: 0, intervalMinutes: 30, failures: 0 })).toBe(30 * 60_000);
    expect(
      nextAttemptAt({
        now: 0,
        intervalMinutes: 30,
        failures: 1,
        retryAfterMs: 3600_000,
        random: () => 0,
      }),
    ).toBe(3600_000);
    expect(nextAttemptAt({ now: 0, intervalMinutes: 30, failures: 1, random: () => 0 })).toBe(
      60_000,
    );
  });

  it('reads Retry-After as seconds or an HTTP date, and clamps it', () => {
    const now = Date.parse('2026-11-21T08:00:00Z');
    expect(parseRetryAfter('120', now)).toBe(120_000);
    expect(parseRetryAfter('Sat, 21 Nov 2026 09:00:00 GMT', now)).toBe(3600_000);
    expect(parseRetryAfter('Sat, 21 Nov 2026 07:00:00 GMT', now)).toBe(0);
    expect(parseRetryAfter('99999999', now)).toBe(24 * 3600_000);
    expect(parseRetryAfter('soon', now)).toBeUndefined();
    expect(parseRetryAfter(null, now)).toBeUndefined();
  });
});
