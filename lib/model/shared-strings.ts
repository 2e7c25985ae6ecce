// One string for equal values across a feed's validated records. A document names each person,
// community and topic again in every membership and expertise entry that refers to it, and
// repeats the same few words ("peripheral", a unit's id) thousands of times; JSON.parse gives
// each occurrence a string of its own. A 100,000-person directory's 300,000 memberships alone
// carry 900,000 such strings, most of them copies. Validation (validate.ts) hands every kept
// record's reference and vocabulary fields to one pool per document, so the records share the
// first copy and the others are garbage at once; names, emails and free text, which rarely
// repeat, are left alone. Strings are values in JavaScript: nothing can tell the difference
// but the heap (docs/benchmarks.md, "Issue 19, 2026-12-05: one string per repeated value").
// Empty lists and maps are repeated values too: a directory's 300,000 memberships mostly have
// no roles, its people no aliases. Each record's empty one is replaced by one frozen empty list
// (or map) shared by all, so changing it in place throws instead of changing every record
// (nothing does: validated records are stored, sent or written, never edited in place).
import type { Feed } from './feed';
import type { FeedList } from './lists';

export class SharedStrings {
  private readonly strings = new Map<string, string>();

  /** The pool's string equal to `value`, which becomes the pool's when it is the first. */
  of(value: string): string {
    const known = this.strings.get(value);
    if (known !== undefined) return known;
    this.strings.set(value, value);
    return value;
  }

  get size(): number {
    return this.strings.size;
  }
}

type Fields = Record<string, unknown>;

/** Fields of a list's records: checked against the schema's types, so a renamed one fails here. */
type FieldsOf<L extends FeedList> = readonly (keyof Feed[L][number] & string)[];

interface SharedFields<L extends FeedList> {
  /** Single strings. */
  one: FieldsOf<L>;
  /** Lists of strings, item by item. */
  many: FieldsOf<L>;
  /** Lists, when empty. */
  lists: FieldsOf<L>;
  /** Maps, when empty. */
  maps: FieldsOf<L>;
}

/** The fields whose values other records repeat, per list. */
const SHARED: { [L in FeedList]: SharedFields<L> } = {
  units: { one: ['id', 'parent', 'company'], many: [], lists: [], maps: [] },
  people: {
    one: ['id', 'unit', 'company', 'title', 'timezone'],
    many: [],
    lists: ['emails', 'aliases'],
    maps: ['handles'],
  },
  topics: { one: ['id'], many: [], lists: ['aliases'], maps: [] },
  communities: {
    one: ['id', 'stage', 'standing', 'visibility'],
    many: ['topics', 'related'],
    lists: ['aliases', 'topics', 'channels', 'meetings', 'repertoire', 'related'],
    maps: [],
  },
  memberships: {
    one: ['person', 'community', 'participation', 'since'],
    many: ['roles'],
    lists: ['roles'],
    maps: [],
  },
  expertise: { one: ['person', 'topic'], many: [], lists: ['evidence'], maps: [] },
};

/** The one empty list every validated record's empty lists are. */
export const NO_ITEMS: readonly never[] = Object.freeze([]);
/** The one empty map every validated record's empty maps are. */
export const NO_ENTRIES: Readonly<Record<string, never>> = Object.freeze({});

/**
 * Replaces a validated record's shared fields' strings by the pool's, and its empty lists and
 * maps by the frozen shared ones (in place).
 */
export function shareValues(list: FeedList, record: object, pool: SharedStrings): void {
  const fields = record as Fields;
  const shared: Record<keyof SharedFields<FeedList>, readonly string[]> = SHARED[list];
  for (const field of shared.one) {
    const value = fields[field];
    if (typeof value === 'string') fields[field] = pool.of(value);
  }
  for (const field of shared.many) {
    const values = fields[field];
    if (!Array.isArray(values)) continue;
    for (let i = 0; i < values.length; i++) {
      const value: unknown = values[i];
      if (typeof value === 'string') values[i] = pool.of(value);
    }
  }
  for (const field of shared.lists) {
    const values = fields[field];
    if (Array.isArray(values) && values.length === 0) fields[field] = NO_ITEMS;
  }
  for (const field of shared.maps) {
    const value = fields[field];
    if (isEmptyMap(value)) fields[field] = NO_ENTRIES;
  }
}

function isEmptyMap(value: unknown): boolean {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  return Object.keys(value).length === 0;
}
