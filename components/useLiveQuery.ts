// Preact hook over Dexie's liveQuery: re-renders when the rows a query read change, e.g. when
// the background finishes ingesting a feed while the popup is open.
import { liveQuery } from 'dexie';
import { useEffect, useLayoutEffect, useState } from 'preact/hooks';

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
    const subscription = liveQuery(query).subscribe({
      next: (value) => setState({ status: 'ready', value }),
      error: (error: unknown) =>
        setState({
          status: 'error',
          error: error instanceof Error ? error.message : String(error),
        }),
    });
    return () => subscription.unsubscribe();
  }, deps);
  return state;
}
