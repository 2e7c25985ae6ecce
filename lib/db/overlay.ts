// Generations that cost what changed (issue 19 goal 2). A changes file (lib/feed/changes.ts)
// replaces a few records; rewriting every pack for them costs as much as a first sync,
// because a 1% change scatters over nearly every pack. So a generation may instead be a
// *layer* over the unchanged packs of an earlier generation (the feeds row's `base`): per list,
// patches of the groups the changes touched — items added (an item replaces the base's item of
// the same second key: a person's record, a membership of the same person and community) and
// base items dropped — stored as packs of their own under the new generation number. Readers
// (lib/db/packed.ts) apply a group's patch to the base's group. Writing a layer reads nothing
// of the base but the previous versions of changed people, topics and communities (their
// lookup keys). The next changes file writes a new layer holding the previous layer's patches
// and its own (the base stays), and a layer grown past a share of the base is compacted by
// taking the whole document (lib/feed/apply-changes.ts).
import {
  compareKeys,
  groupOf,
  INDEX_LISTS,
  PACK_SIZE,
  packItems,
  secondOf,
  type PackList,
  type PackRow,
  type PlannedPack,
} from './packs';

/** A patch of one group: the items it adds (by second key) and the second keys it drops. */
export interface GroupPatch {
  /** Items as any pack read gives them (records with their feed id, [key, id] entries). */
  items: unknown[];
  /** Second keys of base items this patch drops (and of those its items replace). */
  drops: Set<string>;
}

/** A layer's list as readers use it: its patches, and their group keys in order. */
export interface Layer {
  groups: ReadonlyMap<string, GroupPatch>;
  /** The patched group keys, in code-unit order. */
  keys: readonly string[];
}

export const EMPTY_LAYER: Layer = { groups: new Map(), keys: [] };

const INDEX_LIST_SET: ReadonlySet<string> = new Set(INDEX_LISTS);

/**
 * A patch being planned: items by second key (an index list's items are ids, a record
 * list's records without feed id) and the second keys of base items dropped.
 */
export interface PlannedPatch {
  items: Map<string, unknown>;
  drops: Set<string>;
}

export type LayerPatches = Map<string, PlannedPatch>;

/** The patch of `group` in `patches`, made empty if there was none. */
export function patchOf(patches: LayerPatches, group: string): PlannedPatch {
  let patch = patches.get(group);
  if (!patch) patches.set(group, (patch = { items: new Map(), drops: new Set() }));
  return patch;
}

/** Adds (or replaces) an item of a group: a later change of the same item wins. */
export function putItem(patches: LayerPatches, group: string, second: string, item: unknown): void {
  const patch = patchOf(patches, group);
  patch.items.set(second, item);
  patch.drops.delete(second);
}

/** Drops an item of a group (from the base, and any the patch added). */
export function dropItem(patches: LayerPatches, group: string, second: string): void {
  const patch = patchOf(patches, group);
  patch.items.delete(second);
  patch.drops.add(second);
}

/**
 * The packs of one list of a layer, groups in key order, cut like a whole list's (a group's
 * patch never spans two packs). Each pack names the groups it patches and what it drops.
 */
export function planLayer(list: PackList, patches: LayerPatches): PlannedPack[] {
  const index = INDEX_LIST_SET.has(list);
  const size = PACK_SIZE[list];
  const out: PlannedPack[] = [];
  let names: string[] = [];
  let items: unknown[] = [];
  let keys: string[] = [];
  let drops: string[] = [];
  let weight = 0;
  const flush = () => {
    out.push({ list, first: names[0]!, groups: names, items, drops, ...(index ? { keys } : {}) });
    names = [];
    items = [];
    keys = [];
    drops = [];
    weight = 0;
  };
  for (const group of [...patches.keys()].sort(compareKeys)) {
    const patch = patches.get(group)!;
    const groupWeight = patch.items.size + patch.drops.size;
    if (names.length > 0 && weight + groupWeight > size) flush();
    names.push(group);
    weight += groupWeight;
    for (const second of [...patch.items.keys()].sort(compareKeys)) {
      items.push(patch.items.get(second));
      if (index) keys.push(group);
    }
    for (const second of [...patch.drops].sort(compareKeys)) drops.push(`${group}\u0000${second}`);
  }
  if (names.length > 0) flush();
  return out;
}

