// Small random feeds that the contract accepts whole (../shared/FEED-V1.md): unicode names and
// ids (non-Latin scripts, combining marks, emoji, the same id in NFC and NFD, ids that differ
// only in case), duplicate names, people without unit or company, units with and without a
// company, members-only communities, communities with no members, people in many
// communities, every participation, leadership roles and expertise levels. Every reference
// resolves and every id is unique in its list, so validation keeps every record and the model
// can read the document as it is. A viewer (anonymous, or a person of the feed, with declared
// memberships) and search queries come with it.
import fc from 'fast-check';
import type { FeedInput } from '../../../../lib/model/feed';
import {
  LEADERSHIP_ROLES,
  PARTICIPATION_LEVELS,
  STAGES,
  STANDINGS,
} from '../../../../lib/model/vocabulary';

/** Two feeds' ids; a second feed repeats the first one's record ids. */
export const FEED_IDS = ['answers-a', 'answers-b'] as const;

/** Ids shared by every list: a person and a community may carry the same one. */
const ID_POOL = [
  'p1',
  'P1',
  'p2',
  'é',
  'e\u0301',
  'é-2',
  '人',
  '人1',
  '🦊',
  '🦊x',
  'Ａ',
  'ø',
  'a.b',
  'Ω',
  'z',
  'ß',
  'ss',
  'İ',
  'i\u0307',
  '0',
  '__proto__',
  'constructor',
];

/** Names, duplicated in several spellings (case, NFC/NFD, typographic apostrophes). */
export const NAME_POOL = [
  'Ana Lima',
  'ana lima',
  'Zoë Okafor',
  'Zoe\u0308 Okafor',
  'José Müller',
  'Jose\u0301 Mu\u0308ller',
  '李小龙',
  '李 小龙',
  'Ωmega Ζήτα',
  'سارة أحمد',
  'अनु शर्मा',
  '🦊 Fox',
  'Fox 🦊',
  'O’Brien Seán',
  "O'Brien Sean",
  'Åsa Ek',
  'Ægir Þór',
  'İlkay Ilık',
  'Straße Groß',
  '  Padded  Name ',
  'Łukasz Żółw',
  'ß',
  'A',
  'a',
  'Zeile\nUmbruch',
  'Tab\tName',
  'Lone\ud800 Surrogate',
  'Ctl\u0001 Name',
  'Bom\ufeffName',
];

const TOPIC_LABELS = [
  'Kubernetes',
  'kubernetes',
  'Réseaux',
  'Re\u0301seaux',
  '機械学習',
  'C++',
  'Go',
  'k8s-sig',
  'Data—Mesh',
  '🦀 Rust',
];

const COMPANIES = ['Acme', 'Globex', 'Ünïcorn GmbH', '株式会社', 'acme'];
const EMAILS = ['ana@acme.example', 'Ana@Acme.Example', 'zoe.o@globex.example', 'x_1@a.example'];
const HOSTS = ['github.com', 'GitHub.com', 'gitlab.com', 'wiki.acme.example', 'www.gitlab.com'];
const LOGINS = [
  'alice',
  'ALICE',
  'zoë',
  'Zoë_Okafor',
  'li.xiaolong',
  '人人',
  'fox-1',
  'İlkay',
  'ctl\u0001x',
];

/** Search queries: words of the pools above, folded and not, prefixes, several words. */
export const QUERY_POOL = [
  'ana',
  'ANA li',
  'lima ana',
  'zoe',
  'zoë',
  'zoe\u0308 ok',
  'jose mu',
  'josé',
  '李',
  '小',
  'ω',
  'سارة',
  'fox',
  '🦊',
  "o'br",
  'o’brien',
  'obrien',
  'asa',
  'ægir',
  'ilkay',
  'i̇lkay',
  'strasse',
  'straße',
  'łuk',
  'alice',
  'li.x',
  'acme',
  'ana@acme',
  'kub',
  'k8s',
  'k8s-s',
  'c++',
  'data',
  'data-mesh',
  'rust',
  'ré',
  'a',
  'e',
  's',
  'padded name',
  'fill',
];

