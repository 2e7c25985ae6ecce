// Search and filters shared by the map, the table and every list: name or topic, unit,
// company, topic, stage, standing, health signal, and "across companies only".
import { useMemo } from 'preact/hooks';
import { STAGES, STANDINGS, type Stage, type Standing } from '../../lib/model/vocabulary';
import { NO_FILTERS, hasFilters, type CommunityFilters } from '../../lib/boundaries/filter';
import {
  HEALTH_SIGNALS,
  HEALTH_SIGNAL_LABELS,
  type HealthSignalKind,
} from '../../lib/boundaries/health';
import type { BoundaryReport } from '../../lib/boundaries/report';

interface Props {
  report: BoundaryReport;
  filters: CommunityFilters;
  onChange: (filters: CommunityFilters) => void;
  shown: number;
}

function byLabel<T extends { label: string }>(items: T[]): T[] {
  return items.sort((a, b) => a.label.localeCompare(b.label));
}

function Options({ items }: { items: { index: number; label: string }[] }) {
  return (
    <>
      {items.map((item) => (
        <option key={item.index} value={item.index}>
          {item.label}
        </option>
      ))}
    </>
  );
}

export function FiltersBar({ report, filters, onChange, shown }: Props) {
  const g = report.constellation;
  // The option lists are one component element each, made once per data set: Preact skips an
  // identical component element, and a large organisation has thousands of units and topics.
  const unitOptions = useMemo(
    () => <Options items={byLabel(g.units.map((unit, index) => ({ index, label: unit.name })))} />,
    [g],
  );
  const topicOptions = useMemo(
    () => (
      <Options items={byLabel(g.topics.map((topic, index) => ({ index, label: topic.label })))} />
    ),
    [g],
  );
  const set = (patch: Partial<CommunityFilters>) => onChange({ ...filters, ...patch });
  const number = (event: Event) => Number((event.currentTarget as HTMLSelectElement).value);
  const value = (event: Event) => (event.currentTarget as HTMLSelectElement).value;
  return (
    <search class="filters" aria-label="Search and filter communities">
      <div class="field field-search">
        <label for="f-search">Search</label>
        <input
          id="f-search"
          type="search"
          autocomplete="off"
          placeholder="Community or topic"
          value={filters.search}
          onInput={(event) => set({ search: event.currentTarget.value })}
        />
      </div>
      <div class="field">
        <label for="f-unit">Unit</label>
        <select id="f-unit" value={filters.unit} onChange={(e) => set({ unit: number(e) })}>
          <option value={-1}>Any</option>
          {unitOptions}
        </select>
      </div>
      <div class="field">
        <label for="f-company">Company</label>
        <select
          id="f-company"
          value={filters.company}
          onChange={(e) => set({ company: number(e) })}
        >
          <option value={-1}>Any</option>
          {g.companies.map((company, index) => (
            <option key={company} value={index}>
              {company}
            </option>
          ))}
        </select>
      </div>
      <div class="field">
        <label for="f-topic">Topic</label>
        <select id="f-topic" value={filters.topic} onChange={(e) => set({ topic: number(e) })}>
          <option value={-1}>Any</option>
          {topicOptions}
        </select>
      </div>
      <div class="field">
        <label for="f-stage">Stage</label>
        <select
          id="f-stage"
          value={filters.stage}
          onChange={(e) => set({ stage: value(e) as Stage | '' })}
        >
          <option value="">Any</option>
          {STAGES.map((stage) => (
            <option key={stage} value={stage}>
              {stage}
            </option>
          ))}
        </select>
      </div>
      <div class="field">
        <label for="f-standing">Standing</label>
        <select
          id="f-standing"
          value={filters.standing}
          onChange={(e) => set({ standing: value(e) as Standing | '' })}
        >
          <option value="">Any</option>
          {STANDINGS.map((standing) => (
            <option key={standing} value={standing}>
              {standing}
            </option>
          ))}
        </select>
      </div>
      <div class="field">
        <label for="f-signal">Health signal</label>
        <select
          id="f-signal"
          value={filters.signal}
          onChange={(e) => set({ signal: value(e) as HealthSignalKind | '' })}
        >
          <option value="">Any</option>
          {HEALTH_SIGNALS.map((signal) => (
            <option key={signal} value={signal}>
              {HEALTH_SIGNAL_LABELS[signal]}
            </option>
          ))}
        </select>
      </div>
      <div class="field field-check">
        <input
          id="f-cross"
          type="checkbox"
          checked={filters.crossCompany}
          onChange={(e) => set({ crossCompany: e.currentTarget.checked })}
        />
        <label for="f-cross" title="Only communities with members from partner companies">
          Partner members only
        </label>
      </div>
      <div class="field field-actions">
        <button type="button" disabled={!hasFilters(filters)} onClick={() => onChange(NO_FILTERS)}>
          Clear filters
        </button>
        <p class="shown-count" aria-live="polite" data-shown={shown}>
          {shown === report.communities.length
            ? `All ${shown} communities`
            : `${shown} of ${report.communities.length} communities`}
        </p>
      </div>
    </search>
  );
}
