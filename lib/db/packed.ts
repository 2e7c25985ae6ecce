// Reads of the packed storage (lib/db/packs.ts). One `readPacks` call sees the
// generation each visible feed names and nothing else, so a reader never mixes a feed's
// generations, whatever a sync switches meanwhile (checked, and read again if need be). A lone
// lookup finds its pack in one request; several use the list's directory (the packs' first
// keys, kept in memory per database and generation: a generation's packs never change) and
// read the packs they need in one request, each once however many keys it holds.
//
// Decoded packs are remembered too (lib/db/pack-memory.ts, per database, within a budget):
// decoding a pack is most of what reading it costs, and the popup's keystrokes read the same
// index and record packs again and again. A reader that found everything it needed in memory
// asked the database nothing, so it needs no second look at the generations (`readPacks`).
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
import { packId, recalled, remember, shareOfBudget } from './pack-memory';
import { decodedPack, ID_LISTS, packsUpTo, patchInPack, withPatch } from './pack-groups';
import {
  EMPTY_LAYER,
  layerKeysWithPrefix,
  layerOf,
  mergeLayer,
  patched,
  LayeredWalk,
  type GroupPatch,
  type Layer,
} from './overlay';
import type { FeedRow, Ref } from './schema';

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
/** Entries an index pack holds at most (lib/db/packs.ts plans them; a larger group is alone). */
const INDEX_PACK_ENTRIES = 1_024;

/** Layers of visible generations (lib/db/overlay.ts), per feed, generation and list. */
const layersOf = new WeakMap<ConstellationDB, Map<string, Layer>>();

function layersFor(db: ConstellationDB): Map<string, Layer> {
  let map = layersOf.get(db);
  if (!map) layersOf.set(db, (map = new Map<string, Layer>()));
  return map;
}

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

export class PackReader {
  /** Packs read by this reader, by key: each is read once however many lookups need it. */
  private readonly read = new Map<string, Promise<PackRow | undefined>>();
  /** Directories being listed by this reader, and how many lookups each list has had. */
  private readonly listing = new Map<string, Promise<string[]>>();
  private readonly lookups = new Map<string, number>();
  /** Directories this reader listed (shared by `shareDirectories`). */
  private readonly listed = new Map<string, string[]>();
  /** Layers this reader is reading, and those it read (shared by `shareDirectories`). */
  private readonly layering = new Map<string, Promise<Layer>>();
  private readonly layered = new Map<string, Layer>();
  /** Lookups in each list's layer by this reader (the first may read one pack alone). */
  private readonly layerLookups = new Map<string, number>();

  /** Requests this reader made of the database (none: everything came from memory). */
  requests = 0;
  /** Visible feed id → its generation. */
  readonly gens: ReadonlyMap<string, number>;
  /** Feed id → the generation under its layer, for feeds whose generation is a layer. */
  readonly bases: ReadonlyMap<string, number>;

  constructor(
    private readonly db: ConstellationDB,
    /** The feeds rows the generations were read from (each names its feed's visible generation). */
    readonly feeds: readonly FeedRow[],
  ) {
    this.gens = gensOf(feeds);
    this.bases = basesOf(feeds);
  }

  /** The generation whose packs hold a feed's whole lists: its base, or itself. */
  private packGen(feedId: string): number | undefined {
    return this.bases.get(feedId) ?? this.gens.get(feedId);
  }

  /**
   * The layer of a feed's list (empty unless its generation is a layer): read whole at its
   * first use, a few packs (it holds only changed groups), and shared like directories.
   */
  layerOf(feedId: string, list: PackList): Promise<Layer> {
    const gen = this.gens.get(feedId);
    if (gen === undefined || !this.bases.has(feedId)) return Promise.resolve(EMPTY_LAYER);
    const key = directoryKey(feedId, gen, list);
    const known = layersFor(this.db).get(key);
    if (known) return Promise.resolve(known);
    let loading = this.layering.get(key);
    if (!loading) {
      this.requests++;
      loading = packRange(this.db, feedId, gen, list)
        .toArray()
        .then((packs) => {
          const layer = layerOf(list, packs);
          this.layered.set(key, layer);
          return layer;
        });
      this.layering.set(key, loading);
    }
    return loading;
  }

