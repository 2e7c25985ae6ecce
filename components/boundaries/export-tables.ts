// What "export the current selection" means on each tab: the rows that tab shows under the
// current filters, as one table (CSV or JSON). Counts by unit or company keep the privacy rule.
import type { ExportTable } from '../../lib/export/table';
import type { CommunityFilters } from '../../lib/boundaries/filter';
import { HEALTH_SIGNAL_LABELS } from '../../lib/boundaries/health';
import { formatGroupCount } from '../../lib/boundaries/privacy';
import type { BoundaryReport } from '../../lib/boundaries/report';
import {
  bridgesInView,
  brokersInView,
  partnersInView,
  signalledInView,
} from '../../lib/boundaries/views';
import type { TabId } from './BoundaryTabs';
import { partnerMembersText } from './community-rows';
import { topUnitsText } from './BridgesView';

export function exportTable(
  report: BoundaryReport,
  tab: TabId,
  filtered: readonly number[],
): ExportTable {
  const g = report.constellation;
  const name = (c: number) => report.communities[c]!.name;
  const min = report.options.minGroupSize;
  switch (tab) {
    case 'brokers':
      return {
        name: 'brokers',
        title: 'Brokers',
        columns: [
          { key: 'person', header: 'Person' },
          { key: 'unit', header: 'Unit' },
          { key: 'company', header: 'Company' },
          { key: 'soleConnections', header: 'Links only they provide' },
          { key: 'brokerage', header: 'Brokerage' },
          { key: 'communities', header: 'Communities' },
          { key: 'boundaryRoleIn', header: 'Boundary role in' },
        ],
        rows: brokersInView(report, filtered).map((b) => ({
          person: b.name,
          unit: b.unit ?? null,
          company: b.company ?? null,
          soleConnections: b.soleConnections,
          brokerage: Math.round(b.brokerage * 100) / 100,
          communities: b.communities.map((c) => c.name),
          boundaryRoleIn: b.boundaryRoleIn,
        })),
      };
    case 'bridges':
      return {
        name: 'missing-bridges',
        title: 'Missing bridges',
        columns: [
          { key: 'communityA', header: 'Community A' },
          { key: 'communityB', header: 'Community B' },
          { key: 'sharedTopics', header: 'Shared topics' },
          { key: 'topicSimilarity', header: 'Topic overlap' },
          { key: 'sharedMembers', header: 'Shared members' },
          { key: 'sizeA', header: 'Members A' },
          { key: 'sizeB', header: 'Members B' },
          { key: 'unitsA', header: 'Largest units A' },
          { key: 'unitsB', header: 'Largest units B' },
        ],
        rows: bridgesInView(report, filtered).map((b) => ({
          communityA: name(b.a),
          communityB: name(b.b),
          sharedTopics: b.sharedTopics,
          topicSimilarity: Math.round(b.topicSimilarity * 1000) / 1000,
          sharedMembers: b.sharedMembers,
          sizeA: b.sizeA,
          sizeB: b.sizeB,
          unitsA: topUnitsText(report, b.a),
          unitsB: topUnitsText(report, b.b),
        })),
      };
    case 'health':
      return {
        name: 'health-signals',
        title: 'Health signals',
        columns: [
          { key: 'community', header: 'Community' },
          { key: 'signal', header: 'Signal' },
          { key: 'explanation', header: 'Why' },
        ],
        rows: signalledInView(report, filtered).flatMap((c) =>
          c.signals.map((s) => ({
            community: c.name,
            signal: HEALTH_SIGNAL_LABELS[s.kind],
            explanation: s.explanation,
          })),
        ),
      };
    case 'companies':
      return {
        name: 'across-companies',
        title: 'Across companies',
        columns: [
          { key: 'company', header: 'Partner company' },
          { key: 'community', header: 'Community' },
          { key: 'members', header: 'Members' },
          { key: 'partnerMembers', header: 'Partner members' },
          { key: 'boundaryRole', header: 'Boundary role' },
        ],
        rows: partnersInView(report, filtered).flatMap((partner) =>
          partner.communities.map((entry) => ({
            company: partner.name,
            community: name(entry.community),
            members: entry.members,
            partnerMembers: formatGroupCount(entry.partnerMembers),
            boundaryRole: entry.boundaryHolders.map((p) => g.people[p]!.name),
          })),
        ),
      };
    default:
      return {
        name: 'communities',
        title: 'Communities',
        columns: [
          { key: 'feedId', header: 'Feed' },
          { key: 'id', header: 'Id' },
          { key: 'name', header: 'Community' },
          { key: 'stage', header: 'Stage' },
          { key: 'standing', header: 'Standing' },
          { key: 'membersOnly', header: 'Members only' },
          { key: 'members', header: 'Members' },
          { key: 'core', header: 'Core' },
          { key: 'active', header: 'Active' },
          { key: 'peripheral', header: 'Peripheral' },
          { key: 'units', header: 'Units' },
          { key: 'partnerMembers', header: 'Partner members' },
          { key: 'topics', header: 'Topics' },
          { key: 'boundaryRole', header: 'Boundary role' },
          { key: 'signals', header: 'Health signals' },
          { key: 'lastActivity', header: 'Last activity' },
        ],
        rows: filtered.map((c) => {
          const f = report.communities[c]!;
          return {
            feedId: f.ref.feedId,
            id: f.ref.id,
            name: f.name,
            stage: f.stage,
            standing: f.standing,
            membersOnly: f.membersOnly,
            members: f.members,
            core: f.core,
            active: f.active,
            peripheral: f.peripheral,
            units: f.unitCount,
            partnerMembers: partnerMembersText(f, min),
            topics: f.topicLabels,
            boundaryRole: f.boundaryHolders.map((p) => g.people[p]!.name),
            signals: f.signals.map((s) => HEALTH_SIGNAL_LABELS[s.kind]),
            lastActivity: f.lastActivity ?? null,
          };
        }),
      };
  }
}

/** The filters in words, recorded in JSON exports. */
export function filtersInWords(report: BoundaryReport, filters: CommunityFilters): string[] {
  const g = report.constellation;
  const words: string[] = [];
  if (filters.search.trim()) words.push(`search: ${filters.search.trim()}`);
  if (filters.unit >= 0) words.push(`unit: ${g.units[filters.unit]?.name ?? '?'}`);
  if (filters.company >= 0) words.push(`company: ${g.companies[filters.company] ?? '?'}`);
  if (filters.topic >= 0) words.push(`topic: ${g.topics[filters.topic]?.label ?? '?'}`);
  if (filters.stage) words.push(`stage: ${filters.stage}`);
  if (filters.standing) words.push(`standing: ${filters.standing}`);
  if (filters.signal) words.push(`health signal: ${HEALTH_SIGNAL_LABELS[filters.signal]}`);
  if (filters.crossCompany) words.push('with partner-company members only');
  return words;
}
