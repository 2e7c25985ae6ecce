// The plain model of what the product should answer about a feed, computed from the feed's
// JSON with simple loops, and the checks of the product's answers against it. The rules are
// the contract's (../shared/FEED-V1.md) and the queries' doc comments: members by
// participation, then name (localeCompare), then person id; members-only communities only for
// their members; search words as prefixes of a row's words, names starting with the query
// first; handles per host and emails without case; a person's company, else their unit's.
// Where a doc comment leaves an order open (equal names), only the documented keys are
// checked, and the rows must be exactly the model's.
import { expect } from 'vitest';
import type { FeedInput } from '../../../../lib/model/feed';
import type { Participation } from '../../../../lib/model/vocabulary';
import type { Answers, FeedAnswers, Member, PeerAnswer, ResolveKeys, Spans } from './product';
import {
  byCodeUnits,
  expectResolved,
  expectVocabulary,
  expectSearch,
  sorted,
  type ModelViewer,
} from './lookups-model';

export { resolveKeys, type ModelViewer } from './lookups-model';

type Person = FeedInput['people'][number];
type Community = FeedInput['communities'][number];
type Membership = FeedInput['memberships'][number];

const ORDER: Record<Participation, number> = { core: 0, active: 1, peripheral: 2 };

/** The feed as validation gives it back: names trimmed (the contract's strings are trimmed). */
export function normalized(feed: FeedInput): FeedInput {
  const copy = structuredClone(feed);
  for (const u of copy.units) u.name = u.name.trim();
  for (const p of copy.people) {
    p.name = p.name.trim();
    p.aliases = (p.aliases ?? []).map((a) => a.trim());
  }
  for (const t of copy.topics) {
    t.label = t.label.trim();
    t.aliases = (t.aliases ?? []).map((a) => a.trim());
  }
  for (const c of copy.communities) c.name = c.name.trim();
  return copy;
}

/** Asserts `actual` holds exactly `expected`'s ids, in an order `compare` allows. */
function expectRanked<T>(
  actual: readonly string[],
  expected: readonly T[],
  idOf: (row: T) => string,
  compare: (a: T, b: T) => number,
  what: string,
): void {
  expect(sorted(actual), what).toEqual(sorted(expected.map(idOf)));
  const byId = new Map(expected.map((row) => [idOf(row), row]));
  for (let i = 1; i < actual.length; i++) {
    expect(
      compare(byId.get(actual[i - 1]!)!, byId.get(actual[i]!)!),
      `${what} order`,
    ).toBeLessThanOrEqual(0);
  }
}

/** The viewer within one feed: my person if it is of this feed, my communities of it. */
interface FeedViewer {
  me?: string;
  memberOf: Set<string>;
}

const inFeed = (viewer: ModelViewer, feedId: string): FeedViewer => {
  const memberOf = new Set<string>();
  for (const key of viewer.memberOf) {
    const [f, id] = key.split('\u0000') as [string, string];
    if (f === feedId) memberOf.add(id);
  }
  return viewer.me?.feedId === feedId ? { me: viewer.me.id, memberOf } : { memberOf };
};

export function expectAnswers(
  actual: Answers,
  feeds: readonly FeedInput[],
  viewer: ModelViewer,
  queries: readonly string[],
  keys: ResolveKeys,
): void {
  const visible = (feedId: string, c: Community) =>
    c.visibility !== 'members' || viewer.memberOf.has(`${feedId}\u0000${c.id}`);
  // The counts shown: members-only communities I am not in left out, with their memberships.
  let hidden = 0;
  let hiddenMemberships = 0;
  for (const f of feeds)
    for (const c of f.communities)
      if (!visible(f.feedId, c)) {
        hidden += 1;
        hiddenMemberships += f.memberships.filter((m) => m.community === c.id).length;
      }
  const total = (list: (f: FeedInput) => unknown[]) =>
    feeds.reduce((n, f) => n + list(f).length, 0);
  expect(actual.status, 'counts').toEqual({
    people: total((f) => f.people),
    communities: total((f) => f.communities) - hidden,
    memberships: total((f) => f.memberships) - hiddenMemberships,
    topics: total((f) => f.topics),
    hidden,
  });
  expect(actual.feeds.map((f) => f.feedId)).toEqual(feeds.map((f) => f.feedId));
  feeds.forEach((feed, i) =>
    expectFeedAnswers(actual.feeds[i]!, feed, inFeed(viewer, feed.feedId)),
  );
  expectSearch(actual.search, feeds, queries, visible);
  expectResolved(actual.resolve, feeds, viewer, keys, visible);
  expectVocabulary(actual.vocabulary, feeds, visible);
  const me = viewer.me && feeds.find((f) => f.feedId === viewer.me!.feedId)!;
  const meRow = me?.people.find((p) => p.id === viewer.me!.id);
  expect(actual.firstScreen, 'first screen').toEqual({
    me: meRow ? [`${me!.feedId}|${meRow.id}`, meRow.name] : null,
    memberOf: sorted([...viewer.memberOf].map((key) => key.replace('\u0000', '|'))),
  });
}