  /**
   * A group's patch in a feed's layer. The first lookup in a list whose layer this context
   * has not read yet (a popup opening) reads the one layer pack that would hold the group (a
   * group's patch never spans two); a second lookup reads the list's layer whole.
   */
  private async patchOf(
    feedId: string,
    list: PackList,
    key: string,
  ): Promise<GroupPatch | undefined> {
    const gen = this.gens.get(feedId)!;
    const layerKey = directoryKey(feedId, gen, list);
    const asked = (this.layerLookups.get(layerKey) ?? 0) + 1;
    this.layerLookups.set(layerKey, asked);
    if (asked > 1 || layersFor(this.db).has(layerKey) || this.layering.has(layerKey))
      return (await this.layerOf(feedId, list)).groups.get(key);
    this.requests++;
    return patchInPack(list, await this.lastPackUpTo(feedId, gen, list, key), key);
  }

  get feedIds(): string[] {
    return [...this.gens.keys()];
  }

  private directory(feedId: string, list: PackList): Promise<string[] | undefined> {
    const gen = this.packGen(feedId);
    if (gen === undefined) return Promise.resolve(undefined);
    const key = directoryKey(feedId, gen, list);
    const known = directoriesFor(this.db).get(key);
    if (known) return Promise.resolve(known);
    // One listing per reader however many lookups ask at once; shared with other readers
    // once `readPacks` has confirmed the generation was visible throughout (a listing that
    // raced with the removal of an old generation may be partial), and never as a promise of
    // another read.
    let loading = this.listing.get(key);
    if (!loading) {
      this.requests++;
      loading = packRange(this.db, feedId, gen, list)
        .primaryKeys()
        .then((keys) => {
          const dir = (keys as unknown as PackKey[]).map((k) => k[3]);
          this.listed.set(key, dir);
          return dir;
        });
      this.listing.set(key, loading);
    }
    return loading;
  }

  /**
   * Lists the directories of `listed` and `whole`, and reads the lists of `whole` into this
   * context's memory of packs, in the order given, each only while the lists read so far (in
   * every visible feed) take at most `share` of the memory's budget: a list too large is left to
   * be read a pack at a time (its directory listed). Layers are read too. Returns the lists read
   * whole.
   */
  async warm(
    listed: readonly PackList[],
    whole: readonly PackList[],
    share: number,
  ): Promise<PackList[]> {
    const feedIds = this.feedIds;
    const dirs = await Promise.all(
      [...new Set([...listed, ...whole])].flatMap((list) =>
        feedIds.map(async (feedId) => {
          await this.layerOf(feedId, list);
          return { list, feedId, dir: (await this.directory(feedId, list)) ?? [] };
        }),
      ),
    );
    const read: PackList[] = [];
    let used = 0;
    for (const list of whole) {
      const ofList = dirs.filter((d) => d.list === list);
      const weight = ofList.reduce((sum, d) => sum + shareOfBudget(list, d.dir.length), 0);
      if (used + weight > share) continue;
      used += weight;
      await Promise.all(ofList.flatMap((d) => this.packs(d.feedId, list, d.dir)));
      read.push(list);
    }
    return read;
  }

  /** Directories this reader listed, kept for other readers (its generations confirmed). */
  shareDirectories(): void {
    const directories = directoriesFor(this.db);
    for (const [key, dir] of this.listed) {
      if (directories.size >= DIRECTORY_LIMIT) directories.clear();
      directories.set(key, dir);
    }
    const layers = layersFor(this.db);
    for (const [key, layer] of this.layered) {
      if (layers.size >= DIRECTORY_LIMIT) layers.clear();
      layers.set(key, layer);
    }
  }

  /** One pack of this reader's generation of a feed: remembered, being read, or read now. */
  private pack(feedId: string, list: PackList, first: string): Promise<PackRow | undefined> {
    return this.packs(feedId, list, [first])[0]!;
  }

