// Reads of the packed feed storage (lib/db/packs.ts). One `readPacks` call sees the
// generation each visible feed names and nothing else, so a reader never mixes a feed's
// generations, whatever a sync switches meanwhile (checked, and read again if need be). A lone
// lookup finds its pack in one request; several use the list's directory (the packs' first
// keys, kept in memory per database and generation: a generation's packs never change) and
// read each pack once per call, however many keys it holds.
import Dexie from 'dexie';
import type { ConstellationDB } from './database';
import {
  compareKeys,
  groupItems,
  groupOf,
  packItems,
  packIndexFor,
  type IndexEntry,
  type IndexList,
  type PackList,
  type PackRow,
  type RecordList,
} from './packs';
import type { Ref } from './schema';

type PackKey = [string, number, string, string];

/** Directories of visible generations: first keys per feed, generation and list. */
const directoriesOf = new WeakMap<ConstellationDB, Map<string, string[]>>();

/** One database's directories (tests open many databases in one module instance). */
function directoriesFor(db: ConstellationDB): Map<string, string[]> {
  let map = directoriesOf.get(db);
  if (!map) directoriesOf.set(db, (map = new Map<string, string[]>()));
  return map;
}
const DIRECTORY_LIMIT = 256;

function directoryKey(feedId: string, gen: number, list: PackList): string {
  return `${feedId}\u0000${gen}\u0000${list}`;
}

/** The packs of one list of one generation, in key order (bounds of the range of keys). */
export function packRange(db: ConstellationDB, feedId: string, gen: number, list?: PackList) {
  return db.packs
    .where('[feedId+gen+list+first]')
    .between(
      [feedId, gen, list ?? Dexie.minKey, Dexie.minKey],
      [feedId, gen, list ?? Dexie.maxKey, Dexie.maxKey],
    );
}

/** A pack read from the database, its items as its list's items (lib/db/packs.ts). */
function decoded(pack: PackRow | undefined): PackRow | undefined {
  if (!pack) return undefined;
  const { keys: _columns, ...row } = pack;
  return { ...row, items: packItems(pack) };
}

export class PackReader {
  /** Packs read by this reader, by key: each is read once however many lookups need it. */
  private readonly read = new Map<string, Promise<PackRow | undefined>>();
  /** Directories being listed by this reader, and how many lookups each list has had. */
  private readonly listing = new Map<string, Promise<string[]>>();
  private readonly lookups = new Map<string, number>();

  constructor(
    private readonly db: ConstellationDB,
    /** Visible feed id → its generation. */
    readonly gens: ReadonlyMap<string, number>,
  ) {}

  get feedIds(): string[] {
    return [...this.gens.keys()];
  }

  private directory(feedId: string, list: PackList): Promise<string[] | undefined> {
    const gen = this.gens.get(feedId);
    if (gen === undefined) return Promise.resolve(undefined);
    const key = directoryKey(feedId, gen, list);
    const known = directoriesFor(this.db).get(key);
    if (known) return Promise.resolve(known);
    // One listing per reader however many lookups ask at once; shared once finished (a
    // promise of another read is never awaited).
    let loading = this.listing.get(key);
    if (!loading) {
      loading = packRange(this.db, feedId, gen, list)
        .primaryKeys()
        .then((keys) => {
          const dir = (keys as unknown as PackKey[]).map((k) => k[3]);
          const directories = directoriesFor(this.db);
          if (directories.size >= DIRECTORY_LIMIT) directories.clear();
          directories.set(key, dir);
          return dir;
        });
      this.listing.set(key, loading);
    }
    return loading;
  }

  private pack(feedId: string, list: PackList, first: string): Promise<PackRow | undefined> {
    const gen = this.gens.get(feedId)!;
    const key = directoryKey(feedId, gen, list) + '\u0000' + first;
    let pack = this.read.get(key);
    if (!pack) {
      pack = this.db.packs.get([feedId, gen, list, first] as PackKey).then(decoded);
      this.read.set(key, pack);
    }
    return pack;
  }

  /** The items of one group (`key`) of one list of one feed. */
  async group<T>(list: PackList, feedId: string, key: string): Promise<T[]> {
    const gen = this.gens.get(feedId);
    if (gen === undefined) return [];
    const listKey = directoryKey(feedId, gen, list);
    const asked = (this.lookups.get(listKey) ?? 0) + 1;
    this.lookups.set(listKey, asked);
    if (asked === 1 && !directoriesFor(this.db).has(listKey)) {
      // A lone lookup in a fresh context (a popup opening): one request finds the pack whose
      // first key is the last ≤ key, without listing the directory. A second lookup in the
      // same list lists it, so that each pack is then read once however many keys it holds.
      const pack = await this.db.packs
        .where('[feedId+gen+list+first]')
        .between([feedId, gen, list, Dexie.minKey], [feedId, gen, list, key], true, true)
        .last();
      return pack ? groupItems<T>(list, packItems(pack), key) : [];
    }
    const dir = (await this.directory(feedId, list))!;
    const at = packIndexFor(dir, key);
    if (at < 0) return [];
    const pack = await this.pack(feedId, list, dir[at]!);
    return pack ? groupItems<T>(list, pack.items, key) : [];
  }

