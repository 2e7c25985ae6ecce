// Per-community facts that the map, the table, the health signals and the details panel all
// read: sizes by participation, roles present, who holds the boundary role, the unit most
// members come from, partner-company members, newcomers and the latest join.
import type { LeadershipRole, Stage, Standing } from '../model/vocabulary';
import {
  NO_DATE,
  PARTICIPATION_CODE,
  dayOf,
  roleBit,
  rolesOfMask,
  type Constellation,
} from './constellation';
import { monthsBefore, type BoundaryOptions } from './options';
import { refKey, type FeedRef } from './types';

export interface CommunityFacts {
  index: number;
  ref: FeedRef;
  key: string;
  name: string;
  stage: Stage;
  standing: Standing;
  membersOnly: boolean;
  lastActivity?: string;
  members: number;
  core: number;
  active: number;
  peripheral: number;
  /** core + active: the map sizes nodes by this. */
  activeMembers: number;
  topicLabels: string[];
  rolesPresent: LeadershipRole[];
  /** Person numbers of members holding the boundary role. */
  boundaryHolders: number[];
  /** Distinct units among members. */
  unitCount: number;
  /** The unit with most members, if any member has a unit. */
  dominantUnit: { unit: number; count: number } | null;
  /** Members whose company is not the home company (unknown company counts as home). */
  partnerMembers: number;
  /** Members who joined within the newcomer window. */
  recentJoiners: number;
  /** Members with a join date at all. */
  datedMembers: number;
  /** Latest `since` among members, or NO_DATE. */
  latestJoin: number;
}

/** The home company: the one given, else the company most people belong to. */
export function homeCompanyIndex(g: Constellation, options: Pick<BoundaryOptions, 'homeCompany'>) {
  if (options.homeCompany !== undefined) return g.companies.indexOf(options.homeCompany);
  return g.companies.length > 0 ? 0 : -1;
}

export function communityFacts(g: Constellation, options: BoundaryOptions): CommunityFacts[] {
  const asOf = dayOf(options.asOf);
  const newcomerSince = monthsBefore(asOf, options.newcomerMonths);
  const home = homeCompanyIndex(g, options);
  const boundary = roleBit('boundary');
  const unitCounts = new Int32Array(g.units.length);
  const touched: number[] = [];
  return g.communities.map((community, c) => {
    let core = 0;
    let active = 0;
    let rolesMask = 0;
    let partners = 0;
    let recent = 0;
    let dated = 0;
    let latest = NO_DATE;
    const boundaryHolders: number[] = [];
    touched.length = 0;
    for (let i = g.communityStart[c]!, end = g.communityStart[c + 1]!; i < end; i++) {
      const m = g.communityMembers[i]!;
      const p = g.mPerson[m]!;
      const participation = g.mParticipation[m]!;
      if (participation === PARTICIPATION_CODE.core) core++;
      else if (participation === PARTICIPATION_CODE.active) active++;
      const roles = g.mRoles[m]!;
      rolesMask |= roles;
      if (roles & boundary) boundaryHolders.push(p);
      const company = g.personCompany[p]!;
      if (company >= 0 && company !== home) partners++;
      const since = g.mSince[m]!;
      if (since !== NO_DATE) {
        dated++;
        if (since > latest) latest = since;
        if (since >= newcomerSince) recent++;
      }
      const u = g.personUnit[p]!;
      if (u >= 0) {
        if (unitCounts[u] === 0) touched.push(u);
        unitCounts[u]!++;
      }
    }
    let dominantUnit: CommunityFacts['dominantUnit'] = null;
    for (const u of touched) {
      const count = unitCounts[u]!;
      if (!dominantUnit || count > dominantUnit.count) dominantUnit = { unit: u, count };
      unitCounts[u] = 0;
    }
    const members = g.communityStart[c + 1]! - g.communityStart[c]!;
    const topicLabels: string[] = [];
    for (let i = g.topicStart[c]!, end = g.topicStart[c + 1]!; i < end; i++)
      topicLabels.push(g.topics[g.communityTopics[i]!]!.label);
    const facts: CommunityFacts = {
      index: c,
      ref: { feedId: community.feedId, id: community.id },
      key: refKey(community),
      name: community.name,
      stage: community.stage,
      standing: community.standing,
      membersOnly: community.visibility === 'members',
      members,
      core,
      active,
      peripheral: members - core - active,
      activeMembers: core + active,
      topicLabels,
      rolesPresent: rolesOfMask(rolesMask),
      boundaryHolders,
      unitCount: touched.length,
      dominantUnit,
      partnerMembers: partners,
      recentJoiners: recent,
      datedMembers: dated,
      latestJoin: latest,
    };
    if (community.lastActivity) facts.lastActivity = community.lastActivity;
    return facts;
  });
}

/** Members of community c per unit name (people without a unit are left out). */
export function unitCountsOf(g: Constellation, c: number): Map<string, number> {
  const counts = new Map<string, number>();
  for (let i = g.communityStart[c]!, end = g.communityStart[c + 1]!; i < end; i++) {
    const u = g.personUnit[g.mPerson[g.communityMembers[i]!]!]!;
    if (u < 0) continue;
    const name = g.units[u]!.name;
    counts.set(name, (counts.get(name) ?? 0) + 1);
  }
  return counts;
}

/** Members of community c per company name (unknown company left out). */
export function companyCountsOf(g: Constellation, c: number): Map<string, number> {
  const counts = new Map<string, number>();
  for (let i = g.communityStart[c]!, end = g.communityStart[c + 1]!; i < end; i++) {
    const company = g.personCompany[g.mPerson[g.communityMembers[i]!]!]!;
    if (company < 0) continue;
    const name = g.companies[company]!;
    counts.set(name, (counts.get(name) ?? 0) + 1);
  }
  return counts;
}
