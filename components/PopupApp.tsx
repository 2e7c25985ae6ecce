// The popup: where to find peers across units ("who knows X outside my unit?"), where to
// take part, and details of people and communities. Views form a stack (Esc goes back).
// Reads the local database directly (same extension origin).
import { useEffect, useLayoutEffect, useState } from 'preact/hooks';
import type { ConstellationDB } from '../lib/db/database';
import type { PersonRow } from '../lib/db/schema';
import { dataStatus, getPerson, viewerOf, type DataStatus, type Viewer } from '../lib/db/queries';
import { DataSourceLine } from './DataSourceLine';
import { POPUP_MARKS } from './popup-marks';
import { ThisPageSection } from './ThisPageSection';
import { SyncHealthLine } from './SyncHealthLine';
import { CommunityView } from './popup/CommunityView';
import { FinderView } from './popup/FinderView';
import { IdentityPrompt } from './popup/IdentityPrompt';
import type { HomeTab, Navigator, View } from './popup/navigation';
import { ParticipateView } from './popup/ParticipateView';
import { PersonView } from './popup/PersonView';
import { TopicPeopleView } from './popup/TopicPeopleView';
import { useLiveQuery } from './useLiveQuery';
import { openBoundariesView } from '../lib/browser/tabs';
import { readIdentityChoice, saveIdentityChoice, type IdentityChoice } from './identity-choice';

/** What the first screen needs, read before the first render (see `readFirstScreen`). */
export interface FirstScreen {
  status: DataStatus;
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
  const [status, viewer] = await Promise.all([dataStatus(db), viewerOf(db)]);
  const me = viewer.me ? ((await getPerson(db, viewer.me)) ?? null) : null;
  return { status, viewer, me };
}

export function PopupApp({ db, first }: { db: ConstellationDB; first?: FirstScreen }) {
  const status = useLiveQuery(
    () => dataStatus(db),
    [db],
    first ? { value: first.status } : undefined,
  );
  const viewerState = useLiveQuery(
    () => viewerOf(db),
    [db],
    first ? { value: first.viewer } : undefined,
  );
  const viewer = viewerState.status === 'ready' ? viewerState.value : undefined;
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

  return (
    <main class="popup">
      <header class="popup-header">
        <h1>Constellation</h1>
        <DataSourceLine status={status.value} />
        <SyncHealthLine db={db} />
        <dl class="counts" aria-label="Data loaded">
          <div>
            <dt>People</dt>
            <dd data-count="people">{status.value.counts.people}</dd>
          </div>
          <div>
            <dt>Communities</dt>
            <dd data-count="communities">{status.value.counts.communities}</dd>
          </div>
          <div>
            <dt>Memberships</dt>
            <dd data-count="memberships">{status.value.counts.memberships}</dd>
          </div>
        </dl>
        {!empty && (
          <p class="views-line">
            <button type="button" class="link" onClick={() => void openBoundariesView()}>
              Boundaries view
            </button>{' '}
            — the map of communities, brokers and missing bridges
          </p>
        )}
        {!showIdentity && !empty && (
          <p class="me-line">
            {me ? <>You: {me.name}</> : 'Anonymous'} ·{' '}
            <button type="button" class="link" onClick={() => setAskIdentity(true)}>
              {me ? 'change' : 'choose who you are'}
            </button>
          </p>
        )}
      </header>
      <ThisPageSection />
      {empty ? (
        <p class="hint">
          No data yet. The demo organisation loads on first start; to use your organisation's data,
          add its feed in the options page.
        </p>
      ) : showIdentity ? (
        <IdentityPrompt db={db} onDone={chooseIdentity} />
      ) : view ? (
        <div class="detail">
          <button type="button" class="back" onClick={nav.back}>
            ← Back <span class="visually-hidden">(Esc)</span>
          </button>
          {view.kind === 'topic' && (
            <TopicPeopleView db={db} viewer={viewer} nav={nav} topic={view.ref} />
          )}
          {view.kind === 'person' && (
            <PersonView db={db} viewer={viewer} nav={nav} person={view.ref} />
          )}
          {view.kind === 'community' && (
            <CommunityView db={db} viewer={viewer} nav={nav} community={view.ref} />
          )}
        </div>
      ) : (
        <>
          <div role="tablist" aria-label="Popup sections" class="tabs">
            <Tab id="find" current={tab} onSelect={setTab}>
              Find people
            </Tab>
            <Tab id="participate" current={tab} onSelect={setTab}>
              Take part
            </Tab>
          </div>
          <div role="tabpanel" id={`panel-${tab}`} aria-labelledby={`tab-${tab}`}>
            {tab === 'find' && (
              <FinderView db={db} viewer={viewer} nav={nav} query={query} onQuery={setQuery} />
            )}
            {tab === 'participate' && <ParticipateView db={db} viewer={viewer} nav={nav} />}
          </div>
        </>
      )}
    </main>
  );
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