/** One feed's answers: its communities, people, paths and topics. */
function expectFeedAnswers(actual: FeedAnswers, feed: FeedInput, viewer: FeedViewer): void {
  const person = new Map(feed.people.map((p) => [p.id, p]));
  const unit = new Map(feed.units.map((u) => [u.id, u]));
  const community = new Map(feed.communities.map((c) => [c.id, c]));
  const canSee = (c: Community) => c.visibility !== 'members' || viewer.memberOf.has(c.id);
  const companyOf = (p: Person) => p.company ?? (p.unit ? unit.get(p.unit)?.company : undefined);
  const membershipsOf = (c: string) => feed.memberships.filter((m) => m.community === c);
  const byMemberOrder = (a: Membership, b: Membership) =>
    ORDER[a.participation] - ORDER[b.participation] ||
    person.get(a.person)!.name.localeCompare(person.get(b.person)!.name) ||
    byCodeUnits(a.person, b.person);
  const asMember = (m: Membership): Member => [m.person, m.participation];
  const spansOf = (c: string): Spans => {
    const counts = { core: 0, active: 0, peripheral: 0 };
    const units = new Set<string>();
    const companies = new Set<string>();
    for (const m of membershipsOf(c)) {
      counts[m.participation] += 1;
      const p = person.get(m.person)!;
      if (p.unit) units.add(p.unit);
      const company = companyOf(p);
      if (company) companies.add(company);
    }
    return { counts, units: sorted(units), companies: sorted(companies) };
  };

  expect(actual.communities.map((c) => c.id)).toEqual(feed.communities.map((c) => c.id));
  for (const answer of actual.communities) {
    const c = community.get(answer.id)!;
    const what = `community ${c.id}`;
    const spans = spansOf(c.id);
    expect(answer.summary, `${what} summary`).toEqual(spans);
    const members = canSee(c) ? membershipsOf(c.id).sort(byMemberOrder).map(asMember) : [];
    expect(answer.members, `${what} members`).toEqual(members);
    // firstMembersOfLevel: the first core members in the list's order.
    const core = members.filter(([, participation]) => participation === 'core');
    expect(answer.firstCore, `${what} first core members`).toEqual(core.slice(0, 2));
    expect(answer.firstCoreWanted, `${what} first core members wanted`).toEqual(
      core.filter(([id]) => id.length % 2 === 0).slice(0, 2),
    );
    expectContacts(
      answer.contacts,
      membershipsOf(c.id),
      viewer.me,
      (id) => person.get(id)!.name,
      what,
    );
    expect(answer.head, `${what} head`).toEqual(canSee(c) ? spans.counts : undefined);
    expect(answer.detail, `${what} detail`).toEqual(
      canSee(c)
        ? {
            ...spans,
            members,
            related: (c.related ?? []).filter((id) => canSee(community.get(id)!)),
          }
        : undefined,
    );
  }

  // A person's communities: core first, then by the community's name.
  for (const [id, answer] of actual.people) {
    const mine = feed.memberships.filter(
      (m) => m.person === id && canSee(community.get(m.community)!),
    );
    expectRanked(
      answer.map(([c]) => c),
      mine,
      (m) => m.community,
      (a, b) =>
        ORDER[a.participation] - ORDER[b.participation] ||
        community.get(a.community)!.name.localeCompare(community.get(b.community)!.name),
      `communities of ${id}`,
    );
    const participation = new Map(mine.map((m) => [m.community, m.participation]));
    for (const [c, p] of answer) expect(p, `${id} in ${c}`).toBe(participation.get(c));
  }

  expectPaths(actual.paths, feed, viewer, canSee);

  for (const answer of actual.topics) {
    const t = answer.id;
    const what = `topic ${t}`;
    const covering = feed.communities.filter((c) => (c.topics ?? []).includes(t) && canSee(c));
    expectRanked(
      answer.communities,
      covering,
      (c) => c.id,
      (a, b) => a.name.localeCompare(b.name),
      `${what} communities`,
    );
    const experts = (feed.expertise ?? []).filter((e) => e.topic === t);
    expectRanked(
      answer.experts.map(([p]) => p),
      experts,
      (e) => e.person,
      (a, b) =>
        b.level - a.level || person.get(a.person)!.name.localeCompare(person.get(b.person)!.name),
      `${what} experts`,
    );
    const level = new Map(experts.map((e) => [e.person, e.level]));
    for (const [p, l] of answer.experts) expect(l, `${what} level of ${p}`).toBe(level.get(p));
    // A topic card's first experts: by level, then name, then id.
    expect(answer.firstExperts, `${what} first experts`).toEqual(
      experts
        .filter((e) => e.level >= 3 && e.person.length % 2 === 0)
        .sort(
          (a, b) =>
            b.level - a.level ||
            person.get(a.person)!.name.localeCompare(person.get(b.person)!.name) ||
            byCodeUnits(a.person, b.person),
        )
        .slice(0, 2)
        .map((e) => [e.person, e.level]),
    );

    // Who knows it: declared expertise, or a membership in a visible community covering it.
    const coveringIds = new Set(covering.map((c) => c.id));
    const inCovering = feed.memberships.filter((m) => coveringIds.has(m.community));
    const ids = new Set([...experts.map((e) => e.person), ...inCovering.map((m) => m.person)]);
    const peers: PeerAnswer[] = sorted(ids).map((id) => {
      const p = person.get(id)!;
      const company = companyOf(p);
      return {
        personId: id,
        ...(p.unit ? { unit: p.unit } : {}),
        ...(company ? { company } : {}),
        ...(level.has(id) ? { level: level.get(id)! } : {}),
        memberships: inCovering
          .filter((m) => m.person === id)
          .map((m): PeerAnswer['memberships'][number] => [
            m.community,
            m.participation,
            m.roles ?? [],
          ])
          .sort((a, b) => byCodeUnits(a[0], b[0])),
        sharedWithMe: feed.memberships.filter(
          (m) => m.person === id && viewer.memberOf.has(m.community),
        ).length,
      };
    });
    expect(answer.peers, `${what} peers`).toEqual(peers);
    const myUnit = viewer.me ? person.get(viewer.me)!.unit : undefined;
    const outside = peers
      .filter((p) => p.personId !== viewer.me && (myUnit === undefined || p.unit !== myUnit))
      .map((p) => ({ id: p.personId, score: scoreOf(p), name: person.get(p.personId)!.name }));
    expectRanked(
      answer.outsideMyUnit.map(([p]) => p),
      outside,
      (p) => p.id,
      (a, b) => b.score - a.score || a.name.localeCompare(b.name),
      `${what} outside my unit`,
    );
    const score = new Map(outside.map((p) => [p.id, p.score]));
    for (const [p, s] of answer.outsideMyUnit)
      expect(s, `${what} score of ${p}`).toBe(score.get(p));
    expect(
      [...answer.summaries].sort((a, b) => byCodeUnits(a.id, b.id)),
      `${what} community summaries`,
    ).toEqual(
      covering.map((c) => ({ id: c.id, ...spansOf(c.id) })).sort((a, b) => byCodeUnits(a.id, b.id)),
    );
  }
}

