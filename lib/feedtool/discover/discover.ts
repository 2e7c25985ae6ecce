// Discovery, end to end: stream the history (read.ts → log-parse.ts), unify people and drop
// bots (identity.ts, mailmap.ts), keep compact commits (history.ts), cluster people × areas
// (cluster.ts), measure membership (practice.ts), apply Wenger's vocabulary (wenger.ts) and
// describe each group (describe.ts). The result is plain data: the CLI prints it, the build
// turns it into feed records (to-feed.ts).
import type { LeadershipRole, Participation, Stage } from '../../model/vocabulary';
import type { SourceProblem } from '../source';
import { slug } from '../source';
import { findClusters, workMatrix } from './cluster';
import { areaLabel, distinctiveWords, domainSentence, groupName } from './describe';
import { History } from './history';
import { DEFAULT_BOT_PATTERNS, IdentityBook, type Person } from './identity';
import { applyMailmap, type Mailmap } from './mailmap';
import { measureGroups, type GroupStats } from './practice';
import { readHistory } from './read';
import { DEFAULT_RULES, MONTH, participationOf, stageOf, type VocabularyRules } from './wenger';
import { extent } from '../../arrays';

export interface DiscoveryOptions {
  since?: number;
  mailmap?: Mailmap;
  bots: readonly string[];
  sameName: boolean;
  depth: number;
  ignorePaths: readonly string[];
  minCommits: number;
  minMembers: number;
  secondaryShare: number;
  resolution: number;
  maxShare: number;
  seed: number;
  rules: VocabularyRules;
}

export const DEFAULT_OPTIONS: DiscoveryOptions = {
  bots: DEFAULT_BOT_PATTERNS,
  sameName: true,
  depth: 2,
  ignorePaths: [],
  minCommits: 2,
  minMembers: 3,
  secondaryShare: 0.2,
  resolution: 1,
  maxShare: 0.35,
  seed: 1,
  rules: DEFAULT_RULES,
};

export interface DiscoveredMember {
  person: number;
  participation: Participation;
  roles: LeadershipRole[];
  newcomer: boolean;
  commits: number;
  share: number;
  months: number;
  first: number;
  last: number;
  /** The areas of this community the person worked on most. */
  paths: string[];
  /** The member this person shared the most work with here. */
  partner?: number;
}

export interface DiscoveredCommunity {
  key: string;
  name: string;
  domain: string;
  words: string[];
  areas: string[];
  stage: Stage;
  commits: number;
  authors: number;
  first: number;
  last: number;
  members: DiscoveredMember[];
}

export interface Discovery {
  ok: boolean;
  kind: 'repository' | 'log';
  commits: number;
  problems: SourceProblem[];
  people: Person[];
  communities: DiscoveredCommunity[];
  bots: { identity: string; commits: number }[];
  start: number;
  end: number;
  /** People whose commits made them a member of no community (one-off or scattered work). */
  unplaced: number;
}

export async function discover(
  input: string,
  shown: string,
  partial: Partial<DiscoveryOptions> = {},
): Promise<Discovery> {
  const options: DiscoveryOptions = { ...DEFAULT_OPTIONS, ...partial };
  const book = new IdentityBook(options.bots);
  const history = new History({ depth: options.depth, ignorePaths: options.ignorePaths });
  const read = await readHistory(
    input,
    shown,
    (commit) => {
      const { name, email } = options.mailmap
        ? applyMailmap(options.mailmap, commit.name, commit.email)
        : commit;
      const author = book.record(name, email);
      if (author >= 0) history.add(commit, author);
    },
    options.since !== undefined ? { since: options.since } : {},
  );
  const empty: Discovery = {
    ok: false,
    kind: read.kind,
    commits: read.commits,
    problems: read.problems,
    people: [],
    communities: [],
    bots: book.botsSeen(),
    start: 0,
    end: 0,
    unplaced: 0,
  };
  if (!read.ok) return empty;
  if (history.size === 0) {
    read.problems.push({ severity: 'error', file: shown, message: 'every commit was by a bot' });
    return empty;
  }
  const { people, personOf } = book.unify({ sameName: options.sameName });
  const matrix = workMatrix(history, personOf, people.length);
  const clusters = findClusters(matrix, options);
  const groups = measureGroups(history, personOf, matrix, clusters, options).filter(
    (g) => g.members.length >= options.minMembers,
  );
  let start = Infinity;
  let end = -Infinity;
  const firstOf = new Float64Array(people.length).fill(Infinity);
  for (let c = 0; c < history.size; c++) {
    const t = history.times[c]!;
    start = Math.min(start, t);
    end = Math.max(end, t);
    const p = personOf[history.authors[c]!]!;
    if (p >= 0) firstOf[p] = Math.min(firstOf[p]!, t);
  }
  const communities = describeGroups(groups, history, personOf, end, firstOf, options.rules);
  markBoundaries(communities);
  const placed = new Set(communities.flatMap((c) => c.members.map((m) => m.person)));
  return {
    ok: true,
    kind: read.kind,
    commits: history.size,
    problems: read.problems,
    people,
    communities,
    bots: book.botsSeen(),
    start,
    end,
    unplaced: people.length - placed.size,
  };
}

