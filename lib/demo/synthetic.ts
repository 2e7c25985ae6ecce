// Large synthetic feeds for benchmarks and stress tests: any number of people, communities and
// memberships, always valid, deterministic per seed. Built straight into the output arrays with
// precomputed name parts and no per-record maps or sets, so 100k people and 300k memberships
// take well under the time it then takes to validate or ingest them.
import type { FeedInput } from '../model/feed';
import { FEED_FORMAT, FEED_VERSION } from '../model/feed';
import { LEADERSHIP_ROLES, STAGES, STANDINGS } from '../model/vocabulary';
import { dayNumber, isoDay } from './dates';
import { HOSTS } from './demo-people';
import { NAME_CULTURES, asciiFold, loginPart } from './names';
import { Random } from './random';
import {
  COMMUNITY_KINDS,
  TOPIC_NOUNS,
  TOPIC_QUALIFIERS,
  UNIT_AREAS,
  UNIT_KINDS,
} from './synthetic-words';
import { DEMO_TOPICS } from './topics';
import { LUMEN, NORTHWIND } from './units';

export interface SyntheticFeedOptions {
  people: number;
  /** Default: max(25, people / 20). */
  communities?: number;
  /** Default: max(40, people / 50). */
  topics?: number;
  /** Distinct communities per person; memberships = people × this. Default 3. */
  membershipsPerPerson?: number;
  /** Default 1. */
  seed?: number;
  /** Default "synthetic-<seed>". */
  feedId?: string;
}

type Input = FeedInput;
const GENERATED_AT = '2026-11-01T09:00:00Z';
const TODAY = dayNumber(GENERATED_AT.slice(0, 10));
/** "YYYY-MM-DD" for the last six years, newest first: formatting dates is the hot path. */
const RECENT_DAYS = Array.from({ length: 6 * 365 + 1 }, (_, ago) => isoDay(TODAY - ago));
const PARTICIPATION = [
  ['core', 1],
  ['active', 3],
  ['peripheral', 6],
] as const;

// Login-safe forms computed once per name, not once per person.
const CULTURES = NAME_CULTURES.map((culture) => ({
  culture,
  givenLogin: culture.given.map(loginPart),
  familyLogin: culture.family.map(loginPart),
}));

export function generateSyntheticFeed(options: SyntheticFeedOptions): FeedInput {
  const seed = options.seed ?? 1;
  const peopleCount = count('people', options.people, 0);
  const communityCount = count(
    'communities',
    options.communities ?? Math.max(25, Math.round(peopleCount / 20)),
    1,
  );
  const topicCount = count(
    'topics',
    options.topics ?? Math.max(40, Math.round(peopleCount / 50)),
    1,
  );
  const perPerson = count('membershipsPerPerson', options.membershipsPerPerson ?? 3, 0);
  if (perPerson > communityCount) {
    throw new RangeError(
      `membershipsPerPerson (${perPerson}) exceeds the number of communities (${communityCount})`,
    );
  }
  const random = new Random(seed);
  const units = syntheticUnits(Math.max(1, Math.round(peopleCount / 40)), random);
  const topics = syntheticTopics(topicCount);
  return {
    format: FEED_FORMAT,
    version: FEED_VERSION,
    feedId: options.feedId ?? `synthetic-${seed}`,
    generatedAt: GENERATED_AT,
    organization: { name: `${NORTHWIND} (synthetic)` },
    units,
    people: syntheticPeople(peopleCount, units, random),
    topics,
    communities: syntheticCommunities(communityCount, topics, random),
    memberships: syntheticMemberships(peopleCount, communityCount, perPerson, random),
    expertise: syntheticExpertise(peopleCount, topics, random),
  };
}

function count(name: string, value: number, min: number): number {
  if (!Number.isSafeInteger(value) || value < min) {
    throw new RangeError(`${name} must be an integer of at least ${min}, got ${value}`);
  }
  return value;
}