  /**
   * Packs of one list of one feed of this reader's generation, in the order asked: those
   * remembered at once, those another lookup of this reader is reading shared, and the rest
   * read in one request.
   */
  private packs(
    feedId: string,
    list: PackList,
    firsts: readonly string[],
  ): Promise<PackRow | undefined>[] {
    const gen = this.packGen(feedId)!;
    const missing: string[] = [];
    const ids = firsts.map((first) => {
      const id = packId(feedId, gen, list, first);
      if (!this.read.has(id)) {
        const known = recalled(this.db, id);
        if (known) this.read.set(id, Promise.resolve(known));
        else missing.push(first);
      }
      return id;
    });
    if (missing.length > 0) {
      this.requests++;
      const request = this.db.packs
        .bulkGet(missing.map((first) => [feedId, gen, list, first] as PackKey))
        .then((stored) => {
          const packs = stored.map(decodedPack);
          for (const pack of packs) if (pack) remember(this.db, pack);
          return packs;
        });
      missing.forEach((first, i) =>
        this.read.set(
          packId(feedId, gen, list, first),
          request.then((packs) => packs[i]),
        ),
      );
    }
    return ids.map((id) => this.read.get(id)!);
  }

  /** The pack of one list of one generation that holds `key`'s group, if any (one request). */
  private lastPackUpTo(
    feedId: string,
    gen: number,
    list: PackList,
    key: string,
  ): Promise<PackRow | undefined> {
    const [lower, upper] = packsUpTo(feedId, gen, list, key);
    return this.db.packs.where('[feedId+gen+list+first]').between(lower, upper, true, true).last();
  }

  /** The items of one group (`key`) of one list of one feed (its layer's patch applied). */
  async group<T>(list: PackList, feedId: string, key: string): Promise<T[]> {
    const patch = this.bases.has(feedId) ? await this.patchOf(feedId, list, key) : undefined;
    return withPatch<T>(list, patch, () => this.baseGroup<T>(list, feedId, key));
  }

  /** The items of one group of one list of one feed in the packs (a layer's base). */
  private async baseGroup<T>(list: PackList, feedId: string, key: string): Promise<T[]> {
    const gen = this.packGen(feedId);
    if (gen === undefined) return [];
    const listKey = directoryKey(feedId, gen, list);
    const asked = (this.lookups.get(listKey) ?? 0) + 1;
    this.lookups.set(listKey, asked);
    if (asked === 1 && !directoriesFor(this.db).has(listKey)) {
      // A lone lookup in a fresh context (a popup opening): one request finds the pack whose
      // first key is the last ≤ key, without listing the directory. A second lookup in the
      // same list lists it, so that each pack is then read once however many keys it holds.
      this.requests++;
      const read = decodedPack(await this.lastPackUpTo(feedId, gen, list, key));
      if (read) remember(this.db, read);
      return read ? groupItems<T>(list, read.items, key) : [];
    }
    const dir = (await this.directory(feedId, list))!;
    const at = packIndexFor(dir, key);
    if (at < 0) return [];
    const pack = await this.pack(feedId, list, dir[at]!);
    return pack ? groupItems<T>(list, pack.items, key) : [];
  }

  /**
   * The items of several groups, in the order asked (each group's items in key order): the
   * packs they fall in are read together, in one request per feed.
   */
  async groups<T>(list: PackList, refs: readonly Ref[]): Promise<T[][]> {
    const layers = new Map<string, Layer>();
    for (const feedId of new Set(refs.map((ref) => ref.feedId))) {
      if (this.bases.has(feedId)) layers.set(feedId, await this.layerOf(feedId, list));
    }
    if (layers.size === 0) return this.baseGroups<T>(list, refs);
    // Layers' patches applied; a record list's patched records come from the layer alone.
    const patches = refs.map((ref) => layers.get(ref.feedId)?.groups.get(ref.id));
    const fromBase = refs.map((_, i) => !(patches[i] && ID_LISTS.has(list)));
    const base = await this.baseGroups<T>(
      list,
      refs.filter((_, i) => fromBase[i]),
    );
    let at = 0;
    return refs.map((_, i) => {
      const patch = patches[i];
      if (!fromBase[i]) return [...patch!.items] as T[];
      const items = base[at++]!;
      return patch ? patched<T>(list, items, patch) : items;
    });
  }