/**
 * communityContacts: the members other than me with a role or core participation, most roles
 * first, then by name, then participation (equal beyond that: either), the first 3; how many
 * members; my own membership.
 */
function expectContacts(
  actual: { count: number; mine?: Member; contacts: Member[] },
  memberships: Membership[],
  me: string | undefined,
  nameOf: (id: string) => string,
  what: string,
): void {
  const mine = memberships.find((m) => m.person === me);
  expect(actual.count, `${what} contacts count`).toBe(memberships.length);
  expect(actual.mine, `${what} my membership`).toEqual(
    mine ? [mine.person, mine.participation] : undefined,
  );
  const eligible = memberships.filter(
    (m) => m.person !== me && ((m.roles ?? []).length > 0 || m.participation === 'core'),
  );
  const compare = (a: Membership, b: Membership) =>
    (b.roles ?? []).length - (a.roles ?? []).length ||
    nameOf(a.person).localeCompare(nameOf(b.person)) ||
    ORDER[a.participation] - ORDER[b.participation];
  const byId = new Map(eligible.map((m) => [m.person, m]));
  const listed = actual.contacts.map(([id]) => byId.get(id)!);
  expect(listed.every(Boolean), `${what} contacts are eligible`).toBe(true);
  expect(new Set(listed).size, `${what} contacts once each`).toBe(listed.length);
  expect(listed.length, `${what} contacts`).toBe(Math.min(3, eligible.length));
  for (let i = 1; i < listed.length; i++)
    expect(compare(listed[i - 1]!, listed[i]!), `${what} contacts order`).toBeLessThanOrEqual(0);
  // Whoever is left out ranks no better than the last one named.
  const last = listed.at(-1);
  for (const m of eligible)
    if (last && !listed.includes(m))
      expect(compare(m, last), `${what} ${m.person} left out`).toBeGreaterThanOrEqual(0);
  for (const [id, participation] of actual.contacts)
    expect(participation, `${what} contact ${id}`).toBe(byId.get(id)!.participation);
}

