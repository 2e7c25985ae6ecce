// What the details panel shows about one community, computed on demand from the index:
// who it is connected to (and how strongly), who alone links it to another community, its
// missing bridges, and its members by unit and company with small groups suppressed.
import { companyCountsOf, unitCountsOf } from './profile';
import { safeBreakdown, type Breakdown } from './privacy';
import type { MissingBridge } from './bridges';
import type { BoundaryReport } from './report';

interface CommunityLink {
  community: number;
  sharedMembers: number;
}

interface SoleConnector {
  person: number;
  /** Communities that only this person links to the selected one. */
  communities: number[];
}

export interface CommunityDetails {
  units: Breakdown;
  companies: Breakdown;
  /** Communities sharing most members, strongest first. */
  links: CommunityLink[];
  soleConnectors: SoleConnector[];
  bridges: MissingBridge[];
}

export function communityDetails(
  report: BoundaryReport,
  c: number,
  linkLimit = 8,
): CommunityDetails {
  const g = report.constellation;
  const { graph } = report;
  const min = report.options.minGroupSize;
  const edges = [...graph.memberEdgesOf(c)].sort(
    (x, y) => graph.memberEdges.weight[y]! - graph.memberEdges.weight[x]! || x - y,
  );
  const other = (e: number) =>
    graph.memberEdges.a[e] === c ? graph.memberEdges.b[e]! : graph.memberEdges.a[e]!;
  const links = edges
    .slice(0, linkLimit)
    .map((e) => ({ community: other(e), sharedMembers: graph.memberEdges.weight[e]! }));

  const sole = new Map<number, number[]>();
  for (let i = g.communityStart[c]!, end = g.communityStart[c + 1]!; i < end; i++) {
    const p = g.mPerson[g.communityMembers[i]!]!;
    for (let j = g.personStart[p]!, last = g.personStart[p + 1]!; j < last; j++) {
      const b = g.mCommunity[g.personMemberships[j]!]!;
      if (b !== c && graph.sharedMembers(c, b) === 1) {
        (sole.get(p) ?? sole.set(p, []).get(p)!).push(b);
      }
    }
  }
  const soleConnectors = [...sole.entries()]
    .map(([person, communities]) => ({ person, communities }))
    .sort(
      (x, y) =>
        y.communities.length - x.communities.length ||
        g.people[x.person]!.name.localeCompare(g.people[y.person]!.name),
    );

  return {
    units: safeBreakdown(unitCountsOf(g, c), min),
    companies: safeBreakdown(companyCountsOf(g, c), min),
    links,
    soleConnectors,
    bridges: report.bridges.filter((bridge) => bridge.a === c || bridge.b === c),
  };
}
