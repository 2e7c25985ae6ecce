// Array helpers for lists that grow with a directory (lib/arrays.ts): what a spread call would
// give, for any number of items, where a spread call throws past about 125,000 arguments.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { appendAll, extent } from '../../lib/arrays';

const MANY = 300_000;

describe('appendAll', () => {
  it('appends in order to what is there and returns the target', () => {
    const target = ['a'];
    expect(appendAll(target, ['b', 'c'])).toBe(target);
    expect(target).toEqual(['a', 'b', 'c']);
    expect(appendAll(target, new Set(['d']).values())).toEqual(['a', 'b', 'c', 'd']);
  });

  it('takes more items than a spread call can pass', () => {
    const items = Array.from({ length: MANY }, (_, i) => i);
    expect(() => [0].push(...items)).toThrow(RangeError);
    const target = [-1];
    appendAll(target, items);
    expect(target).toHaveLength(MANY + 1);
    expect(target[0]).toBe(-1);
    expect(target[MANY]).toBe(MANY - 1);
  });
});

describe('extent', () => {
  it('equals Math.min and Math.max of the same numbers', () => {
    fc.assert(
      fc.property(fc.array(fc.double()), (values) => {
        expect(extent(values)).toEqual({ min: Math.min(...values), max: Math.max(...values) });
      }),
      { numRuns: 2_000 },
    );
  });

  it('gives Infinity and -Infinity for none, NaN for a NaN, and tells -0 from 0 as Math does', () => {
    expect(extent([])).toEqual({ min: Infinity, max: -Infinity });
    expect(extent([1, NaN, 2])).toEqual({ min: NaN, max: NaN });
    for (const values of [
      [0, -0],
      [-0, 0],
    ]) {
      expect(Object.is(extent(values).min, -0)).toBe(true);
      expect(Object.is(extent(values).max, 0)).toBe(true);
    }
  });

  it('takes more numbers than a spread call can pass', () => {
    const values = Array.from({ length: MANY }, (_, i) => (i * 7919) % MANY);
    expect(() => Math.max(...values)).toThrow(RangeError);
    expect(extent(values)).toEqual({ min: 0, max: MANY - 1 });
  });
});
