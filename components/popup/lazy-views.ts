// Loads the popup's detail views (components/popup/detail-views.ts) after the first paint:
// the first screen (header, search box, this page) does not need them, and every kilobyte
// the popup parses before it starts delays its first frame (docs/benchmarks.md › Popup at
// 100,000 people). The hook starts the import from an effect, which Preact runs after the
// frame is painted, so by the time someone opens a result the views are usually there.
import { useEffect, useState } from 'preact/hooks';
import type * as DetailViewsModule from './detail-views';

export type DetailViews = typeof DetailViewsModule;

let loading: Promise<DetailViews> | undefined;

/** One import for the popup's lifetime; a failed one is tried again on the next call. */
export function loadDetailViews(): Promise<DetailViews> {
  loading ??= import('./detail-views').catch((error: unknown) => {
    loading = undefined;
    throw error;
  });
  return loading;
}

export type DetailViewsState =
  | { status: 'loading' }
  | { status: 'ready'; views: DetailViews }
  | { status: 'error'; error: string };

/** The detail views once loaded; the import starts after the first paint. */
export function useDetailViews(): DetailViewsState {
  const [state, setState] = useState<DetailViewsState>({ status: 'loading' });
  useEffect(() => {
    let live = true;
    loadDetailViews().then(
      (views) => live && setState({ status: 'ready', views }),
      (error: unknown) =>
        live &&
        setState({
          status: 'error',
          error: error instanceof Error ? error.message : String(error),
        }),
    );
    return () => {
      live = false;
    };
  }, []);
  return state;
}
