// The popup's one-line feed health: nothing when no feed is configured; otherwise whether the
// configured feeds are up to date, still on their first sync, or failing (and that the last
// good data is still shown). Updates live as sync reports change.
import { useEffect, useState } from 'preact/hooks';
import type { ConfiguredFeed } from '../lib/feed/configured';
import type { ConstellationDB } from '../lib/db/database';
import { syncHealth, syncReports } from '../lib/db/sync-status';
import { useLiveQuery } from './useLiveQuery';

function ago(iso: string, now = Date.now()): string {
  const minutes = Math.round((now - Date.parse(iso)) / 60_000);
  if (minutes < 1) return 'just now';
  if (minutes < 60) return `${minutes} min ago`;
  const hours = Math.round(minutes / 60);
  return hours < 48 ? `${hours} h ago` : `${Math.round(hours / 24)} days ago`;
}

export function SyncHealthLine({ db }: { db: ConstellationDB }) {
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
  const reports = useLiveQuery(() => syncReports(db), [db]);
  if (!feeds || feeds.length === 0 || reports.status !== 'ready') return null;
  const health = syncHealth(
    feeds.map((f) => f.url),
    reports.value,
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
