// Says where the data shown comes from; demo and sample data are always labelled as such.
import type { DataStatus } from '../lib/db/queries';

export function DataSourceLine({ status }: { status: DataStatus }) {
  if (status.feeds.length === 0) {
    return (
      <p class="source" data-source="none">
        No data yet. The demo organisation loads on first start; configure a feed in the options.
      </p>
    );
  }
  if (status.demo) {
    const names = status.feeds.map((f) => f.organization).join(', ');
    return (
      <p class="source" data-source="demo">
        <span class="demo-label">Demo data</span> {names} — a fictional organisation to try
        Constellation with.
      </p>
    );
  }
  const samples = status.feeds.filter((f) => f.source === 'sample');
  if (samples.length === status.feeds.length) {
    return (
      <p class="source" data-source="sample">
        <span class="demo-label">Sample data</span> {samples.map((f) => f.organization).join(', ')}{' '}
        — a real open-source project's public records, not your organisation's.
      </p>
    );
  }
  return (
    <p class="source" data-source="feeds">
      From{' '}
      {status.feeds
        .map((f) => (f.source === 'sample' ? `${f.organization} (sample)` : f.organization))
        .join(', ')}
    </p>
  );
}
