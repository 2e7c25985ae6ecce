// Validating from bytes a batch of records at a time (validate-bytes.ts, document-layout.ts)
// must give the very verdict of decoding and parsing the whole document: the same feed, the
// same problems with the same paths, the same counts and the same refusal wording, for good
// documents, faulty ones and bytes that are not a feed at all.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { generateSyntheticFeed } from '../../../lib/demo/synthetic';
import { documentLayout } from '../../../lib/model/document-layout';
import { validateFeedBytes, validateWholeBytes } from '../../../lib/model/validate-bytes';
import { smallFeed } from '../../fixtures/small-feed';
import { FIXTURES } from '../feedtool/helpers';

const encode = (text: string) => new TextEncoder().encode(text);

/** Both paths on the same bytes, with batches of a few hundred bytes and of the default size. */
function expectSameVerdict(bytes: Uint8Array, name = '') {
  const whole = validateWholeBytes(bytes);
  expect(validateFeedBytes(bytes, 300), name).toEqual(whole);
  expect(validateFeedBytes(bytes), name).toEqual(whole);
  return whole;
}

/** The bytes of `text` with the first letter of Alice's name made a byte UTF-8 never has. */
function notUtf8(text: string): Uint8Array {
  const bytes = encode(text.replace('Alice Chen', 'Xlice Chen'));
  bytes[bytes.indexOf(0x58)] = 0xff;
  return bytes;
}

function faultyFeed(): Record<string, unknown> {
  const feed = generateSyntheticFeed({ people: 80, seed: 7 }) as unknown as Record<
    string,
    Record<string, unknown>[]
  >;
  feed.communities![1]!.stage = 'thriving';
  feed.communities![2]!.related = ['c-nowhere', feed.communities![2]!.id];
  feed.communities![3]!.topics = ['t-nowhere'];
  feed.people![1]!.emails = ['not-an-email'];
  feed.people![2]!.name = '';
  feed.people![3]!.unit = 'u-gone';
  feed.people!.push({ ...feed.people![4]! });
  feed.memberships!.push({ person: 'p-ghost', community: 'c-0', participation: 'core' });
  feed.memberships!.push({ ...feed.memberships![0]! });
  feed.memberships![5]!.roles = ['chief'];
  feed.expertise![6]!.level = 0;
  return feed;
}

