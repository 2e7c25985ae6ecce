// Changes files as the feed tool writes them (lib/feedtool/changes-build.ts): between any two
// clean documents, landing the upserts and removals on the earlier document's records gives
// exactly the later document's validated records and the declared state (property-tested over
// random edits); only added and changed records are upserted; and no changes file is written
// when either document has a record problem of any kind, the feed ids differ, or it would
// cost more than half the document.
import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  keyOf,
  parseChanges,
  removalKey,
  stateOf,
  type FeedChanges,
} from '../../../lib/feed/changes';
import { recordHash } from '../../../lib/feed/record-hash';
import { generateSyntheticFeed } from '../../../lib/demo/synthetic';
import { changesBetween, changesFile, changesOrWhy } from '../../../lib/feedtool/changes-build';
import { FEED_LISTS, type Feed, type FeedInput, type FeedList } from '../../../lib/model/feed';
import { validateFeedText, type ProblemEffect } from '../../../lib/model/validate';

const bytes = (text: string) => Buffer.from(text);
const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/** The changes file between two documents, read back (undefined when none is written). */
function changesOf(base: string, next: string): FeedChanges | undefined {
  const text = changesBetween(bytes(base), sha256(base), bytes(next), sha256(next));
  return text === undefined ? undefined : readBack(text);
}

function readBack(text: string): FeedChanges {
  const parsed = parseChanges(bytes(text));
  if (!parsed.ok) throw new Error(parsed.reason);
  return parsed.changes;
}

function validated(text: string): Feed {
  const validation = validateFeedText(text);
  if (!validation.ok) throw new Error(validation.error.reason);
  expect(validation.problems).toEqual([]);
  return validation.feed;
}

/** Key → record per list: what a client holding the document stores. */
function recordsByKey(feed: Feed): Record<FeedList, Map<string, unknown>> {
  return Object.fromEntries(
    FEED_LISTS.map((list) => [
      list,
      new Map((feed[list] as unknown[]).map((record) => [keyOf(list, record), record])),
    ]),
  ) as Record<FeedList, Map<string, unknown>>;
}

/** Lands a changes file on stored records as a client does: removals, then upserts. */
function land(stored: Record<FeedList, Map<string, unknown>>, changes: FeedChanges) {
  for (const list of FEED_LISTS) {
    for (const entry of changes.remove[list] ?? []) {
      expect(stored[list].delete(removalKey(list, entry)), `${list} removes a stored key`).toBe(
        true,
      );
    }
    for (const record of changes.upsert[list] ?? []) stored[list].set(keyOf(list, record), record);
  }
  return stored;
}

function hashesOf(records: Record<FeedList, Map<string, unknown>>) {
  return Object.fromEntries(
    FEED_LISTS.map((list) => [
      list,
      new Map([...records[list]].map(([key, record]) => [key, recordHash(record)])),
    ]),
  ) as Record<FeedList, Map<string, number>>;
}

/** Sorted [key, record] entries, to compare record sets whatever their order. */
const entries = (records: Map<string, unknown>) =>
  [...records].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));

const small = () => generateSyntheticFeed({ people: 60, seed: 7 });
const later = (feed: FeedInput) => ({
  ...structuredClone(feed),
  generatedAt: '2026-11-02T09:00:00Z',
});

/** Removes a person with the memberships and expertise entries that name them. */
function dropPerson(feed: FeedInput, at: number): void {
  const [person] = feed.people.splice(at % feed.people.length, 1);
  if (!person) return;
  feed.memberships = (feed.memberships ?? []).filter((m) => m.person !== person.id);
  feed.expertise = (feed.expertise ?? []).filter((e) => e.person !== person.id);
}

