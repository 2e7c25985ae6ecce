// The lists of the view narrowed to the filtered communities, shared by what is shown and what
// is exported: brokers with at least one membership among them, missing bridges touching
// them, their health signals, and partner companies' communities among them.
import type { Broker } from './brokers';
import type { MissingBridge } from './bridges';
import type { PartnerCompany } from './companies';
import type { BoundaryReport, CommunityReport } from './report';

function inView(report: BoundaryReport, filtered: readonly number[]) {
  return filtered.length === report.communities.length ? null : new Set(filtered);
}

export function brokersInView(report: BoundaryReport, filtered: readonly number[]): Broker[] {
  const set = inView(report, filtered);
  return set
    ? report.brokers.filter((broker) => broker.communities.some((c) => set.has(c.index)))
    : report.brokers;
}

export function bridgesInView(
  report: BoundaryReport,
  filtered: readonly number[],
): MissingBridge[] {
  const set = inView(report, filtered);
  return set ? report.bridges.filter((b) => set.has(b.a) || set.has(b.b)) : report.bridges;
}

export function withoutBoundaryRoleInView(report: BoundaryReport, filtered: readonly number[]) {
  const set = inView(report, filtered);
  return set ? report.withoutBoundaryRole.filter((c) => set.has(c)) : report.withoutBoundaryRole;
}

/** Filtered communities with at least one signal, most signals first, then by name. */
export function signalledInView(
  report: BoundaryReport,
  filtered: readonly number[],
): CommunityReport[] {
  return filtered
    .map((c) => report.communities[c]!)
    .filter((c) => c.signals.length > 0)
    .sort((x, y) => y.signals.length - x.signals.length || x.name.localeCompare(y.name));
}

export function partnersInView(
  report: BoundaryReport,
  filtered: readonly number[],
): PartnerCompany[] {
  const set = inView(report, filtered);
  if (!set) return report.companies.partners;
  return report.companies.partners
    .map((partner) => ({
      ...partner,
      communities: partner.communities.filter((c) => set.has(c.community)),
    }))
    .filter((partner) => partner.communities.length > 0);
}
