// Preact hook for database reads that stay current: re-renders when the database changes,
// e.g. when the background finishes ingesting a feed while the popup is open, or the user
// forgets what they read in another page. Any write, in this page or another context of the
// extension (Dexie announces them across contexts), runs the query again, except writes that
// change nothing a screen shows (a sync's chunks, checkpoints and bookkeeping, invisible until
// its switch: lib/db/unshown-writes.ts); runs never overlap, and writes that come in a burst
// cost one run after the burst's first.
// (Dexie's liveQuery tracks the ranges a query read instead, which it can only do while its
// async context survives every await; the packed readers' Promise.all chains lose it.)
import Dexie from 'dexie';
import { useEffect, useLayoutEffect, useState } from 'preact/hooks';
import { changesNothingShown } from '../lib/db/unshown-writes';

/** How long a run waits after a write for more writes of the same burst. */
const SETTLE_MS = 40;
/** The shortest time between two runs caused by writes. */
const RERUN_MS = 500;

export type LiveState<T> =
  { status: 'loading' } | { status: 'ready'; value: T } | { status: 'error'; error: string };

/**
 * When the query starts after its inputs change: `after-paint` (an effect: Preact runs it once
 * the frame is painted, so reads never hold up a paint) or `before-paint` (a layout effect:
 * right after the DOM update, so an answer someone is waiting for, such as a keystroke's
 * results, starts a frame earlier instead of waiting for a paint that shows nothing new).
 */
export type QueryStart = 'after-paint' | 'before-paint';

/**
 * `initial`, when given, is the query's answer read before the first render (the popup reads
 * its first screen while its modules are still being evaluated): the first frame shows it,
 * and the live subscription keeps it current from then on.
 */
export function useLiveQuery<T>(
  query: () => Promise<T>,
  deps: unknown[],
  initial?: { value: T },
  start: QueryStart = 'after-paint',
): LiveState<T> {
  const [state, setState] = useState<LiveState<T>>(() =>
    initial ? { status: 'ready', value: initial.value } : { status: 'loading' },
  );
  // The same hook on every render of a given caller (`start` is fixed per call site).
  const subscribeWhen = start === 'before-paint' ? useLayoutEffect : useEffect;
  subscribeWhen(() => {
    let stopped = false;
    let running = false;
    let again = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let lastRun = 0;
    const run = async (): Promise<void> => {
      if (running) {
        again = true;
        return;
      }
      running = true;
      try {
        const value = await query();
        if (!stopped) setState({ status: 'ready', value });
      } catch (error: unknown) {
        if (!stopped)
          setState({
            status: 'error',
            error: error instanceof Error ? error.message : String(error),
          });
      } finally {
        running = false;
        if (again && !stopped) {
          again = false;
          void run();
        }
      }
    };
    const changed = (parts: Record<string, unknown>) => {
      // A sync's chunks land with their checkpoint (packs, syncSources, syncLeases): invisible
      // until the `feeds` row names their generation, a write that comes in a transaction of
      // its own. Running every view again per chunk would read while the sync writes.
      if (changesNothingShown(parts)) return;
      if (stopped || timer !== undefined) return;
      // At most one run per RERUN_MS while writes keep coming.
      const wait = Math.max(SETTLE_MS, lastRun + RERUN_MS - Date.now());
      timer = setTimeout(() => {
        timer = undefined;
        lastRun = Date.now();
        void run();
      }, wait);
    };
    void run();
    Dexie.on('storagemutated', changed);
    return () => {
      stopped = true;
      if (timer !== undefined) clearTimeout(timer);
      Dexie.on('storagemutated').unsubscribe(changed);
    };
  }, deps);
  return state;
}
