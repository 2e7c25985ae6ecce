// What a running sync looks like to people: its phase, how far it got, and whether a download
// has stalled. The background records each SyncProgress with the time it arrived; options and
// the popup turn it into one line and a progress bar. Pure: the clock is passed in.
import { INDEX_LISTS } from '../db/packs';
import type { SyncProgress } from './sync';

/** A download with no new bytes for this long shows as stalled (the fetch gives up at 30 s). */
export const STALL_MS = 5_000;

export interface SyncProgressState extends SyncProgress {
  startedAt: number;
  /** When this state was recorded. */
  updatedAt: number;
  /** When the last bytes arrived (downloading only). */
  lastBytesAt?: number;
}

export interface ProgressView {
  /** One sentence: "Downloading 3.2 of 10.0 MB", "Writing 4,000 of 12,000 records". */
  text: string;
  /** 0..1 when the total is known; undefined shows an indeterminate bar. */
  fraction?: number;
  stalled: boolean;
}

/** Folds a new progress report into the recorded state. */
export function nextProgressState(
  previous: SyncProgressState | undefined,
  progress: SyncProgress,
  now: number,
): SyncProgressState {
  const startedAt = previous?.startedAt ?? now;
  const moved =
    progress.phase === 'downloading' &&
    (previous?.phase !== 'downloading' ||
      (progress.receivedBytes ?? 0) > (previous.receivedBytes ?? 0));
  const lastBytesAt = moved ? now : previous?.lastBytesAt;
  return { ...progress, startedAt, updatedAt: now, ...(lastBytesAt ? { lastBytesAt } : {}) };
}

export function progressView(state: SyncProgressState, now: number): ProgressView {
  switch (state.phase) {
    case 'downloading': {
      const received = state.receivedBytes ?? 0;
      const since = state.lastBytesAt ?? state.updatedAt;
      const stalled = now - since > STALL_MS;
      const amount =
        state.totalBytes !== undefined
          ? `${megabytes(received)} of ${megabytes(state.totalBytes)} MB`
          : `${megabytes(received)} MB`;
      const text = stalled
        ? `Download stalled at ${amount}: no data for ${Math.round((now - since) / 1000)} s`
        : `Downloading ${amount}`;
      return state.totalBytes
        ? { text, fraction: Math.min(1, received / state.totalBytes), stalled }
        : { text, stalled };
    }
    case 'fetched':
    case 'verifying':
      return { text: 'Checking the signature', stalled: false };
    case 'validating':
    case 'validated':
      return { text: 'Validating the feed', stalled: false };
    case 'writing': {
      const done = state.recordsDone ?? 0;
      const count = state.recordCount ?? 0;
      const text =
        state.indexesDone !== undefined && done >= count
          ? `Writing the search indexes: ${state.indexesDone} of ${INDEX_LISTS.length} lists`
          : `Writing ${done.toLocaleString('en-US')} of ${count.toLocaleString('en-US')} records`;
      return { text, fraction: writingFraction(state), stalled: false };
    }
    case 'switched':
      return { text: 'Switching to the new data', fraction: 1, stalled: false };
  }
}

/**
 * A whole generation's records are about this share of what its write costs; its search
 * indexes, written after them, the rest (100,000 synthetic people: 98 of 139 MB of packs as
 * IndexedDB stores them).
 */
const RECORDS_SHARE = 0.7;

/**
 * How far the write is, as one bar: by chunks when their count is known from the start (a
 * layer of changes), else the records, then the search indexes after them (a whole generation
 * planned as it is written learns its chunk count only with its last chunk).
 */
function writingFraction(state: SyncProgressState): number {
  if (state.chunkCount > 0) return Math.min(1, state.chunksDone / state.chunkCount);
  const count = state.recordCount ?? 0;
  const records = count > 0 ? Math.min(1, (state.recordsDone ?? 0) / count) : 1;
  const indexes = (state.indexesDone ?? 0) / INDEX_LISTS.length;
  return RECORDS_SHARE * records + (1 - RECORDS_SHARE) * indexes;
}

function megabytes(bytes: number): string {
  return (bytes / (1024 * 1024)).toFixed(1);
}