/** A random tree: every unit's parent comes before it, so there can be no loops. */
function syntheticUnits(total: number, random: Random): Input['units'] {
  const roots = Math.max(1, Math.ceil(total / 12));
  const units: Input['units'] = [];
  for (let i = 0; i < total; i++) {
    const name = `${UNIT_AREAS[i % UNIT_AREAS.length]} ${UNIT_KINDS[Math.floor(i / UNIT_AREAS.length) % UNIT_KINDS.length]} ${i + 1}`;
    if (i < roots) {
      // One root in a dozen belongs to the partner company, so cross-company cases exist.
      const company = roots > 1 && i === roots - 1 ? LUMEN : NORTHWIND;
      units.push({ id: `u-${i}`, name, company });
    } else {
      const parent = units[random.int(0, i - 1)]!;
      units.push({ id: `u-${i}`, name, parent: parent.id, company: parent.company! });
    }
  }
  return units;
}

function syntheticTopics(total: number): Input['topics'] {
  const topics: Input['topics'] = [];
  const combinations = TOPIC_QUALIFIERS.length * TOPIC_NOUNS.length;
  for (let i = 0; i < total; i++) {
    const demo = DEMO_TOPICS[i];
    if (demo) {
      topics.push({ ...demo, id: `t-${i}`, aliases: [...(demo.aliases ?? [])] });
      continue;
    }
    const n = i - DEMO_TOPICS.length;
    const base = `${TOPIC_QUALIFIERS[n % TOPIC_QUALIFIERS.length]} ${TOPIC_NOUNS[Math.floor(n / TOPIC_QUALIFIERS.length) % TOPIC_NOUNS.length]}`;
    const round = Math.floor(n / combinations);
    const label = round === 0 ? base : `${base} ${round + 1}`;
    const aliases = n % 4 === 0 ? [label.toLowerCase().replace(/ /g, '-')] : [];
    topics.push({ id: `t-${i}`, label, aliases });
  }
  return topics;
}

function syntheticPeople(total: number, units: Input['units'], random: Random): Input['people'] {
  const people: Input['people'] = [];
  for (let i = 0; i < total; i++) {
    const { culture, givenLogin, familyLogin } = random.pick(CULTURES);
    const g = random.int(0, culture.given.length - 1);
    const f = random.int(0, culture.family.length - 1);
    const name = `${culture.given[g]} ${culture.family[f]}`;
    const unit = units[random.int(0, units.length - 1)]!;
    const tag = i.toString(36);
    const local = `${givenLogin[g]}.${familyLogin[f]}.${tag}`;
    const partner = unit.company === LUMEN;
    const aliases: string[] = [];
    if (i % 3 === 0) {
      const folded = asciiFold(name);
      aliases.push(folded === name ? `${culture.family[f]}, ${culture.given[g]}` : folded);
    }
    people.push({
      id: `p-${i}`,
      name,
      unit: unit.id,
      company: unit.company,
      emails: [`${local}@${partner ? 'lumen-analytics.example' : 'northwind.example'}`],
      handles: {
        [HOSTS.github]: `nw-${givenLogin[g]}${familyLogin[f]}-${tag}`,
        [HOSTS.code]: `${givenLogin[g]!.slice(0, 1)}${familyLogin[f]}${tag}`,
      },
      aliases,
      timezone: random.pick(culture.timezones),
    });
  }
  return people;
}

