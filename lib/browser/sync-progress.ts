// Where running syncs publish their progress: the extension's session storage (in memory,
// cleared with the browser session, shared by the worker and the extension pages, with change
// events). One key per feed URL, so concurrent syncs never overwrite each other's state.
import { browser } from 'wxt/browser';
import type { SyncProgress } from '../feed/sync';
import { nextProgressState, type SyncProgressState } from '../feed/progress';

const PREFIX = 'syncProgress ';

const states = new Map<string, SyncProgressState>();

/** Records a progress report of the sync of `progress.url` (called by the background). */
export async function publishProgress(progress: SyncProgress): Promise<void> {
  const state = nextProgressState(states.get(progress.url), progress, Date.now());
  states.set(progress.url, state);
  await browser.storage.session.set({ [PREFIX + progress.url]: state }).catch(() => undefined);
}

/** Clears the progress of a sync that ended (its report says how). */
export async function clearProgress(url: string): Promise<void> {
  states.delete(url);
  await browser.storage.session.remove(PREFIX + url).catch(() => undefined);
}

/** Every running sync's progress, by feed URL. */
export async function readProgress(): Promise<Map<string, SyncProgressState>> {
  const all = (await browser.storage.session.get(null).catch(() => ({}))) as Record<
    string,
    SyncProgressState
  >;
  const out = new Map<string, SyncProgressState>();
  for (const [key, value] of Object.entries(all)) {
    if (key.startsWith(PREFIX)) out.set(key.slice(PREFIX.length), value);
  }
  return out;
}

/** Calls `listener` whenever a sync's progress changes; returns an unsubscribe. */
export function onProgressChanged(listener: () => void): () => void {
  const onChanged = (changes: Record<string, unknown>, area: string) => {
    if (area === 'session' && Object.keys(changes).some((k) => k.startsWith(PREFIX))) listener();
  };
  browser.storage.onChanged.addListener(onChanged);
  return () => browser.storage.onChanged.removeListener(onChanged);
}
