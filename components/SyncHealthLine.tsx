// The popup's one-line feed health: nothing when no feed is configured; otherwise whether the
// configured feeds are up to date, still on their first sync, or failing (and that the last
// good data is still shown), with a progress bar per running sync and, per feed whose last
// document had problems, the verdict's sentence ("5 of 3,929 records had problems and were
// left out: show them"). Updates live as sync reports and progress change.
import { useEffect, useState } from 'preact/hooks';
import type { ConfiguredFeed } from '../lib/feed/configured';
import type { ConstellationDB } from '../lib/db/database';
import type { SyncReportRow } from '../lib/db/sync-schema';
import { syncHealth, syncReports } from '../lib/db/sync-status';
import { useLiveQuery } from './useLiveQuery';
import { FeedVerdict } from './FeedVerdict';
import { SyncProgressBar } from './SyncProgressBar';
import { useSyncProgress } from './useSyncProgress';

function ago(iso: string, now = Date.now()): string {
  const minutes = Math.round((now - Date.parse(iso)) / 60_000);
  if (minutes < 1) return 'just now';
  if (minutes < 60) return `${minutes} min ago`;
  const hours = Math.round(minutes / 60);
  return hours < 48 ? `${hours} h ago` : `${Math.round(hours / 24)} days ago`;
}

export function SyncHealthLine({ db }: { db: ConstellationDB }) {
  const running = useSyncProgress();
  const feeds = useFeeds();
  const reports = useLiveQuery(() => syncReports(db), [db]);
  if (!feeds || feeds.length === 0 || reports.status !== 'ready') return null;
  const line = <HealthLine feeds={feeds} reports={reports.value} />;
  const label = (url: string) => feeds.find((f) => f.url === url)?.label ?? url;
  const byUrl = new Map(reports.value.map((r) => [r.url, r]));
  const verdicts = feeds.flatMap((f) => {
    const r = byUrl.get(f.url);
    const troubled = r?.acceptable || (r?.verdict && r.problemCount > 0);
    return r && troubled ? [r] : [];
  });
  return (
    <>
      {line}
      {feeds.map((f) => (
        <SyncProgressBar
          key={f.url}
          state={running.progress.get(f.url)}
          now={running.now}
          label={label(f.url)}
        />
      ))}
      {verdicts.map((r) => (
        <div class="sync-verdict" key={r.url}>
          <strong>{label(r.url)}</strong> <FeedVerdict report={r} />
        </div>
      ))}
    </>
  );
}

function useFeeds(): ConfiguredFeed[] | undefined {
  const [feeds, setFeeds] = useState<ConfiguredFeed[] | undefined>();
  useEffect(() => {
    // Loaded after the first paint: reading settings brings the zod schemas along.
    let stop: (() => void) | undefined;
    let gone = false;
    void import('../lib/browser/configured-feeds').then((feedsModule) => {
      if (gone) return;
      const load = () => void feedsModule.loadConfiguredFeeds().then(setFeeds);
      load();
      stop = feedsModule.onFeedConfigChanged(load);
    });
    return () => {
      gone = true;
      stop?.();
    };
  }, []);
  return feeds;
}

function HealthLine({
  feeds,
  reports,
}: {
  feeds: ConfiguredFeed[];
  reports: readonly SyncReportRow[];
}) {
  const health = syncHealth(
    feeds.map((f) => f.url),
    reports,
  );
  const label = (url: string) => feeds.find((f) => f.url === url)?.label ?? url;
  if (health.state === 'problem') {
    const first = health.failing[0]!;
    const more = health.failing.length > 1 ? ` (+${health.failing.length - 1} more)` : '';
    return (
      <p class="sync-health" data-health="problem" role="status">
        ⚠ {label(first.url)}: last sync {first.outcome}
        {more}. {first.lastSuccessAt ? 'Showing the last good data.' : 'Nothing from it yet.'}{' '}
        Details in the options.
      </p>
    );
  }
  if (health.state === 'syncing') {
    return (
      <p class="sync-health" data-health="syncing" role="status">
        Syncing {health.neverSynced} new feed{health.neverSynced === 1 ? '' : 's'}…
      </p>
    );
  }
  return (
    <p class="sync-health" data-health="ok" role="status">
      {health.configured === 1 ? 'Feed' : `${health.configured} feeds`} up to date
      {health.lastSuccessAt ? ` · synced ${ago(health.lastSuccessAt)}` : ''}
    </p>
  );
}
