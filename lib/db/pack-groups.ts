// One group of one list, read from the one pack that may hold it: the steps every reader of a
// lone key shares, whether through Dexie (PackReader, lib/db/packed.ts) or through raw
// IndexedDB (the popup's first read, lib/db/first-screen-raw.ts, which must not load Dexie):
// the key range that finds the pack, decoding it, finding the group's patch in a layer pack,
// and applying that patch. No Dexie here.
import { layerOf, patched, type GroupPatch } from './overlay';
import { packItems, type PackList, type PackRow } from './packs';

/** Record lists grouped by id: a patched group is its one record, or none. */
export const ID_LISTS: ReadonlySet<PackList> = new Set([
  'units',
  'people',
  'topics',
  'communities',
]);

/** A key below every pack's `first` (IndexedDB orders numbers before strings; Dexie.minKey). */
const BELOW_EVERY_KEY = -Infinity;

/**
 * Bounds (both included) of the packs of one list of one generation whose first key is ≤ key:
 * the last of them is the pack that holds `key`'s group, if any does.
 */
export function packsUpTo(
  feedId: string,
  gen: number,
  list: PackList,
  key: string,
): [lower: [string, number, string, number], upper: [string, number, string, string]] {
  return [
    [feedId, gen, list, BELOW_EVERY_KEY],
    [feedId, gen, list, key],
  ];
}

/** A pack read from the database, its items as its list's items (lib/db/packs.ts). */
export function decodedPack(pack: PackRow | undefined): PackRow | undefined {
  if (!pack) return undefined;
  const { keys: _keys, cols: _columns, ...row } = pack;
  return { ...row, items: packItems(pack) };
}

/** The patch of `key`'s group in the one layer pack that would hold it (a patch never spans two). */
export function patchInPack(
  list: PackList,
  pack: PackRow | undefined,
  key: string,
): GroupPatch | undefined {
  if (!pack?.groups?.includes(key)) return undefined;
  return layerOf(list, [pack]).groups.get(key);
}

/**
 * A group with its layer's patch applied: a record list's patched record comes from the patch
 * alone (the base is not read); otherwise the base's group, patched when there is a patch.
 */
export async function withPatch<T>(
  list: PackList,
  patch: GroupPatch | undefined,
  base: () => Promise<T[]>,
): Promise<T[]> {
  if (patch && ID_LISTS.has(list)) return [...patch.items] as T[];
  if (patch) return patched<T>(list, await base(), patch);
  return base();
}
