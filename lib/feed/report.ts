// Sync reports while they are put together: the outcome and the sentence people read, for
// each way a sync can end; syncFeed adds timing, failure count and the next attempt.
import type { Pause } from './fetch';
import { GenerationLostError } from '../db/generations';
import type { RecordProblem } from '../model/validate';
import type { VerdictCounts } from './verdict';
import type {
  SyncDelivery,
  SyncCounts,
  SyncOutcome,
  SyncProblem,
  SyncReportRow,
  SyncSourceRow,
} from '../db/sync-schema';

/** How many problems a report keeps (the count says how many there were). */
export const PROBLEMS_KEPT = 20;

export interface ReportDraft {
  outcome: SyncOutcome;
  message: string;
  feedId?: string;
  generatedAt?: string;
  httpStatus?: number;
  counts?: SyncCounts;
  problems?: SyncProblem[];
  problemCount?: number;
  signature?: string;
  retryAfterMs?: number;
  resumedAtChunk?: number;
  chunkCount?: number;
  summary?: string;
  verdict?: VerdictCounts;
  acceptable?: { digest: string };
  delivery?: SyncDelivery;
}

export function newReport(
  url: string,
  startedAt: number,
  finishedAt: number,
  draft: ReportDraft,
): SyncReportRow {
  const { retryAfterMs: _retryAfter, problems = [], problemCount, ...rest } = draft;
  return {
    url,
    ...rest,
    startedAt: new Date(startedAt).toISOString(),
    finishedAt: new Date(finishedAt).toISOString(),
    problems,
    problemCount: problemCount ?? problems.length,
    failures: 0,
    durationMs: Math.max(0, finishedAt - startedAt),
  };
}

export function notModified(source: SyncSourceRow, status: number, message: string): ReportDraft {
  return {
    outcome: 'not-modified',
    message,
    httpStatus: status,
    ...(source.feedId ? { feedId: source.feedId } : {}),
    ...(source.generatedAt ? { generatedAt: source.generatedAt } : {}),
  };
}

/**
 * What a failed answer's Retry-After asked, which the next attempt honours (lib/feed/schedule.ts:
 * never sooner), in words to follow the failure; nothing without one.
 */
export function askedToWait(ms: number | undefined): string {
  if (ms === undefined) return '';
  const wait =
    ms < 120_000
      ? `${Math.ceil(ms / 1000)} s`
      : ms < 7_200_000
        ? `${Math.round(ms / 60_000)} min`
        : `${Math.round(ms / 360_000) / 10} h`;
  return `; it asked to be tried again in ${wait}, and the next attempt waits at least that long`;
}

/** The feed's host asked for a pause (429, or 503 with a Retry-After): nothing more is fetched now. */
export function waitFor(wait: Pause, source: SyncSourceRow, active: unknown): ReportDraft {
  const reason = `${wait.message}${askedToWait(wait.retryAfterMs) || '; the feed is asked for again later'}`;
  return {
    outcome: 'failed',
    message: withKept(`Could not download the feed: ${reason}.`, source, active),
    problems: [{ path: '', reason }],
    httpStatus: wait.status,
    ...(wait.retryAfterMs !== undefined ? { retryAfterMs: wait.retryAfterMs } : {}),
  };
}

export function refused(
  reason: string,
  source: SyncSourceRow,
  active: unknown,
  path: string,
  status: number,
  problems: readonly RecordProblem[] = [],
): ReportDraft {
  return {
    outcome: 'refused',
    httpStatus: status,
    message: withKept(`Refused the feed: ${reason}.`, source, active),
    problems: [{ path, reason }, ...problems.slice(0, PROBLEMS_KEPT - 1).map(syncProblem)],
    problemCount: 1 + problems.length,
  };
}

/** A validator problem as a report keeps it: where, why, and what it cost. */
export function syncProblem(p: RecordProblem): SyncProblem {
  return { path: p.path, reason: p.reason, effect: p.effect };
}

export function withKept(message: string, source: SyncSourceRow, active: unknown): string {
  return active && source.generatedAt
    ? `${message} The data generated ${source.generatedAt} stays.`
    : `${message} Nothing from this feed is stored yet.`;
}

export function failure(error: unknown): ReportDraft {
  const lost = error instanceof GenerationLostError;
  return {
    outcome: 'failed',
    message: lost
      ? `This sync stopped: ${error.message}. The previous data stays; the other sync finishes the job.`
      : `The sync failed: ${describe(error)}. The previous data stays.`,
    problems: [{ path: '', reason: describe(error) }],
  };
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
