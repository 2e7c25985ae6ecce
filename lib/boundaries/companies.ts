// The cross-company boundary: which communities have members from partner companies, and for
// each partner company the communities its people take part in, how many of them (never fewer
// than the privacy minimum as an exact count), and who holds the boundary role there.
import { roleBit, type Constellation } from './constellation';
import type { BoundaryOptions } from './options';
import { groupCount, sortableGroupCount, type GroupCount } from './privacy';
import { homeCompanyIndex } from './profile';

interface PartnerCommunity {
  community: number;
  members: number;
  partnerMembers: GroupCount;
  /** People holding the boundary role in this community (any company). */
  boundaryHolders: number[];
}

export interface PartnerCompany {
  name: string;
  /** People of this company in any visible community. */
  people: GroupCount;
  communities: PartnerCommunity[];
  /** This company's people who belong to two or more of these communities: its brokers. */
  connectors: number[];
}

export interface CompanyBoundary {
  homeCompany?: string;
  partners: PartnerCompany[];
  /** Communities with any partner member. */
  crossCompanyCommunities: number[];
}

export function companyBoundary(
  g: Constellation,
  options: Pick<BoundaryOptions, 'homeCompany' | 'minGroupSize'>,
): CompanyBoundary {
  const home = homeCompanyIndex(g, options);
  const boundary = roleBit('boundary');
  const perCompany = new Map<number, Map<number, number>>();
  const peoplePerCompany = new Map<number, Map<number, number>>();
  const cross = new Set<number>();
  for (let m = 0; m < g.membershipCount; m++) {
    const p = g.mPerson[m]!;
    const company = g.personCompany[p]!;
    if (company < 0 || company === home) continue;
    const c = g.mCommunity[m]!;
    cross.add(c);
    let communities = perCompany.get(company);
    if (!communities) perCompany.set(company, (communities = new Map<number, number>()));
    communities.set(c, (communities.get(c) ?? 0) + 1);
    let people = peoplePerCompany.get(company);
    if (!people) peoplePerCompany.set(company, (people = new Map<number, number>()));
    people.set(p, (people.get(p) ?? 0) + 1);
  }
  const boundaryHoldersOf = (c: number) => {
    const holders: number[] = [];
    for (let i = g.communityStart[c]!, end = g.communityStart[c + 1]!; i < end; i++) {
      const m = g.communityMembers[i]!;
      if (g.mRoles[m]! & boundary) holders.push(g.mPerson[m]!);
    }
    return holders;
  };
  const partners: PartnerCompany[] = [...perCompany.entries()].map(([company, communities]) => {
    const people = peoplePerCompany.get(company)!;
    return {
      name: g.companies[company]!,
      people: groupCount(people.size, options.minGroupSize),
      communities: [...communities.entries()]
        .map(([community, count]) => ({
          community,
          members: g.communityStart[community + 1]! - g.communityStart[community]!,
          partnerMembers: groupCount(count, options.minGroupSize),
          boundaryHolders: boundaryHoldersOf(community),
        }))
        // Suppressed counts sort together, so the order cannot reveal them either.
        .sort(
          (x, y) =>
            sortableGroupCount(y.partnerMembers) - sortableGroupCount(x.partnerMembers) ||
            g.communities[x.community]!.name.localeCompare(g.communities[y.community]!.name),
        ),
      connectors: [...people.entries()]
        .filter(([, count]) => count >= 2)
        .map(([p]) => p)
        .sort(
          (x, y) =>
            people.get(y)! - people.get(x)! || g.people[x]!.name.localeCompare(g.people[y]!.name),
        ),
    };
  });
  partners.sort(
    (x, y) => y.communities.length - x.communities.length || x.name.localeCompare(y.name),
  );
  const result: CompanyBoundary = {
    partners,
    crossCompanyCommunities: [...cross].sort((x, y) =>
      g.communities[x]!.name.localeCompare(g.communities[y]!.name),
    ),
  };
  if (home >= 0) result.homeCompany = g.companies[home]!;
  return result;
}