describe('changesBetween', () => {
  it('upserts exactly the added and changed records and removes exactly the removed ones', () => {
    const feed = small();
    const next = later(feed);
    next.people[5]!.title = 'Changed title';
    const gone = next.people[7]!.id;
    dropPerson(next, 7);
    next.people.push({ id: 'p-new', name: 'Zoë Newcomer', unit: next.people[0]!.unit });
    const membership = next.memberships.find((m) => m.person !== gone)!;
    membership.participation = membership.participation === 'core' ? 'active' : 'core';
    const base = JSON.stringify(feed);
    const text = JSON.stringify(next, null, 2);
    const changes = changesOf(base, text)!;

    const after = validated(text);
    const changedMembership = after.memberships.find(
      (m) => m.person === membership.person && m.community === membership.community,
    );
    expect(changes.upsert).toEqual({
      people: [after.people.find((p) => p.id === 'p-5'), after.people.at(-1)],
      memberships: [changedMembership],
    });
    expect(changes.upsert.people![1]).toMatchObject({ id: 'p-new', emails: [], aliases: [] });
    expect(changes.remove).toEqual({
      people: [gone],
      memberships: feed.memberships
        .filter((m) => m.person === gone)
        .map((m) => [gone, m.community]),
      expertise: feed.expertise.filter((e) => e.person === gone).map((e) => [gone, e.topic]),
    });
    expect(changes.remove.memberships!.length).toBeGreaterThan(0);
    expect(changes).toMatchObject({
      format: 'constellation-feed-changes',
      version: 1,
      from: sha256(base),
      to: sha256(text),
      feedId: feed.feedId,
      generatedAt: '2026-11-02T09:00:00Z',
      organization: after.organization,
    });
    expect(changes.state).toEqual(stateOf(hashesOf(recordsByKey(after))));
    expect(changes.state.people.count).toBe(feed.people.length);
  });

  it('lands on the earlier records as exactly the later document, for any edits', () => {
    const feed = small();
    const edit = fc.tuple(
      fc.constantFrom(
        'title',
        'add-person',
        'drop-person',
        'move-person',
        'participation',
        'drop-membership',
        'add-membership',
        'level',
        'drop-expertise',
        'topic-label',
        'drop-topic',
        'add-topic',
        'community-domain',
        'drop-community',
        'unit-name',
        'add-unit',
        'drop-unit',
      ),
      fc.nat(),
    );
    fc.assert(
      fc.property(fc.array(edit, { maxLength: 8 }), (edits) => {
        const next = later(feed);
        edits.forEach(([kind, at], n) => applyEdit(next, kind, at, n));
        const base = validated(JSON.stringify(feed));
        const text = JSON.stringify(next);
        const nextFeed = validated(text);
        const changes = readBack(changesFile(base, sha256('base'), nextFeed, sha256(text)));

        const before = recordsByKey(base);
        const after = recordsByKey(nextFeed);
        for (const list of FEED_LISTS) {
          // Only what is new or different is sent, in document order; only what went is removed.
          const expected = [...after[list]]
            .filter(
              ([key, record]) => JSON.stringify(before[list].get(key)) !== JSON.stringify(record),
            )
            .map(([, record]) => record);
          expect(changes.upsert[list] ?? [], list).toEqual(expected);
          const removed = [...before[list].keys()].filter((key) => !after[list].has(key));
          expect(
            (changes.remove[list] ?? []).map((e) => removalKey(list, e)),
            list,
          ).toEqual(removed);
        }
        const landed = land(before, changes);
        for (const list of FEED_LISTS)
          expect(entries(landed[list]), list).toEqual(entries(after[list]));
        expect(stateOf(hashesOf(landed))).toEqual(changes.state);
      }),
      { numRuns: 150 },
    );
  });

  it('upserts nothing when only the bytes changed, not the validated records', () => {
    const feed = small();
    const next = later(feed);
    // An explicit default is the same validated record.
    next.people[3]!.emails = next.people[3]!.emails ?? [];
    next.communities[2]!.visibility = next.communities[2]!.visibility ?? 'public';
    const changes = changesOf(JSON.stringify(feed), JSON.stringify(next, null, 1))!;
    expect(changes.upsert).toEqual({});
    expect(changes.remove).toEqual({});
    expect(changes.state).toEqual(stateOf(hashesOf(recordsByKey(validated(JSON.stringify(feed))))));
  });

  it('is the same file every time, lists in feed order', () => {
    const feed = small();
    const next = later(feed);
    next.expertise[0]!.level = next.expertise[0]!.level === 5 ? 4 : 5;
    next.people[0]!.title = 'First';
    next.units.push({ id: 'u-new', name: 'New Unit' });
    const [base, text] = [JSON.stringify(feed), JSON.stringify(next)];
    const first = changesBetween(bytes(base), sha256(base), bytes(text), sha256(text));
    expect(changesBetween(bytes(base), sha256(base), bytes(text), sha256(text))).toBe(first);
    expect(Object.keys(changesOf(base, text)!.upsert)).toEqual(['units', 'people', 'expertise']);
    expect(Object.keys(JSON.parse(first!) as object)).toEqual([
      'format',
      'version',
      'from',
      'to',
      'feedId',
      'generatedAt',
      'organization',
      'upsert',
      'remove',
      'state',
    ]);
  });
});