  /** The items of several groups in the packs (a layer's base), in the order asked. */
  private async baseGroups<T>(list: PackList, refs: readonly Ref[]): Promise<T[][]> {
    if (refs.length <= 1)
      return Promise.all(refs.map((ref) => this.baseGroup<T>(list, ref.feedId, ref.id)));
    const out: T[][] = refs.map(() => []);
    const byFeed = new Map<string, number[]>();
    refs.forEach((ref, i) => {
      if (!this.gens.has(ref.feedId)) return;
      let at = byFeed.get(ref.feedId);
      if (!at) byFeed.set(ref.feedId, (at = []));
      at.push(i);
    });
    await Promise.all(
      [...byFeed].map(async ([feedId, indexes]) => {
        const dir = (await this.directory(feedId, list))!;
        const firsts = indexes.map((i) => packIndexFor(dir, refs[i]!.id));
        const wanted = [...new Set(firsts.filter((at) => at >= 0))];
        const packs = await Promise.all(
          this.packs(
            feedId,
            list,
            wanted.map((at) => dir[at]!),
          ),
        );
        const byAt = new Map(wanted.map((at, k) => [at, packs[k]]));
        indexes.forEach((i, k) => {
          const pack = byAt.get(firsts[k]!);
          if (pack) out[i] = groupItems<T>(list, pack.items, refs[i]!.id);
        });
      }),
    );
    return out;
  }

  /** One record by id (a list of whole rows grouped by id). */
  async get<T>(list: RecordList, feedId: string, id: string): Promise<T | undefined> {
    return (await this.group<T>(list, feedId, id))[0];
  }

