// Membership packs stored in columns (lib/db/pack-columns.ts): what is read back is what was
// written, for any items the form accepts; anything it cannot hold exactly is refused and
// stored as objects; and a generation written by ingest reads back the same records.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fromColumns, toColumns } from '../../../lib/db/pack-columns';
import { packItems, planPacks, storedRow } from '../../../lib/db/packs';
import { feedRecords } from '../../../lib/db/rows';
import { generateSyntheticFeed } from '../../../lib/demo/synthetic';
import { validateFeed } from '../../../lib/model/validate';

/** Strings with the characters the form uses as marks, among ordinary ones. */
const awkward = fc.oneof(
  fc.string(),
  fc.constantFrom(
    '',
    '\n',
    '\t',
    '\u0001',
    'a\nb',
    'a\tb',
    'c-1',
    'ö',
    '🙂',
    'Łukasz',
    '\ufeffBOM',
    '\ud800',
    'x\udc00',
    '日本',
  ),
);
const value = fc.oneof(
  awkward,
  fc.array(awkward, { maxLength: 4 }),
  fc.integer(),
  fc.boolean(),
  fc.constant(null),
  fc.constant(undefined),
  fc.record({ kind: fc.string() }),
  fc.dictionary(awkward, awkward, { maxKeys: 3 }).map((m) => ({ ...m })),
);
const field = fc.constantFrom('person', 'community', 'participation', 'roles', 'since', 'x');
const record = fc.oneof(fc.dictionary(field, value, { maxKeys: 6 }));
/** Records the form mostly holds: each field always of one kind, strings sometimes awkward. */
const word = fc.oneof(
  { arbitrary: fc.stringMatching(/^[a-z0-9-]*$/), weight: 40 },
  { arbitrary: awkward, weight: 1 },
);
const fitting = fc
  .record(
    {
      person: word,
      community: word,
      participation: word,
      since: word,
      roles: fc.array(
        fc.oneof(
          { arbitrary: fc.stringMatching(/^[a-z-]+$/), weight: 40 },
          { arbitrary: awkward, weight: 1 },
        ),
        { maxLength: 3 },
      ),
      x: fc.array(fc.stringMatching(/^[a-z-]+$/), { maxLength: 3 }),
      handles: fc
        .dictionary(fc.oneof(fc.stringMatching(/^[a-z.]*$/), word), word, { maxKeys: 3 })
        .map((m) => ({ ...m })),
    },
    { requiredKeys: [] },
  )
  .map((r) => ({ ...r })); // fast-check may give null-prototype objects; records are plain

/** Does `text` hold one of `marks`' characters? */
const marked = (text: string, marks: string) => [...marks].some((mark) => text.includes(mark));

