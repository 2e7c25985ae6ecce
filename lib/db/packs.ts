// The packed storage of a feed (issue 19 goal 1): a feed's records and the keys the product
// looks them up by are stored as a few thousand "packs" (rows holding up to a few hundred
// sorted items) instead of one IndexedDB row per record and one index entry per key. Writing
// a 100,000-person directory is then ~3,500 puts instead of 509,500 rows plus their index
// entries (docs/benchmarks.md, "Storage designs"), and a lookup reads one pack.
//
// Every pack list is sorted by a group key (a record's id, a membership's person, an index
// key) and a group never spans two packs, so the pack that holds a key is the last pack whose
// first group key is ≤ the key. Packs belong to one generation of one feed (`gen`), unique
// for the feed forever: a generation's packs never change once it is visible, and a new
// generation becomes visible by the one `feeds` row write that names it (lib/db/generations.ts).
// Pure functions: ingest, the sync, the migration and the benchmarks share them.
import type { FeedRows } from './rows';

/** Lists whose items are whole rows (a list of the feed, or a second ordering of one). */
export const RECORD_LISTS = [
  'units',
  'people',
  'topics',
  'communities',
  'memberships',
  'memberships@community',
  'expertise',
  'expertise@topic',
] as const;

/** Lists whose items are [key, id] entries: what the tables' secondary indexes were. */
export const INDEX_LISTS = [
  'people.handleKeys',
  'people.emailKeys',
  'people.nameKeys',
  'people.tokens',
  'people.unit',
  'topics.nameKeys',
  'topics.tokens',
  'communities.topics',
  'communities.tokens',
] as const;

export type RecordList = (typeof RECORD_LISTS)[number];
export type IndexList = (typeof INDEX_LISTS)[number];
export type PackList = RecordList | IndexList;

/** An index entry: the key and the id of the record it finds (in the same feed). */
export type IndexEntry = readonly [key: string, id: string];

/** A stored pack: one generation of one feed, one list, items from `first` on. */
export interface PackRow {
  feedId: string;
  gen: number;
  list: PackList;
  /** Group key of the first item: the pack's place in its list. */
  first: string;
  items: unknown[];
}

/** A pack before it is given its feed and generation. */
export type PlannedPack = Pick<PackRow, 'list' | 'first' | 'items'>;

/** Items per pack: small enough that a lookup decodes little, large enough to be few rows. */
const PACK_SIZE: Record<PackList, number> = {
  units: 256,
  people: 128,
  topics: 256,
  communities: 128,
  memberships: 512,
  'memberships@community': 512,
  expertise: 512,
  'expertise@topic': 512,
  'people.handleKeys': 1024,
  'people.emailKeys': 1024,
  'people.nameKeys': 1024,
  'people.tokens': 1024,
  'people.unit': 1024,
  'topics.nameKeys': 1024,
  'topics.tokens': 1024,
  'communities.topics': 1024,
  'communities.tokens': 1024,
};

interface Keyed {
  id?: string;
  person?: string;
  community?: string;
  topic?: string;
}

/** The group key of an item of a list: what a lookup in that list is by. */
export function groupOf(list: PackList, item: unknown): string {
  switch (list) {
    case 'memberships':
    case 'expertise':
      return (item as Keyed).person!;
    case 'memberships@community':
      return (item as Keyed).community!;
    case 'expertise@topic':
      return (item as Keyed).topic!;
    case 'units':
    case 'people':
    case 'topics':
    case 'communities':
      return (item as Keyed).id!;
    default:
      return (item as IndexEntry)[0];
  }
}

/** The second sort key within a group (the other end of a membership, an entry's id). */
function secondOf(list: PackList, item: unknown): string {
  switch (list) {
    case 'memberships':
      return (item as Keyed).community!;
    case 'memberships@community':
    case 'expertise@topic':
      return (item as Keyed).person!;
    case 'expertise':
      return (item as Keyed).topic!;
    case 'units':
    case 'people':
    case 'topics':
    case 'communities':
      return '';
    default:
      return (item as IndexEntry)[1];
  }
}