/** A list's layer from its stored packs (any order), items as packItems gives them. */
export function layerOf(list: PackList, packs: readonly PackRow[]): Layer {
  const groups = new Map<string, GroupPatch>();
  const patch = (group: string) => {
    let found = groups.get(group);
    if (!found) groups.set(group, (found = { items: [], drops: new Set() }));
    return found;
  };
  for (const pack of packs) {
    for (const name of pack.groups ?? []) patch(name);
    for (const item of packItems(pack)) {
      const p = patch(groupOf(list, item));
      p.items.push(item);
      p.drops.add(secondOf(list, item));
    }
    for (const drop of pack.drops ?? []) {
      const at = drop.indexOf('\u0000');
      patch(drop.slice(0, at)).drops.add(drop.slice(at + 1));
    }
  }
  return { groups, keys: [...groups.keys()].sort(compareKeys) };
}

/**
 * A group as the layer leaves it: the base's items but those dropped or replaced, and the
 * patch's items, in second-key order.
 */
export function patched<T>(list: PackList, base: readonly unknown[], patch: GroupPatch): T[] {
  const out: unknown[] = [];
  for (const item of base) if (!patch.drops.has(secondOf(list, item))) out.push(item);
  for (const item of patch.items) out.push(item);
  if (patch.items.length > 0 && out.length > 1)
    out.sort((a, b) => compareKeys(secondOf(list, a), secondOf(list, b)));
  return out as T[];
}

/** The layer's groups whose key starts with `prefix`, in key order. */
export function layerKeysWithPrefix(layer: Layer, prefix: string): string[] {
  const keys = layer.keys;
  let lo = 0;
  let hi = keys.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (keys[mid]! < prefix) lo = mid + 1;
    else hi = mid;
  }
  const out: string[] = [];
  for (let i = lo; i < keys.length && keys[i]!.startsWith(prefix); i++) out.push(keys[i]!);
  return out;
}

/**
 * A list walked in key order with its layer applied: the base's items go in (`add`, in key
 * order), the result comes out through `emit`, which may stop the walk by returning true
 * (then `add` and `end` return true too). Groups only the layer has come in their place; a
 * patched group comes patched. `keys`: the layer's group keys the walk covers (a prefix's).
 */
export class LayeredWalk {
  private at = 0;
  private group: string | undefined;
  private pending: unknown[] = [];
  private stopped = false;

  constructor(
    private readonly list: PackList,
    private readonly layer: Layer,
    private readonly emit: (item: unknown, group: string) => boolean | void,
    private readonly keys: readonly string[] = layer.keys,
  ) {}

  add(item: unknown): boolean {
    if (this.stopped) return true;
    const key = groupOf(this.list, item);
    if (key !== this.group) {
      if (this.flushGroup() || this.before(key)) return (this.stopped = true);
      if (this.at < this.keys.length && this.keys[this.at] === key) this.at++;
      this.group = key;
      this.pending = [];
    }
    this.pending.push(item);
    return false;
  }

  /** No more base items: the last group, and the layer's groups after it. */
  end(): boolean {
    if (this.stopped) return true;
    this.stopped = this.flushGroup() || this.before(undefined);
    this.group = undefined;
    return this.stopped;
  }

  private flushGroup(): boolean {
    if (this.group === undefined) return false;
    const patch = this.layer.groups.get(this.group);
    const items = patch ? patched(this.list, this.pending, patch) : this.pending;
    for (const item of items) if (this.emit(item, this.group)) return true;
    return false;
  }

  /** The layer's groups before `key` (all that are left when undefined). */
  private before(key: string | undefined): boolean {
    while (this.at < this.keys.length && (key === undefined || this.keys[this.at]! < key)) {
      const name = this.keys[this.at++]!;
      for (const item of this.layer.groups.get(name)!.items) if (this.emit(item, name)) return true;
    }
    return false;
  }
}

/** Every item of a list with its layer applied, in key order. */
export function mergeLayer<T>(list: PackList, base: readonly unknown[], layer: Layer): T[] {
  if (layer.keys.length === 0) return base as T[];
  const out: unknown[] = [];
  const walk = new LayeredWalk(list, layer, (item) => {
    out.push(item);
  });
  for (const item of base) walk.add(item);
  walk.end();
  return out as T[];
}
