// A record whose only fault is a droppable value is repaired (record-parse.ts) and lands. The
// contract ignores unknown fields (FEED-V1.md), so what such a field holds must change nothing
// on that path either: not a `__proto__` key (JSON.parse makes it an own field, which a copy by
// assignment turns into the copy's prototype, whose fields the schema then reads), and not a
// value nested thousands deep (which a recursive copy overflows the stack on, refusing the
// whole document).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { validateFeedText, type FeedValidation } from '../../../lib/model/validate';
import { validateFeedBytes } from '../../../lib/model/validate-bytes';
import { smallFeedJson } from '../../fixtures/small-feed';

/** A small feed's text with people[0] written as `person` (raw JSON text). */
function feedWithPerson(person: string): string {
  const feed = smallFeedJson();
  const marker = '"__person_0__"';
  (feed.people as unknown[])[0] = '__person_0__';
  return JSON.stringify(feed).replace(marker, () => person);
}

/** The verdicts of both paths (streamed and whole document) on `text`. */
function bothPaths(text: string): FeedValidation[] {
  return [validateFeedText(text), validateFeedBytes(new TextEncoder().encode(text), 64)];
}

const ALICE = '"id":"p-alice","name":"Alice Chen","unit":"claims","emails":["alice@acme.example"]';

describe('repairing a record ignores its unknown fields', () => {
  it('does not read fields from a "__proto__" field', () => {
    const text = feedWithPerson(
      `{${ALICE},"title":5,"__proto__":{"avatar":"https://evil.example/a.png","unit":"nowhere","timezone":"Europe/Berlin"}}`,
    );
    for (const result of bothPaths(text)) {
      expect(result.ok).toBe(true);
      if (!result.ok) continue;
      expect(result.feed.people[0]).toEqual({
        id: 'p-alice',
        name: 'Alice Chen',
        unit: 'claims',
        emails: ['alice@acme.example'],
        handles: {},
        aliases: [],
      });
      expect(result.problems.map((p) => p.path)).toEqual(['people[0].title']);
    }
  });

  it('lands the feed when a repaired record carries a deeply nested unknown field', () => {
    const deep = '['.repeat(20_000) + ']'.repeat(20_000);
    const text = feedWithPerson(`{${ALICE},"title":5,"extra":${deep}}`);
    for (const result of bothPaths(text)) {
      expect(result.ok ? '' : result.error.reason).toBe('');
      if (!result.ok) continue;
      expect(result.feed.people.map((p) => p.id)).toEqual([
        'p-alice',
        'p-bob',
        'p-jose',
        'p-carol',
      ]);
      expect(result.problems).toEqual([
        expect.objectContaining({ path: 'people[0].title', effect: 'dropped' }),
      ]);
    }
  });

  it('lands the same record whatever unknown field it carries (property)', () => {
    const base = `{${ALICE},"title":5,"emails":["not an email","alice@acme.example"]`;
    const landed = (text: string) => {
      const result = validateFeedText(text);
      if (!result.ok) throw new Error(result.error.reason);
      return { person: result.feed.people[0], problems: result.problems };
    };
    const plain = landed(feedWithPerson(`${base}}`));
    fc.assert(
      fc.property(
        fc.constantFrom('__proto__', 'constructor', 'prototype', 'toString', 'x'),
        fc.oneof(
          fc.jsonValue({ maxDepth: 3 }),
          // Values the schema would take, were it to read them.
          fc.record(
            {
              avatar: fc.constant('https://evil.example/a.png'),
              company: fc.constant('Evil Corp'),
              timezone: fc.constant('UTC'),
              handles: fc.constant({ 'github.com': 'evil' }),
            },
            { requiredKeys: [] },
          ),
        ),
        (key, value) => {
          const text = feedWithPerson(`${base},${JSON.stringify(key)}:${JSON.stringify(value)}}`);
          expect(landed(text)).toEqual(plain);
        },
      ),
      { numRuns: 300, seed: 19 },
    );
  });
});
