// Brokers: people whose memberships connect communities that otherwise share few members,
// ranked by the connections only they provide; and communities with no one in the boundary
// role, where a broker would help most.
import { Fragment } from 'preact';
import { useState } from 'preact/hooks';
import { brokersInView, withoutBoundaryRoleInView } from '../../lib/boundaries/views';
import type { ViewProps } from './BoundaryTabs';
import { CommunityButton } from './CommunityButton';

/** Brokers listed before "Show all": the top of the ranking is what a reader acts on. */
const FIRST_BROKERS = 25;

export function BrokersView({ report, filtered, onSelect }: ViewProps) {
  const [showAll, setShowAll] = useState(false);
  const brokers = brokersInView(report, filtered);
  const shown = showAll ? brokers : brokers.slice(0, FIRST_BROKERS);
  const lonely = withoutBoundaryRoleInView(report, filtered);
  return (
    <div class="brokers">
      <h2>Brokers</h2>
      <p class="intro">
        People ranked by the links between communities that only they provide (pairs of their
        communities that share no other member), then by brokerage: each pair of their communities
        counts one divided by the number of members the pair shares.
      </p>
      {brokers.length === 0 ? (
        <p class="muted">No one belongs to two or more of these communities.</p>
      ) : (
        <table class="brokers-table">
          <caption>
            {shown.length === brokers.length
              ? `${brokers.length} ${brokers.length === 1 ? 'broker' : 'brokers'}, strongest first`
              : `The ${shown.length} strongest of ${brokers.length} brokers`}
          </caption>
          <thead>
            <tr>
              <th scope="col">Person</th>
              <th scope="col">Unit · company</th>
              <th scope="col" class="num">
                Links only they provide
              </th>
              <th scope="col" class="num">
                Brokerage
              </th>
              <th scope="col">Communities (boundary role marked)</th>
              <th scope="col">For example, only they link</th>
            </tr>
          </thead>
          <tbody>
            {shown.map((broker) => (
              <tr key={broker.key} data-person={broker.key}>
                <th scope="row">{broker.name}</th>
                <td>{[broker.unit, broker.company].filter(Boolean).join(' · ')}</td>
                <td class="num" data-sole={broker.soleConnections}>
                  {broker.soleConnections}
                </td>
                <td class="num">{broker.brokerage.toFixed(2)}</td>
                <td>
                  {broker.communities.map((c, i) => (
                    <Fragment key={c.index}>
                      {i > 0 && ', '}
                      <CommunityButton report={report} community={c.index} onSelect={onSelect} />
                      {c.roles.includes('boundary') && <span class="badge">boundary</span>}
                    </Fragment>
                  ))}
                </td>
                <td>
                  {broker.examplePairs
                    .map(
                      ([a, b]) =>
                        `${report.communities[a]!.name} and ${report.communities[b]!.name}`,
                    )
                    .join('; ') || '—'}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {brokers.length > shown.length && (
        <button type="button" onClick={() => setShowAll(true)}>
          Show all {brokers.length}
        </button>
      )}
      <h2>No one in the boundary role</h2>
      <p class="intro">
        Communities where no member holds the boundary leadership role: no one is charged with
        linking them to other communities.
      </p>
      {lonely.length === 0 ? (
        <p class="muted">Every community here has someone in the boundary role.</p>
      ) : (
        <ul class="no-boundary" data-count={lonely.length}>
          {lonely.map((c) => (
            <li key={c}>
              <CommunityButton report={report} community={c} onSelect={onSelect} /> —{' '}
              {report.communities[c]!.stage}, {report.communities[c]!.members} members
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