  /** The items of several groups, in the order asked (each group's items in key order). */
  async groups<T>(list: PackList, refs: readonly Ref[]): Promise<T[][]> {
    return Promise.all(refs.map((ref) => this.group<T>(list, ref.feedId, ref.id)));
  }

  /** One record by id (a list of whole rows grouped by id). */
  async get<T>(list: RecordList, feedId: string, id: string): Promise<T | undefined> {
    return (await this.group<T>(list, feedId, id))[0];
  }

  /** Records by reference, in the order asked (undefined where there is none). */
  async bulkGet<T>(list: RecordList, refs: readonly Ref[]): Promise<(T | undefined)[]> {
    return Promise.all(refs.map((ref) => this.get<T>(list, ref.feedId, ref.id)));
  }

  /** References found under `key` in an index list, in every visible feed (or those given). */
  async lookup(list: IndexList, key: string, feedIds = this.feedIds): Promise<Ref[]> {
    const found = await Promise.all(
      feedIds.map(async (feedId) =>
        (await this.group<IndexEntry>(list, feedId, key)).map((e) => ({ feedId, id: e[1] })),
      ),
    );
    return found.flat();
  }

  /** Every item of a list in the visible feeds (or the one given), in key order per feed. */
  async all<T>(list: PackList, feedId?: string): Promise<T[]> {
    const out: T[] = [];
    for (const id of feedId === undefined ? this.feedIds : [feedId]) {
      const gen = this.gens.get(id);
      if (gen === undefined) continue;
      const packs = await packRange(this.db, id, gen, list).toArray();
      for (const pack of packs) for (const item of packItems(pack)) out.push(item as T);
    }
    return out;
  }

  /**
   * Index entries whose key starts with `prefix`, in key order per feed, as references with
   * their key; at most `limit` in all when given (a page of a long range).
   */
  async prefix(
    list: IndexList,
    prefix: string,
    limit = Infinity,
    feedIds = this.feedIds,
  ): Promise<{ key: string; ref: Ref }[]> {
    const out: { key: string; ref: Ref }[] = [];
    for (const feedId of feedIds) {
      const dir = await this.directory(feedId, list);
      if (!dir || dir.length === 0) continue;
      for (let at = Math.max(0, packIndexFor(dir, prefix)); at < dir.length; at++) {
        const first = dir[at]!;
        if (first > prefix && !first.startsWith(prefix)) break;
        const pack = await this.pack(feedId, list, first);
        for (const item of pack?.items ?? []) {
          const key = groupOf(list, item);
          if (!key.startsWith(prefix)) {
            if (compareKeys(key, prefix) > 0) break;
            continue;
          }
          out.push({ key, ref: { feedId, id: (item as IndexEntry)[1] } });
          if (out.length >= limit) return out;
        }
      }
    }
    return out;
  }
}

/** Visible feed id → the generation its `feeds` row names. */
async function visibleGens(db: ConstellationDB): Promise<Map<string, number>> {
  const gens = new Map<string, number>();
  for (const feed of await db.feeds.toArray()) {
    if (feed.gen !== undefined) gens.set(feed.feedId, feed.gen);
  }
  return gens;
}

function sameGens(a: ReadonlyMap<string, number>, b: ReadonlyMap<string, number>): boolean {
  if (a.size !== b.size) return false;
  for (const [feedId, gen] of a) if (b.get(feedId) !== gen) return false;
  return true;
}

/** Attempts before a reader gives up on feeds that keep switching under it. */
const READ_ATTEMPTS = 5;

/**
 * Runs `fn` over the visible feeds' packs, as one consistent snapshot: the generations the
 * `feeds` rows name are read first, and read again once `fn` is done. A generation's packs
 * never change while it is visible and are deleted only in the transaction that makes another
 * one visible (lib/db/generations.ts), and generation numbers are never reused; so when the
 * generations are the same after `fn`, everything `fn` read belongs to them, and when a switch
 * happened meanwhile, `fn` runs again on the new ones. (No explicit transaction: a reader
 * often runs inside live queries, where joining or opening transactions across native
 * promises is fragile; any caller's transaction is simply joined by these reads.)
 */
export async function readPacks<T>(
  db: ConstellationDB,
  fn: (reader: PackReader) => Promise<T>,
): Promise<T> {
  let gens = await visibleGens(db);
  for (let attempt = 1; ; attempt++) {
    const result = await fn(new PackReader(db, gens));
    const after = await visibleGens(db);
    if (sameGens(gens, after) || attempt >= READ_ATTEMPTS) return result;
    gens = after;
  }
}

/** Every record of a list in the visible feeds (bulk readers, tests and benchmarks). */
export function visibleRecords<T>(db: ConstellationDB, list: RecordList): Promise<T[]> {
  return readPacks(db, (r) => r.all<T>(list));
}
