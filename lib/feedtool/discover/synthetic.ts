// A synthetic history with known answers, for the quality test and the scale benchmark:
// planted communities (each a group of people working on their own areas over a chosen
// period), noise (work on other groups' areas and on hub files everyone touches), drive-by
// contributors with one commit, bots, and authors who commit under several names and
// addresses. Lines come out in exactly the `git log --numstat` format discovery reads.
import { seededRandom } from './cluster';
import type { RawCommit } from './log-parse';

export interface PlantedCommunity {
  /** Members' canonical addresses (the first identity of each). */
  members: string[];
  areas: string[];
  start: number;
  end: number;
}

export interface SyntheticSpec {
  communities: number;
  membersPerCommunity: number;
  areasPerCommunity: number;
  commits: number;
  driveBys: number;
  /** Share of a member's commits on another community's areas. */
  noise: number;
  /** Share of commits by bots. */
  bots: number;
  /** Share of members who also commit under a second name and GitHub noreply address. */
  renamed: number;
  /** People who work in two communities (planted members of both). */
  bridges: number;
  seed: number;
  /** Each community's active period as [startYearsAgo, endYearsAgo]; default: all years. */
  periods?: [number, number][];
  /** The time of the newest commit (ms). */
  now: number;
  years: number;
}

export interface SyntheticHistory {
  planted: PlantedCommunity[];
  /** The commits, newest first (as git log lists them). */
  commits(): Generator<RawCommit>;
  /** The lines of `git log --numstat`, newest commit first. */
  lines(): Generator<string>;
}

const YEAR = 365.25 * 24 * 3600 * 1000;
const FIRST = [
  'Ada',
  'Bo',
  'Chen',
  'Dara',
  'Eli',
  'Fatima',
  'Goran',
  'Hana',
  'Ivo',
  'Jun',
  'Kemal',
  'Lea',
];
const LAST = [
  'Okafor',
  'Berg',
  'Silva',
  'Nowak',
  'Tanaka',
  'Haddad',
  'Ivanova',
  'Moreau',
  'Quist',
  'Rossi',
];

interface Author {
  name: string;
  email: string;
  alias?: { name: string; email: string };
  /** The login alone, with the short noreply form: joined to `alias` by the login. */
  nickname?: { name: string; email: string };
}

