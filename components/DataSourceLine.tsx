// Says where the data shown comes from; demo data is always labelled as such.
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
  return (
    <p class="source" data-source="feeds">
      From {status.feeds.map((f) => f.organization).join(', ')}
    </p>
  );
}
