// Record packs stored in columns (issue 19 goal 5): a pack of flat records — every value a
// string, a list of strings or a map of strings to strings, as memberships and people are —
// is stored as one string per field, the items' values joined by a newline, instead of one
// object per item. IndexedDB's structured clone then decodes a few long strings per pack
// instead of hundreds of small objects with a string per field, which was most of what
// reading every membership cost (the boundaries view reads them all on opening). A column
// with a character beyond Latin-1 (names) is kept as UTF-8 bytes, which V8 would otherwise
// clone as two bytes a character: a 100k directory's people packs take 16.4 MB instead of
// 27.1 MB as objects, its memberships 10.9 instead of 28.5 MB. A pack whose items do not all
// fit the form (a value of another type, a newline or the absent mark in a string, a tab or an
// empty string in a list, a tab in a map, `__proto__` as a field or key) is stored as objects,
// as before; readers accept both (`packItems`, lib/db/packs.ts).

/** A pack's items in columns. */
export interface PackColumns {
  /** How many items. */
  count: number;
  /** The items' fields, in the order a decoded item is given them. */
  fields: string[];
  /**
   * One letter per field: `s` a string, `a` a list of strings (joined by a tab), `o` a map of
   * strings to strings (its keys and values in turn, joined by a tab).
   */
  kinds: string;
  /**
   * Per field, each item's value joined by a newline; `ABSENT` where an item has none. A column
   * with a character beyond Latin-1 is stored as its UTF-8 bytes: V8 would clone it as two
   * bytes per character, and names are mostly ASCII with a letter or two beyond.
   */
  data: (string | Uint8Array)[];
}

const ABSENT = '\u0001';
/** A character V8 stores in two bytes (beyond Latin-1). */
const WIDE = /[\u0100-\uffff]/;
/** A lone surrogate: UTF-8 cannot hold it, so its column stays a string. */
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
const encoder = new TextEncoder();
// `ignoreBOM`: a value that starts with U+FEFF keeps it (by default the decoder drops it).
const decoder = new TextDecoder('utf-8', { ignoreBOM: true });
const ITEM = '\n';
const ELEMENT = '\t';

/** A string that can stand in a column: no item separator, not taken for the absent mark. */
function plain(value: string): boolean {
  return !value.includes(ITEM) && !value.includes(ABSENT);
}

/** A list's or map's string: one that can stand between tabs. */
function element(value: unknown): value is string {
  return typeof value === 'string' && plain(value) && !value.includes(ELEMENT);
}

type Kind = 's' | 'a' | 'o';

/**
 * `value` as it stands in a column, with its kind; undefined when it cannot be held exactly.
 * One look at each value: it is checked as it is joined.
 */
function encoded(value: unknown): [Kind, string] | undefined {
  if (typeof value === 'string') return plain(value) ? ['s', value] : undefined;
  if (Array.isArray(value)) {
    for (const item of value as unknown[]) if (!element(item) || item === '') return undefined;
    return ['a', (value as string[]).join(ELEMENT)];
  }
  if (value === null || typeof value !== 'object') return undefined;
  if (Object.getPrototypeOf(value) !== Object.prototype) return undefined;
  // A map's keys and values in turn, joined by a tab; '' for no entry.
  let joined = '';
  let first = true;
  for (const key of Object.keys(value)) {
    const entry = (value as Record<string, unknown>)[key];
    // A decoded map is rebuilt by assignment: `__proto__` would set its prototype instead.
    if (!element(key) || key === '__proto__' || !element(entry)) return undefined;
    joined += first ? `${key}${ELEMENT}${entry}` : `${ELEMENT}${key}${ELEMENT}${entry}`;
    first = false;
  }
  return ['o', joined];
}

function splitMap(joined: string): Record<string, string> {
  const map: Record<string, string> = {};
  if (joined === '') return map;
  const parts = joined.split(ELEMENT);
  for (let k = 0; k + 1 < parts.length; k += 2) map[parts[k]!] = parts[k + 1]!;
  return map;
}

/** The columns of `items`, or undefined when one of them does not fit the form. */
export function toColumns(items: readonly unknown[]): PackColumns | undefined {
  const count = items.length;
  if (count === 0) return undefined;
  const fields: string[] = [];
  const kinds: Kind[] = [];
  /** Per field, each item's value as it stands in the column (ABSENT until it has one). */
  const columns: string[][] = [];
  const place = new Map<string, number>();
  for (let i = 0; i < count; i++) {
    const item = items[i];
    if (
      item === null ||
      typeof item !== 'object' ||
      Object.getPrototypeOf(item) !== Object.prototype
    )
      return undefined;
    for (const field of Object.keys(item)) {
      if (field === '__proto__') return undefined;
      const value = encoded((item as Record<string, unknown>)[field]);
      if (!value) return undefined;
      let at = place.get(field);
      if (at === undefined) {
        at = fields.length;
        place.set(field, at);
        fields.push(field);
        kinds.push(value[0]);
        columns.push(new Array<string>(count).fill(ABSENT));
      } else if (kinds[at] !== value[0]) return undefined;
      columns[at]![i] = value[1];
    }
  }
  const data = columns.map((values) => columnData(values.join(ITEM)));
  return { count, fields, kinds: kinds.join(''), data };
}

/**
 * A long string as it is cheapest to store: its UTF-8 bytes when it has a character beyond
 * Latin-1 (V8 clones those strings at two bytes a character) and no lone surrogate (UTF-8
 * cannot hold one), else itself. `columnText` gives it back.
 */
export function columnData(text: string): string | Uint8Array {
  return WIDE.test(text) && !LONE_SURROGATE.test(text) ? encoder.encode(text) : text;
}

/** The string `columnData` stored. */
export function columnText(data: string | Uint8Array): string {
  return typeof data === 'string' ? data : decoder.decode(data);
}

/**
 * The items back from their columns, as fresh objects; `feedId`, when given, is set on each
 * (a pack's records are stored without it). With `only`, an item is given only those of its
 * fields: the other columns are not decoded at all (the boundaries view reads every person for
 * a name, a unit and a company, not their emails, handles and aliases).
 */
export function fromColumns(
  columns: PackColumns,
  feedId?: string,
  only?: ReadonlySet<string>,
): Record<string, unknown>[] {
  const { count, fields, kinds, data } = columns;
  const out = new Array<Record<string, unknown>>(count);
  for (let i = 0; i < count; i++) out[i] = {};
  for (let f = 0; f < fields.length; f++) {
    const field = fields[f]!;
    if (only && !only.has(field)) continue;
    const column = data[f]!;
    const values = columnText(column).split(ITEM);
    if (values.length !== count)
      throw new Error(
        `a column pack's "${field}" holds ${values.length} values for ${count} items`,
      );
    const kind = kinds[f];
    for (let i = 0; i < count; i++) {
      const value = values[i]!;
      if (value === ABSENT) continue;
      out[i]![field] =
        kind === 's'
          ? value
          : kind === 'a'
            ? value === ''
              ? []
              : value.split(ELEMENT)
            : splitMap(value);
    }
  }
  if (feedId !== undefined) for (let i = 0; i < count; i++) out[i]!.feedId = feedId;
  return out;
}