function describeGroups(
  groups: GroupStats[],
  history: History,
  personOf: Int32Array,
  end: number,
  firstOf: Float64Array,
  rules: VocabularyRules,
): DiscoveredCommunity[] {
  const words = distinctiveWords(
    groups.map((g) => g.commitIndexes.map((c) => history.subjects[c]!)),
    8,
  );
  const taken = new Set<string>();
  const keys = new Set<string>();
  return groups.map((group, g) => {
    const ranked = [...group.areaWeight.entries()].sort((a, b) => b[1] - a[1]);
    const areas = ranked.map(([a]) => history.areaNames[a]!);
    const memberWeight = group.members.reduce((sum, m) => sum + m.weight, 0);
    const { min: first, max: last } = extent(group.times);
    const members: DiscoveredMember[] = group.members.map((m) => {
      const share = memberWeight > 0 ? m.weight / memberWeight : 0;
      const paths = [...m.areas.entries()]
        .sort((a, b) => b[1] - a[1])
        .slice(0, 3)
        .map(([a]) => history.areaNames[a]!);
      return {
        person: m.person,
        participation: participationOf({ share, months: m.months, last: m.last }, last, rules),
        roles: [],
        newcomer: end - firstOf[m.person]! <= rules.newcomerMonths * MONTH,
        commits: m.commits,
        share,
        months: m.months,
        first: m.first,
        last: m.last,
        paths,
      };
    });
    addPartners(members, group);
    const authors = new Set(group.commitIndexes.map((c) => personOf[history.authors[c]!]!));
    const recentPeople = members.filter((m) => end - m.last <= 12 * MONTH).length;
    const core = members.filter((m) => m.participation === 'core').length;
    const memberSet = new Set(members.map((m) => m.person));
    const memberTimes = group.commitIndexes
      .filter((c) => memberSet.has(personOf[history.authors[c]!]!))
      .map((c) => history.times[c]!);
    const memberSpan = extent(memberTimes);
    let key = slug(areas[0]!.replace(/\//g, '-')) || `group-${g + 1}`;
    for (let i = 2; keys.has(key); i++) key = `${slug(areas[0]!)}-${i}`;
    keys.add(key);
    return {
      key,
      name: groupName(
        areas.map(areaLabel).length ? areas : [key],
        ranked.map(([, w]) => w),
        taken,
      ),
      domain: domainSentence(areas, words[g]!),
      words: words[g]!,
      areas,
      // Stage follows the members' own practice: others' occasional edits to the areas
      // (a typo fixed years after the group moved on) do not keep a community alive.
      stage: stageOf(
        {
          first: memberSpan.min,
          last: memberSpan.max,
          times: memberTimes,
          core,
          recentPeople,
        },
        end,
      ),
      commits: group.commitIndexes.length,
      authors: authors.size,
      first,
      last,
      members,
    };
  });
}

/** The member each one overlapped with most (Σ over areas of the smaller weight). */
function addPartners(members: DiscoveredMember[], group: GroupStats): void {
  const byPerson = new Map(group.members.map((m) => [m.person, m.areas]));
  // The top members by work are the candidates: enough for a sentence, bounded for big groups.
  const candidates = group.members.slice(0, 20);
  for (const member of members) {
    const mine = byPerson.get(member.person)!;
    let best: { person: number; overlap: number } | undefined;
    for (const other of candidates) {
      if (other.person === member.person) continue;
      let overlap = 0;
      for (const [a, w] of mine) overlap += Math.min(w, other.areas.get(a) ?? 0);
      if (overlap > 0 && (!best || overlap > best.overlap))
        best = { person: other.person, overlap };
    }
    if (best) member.partner = best.person;
  }
}

/** Core or active in two or more discovered communities: a broker of practice between them. */
function markBoundaries(communities: DiscoveredCommunity[]): void {
  const count = new Map<number, number>();
  for (const c of communities)
    for (const m of c.members)
      if (m.participation !== 'peripheral') count.set(m.person, (count.get(m.person) ?? 0) + 1);
  for (const c of communities)
    for (const m of c.members)
      if (m.participation !== 'peripheral' && (count.get(m.person) ?? 0) >= 2)
        m.roles.push('boundary');
}
