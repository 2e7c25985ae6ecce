// Generations that cost what changed (issue 19 goal 2). A changes file (lib/feed/changes.ts)
// replaces a few records; rewriting every pack for them costs as much as a first sync,
// because a 1% change scatters over nearly every pack. So a generation may instead be a
// *layer*: the groups the changes touched (a person and their lookup keys, a person's
// memberships, a community's members…), each replaced whole, stored as packs of their own
// under the new generation number, over the unchanged packs of an earlier generation (the
// feeds row's `base`). Readers (lib/db/packed.ts) take a group from the layer when the layer
// names it — with no items when the group was removed — and from the base otherwise. The next
// changes file writes a new layer holding the previous layer's groups and its own (the
// base stays), and when the layer grows past a share of the base, the sync takes the whole
// document and writes a whole generation again (lib/feed/apply-changes.ts).
import {
  compareKeys,
  groupOf,
  INDEX_LISTS,
  PACK_SIZE,
  packItems,
  type PackList,
  type PackRow,
  type PlannedPack,
} from './packs';

/**
 * A layer's groups of one list being planned: group key → the group's items (records, or for
 * an index list the ids found under the key), empty for a group the layer removes.
 */
export type LayerGroups = Map<string, unknown[]>;

/**
 * A layer's list as readers use it: its groups (items as any pack read gives them: records
 * with their feed id, or [key, id] entries) and their keys in order.
 */
export interface Layer {
  groups: ReadonlyMap<string, readonly unknown[]>;
  /** The group keys, in code-unit order. */
  keys: readonly string[];
  /** Items in the layer (what its weight is counted in). */
  items: number;
}

export const EMPTY_LAYER: Layer = { groups: new Map(), keys: [], items: 0 };

const INDEX_LIST_SET: ReadonlySet<string> = new Set(INDEX_LISTS);

/**
 * The packs of one list of a layer, groups in key order, cut like a whole list's (a group never
 * spans two packs). Each pack names the groups it replaces (`groups`), so a group with no
 * items (removed) is still found in it.
 */
export function planLayer(list: PackList, groups: LayerGroups): PlannedPack[] {
  const index = INDEX_LIST_SET.has(list);
  const size = PACK_SIZE[list];
  const out: PlannedPack[] = [];
  let names: string[] = [];
  let items: unknown[] = [];
  let keys: string[] = [];
  const flush = () => {
    out.push({
      list,
      first: names[0]!,
      items,
      groups: names,
      ...(index ? { keys } : {}),
    });
    names = [];
    items = [];
    keys = [];
  };
  for (const group of [...groups.keys()].sort(compareKeys)) {
    const found = groups.get(group)!;
    if (names.length > 0 && items.length + found.length > size) flush();
    names.push(group);
    for (const item of found) {
      items.push(item);
      if (index) keys.push(group);
    }
  }
  if (names.length > 0) flush();
  return out;
}

/** A list's layer from its stored packs (any order), items as packItems gives them. */
export function layerOf(list: PackList, packs: readonly PackRow[]): Layer {
  const groups = new Map<string, unknown[]>();
  let count = 0;
  for (const pack of packs) {
    for (const name of pack.groups ?? []) if (!groups.has(name)) groups.set(name, []);
    const items = packItems(pack);
    for (const item of items) {
      const key = groupOf(list, item);
      let group = groups.get(key);
      if (!group) groups.set(key, (group = []));
      group.push(item);
      count++;
    }
  }
  return { groups, keys: [...groups.keys()].sort(compareKeys), items: count };
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
 * Every item of a list: the base's in key order, without the groups the layer replaces, and
 * the layer's groups in their place (in key order too).
 */
export function mergeLayer<T>(list: PackList, base: readonly unknown[], layer: Layer): T[] {
  if (layer.keys.length === 0) return base as T[];
  const out: unknown[] = [];
  let at = 0;
  const keys = layer.keys;
  for (const item of base) {
    const key = groupOf(list, item);
    while (at < keys.length && keys[at]! < key)
      for (const x of layer.groups.get(keys[at++]!)!) out.push(x);
    if (!layer.groups.has(key)) out.push(item);
  }
  while (at < keys.length) for (const x of layer.groups.get(keys[at++]!)!) out.push(x);
  return out as T[];
}