describe('changesBetween writes nothing', () => {
  const feed = small();
  const clean = JSON.stringify(later(feed));
  const base = JSON.stringify(feed);

  /** A document with one problem of the given effect (checked with the validator). */
  function faulty(effect: ProblemEffect): string {
    const next = later(feed);
    if (effect === 'dropped') next.people[4]!.emails = ['not an email'];
    if (effect === 'skipped') (next.people[4] as { name?: string }).name = '';
    if (effect === 'dependent') (next.topics[0] as { label?: string }).label = '';
    const text = JSON.stringify(next);
    const validation = validateFeedText(text);
    expect(validation.ok && validation.problems.map((p) => p.effect)).toContain(effect);
    return text;
  }

  it.each(['dropped', 'skipped', 'dependent'] as const)(
    'from or to a document with a problem that cost %s',
    (effect) => {
      const bad = faulty(effect);
      expect(changesOf(base, clean)).toBeDefined();
      expect(changesOf(bad, clean)).toBeUndefined();
      expect(changesOf(base, bad)).toBeUndefined();
    },
  );

  it('says why, naming what is wrong and where', () => {
    const why = (from: string, to: string) => {
      const result = changesOrWhy(bytes(from), sha256(from), bytes(to), sha256(to));
      return 'why' in result ? result.why : undefined;
    };
    expect(why(base, clean)).toBeUndefined();
    expect(why(base, faulty('skipped'))).toMatch(
      /^the new document: it has \d+ record problems \(the first: people\[4\]\.name: .+\)$/,
    );
    expect(why(faulty('dropped'), clean)).toMatch(
      /^the earlier document: it has a record problem \(the first: people\[4\]\.emails\[0\]: /,
    );
    expect(why(base, JSON.stringify({ ...later(feed), feedId: 'another-feed' }))).toBe(
      `the earlier document is another feed ("${feed.feedId}", now "another-feed")`,
    );
    expect(why('<html>sign in</html>', clean)).toMatch(
      /^the earlier document: it is not a valid feed \(.+\)$/,
    );
    const big = later(feed);
    big.people.forEach((person, i) => (person.title = `Changed title ${i}`));
    big.memberships.forEach((m) => (m.since = '2020-01-01'));
    big.expertise.forEach((e) => (e.level = e.level === 5 ? 4 : 5));
    expect(why(base, JSON.stringify(big))).toMatch(
      /^it would be \d+% of the document \(over 50%: not worth fetching\)$/,
    );
  });

  it('between feeds with different ids, or from something that is not a feed', () => {
    const other = JSON.stringify({ ...later(feed), feedId: 'another-feed' });
    expect(changesOf(base, other)).toBeUndefined();
    expect(changesOf('<html>sign in</html>', clean)).toBeUndefined();
    expect(changesOf('{"format":"constellation-feed"', clean)).toBeUndefined();
    expect(changesOf(base, '')).toBeUndefined();
  });

  it('when it would cost more than half the document', () => {
    const next = later(feed);
    next.people.forEach((person, i) => (person.title = `Changed title ${i}`));
    next.memberships.forEach((m) => (m.since = '2020-01-01'));
    next.expertise.forEach((e) => (e.level = e.level === 5 ? 4 : 5));
    const text = JSON.stringify(next);
    expect(validateFeedText(text)).toMatchObject({ ok: true, problems: [] });
    expect(changesOf(base, text)).toBeUndefined();
  });
});

/** One random edit that keeps the document free of record problems. */
function applyEdit(feed: FeedInput, kind: string, at: number, n: number): void {
  const memberships = (feed.memberships ??= []);
  const expertise = (feed.expertise ??= []);
  const pick = <T>(list: T[]): T | undefined => list[at % Math.max(1, list.length)];
  switch (kind) {
    case 'title': {
      const person = pick(feed.people);
      if (person) person.title = `Title ${n}`;
      return;
    }
    case 'add-person':
      feed.people.push({ id: `p-added-${n}`, name: `Added Person ${n}` });
      return;
    case 'drop-person':
      if (feed.people.length > 0) dropPerson(feed, at);
      return;
    case 'move-person': {
      const [person] = feed.people.splice(at % Math.max(1, feed.people.length), 1);
      if (person) feed.people.push(person);
      return;
    }
    case 'participation': {
      const membership = pick(memberships);
      if (membership)
        membership.participation = membership.participation === 'core' ? 'peripheral' : 'core';
      return;
    }
    case 'drop-membership':
      memberships.splice(at % Math.max(1, memberships.length), 1);
      return;
    case 'add-membership': {
      const person = pick(feed.people);
      const taken = new Set(
        memberships.filter((m) => m.person === person?.id).map((m) => m.community),
      );
      const community = feed.communities.find((c) => !taken.has(c.id));
      if (person && community)
        memberships.push({ person: person.id, community: community.id, participation: 'active' });
      return;
    }
    case 'level': {
      const entry = pick(expertise);
      if (entry) entry.level = (entry.level % 5) + 1;
      return;
    }
    case 'drop-expertise':
      expertise.splice(at % Math.max(1, expertise.length), 1);
      return;
    case 'topic-label': {
      const topic = pick(feed.topics);
      if (topic) topic.label = `Label ${n}`;
      return;
    }
    case 'drop-topic': {
      const [topic] = feed.topics.splice(at % Math.max(1, feed.topics.length), 1);
      if (!topic) return;
      for (const c of feed.communities) c.topics = (c.topics ?? []).filter((t) => t !== topic.id);
      feed.expertise = expertise.filter((e) => e.topic !== topic.id);
      return;
    }
    case 'add-topic':
      feed.topics.push({ id: `t-added-${n}`, label: `Added topic ${n}` });
      return;
    case 'community-domain': {
      const community = pick(feed.communities);
      if (community) community.domain = `Domain ${n}`;
      return;
    }
    case 'drop-community': {
      const [community] = feed.communities.splice(at % Math.max(1, feed.communities.length), 1);
      if (!community) return;
      for (const c of feed.communities)
        c.related = (c.related ?? []).filter((r) => r !== community.id);
      feed.memberships = memberships.filter((m) => m.community !== community.id);
      return;
    }
    case 'unit-name': {
      const unit = pick(feed.units);
      if (unit) unit.name = `Unit ${n}`;
      return;
    }
    case 'add-unit':
      feed.units.push({ id: `u-added-${n}`, name: `Added unit ${n}`, parent: feed.units[0]?.id });
      return;
    case 'drop-unit': {
      const [unit] = feed.units.splice(at % Math.max(1, feed.units.length), 1);
      if (!unit) return;
      for (const u of feed.units) if (u.parent === unit.id) delete u.parent;
      for (const p of feed.people) if (p.unit === unit.id) delete p.unit;
      return;
    }
  }
}