function syntheticCommunities(
  total: number,
  topics: Input['topics'],
  random: Random,
): Input['communities'] {
  const communities: Input['communities'] = [];
  for (let i = 0; i < total; i++) {
    const main = topics[i % topics.length]!;
    const second = topics[random.int(0, topics.length - 1)]!;
    const kind = COMMUNITY_KINDS[i % COMMUNITY_KINDS.length]!;
    const round = Math.floor(i / (topics.length * COMMUNITY_KINDS.length));
    const slug = `c${i}`;
    const related: string[] = [];
    for (let r = random.int(0, 2); r > 0 && total > 1; r--) {
      const other = `c-${random.int(0, total - 1)}`;
      if (other !== `c-${i}` && !related.includes(other)) related.push(other);
    }
    communities.push({
      id: `c-${i}`,
      name: `${main.label} ${kind}${round > 0 ? ` ${round + 1}` : ''}`,
      domain: `People who work with ${main.label} and ${second.label}: sharing practice, reviewing each other's work and helping newcomers find their feet.`,
      topics: main.id === second.id ? [main.id] : [main.id, second.id],
      stage: random.pick(STAGES),
      standing: random.pick(STANDINGS),
      openToNewcomers: random.chance(0.85),
      visibility: random.chance(0.05) ? 'members' : 'public',
      channels: [
        { kind: 'chat', label: `#${slug}`, url: `https://chat.northwind.test/#${slug}` },
        { kind: 'wiki', label: 'Wiki', url: `https://wiki.northwind.test/wiki/Community_${i}` },
      ],
      meetings: random.chance(0.5)
        ? [{ title: 'Community call', schedule: 'every other Wednesday 14:00 UTC' }]
        : [],
      repertoire: random.chance(0.3)
        ? [{ label: 'Shared notes', url: `https://git.northwind.test/communities/${slug}` }]
        : [],
      related,
      lastActivity: RECENT_DAYS[random.int(0, 3 * 365)]!,
    });
  }
  return communities;
}

/**
 * Exactly `perPerson` distinct communities per person. Half the draws favour low community
 * numbers, so sizes range from a handful to thousands as in a real organisation.
 */
function syntheticMemberships(
  people: number,
  communities: number,
  perPerson: number,
  random: Random,
): Input['memberships'] {
  const memberships: Input['memberships'] = [];
  // One string per id, shared by all of its memberships, rather than one per membership.
  const communityIds = Array.from({ length: communities }, (_, c) => `c-${c}`);
  const led = new Uint8Array(communities);
  const chosen: number[] = [];
  for (let p = 0; p < people; p++) {
    const person = `p-${p}`;
    chosen.length = 0;
    while (chosen.length < perPerson) {
      const r = random.next();
      const c = random.next() < 0.5 ? Math.floor(r * communities) : Math.floor(r * r * communities);
      if (!chosen.includes(c)) chosen.push(c);
      else if (perPerson * 2 > communities) chosen.push(firstFree(chosen, communities));
    }
    for (const c of chosen) {
      // Each community's first member is its day-to-day leader.
      const leader = led[c] === 0;
      led[c] = 1;
      memberships.push({
        person,
        community: communityIds[c]!,
        participation: leader ? 'core' : random.weighted(PARTICIPATION),
        roles: leader ? ['day-to-day'] : random.chance(0.02) ? [random.pick(LEADERSHIP_ROLES)] : [],
        since: RECENT_DAYS[random.int(0, RECENT_DAYS.length - 1)]!,
      });
    }
  }
  return memberships;
}

/** Dense case (a person in most communities): fill with the lowest unused number. */
function firstFree(chosen: readonly number[], communities: number): number {
  for (let c = 0; c < communities; c++) if (!chosen.includes(c)) return c;
  throw new RangeError('no community left to join');
}

function syntheticExpertise(
  people: number,
  topics: Input['topics'],
  random: Random,
): Input['expertise'] {
  const expertise: Input['expertise'] = [];
  for (let p = 0; p < people; p++) {
    const level = random.weighted([
      [1, 2],
      [2, 3],
      [3, 3],
      [4, 2],
      [5, 1],
    ] as const);
    expertise.push({
      person: `p-${p}`,
      topic: topics[random.int(0, topics.length - 1)]!.id,
      level,
      evidence:
        level >= 4 && random.chance(0.2)
          ? [{ label: 'Talk', url: `https://intranet.northwind.test/talks/${p.toString(36)}` }]
          : [],
    });
  }
  return expertise;
}
