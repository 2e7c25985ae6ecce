// The last sync report of one feed: outcome, counts, the first problems with their paths,
// and when the next attempt is. Feed text is rendered as text.
import type { SyncReportRow } from '../../lib/db/sync-schema';
import { FeedVerdict } from '../FeedVerdict';

const OUTCOME_LABEL: Record<SyncReportRow['outcome'], string> = {
  updated: 'Updated',
  'not-modified': 'Up to date',
  refused: 'Refused',
  failed: 'Failed',
  busy: 'Busy',
};

export function formatTime(iso: string | undefined): string {
  return iso ? new Date(iso).toLocaleString() : '—';
}

export function FeedReport({ report }: { report: SyncReportRow | undefined }) {
  if (!report)
    return (
      <p class="report" data-outcome="none">
        Not synced yet.
      </p>
    );
  const c = report.counts;
  return (
    <div class="report" data-outcome={report.outcome}>
      <p>
        <strong class="outcome">{OUTCOME_LABEL[report.outcome]}</strong>{' '}
        <span class="when">{formatTime(report.finishedAt)}</span> —{' '}
        <span class="message">{report.message}</span>
      </p>
      {c && (
        <p class="counts">
          <span data-count="added">{c.added} added</span> ·{' '}
          <span data-count="changed">{c.changed} changed</span> ·{' '}
          <span data-count="removed">{c.removed} removed</span> ·{' '}
          <span data-count="invalid">{c.invalid} invalid</span>
        </p>
      )}
      <FeedVerdict report={report} />
      {report.problems.length > 0 && (!report.summary || report.outcome !== 'updated') && (
        <details class="problems" open={report.outcome !== 'updated'}>
          <summary>
            {report.problemCount} problem{report.problemCount === 1 ? '' : 's'}
            {report.problemCount > report.problems.length
              ? ` (first ${report.problems.length} shown)`
              : ''}
          </summary>
          <ul>
            {report.problems.map((p, i) => (
              <li key={i}>
                {p.path && <code>{p.path}</code>} {p.reason}
              </li>
            ))}
          </ul>
        </details>
      )}
      <p class="next">
        {report.lastSuccessAt && <>Last success {formatTime(report.lastSuccessAt)}. </>}
        Next attempt {formatTime(report.nextAttemptAt)}
        {report.failures > 1 ? ` (after ${report.failures} failures in a row)` : ''}.
      </p>
    </div>
  );
}
