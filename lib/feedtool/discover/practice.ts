// Who practises in each found group, measured: one pass over the commits collects, per person
// and group, the commits on the group's areas, their weight, the distinct months, the first
// and last dates and the areas worked on. Membership needs `minCommits` there and either
// Louvain's assignment or a real part (`secondaryShare`) of the person's own work, so a
// person can belong to two groups (the evidence for the boundary role) without one-off
// visits making everyone a member of everything.
import type { Cluster, WorkMatrix } from './cluster';
import type { History } from './history';
import { monthOf } from './wenger';

export interface MemberStats {
  person: number;
  commits: number;
  weight: number;
  months: number;
  first: number;
  last: number;
  /** area → weight of this person's work there. */
  areas: Map<number, number>;
}

export interface GroupStats {
  cluster: Cluster;
  /** Commit times on the group's areas, by anyone (non-bot). */
  times: number[];
  /** Commit indexes on the group's areas, for subjects. */
  commitIndexes: number[];
  areaWeight: Map<number, number>;
  members: MemberStats[];
}

export function measureGroups(
  history: History,
  personOf: Int32Array,
  matrix: WorkMatrix,
  clusters: readonly Cluster[],
  options: { minCommits: number; secondaryShare: number },
): GroupStats[] {
  const groupOfArea = new Map<number, number>();
  clusters.forEach((c, g) => c.areas.forEach((a) => groupOfArea.set(a, g)));
  const assigned = new Map<number, number>();
  clusters.forEach((c, g) => c.people.forEach((p) => assigned.set(p, g)));
  const groups: GroupStats[] = clusters.map((cluster) => ({
    cluster,
    times: [],
    commitIndexes: [],
    areaWeight: new Map(),
    members: [],
  }));
  const stats = new Map<number, MemberStats & { monthSet: Set<number> }>();
  for (let c = 0; c < history.size; c++) {
    const person = personOf[history.authors[c]!]!;
    if (person < 0) continue;
    const areas = history.areasOf[c]!;
    const touched = new Set<number>();
    for (const a of areas) {
      const g = groupOfArea.get(a);
      if (g !== undefined) touched.add(g);
    }
    const time = history.times[c]!;
    for (const g of touched) {
      const group = groups[g]!;
      group.times.push(time);
      group.commitIndexes.push(c);
      const key = person * clusters.length + g;
      let s = stats.get(key);
      if (!s) {
        s = {
          person,
          commits: 0,
          weight: 0,
          months: 0,
          first: time,
          last: time,
          areas: new Map(),
          monthSet: new Set(),
        };
        stats.set(key, s);
      }
      s.commits++;
      s.monthSet.add(monthOf(time));
      s.first = Math.min(s.first, time);
      s.last = Math.max(s.last, time);
      for (const a of areas) {
        if (groupOfArea.get(a) !== g) continue;
        const w = 1 / areas.length;
        s.weight += w;
        s.areas.set(a, (s.areas.get(a) ?? 0) + w);
        group.areaWeight.set(a, (group.areaWeight.get(a) ?? 0) + w);
      }
    }
  }
  const totalWork = (person: number) => {
    let sum = 0;
    for (const w of matrix.work.get(person)?.values() ?? []) sum += w;
    return sum;
  };
  for (const [key, s] of stats) {
    const g = key % clusters.length;
    if (s.commits < options.minCommits) continue;
    const own = assigned.get(s.person) === g;
    if (!own && s.weight < options.secondaryShare * totalWork(s.person)) continue;
    const { monthSet, ...member } = s;
    groups[g]!.members.push({ ...member, months: monthSet.size });
  }
  for (const group of groups) group.members.sort((a, b) => b.weight - a.weight);
  return groups;
}
