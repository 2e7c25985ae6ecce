// Property (issue 12): for any valid feed and any set of k records, each corrupted on its own
// in a field it cannot do without, the landed feed is the original minus exactly those k
// records and their structural dependents per the rule table (memberships and expertise whose
// person, community or topic is gone), with references to them dropped from optional fields
// (a unit's parent, a person's unit, a community's topics and related), and nothing else.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { generateSyntheticFeed } from '../../../lib/demo/synthetic';
import { verdictOf } from '../../../lib/feed/verdict';
import { FEED_LISTS, type Feed, type FeedList } from '../../../lib/model/feed';
import { validateFeed } from '../../../lib/model/validate';

type Json = Record<string, unknown>;

/** One corruption per list, each in a field whose fault costs the record. */
const CORRUPT: Record<FeedList, (record: Json) => void> = {
  units: (r) => void (r.name = ''),
  people: (r) => void (r.name = '   '),
  topics: (r) => void (r.label = ''),
  communities: (r) => void (r.stage = 'thriving'),
  memberships: (r) => void (r.participation = 'lurker'),
  expertise: (r) => void (r.level = 9),
};

function landed(value: unknown): Feed {
  const result = validateFeed(value);
  if (!result.ok) throw new Error(result.error.reason);
  return result.feed;
}

/** The model: the original's landed feed minus the corrupted records and their dependents. */
function expected(original: Feed, corrupted: Map<FeedList, Set<number>>): Feed {
  const gone = (list: FeedList) => corrupted.get(list) ?? new Set<number>();
  const keep = <T>(list: FeedList, records: T[]) => records.filter((_, i) => !gone(list).has(i));
  const goneIds = (list: 'units' | 'people' | 'topics' | 'communities') =>
    new Set(original[list].filter((_, i) => gone(list).has(i)).map((r) => r.id));
  const units = goneIds('units');
  const people = goneIds('people');
  const topics = goneIds('topics');
  const communities = goneIds('communities');
  return {
    ...original,
    units: keep('units', original.units).map((u) => {
      if (u.parent === undefined || !units.has(u.parent)) return u;
      const { parent: _parent, ...rest } = u;
      return rest;
    }),
    people: keep('people', original.people).map((p) => {
      if (p.unit === undefined || !units.has(p.unit)) return p;
      const { unit: _unit, ...rest } = p;
      return rest;
    }),
    topics: keep('topics', original.topics),
    communities: keep('communities', original.communities).map((c) => ({
      ...c,
      topics: c.topics.filter((t) => !topics.has(t)),
      related: c.related.filter((r) => !communities.has(r)),
    })),
    memberships: keep('memberships', original.memberships).filter(
      (m) => !people.has(m.person) && !communities.has(m.community),
    ),
    expertise: keep('expertise', original.expertise).filter(
      (e) => !people.has(e.person) && !topics.has(e.topic),
    ),
  };
}

const feedArbitrary = fc.record({
  seed: fc.integer({ min: 1, max: 10_000 }),
  people: fc.integer({ min: 3, max: 40 }),
  communities: fc.integer({ min: 3, max: 12 }),
  topics: fc.integer({ min: 2, max: 10 }),
  membershipsPerPerson: fc.integer({ min: 1, max: 3 }),
});

describe('fault isolation by record (property)', () => {
  it('lands the original minus exactly the corrupted records and their dependents', () => {
    fc.assert(
      fc.property(
        feedArbitrary,
        fc.array(fc.tuple(fc.constantFrom(...FEED_LISTS), fc.nat()), { maxLength: 8 }),
        (options, picks) => {
          const input = generateSyntheticFeed(options) as unknown as Record<FeedList, Json[]>;
          const original = landed(input);
          const corrupted = new Map<FeedList, Set<number>>();
          const copy = structuredClone(input);
          for (const [list, n] of picks) {
            if (copy[list].length === 0) continue;
            const index = n % copy[list].length;
            if (!corrupted.has(list)) corrupted.set(list, new Set());
            corrupted.get(list)!.add(index);
            CORRUPT[list](copy[list][index]!);
          }
          const k = [...corrupted.values()].reduce((n, s) => n + s.size, 0);
          const result = validateFeed(copy);
          if (!result.ok) throw new Error(result.error.reason);
          expect(result.feed).toEqual(expected(original, corrupted));
          // The threshold counts exactly the k records bad in themselves.
          const verdict = verdictOf(result, { maxInvalidShare: 1 });
          expect(verdict.ok && verdict.counts.faulty).toBe(k);
          expect(result.problems.filter((p) => p.effect === 'skipped')).toHaveLength(k);
        },
      ),
      { numRuns: 150 },
    );
  });
});
