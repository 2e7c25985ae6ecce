// Download progress of one sync, for people watching it: throttled, because each report is a
// storage write, but never stale (see downloadReporter).
import type { SyncDeps, SyncProgress } from './sync';

/** Download progress is reported at most this often. */
export const DOWNLOAD_REPORT_MS = 250;

/**
 * Download progress, throttled to one report per DOWNLOAD_REPORT_MS; the latest state of a
 * throttled burst is still reported when the window ends, so a body that arrives in one
 * burst and then pauses never shows less than it has. Reports are not awaited: the body
 * streams on, and a slow listener must not stall the download.
 */
export function downloadReporter(deps: SyncDeps, url: string, now: () => number) {
  let reportedAt = -Infinity;
  let latest: SyncProgress | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const flush = () => {
    timer = undefined;
    if (!latest) return;
    reportedAt = now();
    const progress = latest;
    latest = undefined;
    void Promise.resolve(deps.onProgress?.(progress)).catch(() => undefined);
  };
  return {
    report: (receivedBytes: number, totalBytes: number | undefined) => {
      latest = {
        url,
        phase: 'downloading',
        chunksDone: 0,
        chunkCount: 0,
        receivedBytes,
        ...(totalBytes !== undefined ? { totalBytes } : {}),
      };
      const wait = reportedAt + DOWNLOAD_REPORT_MS - now();
      if (wait <= 0 || receivedBytes === totalBytes) {
        clearTimeout(timer);
        flush();
      } else {
        timer ??= setTimeout(flush, wait);
      }
    },
    stop: () => {
      clearTimeout(timer);
      timer = undefined;
    },
  };
}