describe('pack columns', () => {
  it('reads back exactly what it accepted, and refuses what it cannot hold', () => {
    let accepted = 0;
    fc.assert(
      fc.property(
        fc.oneof(fc.array(record, { maxLength: 12 }), fc.array(fitting, { maxLength: 12 })),
        (items) => {
          const columns = toColumns(items);
          if (!columns) return;
          accepted++;
          // The exact objects, own properties and all (toStrictEqual: no missing or extra
          // undefined), with the feed id added when asked.
          expect(fromColumns(columns)).toStrictEqual(items);
          expect(fromColumns(columns, 'f')).toStrictEqual(
            items.map((i) => ({ ...i, feedId: 'f' })),
          );
          // What it accepted: flat records of strings, lists of non-empty strings and maps
          // of strings.
          for (const item of items)
            for (const v of Object.values(item)) {
              if (typeof v === 'string') expect(marked(v, '\n\u0001')).toBe(false);
              else if (Array.isArray(v))
                for (const s of v) expect(s !== '' && !marked(s, '\n\t\u0001')).toBe(true);
              else {
                expect(Object.getPrototypeOf(v)).toBe(Object.prototype);
                for (const s of Object.entries(v as object).flat())
                  expect(marked(s as string, '\n\t\u0001')).toBe(false);
              }
            }
        },
      ),
      { numRuns: 3000 },
    );
    expect(accepted).toBeGreaterThan(300);
  });

  it('refuses a value it would lose or change', () => {
    const base = { person: 'p-1', community: 'c-1', participation: 'core', roles: [] };
    expect(toColumns([base])).toBeDefined();
    for (const odd of [
      { since: undefined },
      { since: 'a\nb' },
      { since: '\u0001' },
      { roles: [''] },
      { roles: ['a\tb'] },
      { roles: 'core' }, // a string where another item has a list
      { evidence: { commits: 3 } },
      { evidence: { source: { kind: 'git' } } },
      { handles: { 'github.com': 'a\tb' } },
      { handles: { 'a\tb': 'c' } },
      { handles: JSON.parse('{"__proto__": "x"}') },
      { handles: new Map([['a', 'b']]) },
      { since: null },
      { level: 2 },
    ])
      expect(toColumns([base, { ...base, ...odd }]), JSON.stringify(odd)).toBeUndefined();
    expect(toColumns([])).toBeUndefined();
    expect(toColumns([new Date()])).toBeUndefined();
  });

  it('stores a column beyond Latin-1 as UTF-8 and reads it back exactly, a BOM included', () => {
    const items = [
      { id: 'p-1', name: '\ufeffŁukasz Żółć', handles: { 'github.com': 'lz' } },
      { id: 'p-2', name: 'Zoë 🙂', aliases: ['日本', 'Zoe'] },
    ];
    const columns = toColumns(items)!;
    const kinds = columns.fields.map((field, f) => [field, typeof columns.data[f]]);
    expect(Object.fromEntries(kinds)).toEqual({
      id: 'string',
      name: 'object',
      handles: 'string',
      aliases: 'object',
    });
    expect(fromColumns(structuredClone(columns))).toStrictEqual(items);
    // A lone surrogate cannot be UTF-8: that column stays a string, read back as it was.
    const lone = [{ id: 'p-3', name: 'a\ud800b' }];
    const kept = toColumns(lone)!;
    expect(typeof kept.data[1]).toBe('string');
    expect(fromColumns(kept)).toStrictEqual(lone);
  });

  it('keeps an empty string apart from an absent field, and [] apart from both', () => {
    const items = [
      { a: '', b: [], c: {} },
      { b: ['x', 'y'], c: { '': '' } },
      { a: 'z', c: { k: '', '': 'v', 'github.com': 'h' } },
      {},
    ];
    expect(fromColumns(toColumns(items)!)).toStrictEqual(items);
  });

  it('stores a synthetic organisation’s people and membership packs in columns and reads the same records', () => {
    const validation = validateFeed(generateSyntheticFeed({ people: 2_000, seed: 3 }));
    if (!validation.ok) throw new Error('the synthetic feed is not valid');
    const planned = planPacks(feedRecords(validation.feed));
    let columned = 0;
    for (const pack of planned) {
      const stored = structuredClone(storedRow(pack, 'f', 1));
      if (['people', 'memberships', 'memberships@community'].includes(pack.list)) {
        expect(stored.cols, `${pack.list} ${pack.first}`).toBeDefined();
        expect(stored.items).toEqual([]);
        columned++;
      } else expect(stored.cols).toBeUndefined();
      expect(packItems(stored)).toStrictEqual(
        packItems(structuredClone({ ...pack, feedId: 'f', gen: 1 })),
      );
    }
    expect(columned).toBeGreaterThan(2);
  });

  it('decodes only the fields asked for, and gives a pack of objects whole', () => {
    const items = [
      { id: 'p-1', name: 'Ana', unit: 'u-1', emails: ['a@x'], handles: { 'github.com': 'ana' } },
      { id: 'p-2', name: 'Bo', emails: [] },
    ];
    const only = new Set(['id', 'unit']);
    expect(fromColumns(toColumns(items)!, 'f', only)).toStrictEqual([
      { id: 'p-1', unit: 'u-1', feedId: 'f' },
      { id: 'p-2', feedId: 'f' },
    ]);
    // A damaged column left out is not read, so it cannot fail the read.
    const columns = toColumns(items)!;
    const emails = columns.fields.indexOf('emails');
    const damaged = { ...columns, data: columns.data.map((d, f) => (f === emails ? 'x' : d)) };
    expect(fromColumns(damaged, undefined, only)).toStrictEqual([
      { id: 'p-1', unit: 'u-1' },
      { id: 'p-2' },
    ]);
    expect(() => fromColumns(damaged)).toThrow('"emails" holds 1 values for 2 items');
    // Packs of objects (a value the columns cannot hold) are given whole.
    const objects = [{ id: 'p-3', name: 'Cy', emails: ['c\nd@x'] }];
    const stored = storedRow({ list: 'people', first: 'p-3', items: objects }, 'f', 1);
    expect(stored.cols).toBeUndefined();
    expect(packItems(stored, only)).toStrictEqual([{ ...objects[0], feedId: 'f' }]);
  });

  it('leaves a pack of memberships with evidence as objects, read the same way', () => {
    const items = [
      { person: 'p-1', community: 'c-1', participation: 'active', roles: [] },
      {
        person: 'p-2',
        community: 'c-1',
        participation: 'core',
        roles: ['boundary'],
        evidence: { source: 'git', commits: 40 },
      },
    ];
    const pack = { list: 'memberships' as const, first: 'p-1', items };
    const stored = storedRow(pack, 'f', 1);
    expect(stored).toStrictEqual({ ...pack, feedId: 'f', gen: 1 });
    expect(stored.items).toBe(items);
    expect(packItems(stored)).toStrictEqual(items.map((i) => ({ ...i, feedId: 'f' })));
  });

  it('says which feed a damaged pack belongs to and how to rewrite it', () => {
    const stored = storedRow(
      { list: 'people', first: 'p-1', items: [{ id: 'p-1' }, { id: 'p-2' }] },
      'acme',
      3,
    );
    const damaged = { ...stored, cols: { ...stored.cols!, count: 3 } };
    expect(() => packItems(damaged)).toThrow(
      'A stored pack of feed "acme" (people) is damaged: a column pack\'s "id" holds 2 values for 3 items. Remove the feed in the options page and add it again to rewrite it.',
    );
  });
});
