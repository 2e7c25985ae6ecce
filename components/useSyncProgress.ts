// Preact hook over the running syncs' progress (session storage, lib/browser/sync-progress.ts):
// re-renders on every change, and once a second while a sync runs, so that a download that
// stopped receiving bytes turns into "stalled" without any new event.
import { useEffect, useState } from 'preact/hooks';
import type { SyncProgressState } from '../lib/feed/progress';

export function useSyncProgress(): { progress: Map<string, SyncProgressState>; now: number } {
  const [progress, setProgress] = useState<Map<string, SyncProgressState>>(new Map());
  const [now, setNow] = useState(Date.now());
  useEffect(() => {
    let stop: (() => void) | undefined;
    let gone = false;
    // Loaded lazily: the popup's first paint must not wait for it.
    void import('../lib/browser/sync-progress').then((store) => {
      if (gone) return;
      const load = () =>
        void store.readProgress().then((value) => {
          if (!gone) setProgress(value);
        });
      load();
      stop = store.onProgressChanged(load);
    });
    return () => {
      gone = true;
      stop?.();
    };
  }, []);
  const running = progress.size > 0;
  useEffect(() => {
    if (!running) return;
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, [running]);
  return { progress, now: Math.max(now, Date.now()) };
}
