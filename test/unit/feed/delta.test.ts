// The delta file format and its encoder: any pair of documents round-trips byte for byte
// (property-tested), a local change stays local (a literal of about that record; the rest
// copied), and malformed deltas are refused with where and why, never applied.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyDelta, parseDelta, type DeltaOp } from '../../../lib/feed/delta';
import { encodeDelta } from '../../../lib/feedtool/delta-encode';
import { generateSyntheticFeed } from '../../../lib/demo/synthetic';

const bytes = (text: string) => new TextEncoder().encode(text);
const text = (b: Uint8Array) => new TextDecoder().decode(b);

function roundTrip(base: string, next: string): DeltaOp[] {
  const ops = encodeDelta(bytes(base), bytes(next));
  const applied = applyDelta(bytes(base), ops, 1e9);
  if (!applied.ok) throw new Error(applied.reason);
  expect(text(applied.bytes)).toBe(next);
  return ops;
}

const literalBytes = (ops: DeltaOp[]) =>
  ops.reduce((n, op) => n + (typeof op === 'string' ? bytes(op).length : 0), 0);

describe('encodeDelta + applyDelta', () => {
  it('rebuild any document from any other, byte for byte', () => {
    const record = fc.record({ id: fc.string(), n: fc.integer(), tags: fc.array(fc.string()) });
    fc.assert(
      fc.property(fc.array(record), fc.array(record), fc.boolean(), (a, b, indent) => {
        const space = indent ? 2 : undefined;
        roundTrip(JSON.stringify(a, null, space), JSON.stringify(b, null, space));
      }),
      { numRuns: 200 },
    );
  });

  it('rebuild after edits, removals and insertions, with unicode text', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ id: fc.uuid(), name: fc.string({ unit: 'grapheme' }) }), {
          minLength: 1,
          maxLength: 40,
        }),
        fc.array(fc.tuple(fc.nat(), fc.constantFrom('edit', 'drop', 'add'))),
        (people, edits) => {
          const next = structuredClone(people);
          for (const [at, kind] of edits) {
            const i = at % Math.max(1, next.length);
            if (kind === 'edit' && next[i]) next[i].name += 'é✓';
            if (kind === 'drop') next.splice(i, 1);
            if (kind === 'add') next.splice(i, 0, { id: `new-${at}`, name: 'Zoë' });
          }
          roundTrip(JSON.stringify(people), JSON.stringify(next));
        },
      ),
      { numRuns: 200 },
    );
  });

  it('keeps a change local: one changed person costs about that person, not the document', () => {
    const feed = generateSyntheticFeed({ people: 2000, seed: 5 });
    const base = JSON.stringify(feed);
    feed.people[1234]!.title = 'Changed title';
    const ops = roundTrip(base, JSON.stringify(feed));
    expect(literalBytes(ops)).toBeGreaterThan(0);
    expect(literalBytes(ops)).toBeLessThan(400);
    expect(ops.length).toBeLessThanOrEqual(3);
  });

  it('stays small when people are removed or added in the middle', () => {
    const feed = generateSyntheticFeed({ people: 2000, seed: 5 });
    const base = JSON.stringify(feed);
    const [removed] = feed.people.splice(700, 1);
    feed.people.splice(1500, 0, { ...removed!, id: 'p-moved-in' });
    const ops = roundTrip(base, JSON.stringify(feed));
    expect(literalBytes(ops)).toBeLessThan(1000);
  });

  it('an identical document is one copy', () => {
    const doc = JSON.stringify(generateSyntheticFeed({ people: 50, seed: 1 }));
    expect(roundTrip(doc, doc)).toEqual([[0, bytes(doc).length]]);
  });
});

describe('parseDelta', () => {
  const hex = 'a'.repeat(64);
  const good = { format: 'constellation-feed-delta', version: 1, from: hex, to: hex, ops: [] };
  it.each([
    ['not JSON', '<html>', 'the delta is not UTF-8 JSON'],
    [
      'another format',
      JSON.stringify({ ...good, format: 'x' }),
      '"format" is not "constellation-feed-delta"',
    ],
    ['another version', JSON.stringify({ ...good, version: 2 }), 'unsupported delta version 2'],
    ['a bad hash', JSON.stringify({ ...good, from: 'abc' }), '"from" is not a SHA-256 in hex'],
    [
      'a bad op',
      JSON.stringify({ ...good, ops: ['x', [5, 2]] }),
      'ops[1] is neither [start, end] nor a string',
    ],
    [
      'a fractional op',
      JSON.stringify({ ...good, ops: [[0, 1.5]] }),
      'ops[0] is neither [start, end] nor a string',
    ],
  ])('refuses %s', (_what, body, reason) => {
    expect(parseDelta(bytes(body))).toEqual({ ok: false, reason });
  });

  it('reads a good delta', () => {
    expect(parseDelta(bytes(JSON.stringify({ ...good, ops: [[0, 3], 'x'] })))).toMatchObject({
      ok: true,
      delta: { ops: [[0, 3], 'x'] },
    });
  });
});

describe('applyDelta', () => {
  it('refuses a copy beyond the base and a result beyond the cap', () => {
    expect(applyDelta(bytes('abc'), [[0, 4]], 100)).toEqual({
      ok: false,
      reason: 'ops[0] copies up to byte 4 of a 3-byte document',
    });
    expect(applyDelta(bytes('abc'), [[0, 3], 'defg'], 5)).toEqual({
      ok: false,
      reason: 'the rebuilt document would exceed 5 bytes',
    });
  });
});