export interface FeedPlan {
  units: { id: string; name: string; company?: string; parent?: number }[];
  people: {
    id: string;
    name: string;
    unit?: number;
    company?: string;
    emails: string[];
    handles: [string, string][];
    aliases: string[];
  }[];
  topics: { id: string; label: string; aliases: string[] }[];
  communities: {
    id: string;
    name: string;
    topics: number[];
    visibility?: 'public' | 'members';
    related: number[];
    stage: (typeof STAGES)[number];
  }[];
  memberships: {
    person: number;
    community: number;
    participation: (typeof PARTICIPATION_LEVELS)[number];
    roles: (typeof LEADERSHIP_ROLES)[number][];
  }[];
  expertise: { person: number; topic: number; level: number }[];
}

const ids = (max: number) => fc.uniqueArray(fc.constantFrom(...ID_POOL), { maxLength: max });
const optional = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined });

/** A random plan; indexes refer to the plan's own lists (resolved by `feedOfPlan`). */
export const planArbitrary: fc.Arbitrary<FeedPlan> = fc
  .record({ unitIds: ids(4), personIds: ids(8), topicIds: ids(4), communityIds: ids(5) })
  .chain(({ unitIds, personIds, topicIds, communityIds }) => {
    const ref = (n: number) => (n === 0 ? fc.constant(undefined) : optional(fc.nat(n - 1)));
    const units = fc.tuple(
      ...unitIds.map((id, i) =>
        fc.record({
          id: fc.constant(id),
          name: fc.constantFrom(...NAME_POOL),
          company: optional(fc.constantFrom(...COMPANIES)),
          // Only an earlier unit: no cycles.
          parent: ref(i),
        }),
      ),
    );
    const people = fc.tuple(
      ...personIds.map((id) =>
        fc.record({
          id: fc.constant(id),
          name: fc.constantFrom(...NAME_POOL),
          unit: ref(unitIds.length),
          company: optional(fc.constantFrom(...COMPANIES)),
          emails: fc.uniqueArray(fc.constantFrom(...EMAILS), { maxLength: 2 }),
          handles: fc.uniqueArray(fc.tuple(fc.constantFrom(...HOSTS), fc.constantFrom(...LOGINS)), {
            maxLength: 2,
            selector: ([host]) => host,
          }),
          aliases: fc.uniqueArray(fc.constantFrom(...NAME_POOL), { maxLength: 2 }),
        }),
      ),
    );
    const topics = fc.tuple(
      ...topicIds.map((id) =>
        fc.record({
          id: fc.constant(id),
          label: fc.constantFrom(...TOPIC_LABELS),
          aliases: fc.uniqueArray(fc.constantFrom(...TOPIC_LABELS), { maxLength: 2 }),
        }),
      ),
    );
    const indexes = (n: number, max: number) =>
      n === 0 ? fc.constant([]) : fc.uniqueArray(fc.nat(n - 1), { maxLength: max });
    const communities = fc.tuple(
      ...communityIds.map((id, i) =>
        fc.record({
          id: fc.constant(id),
          name: fc.constantFrom(...NAME_POOL, ...TOPIC_LABELS),
          topics: indexes(topicIds.length, 3),
          visibility: optional(fc.constantFrom('public' as const, 'members' as const)),
          related: indexes(communityIds.length, 2).map((r) => r.filter((j) => j !== i)),
          stage: fc.constantFrom(...STAGES),
        }),
      ),
    );
    const pairs = (a: number, b: number) =>
      a === 0 || b === 0
        ? fc.constant([] as [number, number][])
        : fc.uniqueArray(fc.tuple(fc.nat(a - 1), fc.nat(b - 1)), {
            maxLength: a * b,
            selector: ([x, y]) => `${x}/${y}`,
          });
    const memberships = pairs(personIds.length, communityIds.length).chain((found) =>
      fc.tuple(
        ...found.map(([person, community]) =>
          fc.record({
            person: fc.constant(person),
            community: fc.constant(community),
            participation: fc.constantFrom(...PARTICIPATION_LEVELS),
            roles: fc.uniqueArray(fc.constantFrom(...LEADERSHIP_ROLES), { maxLength: 3 }),
          }),
        ),
      ),
    );
    const expertise = pairs(personIds.length, topicIds.length).chain((found) =>
      fc.tuple(
        ...found.map(([person, topic]) =>
          fc.record({
            person: fc.constant(person),
            topic: fc.constant(topic),
            level: fc.integer({ min: 1, max: 5 }),
          }),
        ),
      ),
    );
    return fc.record({ units, people, topics, communities, memberships, expertise });
  }) as fc.Arbitrary<FeedPlan>;

