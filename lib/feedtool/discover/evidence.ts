// The sentences that say why a discovered fact is believed — "12 commits with Serhiy
// Storchaka on development-tools/clinic since 2024" — and the evidence records the feed
// carries (lib/model/feed.ts, evidenceSchema) for the popup and cards to show.
import type { Evidence } from '../../model/feed';
import type { DiscoveredCommunity, DiscoveredMember } from './discover';
import type { Person } from './identity';

type EvidenceInput = Evidence;

const YEAR = 365.25 * 24 * 3600 * 1000;

export function isoDay(time: number): string {
  return new Date(time).toISOString().slice(0, 10);
}

/** "in 2021", "since 2019" (still going at the end of the history), or "2014–2019". */
export function period(first: number, last: number, end: number): string {
  const a = new Date(first).getUTCFullYear();
  const b = new Date(last).getUTCFullYear();
  if (a === b) return `in ${a}`;
  if (end - last <= YEAR) return `since ${a}`;
  return `${a}–${b}`;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

function listed(items: readonly string[]): string {
  if (items.length <= 1) return items[0] ?? '';
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

export function memberEvidence(
  member: DiscoveredMember,
  people: readonly Person[],
  end: number,
  source: string | undefined,
): EvidenceInput {
  const partner = member.partner !== undefined ? people[member.partner]!.name : undefined;
  const paths = member.paths.slice(0, 3);
  const summary =
    `${plural(member.commits, 'commit')}${partner ? ` with ${partner}` : ''} on ` +
    `${listed(paths.slice(0, 2))} ${period(member.first, member.last, end)}` +
    `${member.newcomer ? ' (new to the repository)' : ''}`;
  const evidence: EvidenceInput = {
    summary,
    commits: member.commits,
    paths,
    since: isoDay(member.first),
    until: isoDay(member.last),
    with: partner ? [partner] : [],
  };
  if (member.newcomer) evidence.newcomer = true;
  if (source) evidence.source = source;
  return evidence;
}

export function communityEvidence(
  community: DiscoveredCommunity,
  people: readonly Person[],
  end: number,
  source: string | undefined,
): EvidenceInput {
  const core = community.members
    .filter((m) => m.participation === 'core')
    .slice(0, 5)
    .map((m) => people[m.person]!.name);
  const summary =
    `${plural(community.commits, 'commit')} by ${plural(community.authors, 'person').replace('persons', 'people')} ` +
    `on ${listed(community.areas.slice(0, 3))} ${period(community.first, community.last, end)}` +
    (core.length > 0 ? `; at the core: ${listed(core)}` : '');
  const evidence: EvidenceInput = {
    summary,
    commits: community.commits,
    paths: community.areas.slice(0, 10),
    since: isoDay(community.first),
    until: isoDay(community.last),
    with: core,
  };
  if (source) evidence.source = source;
  return evidence;
}
