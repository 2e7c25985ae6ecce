// The details panel before anything is selected: the constellation at a glance — how many
// communities at each stage, how many raise a health signal (and which signal most often),
// the largest communities and the strongest broker — so the panel is never an empty box.
// Every community name selects it.
import {
  HEALTH_SIGNALS,
  HEALTH_SIGNAL_LABELS,
  type HealthSignalKind,
} from '../../lib/boundaries/health';
import type { BoundaryReport } from '../../lib/boundaries/report';
import { STAGES } from '../../lib/model/vocabulary';
import { CommunityButton } from './CommunityButton';

/** Largest communities listed. */
const LARGEST = 5;

export function Overview({
  report,
  filtered,
  onSelect,
}: {
  report: BoundaryReport;
  /** Community numbers the filters let through (what the map shows). */
  filtered: readonly number[];
  onSelect: (community: number) => void;
}) {
  const shown = filtered.map((i) => report.communities[i]!);
  const byStage = STAGES.map(
    (stage) => [stage, shown.filter((c) => c.stage === stage).length] as const,
  );
  const signalled = shown.filter((c) => c.signals.length > 0).length;
  const bySignal = new Map<HealthSignalKind, number>(HEALTH_SIGNALS.map((k) => [k, 0]));
  for (const c of shown) for (const s of c.signals) bySignal.set(s.kind, bySignal.get(s.kind)! + 1);
  const commonest = [...bySignal].sort((a, b) => b[1] - a[1])[0];
  const largest = [...filtered]
    .sort((a, b) => report.communities[b]!.members - report.communities[a]!.members)
    .slice(0, LARGEST);
  const broker = report.brokers[0];
  return (
    <section class="details overview" aria-labelledby="details-title">
      <h2 id="details-title">Overview</h2>
      <p class="muted">Select a community on the map or in any list to see its details.</p>
      <dl class="facts">
        <dt>Communities</dt>
        <dd data-overview="communities">{shown.length}</dd>
        <dt>By stage</dt>
        <dd>
          {byStage
            .filter(([, n]) => n > 0)
            .map(([stage, n]) => `${n} ${stage}`)
            .join(', ')}
        </dd>
        <dt>Health</dt>
        <dd data-overview="signalled">
          {signalled === 0
            ? 'no community raises a signal'
            : `${signalled} of ${shown.length} raise a signal` +
              (commonest && commonest[1] > 0
                ? `; most often ${HEALTH_SIGNAL_LABELS[commonest[0]].toLowerCase()} (${commonest[1]})`
                : '')}
        </dd>
      </dl>
      <h3>Largest</h3>
      <ol class="breakdown">
        {largest.map((i) => (
          <li key={i}>
            <CommunityButton report={report} community={i} onSelect={onSelect} />{' '}
            <span class="muted">{report.communities[i]!.members} members</span>
          </li>
        ))}
      </ol>
      {broker && (
        <>
          <h3>Strongest broker</h3>
          <p>
            {report.constellation.people[broker.person]!.name}{' '}
            <span class="muted">— in {broker.communities.length} communities</span>
          </p>
        </>
      )}
    </section>
  );
}
