// A feed's stored fingerprint as the changes path reads it (lib/db/fingerprints.ts): the whole
// fingerprint searched in place through its hash index, a layer of changes over it, and the
// per-list count and hash sum kept as records are set and deleted. Each is checked against a
// plain map of the same keys.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { packFingerprint, StoredFingerprint } from '../../../lib/db/fingerprints';
import type { FingerprintLists } from '../../../lib/db/sync-schema';
import { hashSumOf, shiftHashSum, stateOf } from '../../../lib/feed/changes';
import { hash53 } from '../../../lib/feed/record-hash';
import { FEED_LISTS, type FeedList } from '../../../lib/model/lists';

/** Keys that stress the index: prefixes of each other, one character apart, non-ASCII, pairs. */
const KEY = fc.oneof(
  fc.constantFrom('a', 'ab', 'abc', 'b', 'ba', 'p-1', 'p-10', 'p-100', 'ç', 'ça', '名前'),
  fc.string({ minLength: 1, maxLength: 6 }).map((s) => s.replace(/\s/g, '_')),
  fc
    .tuple(fc.constantFrom('p-1', 'p-2'), fc.constantFrom('c-1', 'c-2'))
    .map(([a, b]) => `${a}\u0000${b}`),
);
const HASH = fc.oneof(fc.constant(-1), fc.nat({ max: 2 ** 53 - 1 }));
const LIST = fc.constantFrom<FeedList>(...FEED_LISTS);
const EDIT = fc.record({ list: LIST, key: KEY, hash: fc.option(HASH, { nil: undefined }) });

function emptyFingerprint(): FingerprintLists {
  return Object.fromEntries(FEED_LISTS.map((list) => [list, new Map()])) as FingerprintLists;
}

/** Every key and hash the stored fingerprint holds, as maps. */
function listsOf(fp: StoredFingerprint): FingerprintLists {
  return Object.fromEntries(
    FEED_LISTS.map((list) => [list, new Map(fp.entries(list))]),
  ) as FingerprintLists;
}

function fingerprintOf(entries: [FeedList, string, number][]): FingerprintLists {
  const lists = emptyFingerprint();
  for (const [list, key, hash] of entries) lists[list].set(key, hash);
  return lists;
}

function stored(lists: FingerprintLists, gen = 3): StoredFingerprint {
  return new StoredFingerprint({ feedId: 'f', gen, lists: packFingerprint(lists) });
}

/** Applies edits (a hash: set; none: delete) to the stored form and to maps alike. */
function applyEdits(
  fp: StoredFingerprint,
  model: FingerprintLists,
  edits: { list: FeedList; key: string; hash: number | undefined }[],
): void {
  for (const { list, key, hash } of edits) {
    if (hash === undefined) {
      fp.delete(list, key);
      model[list].delete(key);
    } else {
      fp.set(list, key, hash);
      model[list].set(key, hash);
    }
  }
}

function expectSame(fp: StoredFingerprint, model: FingerprintLists, probes: string[]): void {
  expect(listsOf(fp)).toEqual(model);
  expect(fp.state()).toEqual(stateOf(model));
  for (const list of FEED_LISTS) {
    expect(fp.size(list)).toBe(model[list].size);
    const entries = [...fp.entries(list)];
    expect(entries).toHaveLength(model[list].size);
    expect(new Map(entries)).toEqual(model[list]);
    for (const key of [...model[list].keys(), ...probes])
      expect(fp.get(list, key)).toBe(model[list].get(key));
  }
}

describe('stored fingerprint', () => {
  it('finds every key of a large whole fingerprint in place, and no key it does not hold', () => {
    const lists = emptyFingerprint();
    for (let i = 0; i < 20_000; i++) {
      lists.people.set(`p-${i}`, hash53(`p${i}`));
      lists.memberships.set(`p-${i}\u0000c-${i % 97}`, i);
    }
    const fp = stored(lists);
    for (let i = 0; i < 20_000; i++) {
      expect(fp.get('people', `p-${i}`)).toBe(hash53(`p${i}`));
      expect(fp.get('memberships', `p-${i}\u0000c-${i % 97}`)).toBe(i);
    }
    for (const miss of ['p-', 'p-20000', 'p-1 ', 'p-00', 'c-1', `p-1\u0000c-2`, ''])
      expect(fp.has('people', miss) || fp.has('memberships', miss)).toBe(false);
    expect(fp.size('people')).toBe(20_000);
    expect(fp.state()).toEqual(stateOf(lists));
  });

  it('keeps the same keys, hashes, counts and sums as a map, edit after edit', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(LIST, KEY, HASH), { maxLength: 40 }),
        fc.array(EDIT, { maxLength: 40 }),
        fc.array(EDIT, { maxLength: 40 }),
        fc.array(KEY, { maxLength: 10 }),
        (whole, first, second, probes) => {
          const model = fingerprintOf(whole);
          const fp = stored(fingerprintOf(whole));
          applyEdits(fp, model, first);
          expectSame(fp, model, probes);
          // Stored as a layer, read back over the same whole fingerprint, changed again.
          const row = { feedId: 'f', gen: 3, lists: packFingerprint(fingerprintOf(whole)) };
          const again = new StoredFingerprint(row, fp.layerRow('f'));
          expectSame(again, model, probes);
          applyEdits(again, model, second);
          expectSame(again, model, probes);
          expect(listsOf(new StoredFingerprint(row, again.layerRow('f')))).toEqual(model);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('says which whole fingerprint its layer lies over', () => {
    const fp = stored(emptyFingerprint(), 7);
    fp.set('people', 'p-1', 5);
    expect(fp.over).toBe(7);
    expect(fp.layerRow('f').over).toBe(7);
  });

  it('shifts a hash sum exactly as adding every hash again would', () => {
    fc.assert(
      fc.property(fc.array(HASH, { maxLength: 30 }), fc.array(HASH, { maxLength: 30 }), (a, b) => {
        let sum = hashSumOf(a);
        for (const h of b) sum = shiftHashSum(sum, h, 1);
        expect(sum).toBe(hashSumOf([...a, ...b]));
        for (const h of a) sum = shiftHashSum(sum, h, -1);
        expect(sum).toBe(hashSumOf(b));
      }),
      { numRuns: 300 },
    );
  });
});
