// One string for equal values across a feed's validated records. A document names each person,
// community and topic again in every membership and expertise entry that refers to it, and
// repeats the same few words ("peripheral", a unit's id) thousands of times; JSON.parse gives
// each occurrence a string of its own. A 100,000-person directory's 300,000 memberships alone
// carry 900,000 such strings, most of them copies. Validation (validate.ts) hands every kept
// record's reference and vocabulary fields to one pool per document, so the records share the
// first copy and the others are garbage at once; names, emails and free text, which rarely
// repeat, are left alone. Strings are values in JavaScript: nothing can tell the difference
// but the heap (docs/benchmarks.md, "Issue 19, 2026-12-05: one string per repeated value").
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

/** The fields whose values other records repeat, per list: single strings, lists of strings. */
const SHARED: { [L in FeedList]: { one: FieldsOf<L>; many: FieldsOf<L> } } = {
  units: { one: ['id', 'parent', 'company'], many: [] },
  people: { one: ['id', 'unit', 'company', 'title', 'timezone'], many: [] },
  topics: { one: ['id'], many: [] },
  communities: { one: ['id', 'stage', 'standing', 'visibility'], many: ['topics', 'related'] },
  memberships: { one: ['person', 'community', 'participation', 'since'], many: ['roles'] },
  expertise: { one: ['person', 'topic'], many: [] },
};

/** Replaces a validated record's shared fields' strings by the pool's (in place). */
export function shareStrings(list: FeedList, record: object, pool: SharedStrings): void {
  const fields = record as Fields;
  const { one, many }: { one: readonly string[]; many: readonly string[] } = SHARED[list];
  for (const field of one) {
    const value = fields[field];
    if (typeof value === 'string') fields[field] = pool.of(value);
  }
  for (const field of many) {
    const values = fields[field];
    if (!Array.isArray(values)) continue;
    for (let i = 0; i < values.length; i++) {
      const value: unknown = values[i];
      if (typeof value === 'string') values[i] = pool.of(value);
    }
  }
}
