// The communities as rows: one place that decides the columns of the table and of the
// communities export, so what a user sees and what they export always agree.
import { formatGroupCount, groupCount, sortableGroupCount } from '../../lib/boundaries/privacy';
import type { BoundaryReport, CommunityReport } from '../../lib/boundaries/report';
import { HEALTH_SIGNAL_LABELS } from '../../lib/boundaries/health';

export type SortKey =
  | 'name'
  | 'stage'
  | 'standing'
  | 'activeMembers'
  | 'members'
  | 'unitCount'
  | 'partnerMembers'
  | 'signals'
  | 'lastActivity';

export const COMMUNITY_COLUMNS: { key: SortKey; header: string; numeric: boolean }[] = [
  { key: 'name', header: 'Community', numeric: false },
  { key: 'stage', header: 'Stage', numeric: false },
  { key: 'standing', header: 'Standing', numeric: false },
  { key: 'activeMembers', header: 'Core and active', numeric: true },
  { key: 'members', header: 'Members', numeric: true },
  { key: 'unitCount', header: 'Units', numeric: true },
  { key: 'partnerMembers', header: 'Partner members', numeric: true },
  { key: 'signals', header: 'Health signals', numeric: false },
  { key: 'lastActivity', header: 'Last activity', numeric: false },
];

const STAGE_ORDER = ['potential', 'coalescing', 'active', 'dispersed', 'memorable'];
const STANDING_ORDER = ['unrecognized', 'bootlegged', 'legitimized', 'strategic', 'transformative'];

/** Partner members as a count that respects the privacy minimum ("none" when zero). */
export function partnerMembersText(c: CommunityReport, minGroupSize: number): string {
  return c.partnerMembers === 0
    ? 'none'
    : formatGroupCount(groupCount(c.partnerMembers, minGroupSize));
}

function sortValue(c: CommunityReport, key: SortKey, minGroupSize: number): number | string {
  switch (key) {
    case 'name':
      return c.name;
    case 'stage':
      return STAGE_ORDER.indexOf(c.stage);
    case 'standing':
      return STANDING_ORDER.indexOf(c.standing);
    case 'partnerMembers':
      // Suppressed counts sort together, so the order cannot reveal them.
      return c.partnerMembers === 0
        ? -1
        : sortableGroupCount(groupCount(c.partnerMembers, minGroupSize));
    case 'signals':
      return c.signals.length;
    case 'lastActivity':
      return c.lastActivity ?? '';
    default:
      return c[key];
  }
}

export function sortCommunities(
  report: BoundaryReport,
  rows: readonly number[],
  key: SortKey,
  descending: boolean,
): number[] {
  const facts = report.communities;
  const min = report.options.minGroupSize;
  const values = new Map(rows.map((c) => [c, sortValue(facts[c]!, key, min)]));
  const direction = descending ? -1 : 1;
  return [...rows].sort((x, y) => {
    const a = values.get(x)!;
    const b = values.get(y)!;
    const order =
      typeof a === 'number' && typeof b === 'number' ? a - b : String(a).localeCompare(String(b));
    return order * direction || facts[x]!.name.localeCompare(facts[y]!.name);
  });
}

export function signalLabels(c: CommunityReport): string[] {
  return c.signals.map((s) => HEALTH_SIGNAL_LABELS[s.kind]);
}