/**
 * pathTo: none to myself; [me, them] through a visible community we share; else [me, X, them]
 * through someone X (not me, not them) in one of my visible communities and one of theirs.
 */
function expectPaths(
  actual: FeedAnswers['paths'],
  feed: FeedInput,
  viewer: FeedViewer,
  canSee: (c: Community) => boolean,
): void {
  const me = viewer.me;
  if (!me) return expect(actual, 'paths without me').toEqual([]);
  const community = new Map(feed.communities.map((c) => [c.id, c]));
  const visibleOf = (id: string) =>
    new Set(
      feed.memberships
        .filter((m) => m.person === id && canSee(community.get(m.community)!))
        .map((m) => m.community),
    );
  const shared = (a: string, b: string) => [...visibleOf(a)].filter((c) => visibleOf(b).has(c));
  expect(actual.map(([id]) => id)).toEqual(feed.people.map((p) => p.id));
  for (const [target, path] of actual) {
    const what = `path to ${target}`;
    if (target === me) {
      expect(path, what).toBeUndefined();
      continue;
    }
    const direct = shared(me, target);
    const bridges = feed.people
      .map((p) => p.id)
      .filter((x) => x !== me && x !== target && shared(me, x).length && shared(x, target).length);
    if (direct.length > 0) {
      expect(path?.length, what).toBe(2);
      expect(direct, what).toContain(path![0]![1]);
      expect(path![1], what).toEqual([target, undefined]);
    } else if (bridges.length > 0) {
      expect(path?.length, what).toBe(3);
      const [first, middle, last] = path!;
      expect(first![0], what).toBe(me);
      expect(bridges, what).toContain(middle![0]);
      expect(shared(me, middle![0]), what).toContain(first![1]);
      expect(shared(middle![0], target), what).toContain(middle![1]);
      expect(last, what).toEqual([target, undefined]);
    } else {
      expect(path, what).toBeUndefined();
    }
  }
}

/** The popup's documented weights (docs/popup.md, lib/rank/peers.ts). */
function scoreOf(peer: PeerAnswer): number {
  const weight = { core: 6, active: 3, peripheral: 1 };
  const participation = Math.max(0, ...peer.memberships.map(([, p]) => weight[p]));
  const roles = new Set(peer.memberships.flatMap(([, , r]) => r)).size;
  return (
    (peer.level ?? 0) * 4 +
    participation +
    Math.min(roles, 3) * 2 +
    Math.min(peer.sharedWithMe, 3) * 2
  );
}
