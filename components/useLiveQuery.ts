// Preact hook over Dexie's liveQuery: re-renders when the rows a query read change, e.g. when
// the background finishes ingesting a feed while the popup is open.
import { liveQuery } from 'dexie';
import { useEffect, useState } from 'preact/hooks';

export type LiveState<T> =
  { status: 'loading' } | { status: 'ready'; value: T } | { status: 'error'; error: string };

export function useLiveQuery<T>(query: () => Promise<T>, deps: unknown[]): LiveState<T> {
  const [state, setState] = useState<LiveState<T>>({ status: 'loading' });
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