  /** Records by reference, in the order asked (undefined where there is none). */
  async bulkGet<T>(list: RecordList, refs: readonly Ref[]): Promise<(T | undefined)[]> {
    return (await this.groups<T>(list, refs)).map((group) => group[0]);
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

  /**
   * Every item of a list in the visible feeds (or the one given), in key order per feed. With
   * `only`, items may be given only those fields (and their feed id): see `packItems`. `only`
   * must name the list's group and second keys (a person's `id`), which a layer's patches are
   * merged by.
   */
  async all<T>(list: PackList, feedId?: string, only?: ReadonlySet<string>): Promise<T[]> {
    const out: T[] = [];
    for (const id of feedId === undefined ? this.feedIds : [feedId]) {
      const gen = this.packGen(id);
      if (gen === undefined) continue;
      const layer = this.layerOf(id, list);
      this.requests++;
      const packs = await packRange(this.db, id, gen, list).toArray();
      const items: unknown[] = [];
      for (const pack of packs) for (const item of packItems(pack, only)) items.push(item);
      for (const item of mergeLayer<T>(list, items, await layer)) out.push(item);
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
      const layer = await this.layerOf(feedId, list);
      // The base's entries of the range, with the layer's patches of the range applied.
      const walk = new LayeredWalk(
        list,
        layer,
        (item, key) => {
          out.push({ key, ref: { feedId, id: (item as IndexEntry)[1] } });
          return out.length >= limit;
        },
        layerKeysWithPrefix(layer, prefix),
      );
      const dir = await this.directory(feedId, list);
      if (!dir || dir.length === 0) {
        if (walk.end()) return out;
        continue;
      }
      const start = Math.max(0, packIndexFor(dir, prefix));
      let end = start;
      while (end < dir.length && (dir[end]! <= prefix || dir[end]!.startsWith(prefix))) end++;
      // The packs of the range that the limit may need, in one request: the range starts
      // somewhere in the first, and an index pack usually holds 512 to 1,024 entries (fewer
      // only beside a key with more entries than fit in the rest of it); then the rest,
      // again together, should those fall short.
      const firsts = dir.slice(start, end);
      const first = Math.min(firsts.length, 1 + Math.ceil((limit - 1) / (INDEX_PACK_ENTRIES / 2)));
      const ahead = this.packs(feedId, list, firsts.slice(0, first));
      let rest: Promise<PackRow | undefined>[] | undefined;
      packs: for (let at = 0; at < firsts.length; at++) {
        if (at === first) rest = this.packs(feedId, list, firsts.slice(first));
        const pack = await (rest ? rest[at - first]! : ahead[at]!);
        for (const item of pack?.items ?? []) {
          const key = groupOf(list, item);
          if (!key.startsWith(prefix)) {
            if (compareKeys(key, prefix) > 0) break packs;
            continue;
          }
          if (walk.add(item)) return out;
        }
      }
      if (walk.end()) return out;
    }
    return out;
  }

  /**
   * References to records of a list, grouped by the pack that holds them, the packs holding
   * the most first (in the order given within a pack and between packs of equal count). Not
   * what this context remembers: which rows a search shows must not depend on what was read
   * before.
   */
  async byPack(list: RecordList, refs: readonly Ref[]): Promise<Ref[][]> {
    const dirs = new Map<string, string[] | undefined>();
    for (const feedId of new Set(refs.map((ref) => ref.feedId))) {
      dirs.set(feedId, await this.directory(feedId, list));
    }
    const layers = new Map<string, Layer>();
    for (const feedId of dirs.keys()) layers.set(feedId, await this.layerOf(feedId, list));
    // Per feed, by the pack's place in the directory (no key string built per reference).
    const byFeed = new Map<string, Map<number, { refs: Ref[]; order: number }>>();
    const groups: { refs: Ref[]; order: number }[] = [];
    refs.forEach((ref, order) => {
      const dir = dirs.get(ref.feedId);
      if (!dir) return;
      // The layer's records of a feed come together, as if from one pack.
      const at = layers.get(ref.feedId)?.groups.has(ref.id) ? IN_LAYER : packIndexFor(dir, ref.id);
      if (at === -1) return;
      let packs = byFeed.get(ref.feedId);
      if (!packs)
        byFeed.set(ref.feedId, (packs = new Map<number, { refs: Ref[]; order: number }>()));
      let group = packs.get(at);
      if (!group) {
        packs.set(at, (group = { refs: [], order }));
        groups.push(group);
      }
      group.refs.push(ref);
    });
    return groups
      .sort((a, b) => b.refs.length - a.refs.length || a.order - b.order)
      .map((group) => group.refs);
  }
}

/** `byPack`'s place for a feed's records that its layer holds (a pack index is ≥ -1). */
const IN_LAYER = -2;

/** Feed id → the base generation of the feeds whose visible generation is a layer. */
function basesOf(feeds: readonly FeedRow[]): Map<string, number> {
  const bases = new Map<string, number>();
  for (const feed of feeds)
    if (feed.gen !== undefined && feed.base !== undefined) bases.set(feed.feedId, feed.base);
  return bases;
}

/** Visible feed id → the generation its `feeds` row names. */
function gensOf(feeds: readonly FeedRow[]): Map<string, number> {
  const gens = new Map<string, number>();
  for (const feed of feeds) if (feed.gen !== undefined) gens.set(feed.feedId, feed.gen);
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
 * happened meanwhile, `fn` runs again on the new ones. When `fn` asked the database for
 * nothing (every pack and directory it needed was in memory, each under its generation), what
 * it read is those generations whole, and the second read is skipped. (No explicit
 * transaction: a reader often runs inside live queries, where joining or opening transactions
 * across native promises is fragile; any caller's transaction is simply joined by these reads.)
 */
export async function readPacks<T>(
  db: ConstellationDB,
  fn: (reader: PackReader) => Promise<T>,
): Promise<T> {
  let feeds = await db.feeds.toArray();
  for (let attempt = 1; ; attempt++) {
    const reader = new PackReader(db, feeds);
    const result = await fn(reader);
    if (reader.requests === 0) return result;
    const after = await db.feeds.toArray();
    if (sameGens(reader.gens, gensOf(after))) {
      reader.shareDirectories();
      return result;
    }
    if (attempt >= READ_ATTEMPTS) return result;
    feeds = after;
  }
}

/** Every record of a list in the visible feeds (bulk readers, tests and benchmarks). */
export function visibleRecords<T>(db: ConstellationDB, list: RecordList): Promise<T[]> {
  return readPacks(db, (r) => r.all<T>(list));
}
