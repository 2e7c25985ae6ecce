// "Who knows this topic?": people ranked by expertise, participation and roles in the
// communities covering it, and proximity to me; "outside my unit" on by default; filters
// for unit, company, community, participation and role; the communities covering the topic.
import { useState } from 'preact/hooks';
import type { ConstellationDB } from '../../lib/db/database';
import type { Viewer } from '../../lib/db/queries';
import { topicPeopleData } from '../../lib/db/views';
import type { Ref } from '../../lib/db/schema';
import { rankPeers, type PeerFilters } from '../../lib/rank/peers';
import {
  LEADERSHIP_ROLES,
  PARTICIPATION_LEVELS,
  type LeadershipRole,
  type Participation,
} from '../../lib/model/vocabulary';
import { useLiveQuery } from '../useLiveQuery';
import { CommunityFacts } from './CommunityFacts';
import { DiscoveredBadge, DiscoveredNote } from './Discovered';
import type { Navigator } from './navigation';
import { PersonRow } from './PersonRow';
import { rovingKeyDown } from './useListKeys';

/** Rows shown at first and added by "Show more": enough to choose from, quick to render. */
const PAGE = 30;

export function TopicPeopleView(props: {
  db: ConstellationDB;
  viewer: Viewer;
  nav: Navigator;
  topic: Ref;
}) {
  const { db, viewer, nav, topic } = props;
  const state = useLiveQuery(
    () => topicPeopleData(db, topic, viewer),
    [db, topic.feedId, topic.id, viewer],
  );
  const [filters, setFilters] = useState<PeerFilters>({ outsideMyUnit: true });
  const [shown, setShown] = useState(PAGE);
  const data = state.status === 'ready' ? state.value : undefined;
  const ranked = data ? rankPeers(data.evidence, data.topic?.label ?? '', filters, data.me) : [];

  if (state.status === 'error') return <p role="alert">Could not load this topic: {state.error}</p>;
  if (!data) return <p class="loading">Loading…</p>;
  if (!data.topic) return <p role="alert">This topic is no longer in your data.</p>;

  const set = <K extends keyof PeerFilters>(key: K, value: PeerFilters[K] | '') =>
    setFilters((current) => {
      const next = { ...current };
      if (value === '' || value === undefined) delete next[key];
      else next[key] = value;
      return next;
    });
  const activeFilters = (['unit', 'company', 'community', 'participation', 'role'] as const).filter(
    (key) => filters[key] !== undefined,
  ).length;
  const companies = [
    ...new Set(data.evidence.map((e) => e.company).filter((c): c is string => !!c)),
  ].sort();
  const unitIds = [...new Set(data.evidence.map((e) => e.unit).filter((u): u is string => !!u))];

  return (
    <section class="topic-view" aria-labelledby="topic-title">
      <h2 id="topic-title">Who knows {data.topic.label}?</h2>
      {data.topic.description && <p class="description">{data.topic.description}</p>}
      <div class="filters" role="group" aria-label="Filters">
        <label class="toggle">
          <input
            type="checkbox"
            checked={filters.outsideMyUnit}
            disabled={!data.me?.unit}
            onChange={(event) => set('outsideMyUnit', event.currentTarget.checked)}
          />
          Outside my unit
        </label>
        {!data.me?.unit && (
          <span class="hint">
            {!viewer.me
              ? 'Choose who you are to leave out your own unit.'
              : data.me
                ? 'Your record names no unit.'
                : "This topic is of another organisation's feed: none of its units is yours."}
          </span>
        )}
        <details class="more-filters" open={activeFilters > 0}>
          <summary>Filters{activeFilters > 0 ? ` (${activeFilters})` : ''}</summary>
          <div class="filter-grid">
            <Select
              label="Unit"
              value={filters.unit}
              onChange={(v) => set('unit', v)}
              options={unitIds
                .map((id) => [id, data.unitNames.get(id) ?? id] as const)
                .sort((a, b) => a[1].localeCompare(b[1]))}
            />
            <Select
              label="Company"
              value={filters.company}
              onChange={(v) => set('company', v)}
              options={companies.map((c) => [c, c] as const)}
            />
            <Select
              label="Community"
              value={filters.community}
              onChange={(v) => set('community', v)}
              options={data.communities.map((c) => [c.community.id, c.community.name] as const)}
            />
            <Select
              label="Participation"
              value={filters.participation}
              onChange={(v) => set('participation', v as Participation | '')}
              options={PARTICIPATION_LEVELS.map((p) => [p, p] as const)}
            />
            <Select
              label="Role"
              value={filters.role}
              onChange={(v) => set('role', v as LeadershipRole | '')}
              options={LEADERSHIP_ROLES.map((r) => [r, r] as const)}
            />
          </div>
        </details>
      </div>
      <p class="result-count" aria-live="polite">
        {ranked.length === 0
          ? 'No one matches these filters. Turn off “Outside my unit” or clear a filter.'
          : `${ranked.length} ${ranked.length === 1 ? 'person' : 'people'}` +
            (ranked.length > shown ? ` · showing the first ${shown}` : '')}
      </p>
      <ul
        class="plain peer-list"
        aria-label={`People who know ${data.topic.label}`}
        onKeyDown={rovingKeyDown}
      >
        {ranked.slice(0, shown).map((peer) => (
          <li key={peer.personId} class="result" data-person={peer.personId}>
            <PersonRow
              name={peer.name}
              onOpen={() =>
                nav.open({ kind: 'person', ref: { feedId: topic.feedId, id: peer.personId } })
              }
              unitName={peer.unit ? data.unitNames.get(peer.unit) : undefined}
              company={peer.company}
              reasons={peer.reasons}
              emails={data.contacts.get(peer.personId)?.emails}
              handles={data.contacts.get(peer.personId)?.handles}
            />
          </li>
        ))}
      </ul>
      {ranked.length > shown && (
        <button type="button" class="secondary" onClick={() => setShown(shown + PAGE)}>
          Show {Math.min(PAGE, ranked.length - shown)} more of {ranked.length - shown}
        </button>
      )}
      {data.communities.length > 0 && (
        <>
          <h3>Communities about {data.topic.label}</h3>
          <ul class="plain">
            {data.communities.map((summary) => (
              <li key={summary.community.id}>
                <button
                  type="button"
                  class="link"
                  onClick={() =>
                    nav.open({
                      kind: 'community',
                      ref: { feedId: topic.feedId, id: summary.community.id },
                    })
                  }
                >
                  {summary.community.name}
                </button>
                <DiscoveredBadge community={summary.community} />
                <CommunityFacts summary={summary} />
                <DiscoveredNote community={summary.community} />
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

function Select(props: {
  label: string;
  value: string | undefined;
  options: readonly (readonly [string, string])[];
  onChange(value: string): void;
}) {
  const id = `filter-${props.label.toLowerCase()}`;
  return (
    <span class="select">
      <label for={id}>{props.label}</label>
      <select
        id={id}
        value={props.value ?? ''}
        onChange={(event) => props.onChange(event.currentTarget.value)}
      >
        <option value="">any</option>
        {props.options.map(([value, text]) => (
          <option key={value} value={value}>
            {text}
          </option>
        ))}
      </select>
    </span>
  );
}
