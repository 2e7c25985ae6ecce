// One search box over topics, people and communities, results grouped (topics first: the
// usual question is "who knows X?"). Keyboard: arrows move through every result, Enter
// opens it; the input keeps focus (combobox pattern with aria-activedescendant).
import { useRef } from 'preact/hooks';
import type { ConstellationDB } from '../../lib/db/database';
import type { Viewer } from '../../lib/db/queries';
import { finderResults, type FinderResult } from '../../lib/db/views';
import { useLiveQuery } from '../useLiveQuery';
import { LazyCommunityFacts } from './CommunityFacts';
import { DiscoveredBadge, DiscoveredNote } from './Discovered';
import type { Navigator } from './navigation';
import { useListKeys } from './useListKeys';
import { DisplayText } from '../DisplayText';
import { FinderFrame } from './PopupHome';

type Result = FinderResult;

const GROUPS = [
  { kind: 'topic', title: 'Topics' },
  { kind: 'person', title: 'People' },
  { kind: 'community', title: 'Communities' },
] as const;

function refOf(result: Result) {
  if (result.kind === 'topic') return { feedId: result.topic.feedId, id: result.topic.id };
  if (result.kind === 'person') return { feedId: result.person.feedId, id: result.person.id };
  return { feedId: result.community.feedId, id: result.community.id };
}

export function FinderView(props: {
  db: ConstellationDB;
  viewer: Viewer;
  nav: Navigator;
  query: string;
  onQuery(query: string): void;
  /** False while a detail is open: the box stays on top, the results wait below it. */
  showResults?: boolean;
}) {
  const { db, viewer, nav, query } = props;
  const showResults = props.showResults ?? true;
  // Each answer carries the query it answers: the live state keeps the previous answer while
  // the next keystroke's query runs. The search starts before the keystroke's frame is
  // painted, not one frame later (a keystroke's wait is the benchmark's measure).
  const state = useLiveQuery(
    async () => ({ query, results: await finderResults(db, query, viewer) }),
    [db, query, viewer],
    undefined,
    'before-paint',
  );
  // Keep showing the previous results while the next keystroke's query runs: no layout jump.
  const last = useRef<{ query: string; results: Result[] }>({ query: '', results: [] });
  if (state.status === 'ready') last.current = state.value;
  const results = showResults ? last.current.results : [];
  const open = (index: number) => {
    const result = results[index];
    if (result) nav.open({ kind: result.kind, ref: refOf(result) });
  };
  const keys = useListKeys(results.length, open);
  const optionId = (index: number) => `finder-option-${index}`;

  const countLine =
    showResults && query.trim() && last.current.query === query
      ? results.length === 0
        ? `Nothing matches “${query.trim()}”. Try a shorter word, an alias (e.g. k8s) or a handle.`
        : `${results.length} ${results.length === 1 ? 'result' : 'results'}`
      : '';

  return (
    <FinderFrame
      query={query}
      onQuery={(next) => {
        props.onQuery(next);
        keys.setActive(-1);
      }}
      onKeyDown={keys.onKeyDown}
      expanded={results.length > 0}
      activeOption={keys.active >= 0 ? optionId(keys.active) : undefined}
      countLine={countLine}
      countHidden={!showResults || !query.trim()}
      resultsFor={showResults ? last.current.query : undefined}
    >
      {results.length > 0 && (
        <div id="finder-results" role="listbox" aria-label="Search results">
          {GROUPS.map((group) => {
            const inGroup = results
              .map((result, index) => ({ result, index }))
              .filter((entry) => entry.result.kind === group.kind);
            if (inGroup.length === 0) return null;
            return (
              <div role="group" aria-label={group.title} key={group.kind}>
                {/* Visual title only: a listbox group may contain options, not headings. */}
                <div class="group-title" aria-hidden="true">
                  {group.title}
                </div>
                {inGroup.map(({ result, index }) => (
                  <div
                    key={index}
                    id={optionId(index)}
                    role="option"
                    aria-selected={keys.active === index}
                    class={`result ${keys.active === index ? 'active' : ''}`}
                    data-kind={result.kind}
                    data-id={refOf(result).id}
                    onClick={() => open(index)}
                    onMouseMove={() => keys.setActive(index)}
                  >
                    <ResultRow result={result} db={db} typing={query} />
                  </div>
                ))}
              </div>
            );
          })}
        </div>
      )}
    </FinderFrame>
  );
}

function ResultRow({
  result,
  db,
  typing,
}: {
  result: Result;
  db: ConstellationDB;
  /** What is in the search box now: facts wait until it stops changing. */
  typing: string;
}) {
  if (result.kind === 'topic') {
    const { topic } = result;
    return (
      <>
        <span class="name">{topic.label}</span>
        <span class="meta">
          {topic.aliases.length ? `also ${topic.aliases.join(', ')} · ` : ''}who knows it →
        </span>
      </>
    );
  }
  if (result.kind === 'person') {
    const { person } = result;
    return (
      <>
        <span class="name">
          <DisplayText value={person.name} />
        </span>
        <span class="meta">
          {[person.title, person.unitName, person.company].filter(Boolean).join(' · ')}
        </span>
      </>
    );
  }
  return (
    <>
      <span class="name">
        <DisplayText value={result.community.name} />
        <DiscoveredBadge community={result.community} />
      </span>
      <LazyCommunityFacts db={db} community={result.community} typing={typing} />
      <DiscoveredNote community={result.community} />
    </>
  );
}
