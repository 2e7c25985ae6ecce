// The popup's home screen as plain views of what the first screen read: the header (counts as
// this viewer may see them, who I am), the search box's frame, and the home tabs. No database
// here: PopupApp renders these with the live data, and the popup's first script renders them
// before Dexie has loaded (entrypoints/popup/main.tsx), so both give the same DOM.
import type { ComponentChildren, JSX } from 'preact';
import type { PersonRow } from '../../lib/db/schema';
import type { ViewerStatus } from '../../lib/db/viewer';
import { openBoundariesView } from '../../lib/browser/tabs';
import { DataSourceLine } from '../DataSourceLine';
import { ThisPageSection } from '../ThisPageSection';
import type { HomeTab } from './navigation';

/** The home screen's own state, carried from the first script's screen to the full popup. */
export interface HomeState {
  query: string;
  tab: HomeTab;
  askIdentity: boolean;
}

export function PopupHeader(props: {
  status: ViewerStatus;
  me: PersonRow | null;
  /** A detail view is open: the header shrinks. */
  compact: boolean;
  askIdentity: boolean;
  onAskIdentity(ask: boolean): void;
  /** The feed health line, once the database is at hand. */
  health?: ComponentChildren;
}) {
  const { status, me } = props;
  const counts = status.counts;
  const empty = counts.people === 0;
  return (
    <header class={props.compact ? 'popup-header compact' : 'popup-header'}>
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
      <DataSourceLine status={status} />
      {props.health}
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
        {status.hiddenCommunities > 0 && (
          <span
            class="hidden-note"
            data-hidden-communities={status.hiddenCommunities}
            title="Members-only communities you are not a member of are not counted or shown."
          >
            {' '}
            (+{status.hiddenCommunities} members-only)
          </span>
        )}
      </p>
      {!empty && (
        <p class="me-line">
          {me ? <>You: {me.name}</> : 'Anonymous'} ·{' '}
          <button
            type="button"
            class="link"
            onClick={() => props.onAskIdentity(!props.askIdentity)}
          >
            {me ? 'change' : 'choose who you are'}
          </button>
        </p>
      )}
    </header>
  );
}

/** The search box and the places its results go (FinderView fills them). */
export function FinderFrame(props: {
  query: string;
  onQuery(query: string): void;
  onKeyDown?: (event: KeyboardEvent) => void;
  expanded: boolean;
  activeOption?: string;
  /** The line saying how many results there are ('' while none are known). */
  countLine: string;
  countHidden: boolean;
  /** The query the results shown answer (read by the popup-open benchmark). */
  resultsFor?: string;
  children?: ComponentChildren;
}) {
  return (
    <section class="finder" aria-label="Find people, topics and communities">
      <label for="finder-input" class="visually-hidden">
        Search people, topics and communities
      </label>
      <input
        id="finder-input"
        type="search"
        role="combobox"
        // Preact's types tie role=combobox to a `list` attribute; this combobox has none.
        list={undefined}
        aria-expanded={props.expanded}
        aria-controls="finder-results"
        aria-activedescendant={props.activeOption}
        aria-autocomplete="list"
        autocomplete="off"
        autofocus
        placeholder="A topic, a person or a community"
        value={props.query}
        onInput={(event) => props.onQuery(event.currentTarget.value)}
        onKeyDown={props.onKeyDown}
      />
      <p class="result-count" aria-live="polite" hidden={props.countHidden}>
        {props.countLine}
      </p>
      {/* data-results-for: the query these results answer (the popup-open benchmark waits
          for it to measure keystroke to results on screen). */}
      <div class="finder-results" hidden={!props.expanded} data-results-for={props.resultsFor}>
        {props.children}
      </div>
    </section>
  );
}

/** The home tabs under the search box: this page (with tips) and where to take part. */
export function HomeTabs(props: {
  tab: HomeTab;
  onTab: (tab: HomeTab) => void;
  /** The "Take part" panel's content. */
  participate: () => JSX.Element;
}) {
  const { tab } = props;
  return (
    <>
      <div role="tablist" aria-label="Popup sections" class="tabs">
        <Tab id="find" current={tab} onSelect={props.onTab}>
          This page
        </Tab>
        <Tab id="participate" current={tab} onSelect={props.onTab}>
          Take part
        </Tab>
      </div>
      <div role="tabpanel" id={`panel-${tab}`} aria-labelledby={`tab-${tab}`}>
        {tab === 'find' && (
          <>
            <ThisPageSection />
            <p class="hint tips">
              Try a topic (<em>Kubernetes</em>, an alias like <em>k8s</em>), a colleague’s name or
              handle, or a community. ↑↓ move, Enter opens, Esc goes back.
            </p>
          </>
        )}
        {tab === 'participate' && props.participate()}
      </div>
    </>
  );
}

/** A part still loading: a busy line. */
export function BusyLine() {
  return <p class="hint" aria-busy="true" />;
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
