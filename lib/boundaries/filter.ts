// Which communities the view shows: search by name or topic, and filters by unit, company,
// topic, stage, standing, health signal and partner presence. Pure over the report, so the
// map, the table and export all show exactly the same set.
import { foldText } from '../model/keys';
import type { Stage, Standing } from '../model/vocabulary';
import type { HealthSignalKind } from './health';
import type { BoundaryReport } from './report';

export interface CommunityFilters {
  search: string;
  /** Unit number, or -1 for any. */
  unit: number;
  /** Company number, or -1 for any. */
  company: number;
  /** Topic number, or -1 for any. */
  topic: number;
  stage: Stage | '';
  standing: Standing | '';
  signal: HealthSignalKind | '';
  /** Only communities with members from partner companies. */
  crossCompany: boolean;
}

export const NO_FILTERS: CommunityFilters = {
  search: '',
  unit: -1,
  company: -1,
  topic: -1,
  stage: '',
  standing: '',
  signal: '',
  crossCompany: false,
};

export function hasFilters(filters: CommunityFilters): boolean {
  return (Object.keys(NO_FILTERS) as (keyof CommunityFilters)[]).some(
    (key) => filters[key] !== NO_FILTERS[key],
  );
}

/** Folded names and topic labels per community, computed once per report. */
export function searchIndex(report: BoundaryReport): string[] {
  return report.communities.map((c) => foldText([c.name, ...c.topicLabels].join(' \u0001 ')));
}

/** Communities whose name or topics contain every word of the query. */
export function searchMatches(index: readonly string[], query: string): Set<number> | null {
  const words = foldText(query).split(' ').filter(Boolean);
  if (words.length === 0) return null;
  const hits = new Set<number>();
  index.forEach((text, c) => {
    if (words.every((word) => text.includes(word))) hits.add(c);
  });
  return hits;
}

/** Communities with at least one member from the unit (or company). */
function communitiesWith(report: BoundaryReport, of: Int32Array, value: number): Uint8Array {
  const g = report.constellation;
  const found = new Uint8Array(g.communities.length);
  for (let m = 0; m < g.membershipCount; m++) {
    if (of[g.mPerson[m]!] === value) found[g.mCommunity[m]!] = 1;
  }
  return found;
}

/** Community numbers passing every filter, in the report's order. */
export function filterCommunities(
  report: BoundaryReport,
  filters: CommunityFilters,
  index: readonly string[] = searchIndex(report),
): number[] {
  const g = report.constellation;
  const hits = searchMatches(index, filters.search);
  const byUnit = filters.unit >= 0 ? communitiesWith(report, g.personUnit, filters.unit) : null;
  const byCompany =
    filters.company >= 0 ? communitiesWith(report, g.personCompany, filters.company) : null;
  let byTopic: Set<number> | null = null;
  if (filters.topic >= 0) {
    byTopic = new Set(
      g.topicCommunities.subarray(
        g.topicCommunityStart[filters.topic],
        g.topicCommunityStart[filters.topic + 1],
      ),
    );
  }
  const out: number[] = [];
  for (const c of report.communities) {
    if (hits && !hits.has(c.index)) continue;
    if (byUnit && !byUnit[c.index]) continue;
    if (byCompany && !byCompany[c.index]) continue;
    if (byTopic && !byTopic.has(c.index)) continue;
    if (filters.stage && c.stage !== filters.stage) continue;
    if (filters.standing && c.standing !== filters.standing) continue;
    if (filters.signal && !c.signals.some((s) => s.kind === filters.signal)) continue;
    if (filters.crossCompany && c.partnerMembers === 0) continue;
    out.push(c.index);
  }
  return out;
}
