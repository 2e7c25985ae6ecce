// Health signals of the filtered communities, each explained in words; a count per signal
// that filters the list, and sorting by number of signals, name or size.
import { useMemo, useState } from 'preact/hooks';
import {
  HEALTH_SIGNALS,
  HEALTH_SIGNAL_LABELS,
  type HealthSignalKind,
} from '../../lib/boundaries/health';
import { signalledInView } from '../../lib/boundaries/views';
import type { ViewProps } from './BoundaryTabs';
import { CommunityButton } from './CommunityButton';

type HealthSort = 'signals' | 'name' | 'members';

export function HealthView({ report, filtered, onSelect }: ViewProps) {
  const [only, setOnly] = useState<HealthSignalKind | ''>('');
  const [sort, setSort] = useState<HealthSort>('signals');
  const signalled = useMemo(() => signalledInView(report, filtered), [report, filtered]);
  const counts = new Map<HealthSignalKind, number>(HEALTH_SIGNALS.map((k) => [k, 0]));
  for (const c of signalled) for (const s of c.signals) counts.set(s.kind, counts.get(s.kind)! + 1);
  const rows = signalled
    .filter((c) => !only || c.signals.some((s) => s.kind === only))
    .sort((x, y) =>
      sort === 'name'
        ? x.name.localeCompare(y.name)
        : sort === 'members'
          ? y.members - x.members || x.name.localeCompare(y.name)
          : 0,
    );
  return (
    <div class="health">
      <h2>Health signals</h2>
      <p class="intro">
        Signals as of {report.options.asOf}: siloed (at least{' '}
        {Math.round(report.options.siloShare * 100)}% of members in one unit), no newcomers (no
        peripheral members, or no one joined in {report.options.newcomerMonths} months), leadership
        gap (no day-to-day leader from {report.options.leadershipMinMembers} members, no
        interpersonal leader from {report.options.leadershipLargeMembers}), stale (no activity for{' '}
        {report.options.staleMonths} months), and stage and standing mismatch. Change any of these
        under “Thresholds and privacy”.
      </p>
      <fieldset class="signal-filter">
        <legend>Show communities with</legend>
        <label>
          <input
            type="radio"
            name="signal-only"
            checked={only === ''}
            onChange={() => setOnly('')}
          />{' '}
          any signal ({signalled.length})
        </label>
        {HEALTH_SIGNALS.map((kind) => (
          <label key={kind}>
            <input
              type="radio"
              name="signal-only"
              value={kind}
              checked={only === kind}
              onChange={() => setOnly(kind)}
            />{' '}
            {HEALTH_SIGNAL_LABELS[kind].toLowerCase()} (
            <span data-signal-count={kind}>{counts.get(kind)}</span>)
          </label>
        ))}
      </fieldset>
      <div class="field sort-field">
        <label for="health-sort">Sort by</label>
        <select
          id="health-sort"
          value={sort}
          onChange={(e) => setSort(e.currentTarget.value as HealthSort)}
        >
          <option value="signals">Most signals first</option>
          <option value="name">Name</option>
          <option value="members">Most members first</option>
        </select>
      </div>
      {rows.length === 0 ? (
        <p class="muted">No community here shows this signal.</p>
      ) : (
        <ul class="health-list">
          {rows.map((c) => (
            <li key={c.key} data-community={c.key}>
              <p>
                <CommunityButton report={report} community={c.index} onSelect={onSelect} /> —{' '}
                {c.stage}, {c.standing}, {c.members} members
              </p>
              <ul>
                {c.signals.map((s) => (
                  <li key={s.kind} data-signal={s.kind}>
                    <strong>{HEALTH_SIGNAL_LABELS[s.kind]}.</strong> {s.explanation}
                  </li>
                ))}
              </ul>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