describe('validating from bytes, a batch of records at a time', () => {
  it('reads the lists in batches and cuts their insides out of the envelope', () => {
    const text = JSON.stringify(smallFeed());
    const bytes = encode(text);
    const layout = documentLayout(bytes, 200)!;
    expect(layout).not.toBeNull();
    const decode = (start: number, end: number) =>
      new TextDecoder().decode(bytes.subarray(start, end));
    const envelope = JSON.parse(
      layout.envelope.map(([start, end]) => decode(start, end)).join(''),
    ) as Record<string, unknown>;
    const feed = smallFeed() as unknown as Record<string, unknown[]>;
    for (const list of ['units', 'people', 'topics', 'communities', 'memberships', 'expertise']) {
      expect(envelope[list], list).toEqual([]);
      const laid = layout.lists[list as 'people']!;
      expect(laid.count, list).toBe(feed[list]!.length);
      const records = laid.batches.flatMap(
        (b) => JSON.parse(`[${decode(b.start, b.end)}]`) as unknown[],
      );
      expect(records, list).toEqual(feed[list]);
    }
    expect(layout.lists.people!.batches.length).toBeGreaterThan(1);
  });

  it('never parses the whole document at once', () => {
    const bytes = encode(JSON.stringify(faultyFeed()));
    const parse = vi.spyOn(JSON, 'parse');
    try {
      const verdict = validateFeedBytes(bytes, 2000);
      expect(verdict.ok).toBe(true);
      const longest = Math.max(...parse.mock.calls.map(([text]) => text.length));
      expect(parse.mock.calls.length).toBeGreaterThan(10);
      expect(longest).toBeLessThan(2000 + 1000);
    } finally {
      parse.mockRestore();
    }
  });

  it('gives the verdict of the whole document for good and faulty feeds', () => {
    const valid = expectSameVerdict(encode(JSON.stringify(smallFeed())), 'small');
    expect(valid.ok).toBe(true);
    const faulty = expectSameVerdict(encode(JSON.stringify(faultyFeed(), null, 2)), 'faulty');
    expect(faulty.ok && faulty.problems.length).toBeGreaterThan(8);
    const feedsDir = path.join(FIXTURES, 'feeds');
    for (const file of readdirSync(feedsDir)) {
      expectSameVerdict(readFileSync(path.join(feedsDir, file)), file);
    }
  });

  it('words every refusal as the whole-document path does', () => {
    const feed = JSON.stringify(smallFeed());
    const cases: [string, string | Uint8Array, string][] = [
      ['empty', '', 'the body is empty'],
      ['HTML', '<!doctype html><title>Sign in</title>', 'HTML'],
      ['truncated', feed.slice(0, feed.length - 40), 'not valid JSON'],
      ['a number among the units', feed.replace('"units":[', '"units":[1,'), ''],
      ['a trailing comma in a list', feed.replace('}],"people"', '},],"people"'), 'not valid JSON'],
      ['an array', JSON.stringify([smallFeed()]), 'not a JSON object'],
      [
        'a list that is no array',
        feed.replace(/"people":\[.*?\],"topics"/, '"people":{},"topics"'),
        'must be an array',
      ],
      ['a wrong version', feed.replace('"version":1', '"version":2'), 'unsupported feed version'],
      [
        'a wrong version and a broken record',
        feed.replace('"version":1', '"version":2').replace('"units":[', '"units":[{,'),
        'not valid JSON',
      ],
      [
        'a wrong version and bytes that are not UTF-8',
        notUtf8(feed.replace('"version":1', '"version":2')),
        'not UTF-8',
      ],
      ['two byte order marks', `\uFEFF\uFEFF${feed}`, ''],
      ['one byte order mark and white space', `\uFEFF \n\t${feed}\n`, ''],
    ];
    expect(feed).toContain('Alice Chen');
    expect(feed).not.toContain('X');
    for (const [name, body, reason] of cases) {
      const bytes = typeof body === 'string' ? encode(body) : body;
      const verdict = expectSameVerdict(bytes, name);
      if (reason) {
        expect(verdict.ok, name).toBe(false);
        if (!verdict.ok) expect(verdict.error.reason, name).toContain(reason);
      }
    }
  });

  it('reads a list named twice, escaped or nested as JSON.parse does', () => {
    const feed = smallFeed() as unknown as Record<string, unknown>;
    const text = JSON.stringify(feed);
    const bodies = [
      // The last copy of a key wins; a list named twice is read by the whole-document path.
      text.replace('{', '{"people":[{"id":"p-first"}],'),
      text.replace('{', '{"people":"not yet",'),
      `${text.slice(0, -1)},"people":7}`,
      // A key spelled with escapes is still the list.
      text.replace('"people":', '"peo\\u0070le":'),
      // Lists inside another value are not the document's lists.
      text.replace('"organization":{', '"organization":{"people":[1,2],'),
      // The lists in another order than the schema's.
      JSON.stringify(Object.fromEntries(Object.entries(feed).reverse())),
    ];
    for (const [n, body] of bodies.entries()) expectSameVerdict(encode(body), `body ${n}`);
  });

  it('agrees with the whole-document path on edited documents', () => {
    const base = JSON.stringify(faultyFeed());
    fc.assert(
      fc.property(
        fc.array(
          fc.record({ at: fc.nat(), cut: fc.nat({ max: 4 }), insert: fc.string({ maxLength: 4 }) }),
          { minLength: 1, maxLength: 3 },
        ),
        (edits) => {
          let text = base;
          for (const { at, cut, insert } of edits) {
            const i = at % text.length;
            text = text.slice(0, i) + insert + text.slice(i + cut);
          }
          expectSameVerdict(encode(text));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('agrees with the whole-document path on arbitrary JSON with feed-like keys', () => {
    const key = fc.constantFrom('format', 'version', 'people', 'units', 'memberships', 'x');
    fc.assert(
      fc.property(fc.dictionary(key, fc.jsonValue({ maxDepth: 3 })), (doc) => {
        expectSameVerdict(encode(JSON.stringify({ ...smallFeed(), ...doc })));
      }),
      { numRuns: 200 },
    );
  });
});
