// Options › Sample feeds: real open-source communities bundled with this build (when
// `npm run sample-feeds` ran before it), each with where its data comes from and its licence.
// Loading one shows that project's people and communities on its own pages (GitHub handles);
// the demo organisation makes way while a sample or a feed is loaded, and returns after.
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { readBundled, sendRequest } from '../../lib/browser/extension';
import type { ConstellationDB } from '../../lib/db/database';
import { feedRows } from '../../lib/db/feeds';
import { parseSamplesIndex, SAMPLES_DIR, SAMPLES_INDEX, type SampleEntry } from '../../lib/samples';
import { useLiveQuery } from '../useLiveQuery';

type Bundled =
  | { status: 'loading' }
  | { status: 'none' }
  | { status: 'broken'; error: string }
  | { status: 'ready'; samples: SampleEntry[] };

function useBundledSamples(): Bundled {
  const [state, setState] = useState<Bundled>({ status: 'loading' });
  useEffect(() => {
    readBundled(SAMPLES_INDEX).then(
      (text) => {
        const parsed = parseSamplesIndex(text);
        setState(
          parsed.ok
            ? { status: 'ready', samples: parsed.index.feeds }
            : { status: 'broken', error: parsed.error },
        );
      },
      () => setState({ status: 'none' }),
    );
  }, []);
  return state;
}

const bundledUrl = (file: string) => browser.runtime.getURL(`/${SAMPLES_DIR}/${file}` as '/');

export function SamplesSection({ db }: { db: ConstellationDB }) {
  const bundled = useBundledSamples();
  const loaded = useLiveQuery(
    async () => (await feedRows(db)).filter((f) => f.source === 'sample'),
    [db],
  );
  const [busy, setBusy] = useState<string | undefined>();
  const [message, setMessage] = useState<{ error: boolean; text: string } | undefined>();

  if (bundled.status === 'loading') return <p>Loading…</p>;
  if (bundled.status === 'none')
    return (
      <p class="hint">
        This build has no sample feeds. Developers: run <code>npm run sample-feeds</code> (it reads
        the shared corpus beside the checkout), then build again.
      </p>
    );
  if (bundled.status === 'broken')
    return (
      <p role="alert" class="error">
        The sample feeds bundled with this build cannot be read: {bundled.error}
      </p>
    );

  const loadedFeeds = loaded.status === 'ready' ? loaded.value : [];
  const loadedFor = (sample: SampleEntry) => loadedFeeds.find((f) => f.feedId === sample.feedId);

  const load = async (sample: SampleEntry) => {
    setBusy(sample.file);
    setMessage(undefined);
    const answer = await sendRequest('loadSample', { file: sample.file });
    setBusy(undefined);
    setMessage(
      answer.ok
        ? {
            error: false,
            text:
              `Loaded ${answer.value.organization}: ${answer.value.people} people, ${answer.value.communities} communities.` +
              (answer.value.problems > 0
                ? ` ${answer.value.problems} invalid records were skipped.`
                : ''),
          }
        : { error: true, text: `Could not load ${sample.file}: ${answer.error}` },
    );
  };
  const remove = async (sample: SampleEntry, feedId: string) => {
    setBusy(sample.file);
    setMessage(undefined);
    const answer = await sendRequest('removeSample', { feedId });
    setBusy(undefined);
    setMessage(
      answer.ok
        ? { error: false, text: `Removed the ${sample.label} sample.` }
        : { error: true, text: `Could not remove it: ${answer.error}` },
    );
  };

  return (
    <div class="samples">
      <p>
        Real communities of open-source projects, built from their public records with{' '}
        <code>constellation-feed</code>. Load one and browse the project's pages (for example its
        pull requests on GitHub) to see its people and communities. They are not your organisation's
        data; your own data is not touched.
      </p>
      <ul class="sample-list">
        {bundled.samples.map((sample) => {
          const feed = loadedFor(sample);
          return (
            <li key={sample.file} class="feed" data-sample={sample.file}>
              <h3>{sample.label}</h3>
              <p class="meta">
                {sample.counts.people} people · {sample.counts.communities}{' '}
                {sample.counts.communities === 1 ? 'community' : 'communities'} ·{' '}
                {sample.counts.topics} topics · {sample.counts.memberships} memberships
              </p>
              <p class="attribution" data-attribution>
                {sample.attribution}
              </p>
              <p class="meta">
                Source:{' '}
                <a
                  href={`${sample.repository}/tree/${sample.commit}`}
                  target="_blank"
                  rel="noreferrer"
                >
                  {sample.repository.replace(/^https:\/\//, '')} at {sample.commit.slice(0, 12)}
                </a>{' '}
                ({sample.snapshotDate}) · Licence:{' '}
                <a href={bundledUrl(sample.licenseFile)} target="_blank" rel="noreferrer">
                  {sample.license}
                </a>
              </p>
              <div class="buttons">
                {feed ? (
                  <>
                    <span data-loaded="true">Loaded ({feed.counts.people} people)</span>
                    <button
                      type="button"
                      disabled={busy !== undefined}
                      onClick={() => void remove(sample, feed.feedId)}
                    >
                      Remove this sample
                    </button>
                  </>
                ) : (
                  <button
                    type="button"
                    disabled={busy !== undefined}
                    onClick={() => void load(sample)}
                  >
                    {busy === sample.file ? 'Loading…' : 'Load this sample'}
                  </button>
                )}
              </div>
            </li>
          );
        })}
      </ul>
      <p role="status" class={message?.error ? 'error' : 'hint'}>
        {message?.text ?? ''}
      </p>
    </div>
  );
}
