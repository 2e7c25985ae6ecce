// The popup: where to find peers across units ("who knows X outside my unit?"), where to
// take part, and details of people and communities. Views form a stack (Esc goes back).
// Reads the local database directly (same extension origin).
import type { JSX } from 'preact';
import { useEffect, useLayoutEffect, useState } from 'preact/hooks';
import type { ConstellationDB } from '../lib/db/database';
import type { PersonRow } from '../lib/db/schema';
import { dataStatus, getPerson, viewerAndPerson, viewerOf, type Viewer } from '../lib/db/queries';
import { viewerStatus, type ViewerStatus } from '../lib/db/visible-counts';
import { DataSourceLine } from './DataSourceLine';
import { POPUP_MARKS } from './popup-marks';
import { ThisPageSection } from './ThisPageSection';
import { SyncHealthLine } from './SyncHealthLine';
import { FinderView } from './popup/FinderView';
import { IdentityPrompt } from './popup/IdentityPrompt';
import { useDetailViews, type DetailViews, type DetailViewsState } from './popup/lazy-views';
import type { HomeTab, Navigator, View } from './popup/navigation';
import { useLiveQuery } from './useLiveQuery';
import { openBoundariesView } from '../lib/browser/tabs';
import { readIdentityChoice, saveIdentityChoice, type IdentityChoice } from './identity-choice';

/** What the first screen needs, read before the first render (see `readFirstScreen`). */
export interface FirstScreen {
  /** Counts as this viewer may see them (members-only communities they are not in left out). */
  status: ViewerStatus;
  viewer: Viewer;
  /** My own person, when I chose one (null when anonymous or no longer in any feed). */
  me: PersonRow | null;
}

/**
 * Reads the first screen before anything renders, so the first frame already shows content:
 * Preact runs effects only after a frame is painted, so reading from the live queries would
 * paint an empty frame first and start the reads one frame late.
 */
export async function readFirstScreen(db: ConstellationDB): Promise<FirstScreen> {
  // The feeds' totals do not depend on who I am: read them beside the viewer.
  const raw = dataStatus(db);
  // My memberships and my own row in one read.
  const { viewer, person } = await viewerAndPerson(db);
  const status = await viewerStatus(db, viewer, raw);
  return { status, viewer, me: person ?? null };
}

export function PopupApp({ db, first }: { db: ConstellationDB; first?: FirstScreen }) {
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
  const [askIdentity, setAskIdentity] = useState(false);
  const [tab, setTab] = useState<HomeTab>('find');
  const [stack, setStack] = useState<View[]>([]);
  const [query, setQuery] = useState('');
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
  const counts = status.value.counts;
  const onQuery = (next: string) => {
    setQuery(next);
    // Typing always searches: leave any open detail for the results.
    if (next.trim() && stack.length > 0) setStack([]);
    if (next.trim()) setTab('find');
  };

  return (
    <main class="popup">
      <header class={view ? 'popup-header compact' : 'popup-header'}>
        <div class="header-row">
          <h1>
            <span class="logo" aria-hidden="true">
              ✦
            </span>{' '}
            Constellation
          </h1>
          {!empty && (
            <button
              type="button"
              class="header-action"
              onClick={() => void openBoundariesView()}
              title="The map of communities, brokers and missing bridges"
            >
              Boundaries view
            </button>
          )}
        </div>
        <DataSourceLine status={status.value} />
        <SyncHealthLine db={db} />
        <p class="header-meta">
          <span class="counts" role="group" aria-label="Data you can see">
            <span>
              <strong data-count="people">{counts.people}</strong> people
            </span>{' '}
            ·{' '}
            <span>
              <strong data-count="communities">{counts.communities}</strong> communities
            </span>{' '}
            ·{' '}
            <span>
              <strong data-count="memberships">{counts.memberships}</strong> memberships
            </span>
          </span>
          {status.value.hiddenCommunities > 0 && (
            <span
              class="hidden-note"
              data-hidden-communities={status.value.hiddenCommunities}
              title="Members-only communities you are not a member of are not counted or shown."
            >
              {' '}
              (+{status.value.hiddenCommunities} members-only)
            </span>
          )}
        </p>
        {!empty && (
          <p class="me-line">
            {me ? <>You: {me.name}</> : 'Anonymous'} ·{' '}
            <button type="button" class="link" onClick={() => setAskIdentity(!askIdentity)}>
              {me ? 'change' : 'choose who you are'}
            </button>
          </p>
        )}
      </header>
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
              <div role="tablist" aria-label="Popup sections" class="tabs">
                <Tab id="find" current={tab} onSelect={setTab}>
                  This page
                </Tab>
                <Tab id="participate" current={tab} onSelect={setTab}>
                  Take part
                </Tab>
              </div>
              <div role="tabpanel" id={`panel-${tab}`} aria-labelledby={`tab-${tab}`}>
                {tab === 'find' && (
                  <>
                    <ThisPageSection />
                    <p class="hint tips">
                      Try a topic (<em>Kubernetes</em>, an alias like <em>k8s</em>), a colleague’s
                      name or handle, or a community. ↑↓ move, Enter opens, Esc goes back.
                    </p>
                  </>
                )}
                {tab === 'participate' &&
                  withDetailViews(details, ({ ParticipateView }) => (
                    <ParticipateView db={db} viewer={viewer} nav={nav} />
                  ))}
              </div>
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
  return <p class="hint" aria-busy="true" />;
}

/** Marks the end of the next frame's paint (rAF runs before it, the message after it). */
function markFirstUsefulPaint(): void {
  if (performance.getEntriesByName(POPUP_MARKS.firstUsefulPaint).length > 0) return;
  requestAnimationFrame(() => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => performance.mark(POPUP_MARKS.firstUsefulPaint);
    channel.port2.postMessage(undefined);
  });
}

function Tab(props: {
  id: HomeTab;
  current: HomeTab;
  onSelect(tab: HomeTab): void;
  children: string;
}) {
  const selected = props.id === props.current;
  return (
    <button
      type="button"
      role="tab"
      id={`tab-${props.id}`}
      aria-selected={selected}
      aria-controls={`panel-${props.id}`}
      tabIndex={selected ? 0 : -1}
      class={selected ? 'tab selected' : 'tab'}
      onClick={() => props.onSelect(props.id)}
    >
      {props.children}
    </button>
  );
}
