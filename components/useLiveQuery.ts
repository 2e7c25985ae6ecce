// Preact hook over Dexie's liveQuery: re-renders when the rows a query read change, e.g. when
// the background finishes ingesting a feed while the popup is open.
import { liveQuery } from 'dexie';
import { useEffect, useState } from 'preact/hooks';

export type LiveState<T> =
  { status: 'loading' } | { status: 'ready'; value: T } | { status: 'error'; error: string };

/**
 * `initial`, when given, is the query's answer read before the first render (the popup reads
 * its first screen while its modules are still being evaluated): the first frame shows it,
 * and the live subscription keeps it current from then on.
 */
export function useLiveQuery<T>(
  query: () => Promise<T>,
  deps: unknown[],
  initial?: { value: T },
): LiveState<T> {
  const [state, setState] = useState<LiveState<T>>(() =>
    initial ? { status: 'ready', value: initial.value } : { status: 'loading' },
  );
  useEffect(() => {
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
