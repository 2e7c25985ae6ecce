// Missing bridges: pairs of communities with strongly overlapping topics but few or no shared
// members, with the evidence: shared topics, sizes, stages and the units members come from.
import { useMemo } from 'preact/hooks';
import { unitCountsOf } from '../../lib/boundaries/profile';
import { formatGroupCount, safeBreakdown } from '../../lib/boundaries/privacy';
import type { BoundaryReport } from '../../lib/boundaries/report';
import { bridgesInView } from '../../lib/boundaries/views';
import type { ViewProps } from './BoundaryTabs';
import { CommunityButton } from './CommunityButton';
import { formatPercent } from './vocabulary';

/** The largest units of a community, never naming one below the privacy minimum. */
export function topUnitsText(report: BoundaryReport, c: number, limit = 3): string {
  const breakdown = safeBreakdown(
    unitCountsOf(report.constellation, c),
    report.options.minGroupSize,
  );
  const named = breakdown.shown
    .slice(0, limit)
    .map((line) => `${line.label} (${formatGroupCount(line.count)})`);
  return named.length ? named.join(', ') : 'no unit with enough members to name';
}

export function BridgesView({ report, filtered, onSelect }: ViewProps) {
  const bridges = useMemo(() => bridgesInView(report, filtered), [report, filtered]);
  const o = report.options;
  return (
    <div class="bridges">
      <h2>Missing bridges</h2>
      <p class="intro">
        Pairs whose topics overlap by at least {formatPercent(o.bridgeMinTopicSimilarity)} (shared
        topics out of all topics of the two) while they share at most{' '}
        {formatPercent(o.bridgeMaxSharedShare)} of the smaller community's members — candidates for
        a joint session or a broker. Memorable communities are left out.
      </p>
      {bridges.length === 0 ? (
        <p class="muted">No missing bridges among these communities.</p>
      ) : (
        <table class="bridges-table">
          <caption>Missing bridges ({bridges.length}), strongest topic overlap first</caption>
          <thead>
            <tr>
              <th scope="col">Communities</th>
              <th scope="col">Shared topics</th>
              <th scope="col" class="num">
                Topic overlap
              </th>
              <th scope="col" class="num">
                Shared members
              </th>
              <th scope="col">Sizes and stages</th>
              <th scope="col">Largest units</th>
            </tr>
          </thead>
          <tbody>
            {bridges.map((bridge) => {
              const a = report.communities[bridge.a]!;
              const b = report.communities[bridge.b]!;
              return (
                <tr key={`${a.key}|${b.key}`} data-bridge={`${a.key}|${b.key}`}>
                  <th scope="row">
                    <CommunityButton report={report} community={bridge.a} onSelect={onSelect} /> and{' '}
                    <CommunityButton report={report} community={bridge.b} onSelect={onSelect} />
                  </th>
                  <td>{bridge.sharedTopics.join(', ')}</td>
                  <td class="num">{formatPercent(bridge.topicSimilarity)}</td>
                  <td class="num">{bridge.sharedMembers}</td>
                  <td>
                    {a.name}: {bridge.sizeA} ({a.stage}); {b.name}: {bridge.sizeB} ({b.stage})
                  </td>
                  <td>
                    {a.name}: {topUnitsText(report, bridge.a)}; {b.name}:{' '}
                    {topUnitsText(report, bridge.b)}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </div>
  );
}