/** Code-unit order: the order IndexedDB keys and the packs' `first` values sort in. */
export function compareKeys(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Every pack of a feed's rows, in a fixed order (a resumed write plans the same packs). */
export function planPacks(rows: FeedRows): PlannedPack[] {
  const entries = (
    records: readonly { id: string }[],
    keysOf: (record: never) => readonly (string | undefined)[],
  ): IndexEntry[] => {
    const out: IndexEntry[] = [];
    for (const record of records) {
      for (const key of new Set(keysOf(record as never))) {
        if (key !== undefined && key !== '') out.push([key, record.id]);
      }
    }
    return out;
  };
  const lists: [PackList, unknown[]][] = [
    ['units', rows.units],
    ['people', rows.people],
    ['topics', rows.topics],
    ['communities', rows.communities],
    ['memberships', rows.memberships],
    ['memberships@community', rows.memberships],
    ['expertise', rows.expertise],
    ['expertise@topic', rows.expertise],
    ['people.handleKeys', entries(rows.people, (p: FeedRows['people'][number]) => p.handleKeys)],
    ['people.emailKeys', entries(rows.people, (p: FeedRows['people'][number]) => p.emailKeys)],
    ['people.nameKeys', entries(rows.people, (p: FeedRows['people'][number]) => p.nameKeys)],
    ['people.tokens', entries(rows.people, (p: FeedRows['people'][number]) => p.tokens)],
    ['people.unit', entries(rows.people, (p: FeedRows['people'][number]) => [p.unit])],
    ['topics.nameKeys', entries(rows.topics, (t: FeedRows['topics'][number]) => t.nameKeys)],
    ['topics.tokens', entries(rows.topics, (t: FeedRows['topics'][number]) => t.tokens)],
    [
      'communities.topics',
      entries(rows.communities, (c: FeedRows['communities'][number]) => c.topics),
    ],
    [
      'communities.tokens',
      entries(rows.communities, (c: FeedRows['communities'][number]) => c.tokens),
    ],
  ];
  const out: PlannedPack[] = [];
  for (const [list, items] of lists) out.push(...packList(list, items));
  return out;
}

/** Sorts one list's items and cuts them into packs, never splitting a group. */
export function packList(list: PackList, items: readonly unknown[]): PlannedPack[] {
  // Sorted through an index array over precomputed keys: no wrapper object per item (a
  // 100,000-person feed has ~1.9 million items across its lists).
  const count = items.length;
  const groups = new Array<string>(count);
  const seconds = new Array<string>(count);
  for (let i = 0; i < count; i++) {
    groups[i] = groupOf(list, items[i]);
    seconds[i] = secondOf(list, items[i]);
  }
  const order = new Uint32Array(count);
  for (let i = 0; i < count; i++) order[i] = i;
  const before = (a: number, b: number) =>
    compareKeys(groups[a]!, groups[b]!) || compareKeys(seconds[a]!, seconds[b]!);
  // Lists often come in key order already (records by id): one pass checks, no sort needed.
  let sorted = true;
  for (let i = 1; i < count && sorted; i++) sorted = before(i - 1, i) <= 0;
  if (!sorted) order.sort(before);
  const size = PACK_SIZE[list];
  const out: PlannedPack[] = [];
  let current: unknown[] = [];
  let first = '';
  for (let i = 0; i < count;) {
    const group = groups[order[i]!]!;
    let end = i + 1;
    while (end < count && groups[order[end]!] === group) end++;
    if (current.length > 0 && current.length + (end - i) > size) {
      out.push({ list, first, items: current });
      current = [];
    }
    if (current.length === 0) first = group;
    for (let k = i; k < end; k++) current.push(items[order[k]!]);
    i = end;
  }
  if (current.length > 0) out.push({ list, first, items: current });
  return out;
}

/** The index of the last `firsts` entry ≤ key (-1 when the key sorts before every pack). */
export function packIndexFor(firsts: readonly string[], key: string): number {
  let lo = 0;
  let hi = firsts.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (firsts[mid]! <= key) lo = mid + 1;
    else hi = mid;
  }
  return lo - 1;
}

/** The items of `key`'s group in a pack's items (sorted by group key). */
export function groupItems<T>(list: PackList, items: readonly unknown[], key: string): T[] {
  let lo = 0;
  let hi = items.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (groupOf(list, items[mid]) < key) lo = mid + 1;
    else hi = mid;
  }
  const out: T[] = [];
  for (let i = lo; i < items.length && groupOf(list, items[i]) === key; i++)
    out.push(items[i] as T);
  return out;
}

/** A generation number never used before for this feed (numbers only grow). */
export function nextGen(previous: number | undefined, now = Date.now()): number {
  return Math.max(now, (previous ?? 0) + 1);
}
