// The popup: where to find peers across units ("who knows X outside my unit?"), where to
// take part, and details of people and communities. Views form a stack (Esc goes back).
// Reads the local database directly (same extension origin).
import type { JSX } from 'preact';
import { useEffect, useLayoutEffect, useState } from 'preact/hooks';
import type { ConstellationDB } from '../lib/db/database';
import { getPerson, viewerOf } from '../lib/db/queries';
import type { FirstScreen } from '../lib/db/viewer';
import { viewerStatus } from '../lib/db/visible-counts';
import { ThisPageSection } from './ThisPageSection';
import { SyncHealthLine } from './SyncHealthLine';
import { FinderView } from './popup/FinderView';
import { IdentityPrompt } from './popup/IdentityPrompt';
import { useDetailViews, type DetailViews, type DetailViewsState } from './popup/lazy-views';
import type { HomeTab, Navigator, View } from './popup/navigation';
import { markFirstUsefulPaint } from './popup/first-paint';
import { BusyLine, HomeTabs, PopupHeader, type HomeState } from './popup/PopupHome';
import { useLiveQuery } from './useLiveQuery';
import { readIdentityChoice, saveIdentityChoice, type IdentityChoice } from './identity-choice';

export function PopupApp({
  db,
  first,
  home,
}: {
  db: ConstellationDB;
  first?: FirstScreen;
  /** The state of the home screen the first script showed (typed text, tab) to carry on. */
  home?: HomeState;
}) {
  const viewerState = useLiveQuery(
    () => viewerOf(db),
    [db],
    first ? { value: first.viewer } : undefined,
  );
  const viewer = viewerState.status === 'ready' ? viewerState.value : undefined;
  const status = useLiveQuery(
    async () => viewerStatus(db, viewer ?? (await viewerOf(db))),
    [db, viewer],
    first ? { value: first.status } : undefined,
  );
  const meState = useLiveQuery(
    async () => (viewer?.me ? ((await getPerson(db, viewer.me)) ?? null) : null),
    [db, viewer],
    first ? { value: first.me } : undefined,
  );
  const [identityChoice, setIdentityChoice] = useState(readIdentityChoice);
  const [askIdentity, setAskIdentity] = useState(home?.askIdentity ?? false);
  const [tab, setTab] = useState<HomeTab>(home?.tab ?? 'find');
  const [stack, setStack] = useState<View[]>([]);
  const [query, setQuery] = useState(home?.query ?? '');
  // Not on the first screen: loaded after the first paint.
  const details = useDetailViews();

  const nav: Navigator = {
    open: (view) => setStack((current) => [...current, view]),
    back: () => setStack((current) => current.slice(0, -1)),
  };
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape' && stack.length > 0) {
        event.preventDefault();
        nav.back();
      }
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  });

  const ready = status.status === 'ready' && viewer !== undefined;
  // A layout effect runs right after the DOM is updated, before the browser paints it, so the
  // mark lands just after the first frame that shows the content (a plain effect runs after
  // that paint, and the mark would come one frame late).
  useLayoutEffect(() => {
    if (ready) markFirstUsefulPaint();
  }, [ready]);

  if (status.status === 'error') {
    return (
      <main class="popup">
        <h1>Constellation</h1>
        <p role="alert" class="error">
          Could not read the local database: {status.error}. Reload the extension; if this persists,
          export your local data from the options page and reinstall.
        </p>
      </main>
    );
  }
  if (status.status === 'loading' || !viewer) return <main class="popup" aria-busy="true" />;

  const me = meState.status === 'ready' ? meState.value : null;
  const empty = status.value.counts.people === 0;
  const showIdentity = !empty && (askIdentity || (!viewer.me && identityChoice === null));
  const chooseIdentity = (choice: IdentityChoice) => {
    saveIdentityChoice(choice);
    setIdentityChoice(choice);
    setAskIdentity(false);
  };
  const view = stack.at(-1);
  const onQuery = (next: string) => {
    setQuery(next);
    // Typing always searches: leave any open detail for the results.
    if (next.trim() && stack.length > 0) setStack([]);
    if (next.trim()) setTab('find');
  };

  return (
    <main class="popup">
      <PopupHeader
        status={status.value}
        me={me}
        compact={view !== undefined}
        askIdentity={askIdentity}
        onAskIdentity={setAskIdentity}
        health={<SyncHealthLine db={db} />}
      />
      {empty ? (
        <>
          <ThisPageSection />
          <p class="hint">
            No data yet. The demo organisation loads on first start; to use your organisation's
            data, add its feed in the options page.
          </p>
        </>
      ) : (
        <>
          {/* Search is always on top: the identity question and details never hide it. */}
          <FinderView
            db={db}
            viewer={viewer}
            nav={nav}
            query={query}
            onQuery={onQuery}
            showResults={!view}
          />
          {view ? (
            <div class="detail">
              <button type="button" class="back" onClick={nav.back}>
                ← Back <span class="visually-hidden">(Esc)</span>
              </button>
              {withDetailViews(details, ({ TopicPeopleView, PersonView, CommunityView }) => (
                <>
                  {view.kind === 'topic' && (
                    <TopicPeopleView db={db} viewer={viewer} nav={nav} topic={view.ref} />
                  )}
                  {view.kind === 'person' && (
                    <PersonView db={db} viewer={viewer} nav={nav} person={view.ref} />
                  )}
                  {view.kind === 'community' && (
                    <CommunityView db={db} viewer={viewer} nav={nav} community={view.ref} />
                  )}
                </>
              ))}
            </div>
          ) : query.trim() ? null : (
            <>
              {showIdentity && (
                <div class="identity-box">
                  <IdentityPrompt db={db} onDone={chooseIdentity} compact />
                </div>
              )}
              <HomeTabs
                tab={tab}
                onTab={setTab}
                participate={() =>
                  withDetailViews(details, ({ ParticipateView }) => (
                    <ParticipateView db={db} viewer={viewer} nav={nav} />
                  ))
                }
              />
            </>
          )}
        </>
      )}
    </main>
  );
}

/** A view from the lazily loaded detail views, or a busy line while they load. */
function withDetailViews(
  details: DetailViewsState,
  show: (views: DetailViews) => JSX.Element,
): JSX.Element {
  if (details.status === 'ready') return show(details.views);
  if (details.status === 'error')
    return (
      <p role="alert" class="error">
        Could not load this view: {details.error}. Reload the extension.
      </p>
    );
  return <BusyLine />;
}
