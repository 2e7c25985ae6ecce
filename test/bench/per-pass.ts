// How long one pass of a benchmark contender takes, for choosing how many passes fill a
// sample (annotate.page.ts pairs its halves this way). Browsers coarsen `performance.now()`
// (0.1 ms without cross-origin isolation), so a pass of a few microseconds must be timed over
// many repetitions: every measurement kept must itself span at least `minMs`.

/** Milliseconds per repetition of `fn` over `reps` repetitions. */
export type RepTimer = (fn: () => void, reps: number) => number;

/**
 * The fastest of `samples` measurements of `fn` (load only ever adds time), each of at least
 * `minMs`, in milliseconds per pass; never 0. Repetitions double until the fastest measurement
 * spans `minMs`: choosing them from one measurement would let a pause in it (a collection,
 * preemption) leave too few, and a few microseconds of work could then time as 0 ms.
 */
export function perPassMs(fn: () => void, time: RepTimer, minMs = 1, samples = 15): number {
  for (let reps = 1; ; reps *= 2) {
    let fastest = Infinity;
    for (let i = 0; i < samples; i++) fastest = Math.min(fastest, time(fn, reps));
    if (fastest * reps >= minMs) return fastest;
  }
}
