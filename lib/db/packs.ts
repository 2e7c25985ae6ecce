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
import type { Community, Person } from '../model/feed';
import { fromColumns, toColumns, type PackColumns } from './pack-columns';
import { communityTokens, personKeysIn, topicNameKeys, topicTokens, type FeedRows } from './rows';

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

/**
 * A stored pack: one generation of one feed, one list, items from `first` on. A record list's
 * items are the records (without their feed id, which is the pack's). An index list's pack is
 * stored in columns: `keys[i]` finds the record `items[i]` (an id) — two arrays of strings
 * clone far faster than a small array per entry. `packItems` gives every pack as items of
 * its list (an index list's as [key, id] entries), whichever form it was written in.
 */
export interface PackRow {
  feedId: string;
  gen: number;
  list: PackList;
  /** Group key of the first item: the pack's place in its list. */
  first: string;
  items: unknown[];
  /** Index lists: the key of each entry of `items` (absent on packs written by version 5.0). */
  keys?: string[];
  /**
   * Lists of `COLUMN_LISTS` as stored: the items in columns (lib/db/pack-columns.ts), `items`
   * then empty. Absent when the items did not fit that form, or were written before it.
   */
  cols?: PackColumns;
  /**
   * Packs of a layer (lib/db/overlay.ts): the groups this pack patches, in key order; its
   * `items` are added to them (replacing a base item of the same second key), and `drops`
   * names the base items they lose, as "group\u0000second key".
   */
  groups?: string[];
  drops?: string[];
}

/** A pack before it is given its feed and generation. */
export type PlannedPack = Pick<PackRow, 'list' | 'first' | 'items' | 'keys' | 'groups' | 'drops'>;

/**
 * The items of a stored pack as its list's items: records carry their feed id, index entries
 * are [key, id]. Records are the pack's own objects (a pack read is decoded afresh). `only`
 * names the fields the caller reads: a pack in columns leaves the others out and skips their
 * decoding; a pack of objects gives its items whole (`feedId` is always set).
 */
export function packItems(
  pack: Pick<PackRow, 'feedId' | 'list' | 'items' | 'keys' | 'cols'>,
  only?: ReadonlySet<string>,
): unknown[] {
  if (pack.cols) {
    try {
      return fromColumns(pack.cols, pack.feedId, only);
    } catch (error) {
      throw new Error(
        `A stored pack of feed "${pack.feedId}" (${pack.list}) is damaged: ${(error as Error).message}. ` +
          'Remove the feed in the options page and add it again to rewrite it.',
      );
    }
  }
  const { keys, items } = pack;
  if (keys) {
    const out = new Array<IndexEntry>(items.length);
    for (let i = 0; i < items.length; i++) out[i] = [keys[i]!, items[i] as string];
    return out;
  }
  if (!INDEX_LIST_SET.has(pack.list)) {
    for (const item of items) (item as { feedId?: string }).feedId = pack.feedId;
  }
  return items;
}

const INDEX_LIST_SET: ReadonlySet<string> = new Set(INDEX_LISTS);

/**
 * Record lists whose packs are stored in columns when their items fit (pack-columns.ts): the
 * memberships (three per person) and the people, the two largest lists, which the boundaries
 * view reads whole.
 */
const COLUMN_LISTS: ReadonlySet<PackList> = new Set([
  'people',
  'memberships',
  'memberships@community',
]);

/**
 * The row a planned pack is written as, in `feedId`'s generation `gen`: a pack of
 * `COLUMN_LISTS` whose items fit is given in columns (its `items` empty); any other pack keeps
 * its items. Every write of packs goes through here; `packItems` reads both forms.
 */
export function storedRow(pack: PlannedPack, feedId: string, gen: number): PackRow {
  const cols = COLUMN_LISTS.has(pack.list) ? toColumns(pack.items) : undefined;
  return cols ? { ...pack, items: [], cols, feedId, gen } : { ...pack, feedId, gen };
}

/**
 * Items per pack: small enough that a lookup decodes little, large enough to be few rows. Packs
 * of people and memberships above 64 KB (512 and 2,048 items) were tried: Chromium reads such
 * values about four times faster per byte (the boundaries view opened 0.3–0.6 s sooner), but
 * a lookup then reads a blob and decodes four times the items, and resolving a page's people
 * took 2–3× as long (docs/benchmarks.md, "Issue 19, 2026-12-04, late night").
 */
