// Brokers: people whose memberships span communities that otherwise share few members.
// A person is ranked by the connections only they provide — pairs of their communities whose
// sole shared member they are — then by brokerage, where every pair of their communities
// counts 1 / (members the pair shares), so a link shared with one other person counts half.
// Also: communities where no one holds the boundary leadership role.
import { roleBit, rolesOfMask, type Constellation } from './constellation';
import type { ConstellationGraph } from './graph';
import type { LeadershipRole, Participation } from '../model/vocabulary';
import { PARTICIPATION_OF_CODE } from './constellation';
import { refKey, type FeedRef } from './types';

interface BrokerCommunity {
  index: number;
  name: string;
  participation: Participation;
  roles: LeadershipRole[];
}

export interface Broker {
  person: number;
  ref: FeedRef;
  key: string;
  name: string;
  unit?: string;
  company?: string;
  communities: BrokerCommunity[];
  /** Pairs of their communities that no one else connects. */
  soleConnections: number;
  brokerage: number;
  /** Names of communities where they hold the boundary role. */
  boundaryRoleIn: string[];
  /** Up to five of the pairs only they connect, as community numbers. */
  examplePairs: [number, number][];
}

export function rankBrokers(g: Constellation, graph: ConstellationGraph, limit: number): Broker[] {
  // One number orders people by sole connections, then brokerage (brokerage / (max + 1) < 1),
  // so 100k people sort as plain numbers; names break ties only within the top.
  let maxBrokerage = 0;
  for (let p = 0; p < g.people.length; p++)
    maxBrokerage = Math.max(maxBrokerage, graph.brokerage[p]!);
  const score = new Float64Array(g.people.length);
  const candidates: number[] = [];
  for (let p = 0; p < g.people.length; p++) {
    if (graph.brokerage[p]! <= 0) continue;
    score[p] = graph.soleConnections[p]! + graph.brokerage[p]! / (maxBrokerage + 1);
    candidates.push(p);
  }
  // The score of the last listed place, found with a native numeric sort (no comparator);
  // then only people at or above it are ordered, with everyone tied at it kept in.
  const scores = Float64Array.from(candidates, (p) => score[p]!).sort();
  const threshold = scores.length > limit ? scores[scores.length - limit]! : -Infinity;
  const cut = candidates.filter((p) => score[p]! >= threshold);
  const name = (p: number) => g.people[p]!.name;
  // Plain code-unit order: a tie group can hold thousands of people, and this stays fast.
  const top = cut.sort(
    (x, y) => score[y]! - score[x]! || (name(x) < name(y) ? -1 : name(x) > name(y) ? 1 : x - y),
  );
  return top.slice(0, limit).map((p) => {
    const person = g.people[p]!;
    const communities: BrokerCommunity[] = [];
    for (let j = g.personStart[p]!, end = g.personStart[p + 1]!; j < end; j++) {
      const m = g.personMemberships[j]!;
      const c = g.mCommunity[m]!;
      communities.push({
        index: c,
        name: g.communities[c]!.name,
        participation: PARTICIPATION_OF_CODE[g.mParticipation[m]!]!,
        roles: rolesOfMask(g.mRoles[m]!),
      });
    }
    communities.sort((a, b) => a.name.localeCompare(b.name));
    const examplePairs: [number, number][] = [];
    for (let i = 0; i < communities.length && examplePairs.length < 5; i++) {
      for (let k = i + 1; k < communities.length && examplePairs.length < 5; k++) {
        const a = communities[i]!.index;
        const b = communities[k]!.index;
        if (graph.sharedMembers(a, b) === 1) examplePairs.push([a, b]);
      }
    }
    const unit = person.unit ? g.units[g.personUnit[p]!]?.name : undefined;
    const company = g.personCompany[p]! >= 0 ? g.companies[g.personCompany[p]!] : undefined;
    const broker: Broker = {
      person: p,
      ref: { feedId: person.feedId, id: person.id },
      key: refKey(person),
      name: person.name,
      communities,
      soleConnections: graph.soleConnections[p]!,
      brokerage: graph.brokerage[p]!,
      boundaryRoleIn: communities.filter((c) => c.roles.includes('boundary')).map((c) => c.name),
      examplePairs,
    };
    if (unit) broker.unit = unit;
    if (company) broker.company = company;
    return broker;
  });
}

/** Communities (numbers) where no member holds the boundary role, largest first. */
export function communitiesWithoutBoundaryRole(g: Constellation): number[] {
  const boundary = roleBit('boundary');
  const out: number[] = [];
  for (let c = 0; c < g.communities.length; c++) {
    let found = false;
    for (let i = g.communityStart[c]!, end = g.communityStart[c + 1]!; i < end && !found; i++) {
      if (g.mRoles[g.communityMembers[i]!]! & boundary) found = true;
    }
    if (!found) out.push(c);
  }
  const size = (c: number) => g.communityStart[c + 1]! - g.communityStart[c]!;
  const collate = new Intl.Collator('en').compare;
  return out.sort(
    (a, b) => size(b) - size(a) || collate(g.communities[a]!.name, g.communities[b]!.name),
  );
}
