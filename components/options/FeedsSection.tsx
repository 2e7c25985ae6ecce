// Options › Feeds: the configured feeds (policy feeds locked), each with its last sync report
// and "Sync now"; add, edit and remove. Saving settings is all it takes: the background
// reconciles (first sync of a new feed, removal of exactly a removed feed's records).
import { useEffect, useState } from 'preact/hooks';
import { loadSettings, sendRequest, updateSettings } from '../../lib/browser/extension';
import { loadPolicyFeeds, onFeedConfigChanged } from '../../lib/browser/feed-config';
import { hasFeedPermission, requestFeedPermission } from '../../lib/browser/permissions';
import { mergeFeeds, type ConfiguredFeed } from '../../lib/feed/configured';
import type { ConstellationDB } from '../../lib/db/database';
import { dataStatus } from '../../lib/db/queries';
import { syncReports } from '../../lib/db/sync-status';
import { DEFAULT_MAX_INVALID_SHARE, type FeedConfig, type Settings } from '../../lib/settings';
import { useLiveQuery } from '../useLiveQuery';
import { FeedForm } from './FeedForm';
import { FeedReport } from './FeedReport';
import { SyncProgressBar } from '../SyncProgressBar';
import { useSyncProgress } from '../useSyncProgress';

function useFeedConfig() {
  const [state, setState] = useState<{ settings: Settings; feeds: ConfiguredFeed[] } | undefined>();
  useEffect(() => {
    const load = async () => {
      const [settings, policy] = await Promise.all([loadSettings(), loadPolicyFeeds()]);
      setState({ settings, feeds: mergeFeeds(settings.feeds, policy.feeds) });
    };
    void load();
    return onFeedConfigChanged(() => void load());
  }, []);
  return state;
}

/** Which feed origins this extension may read (and so send the user's cookies to). */
function useOriginAccess(urls: readonly string[]) {
  const [access, setAccess] = useState<ReadonlyMap<string, boolean>>(new Map());
  const key = urls.join('\n');
  const refresh = () =>
    void Promise.all(urls.map((url) => hasFeedPermission(url).catch(() => true))).then((granted) =>
      setAccess(new Map(urls.map((url, i) => [url, granted[i]!]))),
    );
  useEffect(refresh, [key]);
  return { access, refresh };
}