/**
 * The feed a plan describes, with `filler` more people (one unit, one community, a
 * membership each): enough records that a small change lands as a layer rather than a whole
 * generation (a layer holds at most a tenth of the records under it).
 */
export function feedOfPlan(
  plan: FeedPlan,
  generatedAt: string,
  filler = 0,
  feedId: string = FEED_IDS[0],
): FeedInput {
  const feed: FeedInput = {
    format: 'constellation-feed',
    version: 1,
    feedId,
    generatedAt,
    organization: { name: 'Answers Org' },
    units: plan.units.map((u) => ({
      id: u.id,
      name: u.name,
      ...(u.company ? { company: u.company } : {}),
      ...(u.parent !== undefined ? { parent: plan.units[u.parent]!.id } : {}),
    })),
    people: plan.people.map((p) => ({
      id: p.id,
      name: p.name,
      ...(p.unit !== undefined ? { unit: plan.units[p.unit]!.id } : {}),
      ...(p.company ? { company: p.company } : {}),
      emails: p.emails,
      handles: Object.fromEntries(p.handles),
      aliases: p.aliases,
    })),
    topics: plan.topics.map((t) => ({ id: t.id, label: t.label, aliases: t.aliases })),
    communities: plan.communities.map((c) => ({
      id: c.id,
      name: c.name,
      domain: `About ${c.name}`,
      topics: c.topics.map((i) => plan.topics[i]!.id),
      stage: c.stage,
      standing: STANDINGS[c.topics.length % STANDINGS.length]!,
      openToNewcomers: c.related.length % 2 === 0,
      ...(c.visibility ? { visibility: c.visibility } : {}),
      related: c.related.map((i) => plan.communities[i]!.id),
    })),
    memberships: plan.memberships.map((m) => ({
      person: plan.people[m.person]!.id,
      community: plan.communities[m.community]!.id,
      participation: m.participation,
      roles: m.roles,
    })),
    expertise: plan.expertise.map((e) => ({
      person: plan.people[e.person]!.id,
      topic: plan.topics[e.topic]!.id,
      level: e.level,
    })),
  };
  if (filler > 0) {
    feed.units.push({ id: 'fill-unit', name: 'Filler Unit', company: 'Filler Co' });
    feed.communities.push({
      id: 'fill-c',
      name: 'Filler Circle',
      domain: 'Padding',
      stage: 'active',
      standing: 'legitimized',
      openToNewcomers: true,
    });
    for (let i = 0; i < filler; i++) {
      feed.people.push({ id: `fill-${i}`, name: `Filler ${i}`, unit: 'fill-unit', handles: {} });
      feed.memberships.push({ person: `fill-${i}`, community: 'fill-c', participation: 'active' });
    }
  }
  return feed;
}

/**
 * Who looks: anonymous, or a person of one of the feeds; with memberships declared in
 * communities of either (indexes, resolved modulo the lists' lengths).
 */
export interface ViewerPlan {
  me?: [feed: number, person: number];
  declared: [feed: number, community: number][];
}

export const viewerArbitrary: fc.Arbitrary<ViewerPlan> = fc.record({
  me: optional(fc.tuple(fc.nat(1), fc.nat(7))),
  declared: fc.array(fc.tuple(fc.nat(1), fc.nat(4)), { maxLength: 2 }),
});

/** A query from the pool, or a prefix of a name of the feed (resolved by `queryOf`). */
export type QueryPlan = string | { name: number; cut: number };

export const queryArbitrary: fc.Arbitrary<QueryPlan> = fc.oneof(
  fc.constantFrom(...QUERY_POOL),
  fc.record({ name: fc.nat(), cut: fc.integer({ min: 1, max: 12 }) }),
);

export function queryOf(plan: QueryPlan, feeds: readonly FeedInput[]): string {
  if (typeof plan === 'string') return plan;
  const names = feeds.flatMap((feed) => [
    ...feed.people.map((p) => p.name),
    ...feed.topics.map((t) => t.label),
    ...feed.communities.map((c) => c.name),
  ]);
  return names.length === 0
    ? 'ana'
    : [...names[plan.name % names.length]!].slice(0, plan.cut).join('');
}
