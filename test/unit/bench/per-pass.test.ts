// The benchmark's pass timing (test/bench/per-pass.ts) on a coarse clock: a pause in the first
// measurement must not leave too few repetitions and time a short pass as 0 ms (the annotate
// suite then asked for 3 ms ÷ 0 passes and never finished).
import { describe, expect, it } from 'vitest';
import { perPassMs, type RepTimer } from '../../bench/per-pass';

/** A clock of 0.1 ms grain; each pass costs `passMs`; `pauses` lengthen the first calls. */
function coarseTimer(passMs: number, pauses: number[]): RepTimer & { calls: number } {
  let now = 0;
  const timer = Object.assign(
    (fn: () => void, reps: number) => {
      const start = Math.floor(now / 0.1) * 0.1;
      for (let i = 0; i < reps; i++) fn();
      now += passMs * reps + (pauses[timer.calls] ?? 0);
      timer.calls++;
      return (Math.floor(now / 0.1) * 0.1 - start) / reps;
    },
    { calls: 0 },
  );
  return timer;
}

describe('perPassMs', () => {
  it('times a 5 µs pass near its cost when a pause stretches the first measurement', () => {
    const timer = coarseTimer(0.005, [1.5]);
    const ms = perPassMs(() => undefined, timer);
    expect(ms).toBeGreaterThan(0.004);
    expect(ms).toBeLessThan(0.006);
  });

  it('times a pass longer than the grain with few repetitions', () => {
    const timer = coarseTimer(0.7, []);
    const ms = perPassMs(() => undefined, timer);
    expect(ms).toBeGreaterThanOrEqual(0.6);
    expect(ms).toBeLessThanOrEqual(0.8);
    expect(timer.calls).toBeLessThanOrEqual(30);
  });

  it('is never 0 for a pass far below the grain', () => {
    for (const pause of [0, 0.5, 1, 3]) {
      const ms = perPassMs(() => undefined, coarseTimer(0.0001, [pause]));
      expect(ms).toBeGreaterThan(0);
      expect(3 / ms).toBeLessThan(Infinity);
    }
  });
});
