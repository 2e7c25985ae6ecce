// The popup's first screen read before its module graph has loaded. popup.html runs a small
// classic script in its head (entrypoints/first-screen.ts) as soon as the page is parsed: it
// starts the raw IndexedDB read (lib/db/first-screen-raw.ts) and leaves its promise on the
// page's global object under this key. The popup's module (entrypoints/popup/main.tsx) takes it
// once it runs, about 50 ms later (fetching and evaluating the modules), by which time the read
// has usually finished. No imports: the module must not pull the reader into its own chunk.
import type { FirstScreen } from '../../lib/db/viewer';

export const EARLY_READ_KEY = '__constellationFirstScreen';

type Holder = { [EARLY_READ_KEY]?: Promise<FirstScreen | undefined> };

/** Leaves the early read's promise for the popup's module (the classic script's only job). */
export function leaveEarlyRead(read: Promise<FirstScreen | undefined>): void {
  (globalThis as Holder)[EARLY_READ_KEY] = read;
}

/** The early read, taken once (undefined when no early script ran: the module reads itself). */
export function takeEarlyRead(): Promise<FirstScreen | undefined> | undefined {
  const holder = globalThis as Holder;
  const read = holder[EARLY_READ_KEY];
  delete holder[EARLY_READ_KEY];
  return read;
}