export function FeedsSection({ db }: { db: ConstellationDB }) {
  const config = useFeedConfig();
  const { access, refresh } = useOriginAccess(config?.feeds.map((f) => f.url) ?? []);
  const reports = useLiveQuery(() => syncReports(db), [db]);
  const status = useLiveQuery(() => dataStatus(db), [db]);
  const [editing, setEditing] = useState<string | undefined>(); // 'new' or the URL of the feed being edited;
  const [busy, setBusy] = useState<ReadonlySet<string>>(new Set());
  const [error, setError] = useState('');
  const running = useSyncProgress();

  if (!config) return <p>Loading…</p>;
  const byUrl = new Map((reports.status === 'ready' ? reports.value : []).map((r) => [r.url, r]));
  const urls = config.feeds.map((f) => f.url);

  const saveFeeds = async (feeds: FeedConfig[]) => {
    await updateSettings({ feeds });
  };
  const syncNow = async (url: string) => {
    setBusy((b) => new Set(b).add(url));
    const answer = await sendRequest('syncNow', { url });
    if (!answer.ok) setError(`Sync of ${url} failed to start: ${answer.error}`);
    setBusy((b) => {
      const next = new Set(b);
      next.delete(url);
      return next;
    });
  };
  const userFeeds = config.settings.feeds;

  return (
    <div class="feeds">
      {status.status === 'ready' && status.value.demo && (
        <p class="demo-note" data-source="demo">
          <span class="demo-label">Demo data</span> You are looking at a fictional organisation (
          {status.value.feeds.map((f) => f.organization).join(', ')}). It makes way as soon as your
          first feed has landed, and comes back if you remove every feed.
        </p>
      )}
      {error && (
        <p role="alert" class="error">
          {error}
        </p>
      )}
      {config.feeds.length === 0 && <p>No feed is configured yet.</p>}
      <ul class="feed-list" aria-label="Configured feeds">
        {config.feeds.map((feed) => (
          <li key={feed.url} class="feed" data-feed-url={feed.url}>
            {editing === feed.url ? (
              <FeedForm
                initial={feed}
                configuredUrls={urls}
                onCancel={() => setEditing(undefined)}
                onSave={async (next) => {
                  await saveFeeds(userFeeds.map((f) => (f.url === feed.url ? next : f)));
                  setEditing(undefined);
                }}
              />
            ) : (
              <>
                <h3>
                  {feed.label}{' '}
                  {feed.policy && (
                    <span class="locked" title="Deployed by your administrator">
                      🔒 Managed by policy
                    </span>
                  )}
                </h3>
                <p class="feed-url">
                  <code>{feed.url}</code> · every {feed.intervalMinutes} min
                  {feed.publicKey ? ' · signature required' : ''}
                </p>
                {access.get(feed.url) === false && (
                  <p class="permission-note">
                    Constellation may not read {new URL(feed.url).origin} yet
                    {feed.policy ? ' (policy feeds are not asked for)' : ''}: the feed is fetched
                    without your sign-in cookies and only if its server allows it.{' '}
                    <button
                      type="button"
                      onClick={() => void requestFeedPermission(feed.url).finally(refresh)}
                    >
                      Allow access
                    </button>
                  </p>
                )}
                <SyncProgressBar state={running.progress.get(feed.url)} now={running.now} />
                <FeedReport report={byUrl.get(feed.url)} />
                <div class="buttons">
                  <button
                    type="button"
                    disabled={busy.has(feed.url)}
                    onClick={() => void syncNow(feed.url)}
                  >
                    {busy.has(feed.url) ? 'Syncing…' : 'Sync now'}
                  </button>
                  {!feed.policy && (
                    <>
                      <button type="button" onClick={() => setEditing(feed.url)}>
                        Edit
                      </button>
                      <button
                        type="button"
                        onClick={() => void saveFeeds(userFeeds.filter((f) => f.url !== feed.url))}
                      >
                        Remove
                      </button>
                    </>
                  )}
                </div>
              </>
            )}
          </li>
        ))}
      </ul>
      <InvalidShareField
        share={config.settings.maxInvalidShare ?? DEFAULT_MAX_INVALID_SHARE}
        onChange={(maxInvalidShare) => void updateSettings({ maxInvalidShare })}
      />
      {editing === 'new' ? (
        <FeedForm
          configuredUrls={urls}
          onCancel={() => setEditing(undefined)}
          onSave={async (feed) => {
            await saveFeeds([...userFeeds, feed]);
            setEditing(undefined);
            void syncNow(feed.url);
          }}
        />
      ) : (
        <button type="button" class="add-feed" onClick={() => setEditing('new')}>
          Add a feed
        </button>
      )}
    </div>
  );
}

/** The share of invalid records above which a whole document is refused. */
function InvalidShareField({
  share,
  onChange,
}: {
  share: number;
  onChange: (share: number) => void;
}) {
  const [text, setText] = useState(String(Math.round(share * 1000) / 10));
  const value = Number(text);
  const valid = text.trim() !== '' && Number.isFinite(value) && value >= 0 && value <= 100;
  return (
    <label class="field invalid-share">
      <span>Refuse a feed when more than</span>{' '}
      <input
        type="text"
        inputMode="decimal"
        size={4}
        value={text}
        aria-invalid={valid ? undefined : 'true'}
        onInput={(e) => setText(e.currentTarget.value)}
        onChange={() => valid && onChange(value / 100)}
      />{' '}
      <span>% of its records are invalid (the last good data stays).</span>
      {!valid && <small class="error"> A number from 0 to 100.</small>}
    </label>
  );
}
