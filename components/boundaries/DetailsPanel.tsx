// Details of the selected community: what it is, its size and make-up, health signals in
// words, who holds the boundary role, who alone connects it, its strongest links and the
// missing bridges it is part of. Every community name here selects that community.
import { Fragment } from 'preact';
import { useMemo } from 'preact/hooks';
import { communityDetails } from '../../lib/boundaries/details';
import { HEALTH_SIGNAL_LABELS } from '../../lib/boundaries/health';
import type { BoundaryReport } from '../../lib/boundaries/report';
import { BreakdownList } from './Breakdown';
import { CommunityButton } from './CommunityButton';
import { partnerMembersText } from './community-rows';
import { Overview } from './Overview';

interface Props {
  report: BoundaryReport;
  selected: number | null;
  onSelect: (community: number | null) => void;
  /** What the filters let through: the overview before any selection describes these. */
  filtered: readonly number[];
}

export function DetailsPanel({ report, selected, onSelect, filtered }: Props) {
  const details = useMemo(
    () => (selected === null ? null : communityDetails(report, selected)),
    [report, selected],
  );
  if (selected === null || !details) {
    return <Overview report={report} filtered={filtered} onSelect={onSelect} />;
  }
  const g = report.constellation;
  const c = report.communities[selected]!;
  const record = g.communities[selected]!;
  const person = (p: number) => g.people[p]!.name;
  return (
    <section class="details" aria-labelledby="details-title" data-selected={c.key}>
      <h2 id="details-title">
        {c.name}
        {c.membersOnly && <span class="badge">members only</span>}
      </h2>
      <button type="button" class="close" onClick={() => onSelect(null)}>
        Clear selection
      </button>
      {record.domain && <p class="domain">{record.domain}</p>}
      <dl class="facts">
        <dt>Stage</dt>
        <dd>{c.stage}</dd>
        <dt>Standing</dt>
        <dd>{c.standing}</dd>
        <dt>Members</dt>
        <dd data-members={c.members}>
          {c.members} ({c.core} core, {c.active} active, {c.peripheral} peripheral)
        </dd>
        <dt>Partner members</dt>
        <dd>{partnerMembersText(c, report.options.minGroupSize)}</dd>
        <dt>Topics</dt>
        <dd>{c.topicLabels.join(', ') || 'none'}</dd>
        <dt>Last activity</dt>
        <dd>{c.lastActivity ?? 'not recorded'}</dd>
        <dt>Leadership roles held</dt>
        <dd>{c.rolesPresent.join(', ') || 'none'}</dd>
        <dt>Boundary role</dt>
        <dd>
          {c.boundaryHolders.length
            ? c.boundaryHolders.map(person).join(', ')
            : 'no one holds the boundary role'}
        </dd>
      </dl>

      <h3>Health signals</h3>
      {c.signals.length === 0 ? (
        <p class="muted">No signals: nothing here needs attention.</p>
      ) : (
        <ul class="signals">
          {c.signals.map((signal) => (
            <li key={signal.kind} data-signal={signal.kind}>
              <strong>{HEALTH_SIGNAL_LABELS[signal.kind]}.</strong> {signal.explanation}
            </li>
          ))}
        </ul>
      )}

      <h3>Members by unit</h3>
      <BreakdownList
        breakdown={details.units}
        label={`Members of ${c.name} by unit`}
        otherLabel="Other units"
      />
      <h3>Members by company</h3>
      <BreakdownList
        breakdown={details.companies}
        label={`Members of ${c.name} by company`}
        otherLabel="Other companies"
      />

      <h3>Strongest links</h3>
      {details.links.length === 0 ? (
        <p class="muted">Shares no members with any other community.</p>
      ) : (
        <ul class="links">
          {details.links.map((link) => (
            <li key={link.community}>
              <CommunityButton report={report} community={link.community} onSelect={onSelect} /> —
              shares {link.sharedMembers} {link.sharedMembers === 1 ? 'member' : 'members'}
            </li>
          ))}
        </ul>
      )}

      <h3>Connected by one person only</h3>
      {details.soleConnectors.length === 0 ? (
        <p class="muted">No link to another community rests on a single person.</p>
      ) : (
        <ul class="sole">
          {details.soleConnectors.slice(0, 8).map((entry) => (
            <li key={entry.person}>
              <strong>{person(entry.person)}</strong> alone links it with{' '}
              {entry.communities.map((b, i) => (
                <Fragment key={b}>
                  {i > 0 && ', '}
                  <CommunityButton report={report} community={b} onSelect={onSelect} />
                </Fragment>
              ))}
            </li>
          ))}
        </ul>
      )}

      <h3>Missing bridges</h3>
      {details.bridges.length === 0 ? (
        <p class="muted">No community with closely overlapping topics is out of reach.</p>
      ) : (
        <ul class="bridges-mini">
          {details.bridges.map((bridge) => {
            const otherSide = bridge.a === selected ? bridge.b : bridge.a;
            return (
              <li key={otherSide}>
                <CommunityButton report={report} community={otherSide} onSelect={onSelect} /> —{' '}
                shares topics {bridge.sharedTopics.join(', ')} but{' '}
                {bridge.sharedMembers === 0
                  ? 'no members'
                  : `only ${bridge.sharedMembers} ${bridge.sharedMembers === 1 ? 'member' : 'members'}`}
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
