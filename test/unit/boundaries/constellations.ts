// Small hand-made constellations with known answers for the boundary analyses. `people` maps a
// person to their unit (and optional company); `members` lists who is in each community.
import type { LeadershipRole, Participation, Stage, Standing } from '../../../lib/model/vocabulary';
import type {
  CommunityRecord,
  ConstellationInput,
  MembershipRecord,
} from '../../../lib/boundaries/types';

export const FEED = 'test';

interface CommunitySpec {
  stage?: Stage;
  standing?: Standing;
  topics?: string[];
  lastActivity?: string;
  members: (string | MemberSpec)[];
}

interface MemberSpec {
  person: string;
  participation?: Participation;
  roles?: LeadershipRole[];
  since?: string;
}

export function constellation(spec: {
  units?: Record<string, { name?: string; company?: string }>;
  people: Record<string, { unit?: string; company?: string }>;
  communities: Record<string, CommunitySpec>;
}): ConstellationInput {
  const topicIds = new Set<string>();
  const communities: CommunityRecord[] = [];
  const memberships: MembershipRecord[] = [];
  for (const [id, community] of Object.entries(spec.communities)) {
    for (const t of community.topics ?? []) topicIds.add(t);
    const record: CommunityRecord = {
      feedId: FEED,
      id,
      name: id,
      topics: community.topics ?? [],
      stage: community.stage ?? 'active',
      standing: community.standing ?? 'legitimized',
      lastActivity: community.lastActivity ?? '2026-10-20',
    };
    communities.push(record);
    for (const member of community.members) {
      const m = typeof member === 'string' ? { person: member } : member;
      const row: MembershipRecord = {
        feedId: FEED,
        person: m.person,
        community: id,
        participation: m.participation ?? 'active',
        roles: m.roles ?? [],
      };
      if (m.since) row.since = m.since;
      memberships.push(row);
    }
  }
  return {
    communities,
    people: Object.entries(spec.people).map(([id, person]) => ({
      feedId: FEED,
      id,
      name: id,
      ...person,
    })),
    units: Object.entries(spec.units ?? {}).map(([id, unit]) => ({
      feedId: FEED,
      id,
      name: unit.name ?? id,
      ...(unit.company ? { company: unit.company } : {}),
    })),
    topics: [...topicIds].map((id) => ({ feedId: FEED, id, label: id })),
    memberships,
  };
}

/** n people named prefix1…prefixN in one unit. */
export function crowd(prefix: string, n: number, unit?: string) {
  return Object.fromEntries(
    Array.from({ length: n }, (_, i) => [`${prefix}${i + 1}`, unit ? { unit } : {}]),
  );
}

export function names(prefix: string, n: number): string[] {
  return Array.from({ length: n }, (_, i) => `${prefix}${i + 1}`);
}
