// The popup's first screen read before its module graph has loaded. popup.html runs a small
// classic script in its head (entrypoints/first-screen.ts) as soon as the page is parsed: it
// starts the raw IndexedDB read (lib/db/first-screen-raw.ts) and leaves its promise on the
// page's global object under this key. The popup's module (entrypoints/popup/main.tsx) takes it
// once its modules are fetched and evaluated, 12–20 ms later at the median: the read, ≈ 40 ms,
// has that head start ("Issue 19, 2026-12-05" in docs/benchmarks.md). No runtime imports: the
// module must not pull the reader into its own chunk.
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