export function syntheticHistory(spec: SyntheticSpec): SyntheticHistory {
  const random = seededRandom(spec.seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const planted: PlantedCommunity[] = [];
  const authors: Author[][] = [];
  let serial = 0;
  for (let k = 0; k < spec.communities; k++) {
    const [startAgo, endAgo] = spec.periods?.[k] ?? [spec.years, 0];
    const group: Author[] = [];
    for (let m = 0; m < spec.membersPerCommunity; m++) {
      serial++;
      const name = `${FIRST[serial % FIRST.length]} ${LAST[Math.floor(serial / FIRST.length) % LAST.length]} ${serial}`;
      const author: Author = { name, email: `person${serial}@corp.example` };
      if (random() < spec.renamed) {
        // The same person later commits from the web UI: GitHub noreply address; sometimes
        // only a nickname — joined through the login they share with the full-name commits.
        author.alias = { name, email: `${1000 + serial}+login${serial}@users.noreply.github.com` };
        author.nickname = {
          name: `login${serial}`,
          email: `login${serial}@users.noreply.github.com`,
        };
      }
      group.push(author);
    }
    authors.push(group);
    planted.push({
      members: group.map((a) => a.email),
      areas: Array.from({ length: spec.areasPerCommunity }, (_, j) => `domain-${k}/part-${j}`),
      start: spec.now - startAgo * YEAR,
      end: spec.now - endAgo * YEAR,
    });
  }
  // Bridges: the first members of community k also work in community k + 1.
  for (let b = 0; b < spec.bridges && spec.communities > 1; b++) {
    const k = b % spec.communities;
    const next = (k + 1) % spec.communities;
    const person = authors[k]![Math.floor(b / spec.communities) % authors[k]!.length]!;
    authors[next]!.push(person);
    planted[next]!.members.push(person.email);
  }
  const hubs = ['README.md', 'index.rst', 'docs/changelog.rst'];
  const bots = [
    { name: 'dependabot[bot]', email: '49699333+dependabot[bot]@users.noreply.github.com' },
    { name: 'release-bot', email: 'release-bot@corp.example' },
  ];

  // Commit times first, so the log can be printed newest first as git does.
  type Planned = { time: number; who: Author; files: string[]; subject: string; alias: boolean };
  const planned: Planned[] = [];
  const words = (k: number) => [`widget${k}`, `gadget${k}`, `schema${k}`, `parser${k}`];
  for (let i = 0; i < spec.commits; i++) {
    const roll = random();
    if (roll < spec.bots) {
      planned.push({
        time: spec.now - random() * spec.years * YEAR,
        who: pick(bots),
        files: [pick(['requirements.txt', 'package-lock.json', 'docs/changelog.rst'])],
        subject: 'Bump dependency versions',
        alias: false,
      });
      continue;
    }
    const k = Math.floor(random() * spec.communities);
    const community = planted[k]!;
    const who = pick(authors[k]!);
    const time = community.start + random() * (community.end - community.start);
    let areaOf = k;
    if (random() < spec.noise) areaOf = Math.floor(random() * spec.communities);
    const files = [`${pick(planted[areaOf]!.areas)}/file-${Math.floor(random() * 5)}.rst`];
    if (random() < 0.3)
      files.push(`${pick(planted[areaOf]!.areas)}/file-${Math.floor(random() * 5)}.rst`);
    if (random() < 0.1) files.push(pick(hubs));
    planned.push({
      time,
      who,
      files,
      subject: `Improve ${pick(words(areaOf))} handling in ${pick(words(areaOf))} (#${i + 1})`,
      alias: who.alias !== undefined && random() < 0.5,
    });
  }
  for (let d = 0; d < spec.driveBys; d++) {
    const k = Math.floor(random() * spec.communities);
    const area = pick(planted[k]!.areas);
    planned.push({
      time: spec.now - random() * spec.years * YEAR,
      who: { name: `Passer By ${d}`, email: `passer${d}@mail.example` },
      files: [random() < 0.5 ? pick(hubs) : `${area}/file-0.rst`],
      subject: 'Fix a typo',
      alias: false,
    });
  }
  planned.sort((a, b) => b.time - a.time);

  function* commits(): Generator<RawCommit> {
    let n = 0;
    for (const c of planned) {
      n++;
      const who =
        c.alias && c.who.alias
          ? n % 2 === 0 && c.who.nickname
            ? c.who.nickname
            : c.who.alias
          : c.who;
      yield {
        sha: `${(n * 2654435761).toString(16).padStart(8, '0').slice(-8)}${'0'.repeat(32)}`,
        name: who.name,
        email: who.email,
        time: Math.round(c.time / 1000) * 1000,
        subject: c.subject,
        files: [...new Set(c.files)].map((path, i) => ({
          path,
          added: 1 + ((n + i) % 40),
          removed: n % 7,
        })),
        line: 0,
      };
    }
  }
  return {
    planted,
    commits,
    *lines() {
      for (const c of commits()) {
        yield `commit ${c.sha}`;
        yield `Author: ${c.name} <${c.email}>`;
        yield `Date:   ${new Date(c.time).toISOString().replace('.000Z', '+00:00')}`;
        yield '';
        yield `    ${c.subject}`;
        yield '';
        yield '';
        for (const f of c.files) yield `${f.added}\t${f.removed}\t${f.path}`;
      }
    },
  };
}

/**
 * Best-match F1 between found and planted groups of people, both ways averaged: every planted
 * community must be found, and every found one must be a planted one (splits and merges cost).
 */
export function bestMatchF1(
  found: readonly Set<string>[],
  planted: readonly Set<string>[],
): number {
  const f1 = (a: Set<string>, b: Set<string>) => {
    let both = 0;
    for (const x of a) if (b.has(x)) both++;
    return both === 0 ? 0 : (2 * both) / (a.size + b.size);
  };
  const side = (from: readonly Set<string>[], to: readonly Set<string>[]) =>
    from.length === 0
      ? 0
      : from.reduce((sum, a) => sum + Math.max(0, ...to.map((b) => f1(a, b))), 0) / from.length;
  return (side(found, planted) + side(planted, found)) / 2;
}
