// Property tests: the validator never throws, whatever JSON it is given, and whatever it
// accepts satisfies the contract's invariants.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { validateFeed, validateFeedText } from '../../../lib/model/validate';
import { smallFeed } from '../../fixtures/small-feed';

const LISTS = ['units', 'people', 'topics', 'communities', 'memberships', 'expertise'] as const;

describe('validator properties', () => {
  it('never throws on arbitrary JSON values', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const result = validateFeed(value);
        expect(typeof result.ok).toBe('boolean');
      }),
      { numRuns: 500 },
    );
  });

  it('never throws on arbitrary text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (text) => {
        expect(typeof validateFeedText(text).ok).toBe('boolean');
      }),
      { numRuns: 300 },
    );
  });

  it('never throws when any record of a real feed is replaced by arbitrary JSON', () => {
    fc.assert(
      fc.property(fc.constantFrom(...LISTS), fc.nat(), fc.jsonValue(), (list, at, junk) => {
        const feed = smallFeed() as unknown as Record<string, unknown[]>;
        const target = feed[list]!;
        target[at % target.length] = junk;
        const result = validateFeed(feed);
        expect(result.ok).toBe(true);
        if (!result.ok) return;
        // Every record accounted for: landed or reported.
        for (const name of LISTS) {
          const c = result.counts[name];
          expect(c.valid + c.invalid).toBe(c.total);
          expect(result.feed[name]).toHaveLength(c.valid);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('accepted feeds have unique ids and resolving references', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            list: fc.constantFrom(...LISTS),
            at: fc.nat(),
            field: fc.string(),
            value: fc.jsonValue(),
          }),
          {
            maxLength: 6,
          },
        ),
        (edits) => {
          const feed = smallFeed() as unknown as Record<string, Record<string, unknown>[]>;
          for (const edit of edits) {
            const target = feed[edit.list]!;
            if (target.length === 0) continue;
            target[edit.at % target.length]![edit.field] = edit.value;
          }
          const result = validateFeed(feed);
          if (!result.ok) return;
          const f = result.feed;
          const ids = (xs: { id: string }[]) => new Set(xs.map((x) => x.id));
          const people = ids(f.people);
          const topics = ids(f.topics);
          const communities = ids(f.communities);
          const units = ids(f.units);
          expect(people.size).toBe(f.people.length);
          for (const p of f.people) if (p.unit) expect(units.has(p.unit)).toBe(true);
          for (const c of f.communities) {
            for (const t of c.topics) expect(topics.has(t)).toBe(true);
            for (const r of c.related) expect(communities.has(r)).toBe(true);
          }
          for (const m of f.memberships) {
            expect(people.has(m.person)).toBe(true);
            expect(communities.has(m.community)).toBe(true);
          }
          for (const e of f.expertise) {
            expect(people.has(e.person)).toBe(true);
            expect(topics.has(e.topic)).toBe(true);
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});