export const PACK_SIZE: Record<PackList, number> = {
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
export function secondOf(list: PackList, item: unknown): string {
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

/** Where an index list's keys come from: the records of one list, and a record's keys in it. */
interface IndexSource {
  from: 'people' | 'topics' | 'communities';
  /** The record's keys in this list (possibly repeated or empty: the packer skips those). */
  keys: (record: never) => readonly (string | undefined)[];
}

/**
 * The one place that says which lookup key leads to which record: planning (`packStream`)
 * and layers (lib/feed/apply-changes.ts, through `lookupKeysOf`) both use it.
 */
const INDEX_SOURCES: Record<IndexList, IndexSource> = {
  'people.handleKeys': { from: 'people', keys: personKeysIn.handleKeys },
  'people.emailKeys': { from: 'people', keys: personKeysIn.emailKeys },
  'people.nameKeys': { from: 'people', keys: personKeysIn.nameKeys },
  'people.tokens': { from: 'people', keys: personKeysIn.tokens },
  'people.unit': { from: 'people', keys: (person: Person) => [person.unit] },
  'topics.nameKeys': { from: 'topics', keys: topicNameKeys },
  'topics.tokens': { from: 'topics', keys: topicTokens },
  'communities.topics': { from: 'communities', keys: (community: Community) => community.topics },
  'communities.tokens': { from: 'communities', keys: communityTokens },
};

/** The index lists a person, topic or community is found in, and its keys in each. */
export function lookupKeysOf(
  list: 'people' | 'topics' | 'communities',
  record: unknown,
): [IndexList, readonly (string | undefined)[]][] {
  return INDEX_LISTS.filter((index) => INDEX_SOURCES[index].from === list).map((index) => [
    index,
    INDEX_SOURCES[index].keys(record as never),
  ]);
}

/** Every pack of a feed's records, in a fixed order (a resumed write plans the same packs). */
export function planPacks(rows: FeedRows): PlannedPack[] {
  return [...packStream(rows)];
}

/**
 * Every pack of a feed's records in `planPacks`' order, planned as they are taken: the record
 * lists first, then the index lists one at a time, each list's keys computed and grouped only
 * when it is reached. A sync that writes the packs as they come (lib/feed/sync.ts) thus holds
 * one index list's keys at a time instead of all nine (48 of the 57 MB of planned packs at
 * 100,000 people), and lets each list's records go once the last list that needs them is
 * planned. The lists of `rows` are taken when this is called: the caller may let go of its
 * own references to them (`rows.people = []`), not empty the arrays.
 */
export function packStream(rows: FeedRows): Generator<PlannedPack, void, undefined> {
  // People in id order, so that each key's ids come out sorted (no sort per key) and the
  // people list needs no grouping.
  const held: Partial<FeedRows> = { ...rows, people: byId(rows.people) as Person[] };
  return streamPacks(held);
}

function* streamPacks(held: Partial<FeedRows>): Generator<PlannedPack, void, undefined> {
  const steps: { list: PackList; from: keyof FeedRows }[] = [
    { list: 'units', from: 'units' },
    { list: 'people', from: 'people' },
    { list: 'topics', from: 'topics' },
    { list: 'communities', from: 'communities' },
    { list: 'memberships', from: 'memberships' },
    { list: 'memberships@community', from: 'memberships' },
    { list: 'expertise', from: 'expertise' },
    { list: 'expertise@topic', from: 'expertise' },
    ...INDEX_LISTS.map((list) => ({ list, from: INDEX_SOURCES[list].from })),
  ];
  for (const [step, { list, from }] of steps.entries()) {
    const items: readonly unknown[] = held[from]!;
    // Let go of a list once no later step reads it (its packs hold what they need of it).
    if (!steps.slice(step + 1).some((later) => later.from === from)) delete held[from];
    if (!INDEX_LIST_SET.has(list)) {
      yield* packList(list as RecordList, items);
      continue;
    }
    const { keys } = INDEX_SOURCES[list as IndexList];
    let packer: IndexPacker | undefined = new IndexPacker(list as IndexList);
    for (const record of items) packer.add(keys(record as never), (record as Keyed).id!);
    const packs = packer.packs();
    // The packs share the keys; the map that grouped them is not kept while they are written.
    packer = undefined;
    yield* packs;
  }
}

/**
 * One index list being planned: ids grouped by key in a map (no entry object per key and
 * id, no sort of every entry — only of the distinct keys, and of the ids of a key when they
 * came out of order), then cut into packs in columns.
 */
class IndexPacker {
  /** Key → its one id, or its ids (most keys — emails, handles — find one record). */
  private readonly byKey = new Map<string, string | string[]>();

  constructor(readonly list: IndexList) {}

  /** The record `id` is found under each of `keys` (once per key; empty keys are none). */
  add(keys: readonly (string | undefined)[], id: string): void {
    for (let i = 0; i < keys.length; i++) {
      const key = keys[i];
      if (key === undefined || key === '' || keys.indexOf(key) !== i) continue;
      const ids = this.byKey.get(key);
      if (ids === undefined) this.byKey.set(key, id);
      else if (typeof ids === 'string') this.byKey.set(key, [ids, id]);
      else ids.push(id);
    }
  }

  packs(): PlannedPack[] {
    const keys = inOrder([...this.byKey.keys()]);
    const size = PACK_SIZE[this.list];
    const out: PlannedPack[] = [];
    let packKeys: string[] = [];
    let ids: string[] = [];
    for (const key of keys) {
      const found = this.byKey.get(key)!;
      const count = typeof found === 'string' ? 1 : found.length;
      if (ids.length > 0 && ids.length + count > size) {
        out.push({ list: this.list, first: packKeys[0]!, keys: packKeys, items: ids });
        packKeys = [];
        ids = [];
      }
      if (typeof found === 'string') {
        packKeys.push(key);
        ids.push(found);
      } else {
        for (const id of inOrder(found)) {
          packKeys.push(key);
          ids.push(id);
        }
      }
    }
    if (ids.length > 0)
      out.push({ list: this.list, first: packKeys[0]!, keys: packKeys, items: ids });
    return out;
  }
}

/** Records in code-unit order of their ids (the same array when they already are). */
function byId<T extends { id: string }>(records: readonly T[]): readonly T[] {
  for (let i = 1; i < records.length; i++) {
    if (records[i - 1]!.id > records[i]!.id)
      return [...records].sort((a, b) => compareKeys(a.id, b.id));
  }
  return records;
}

/** Strings in code-unit order (the default sort's), sorted only when they are not already. */
function inOrder(values: string[]): string[] {
  for (let i = 1; i < values.length; i++) {
    if (values[i - 1]! > values[i]!) return values.sort();
  }
  return values;
}

/** Sorts one record list's items and cuts them into packs, never splitting a group. */
export function packList(list: RecordList, items: readonly unknown[]): PlannedPack[] {
  const count = items.length;
  const groups = new Array<string>(count);
  const seconds = new Array<string>(count);
  for (let i = 0; i < count; i++) {
    groups[i] = groupOf(list, items[i]);
    seconds[i] = secondOf(list, items[i]);
  }
  const before = (a: number, b: number) =>
    compareKeys(groups[a]!, groups[b]!) || compareKeys(seconds[a]!, seconds[b]!);
  // Lists often come in key order already (records by id): one pass checks, no sort needed.
  let sorted = true;
  for (let i = 1; i < count && sorted; i++) sorted = before(i - 1, i) <= 0;
  let order: ArrayLike<number>;
  if (sorted) {
    const identity = new Uint32Array(count);
    for (let i = 0; i < count; i++) identity[i] = i;
    order = identity;
  } else {
    // Grouped through a map, then only the distinct group keys sorted, and within a group
    // (a person's memberships, a community's members) its items by their second key.
    const byGroup = new Map<string, number[]>();
    for (let i = 0; i < count; i++) {
      const at = byGroup.get(groups[i]!);
      if (at) at.push(i);
      else byGroup.set(groups[i]!, [i]);
    }
    const sortedOrder = new Uint32Array(count);
    let n = 0;
    for (const group of inOrder([...byGroup.keys()])) {
      const members = byGroup.get(group)!;
      if (members.length > 1)
        members.sort((a, b) => compareKeys(seconds[a]!, seconds[b]!) || a - b);
      for (const i of members) sortedOrder[n++] = i;
    }
    order = sortedOrder;
  }
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
