// The decoded packs one extension context remembers (lib/db/packed.ts reads through it). Reading
// a pack from IndexedDB is mostly decoding it (structured clone: ≈ 0.9 ms for a pack of 128
// people, ≈ 0.3 ms for 1,024 index entries in Chromium), and the popup's keystrokes read the
// same index packs, and often the same people, again and again.
//
// Safe to keep because of how packs are written (lib/db/packs.ts, generations.ts): a pack's key
// names its feed, generation, list and first key; a generation's packs never change while a
// feeds row names it, generation numbers are never reused, and readers only ask for the
// generations the feeds rows name. Kept per database instance (tests open many databases whose
// generation numbers come from clocks they may share), within a budget, least recently used
// first out. Any write to the packs table, in this context or another (Dexie announces them
// across the extension's pages and worker), forgets everything: a sync writing a generation
// never keeps decoded packs alive beside it.
import Dexie from 'dexie';
import type { ConstellationDB } from './database';
import { INDEX_LISTS, PACK_SIZE, type PackList, type PackRow } from './packs';

/**
 * The budget, in items weighed by kind: an index entry ([key, id]) weighs 1, a record (a
 * person, a membership…) 8, roughly their size next to each other. 160 packs of 128 people or
 * 160 index packs of 1,024 entries: a few tens of megabytes at most. The search box's warm-up
 * fills up to 60% of it with the small lists a keystroke reads (lib/db/search.ts).
 */
const BUDGET = 163_840;
/** A pack heavier than this is never kept (a token most people share: 100,000 entries). */
const LARGEST = BUDGET / 8;

const INDEX = new Set<string>(INDEX_LISTS);

function weightOf(pack: PackRow): number {
  return itemWeight(pack.list) * pack.items.length;
}

function itemWeight(list: PackList): number {
  return INDEX.has(list) ? 1 : 8;
}

/**
 * What `packs` packs of a list may weigh in the memory at most (each as full as planned), as a
 * share of the budget: what a caller reading a list whole checks before it does.
 */
export function shareOfBudget(list: PackList, packs: number): number {
  return (packs * PACK_SIZE[list] * itemWeight(list)) / BUDGET;
}

interface Memory {
  /** In use order: the first entry is the least recently used. */
  packs: Map<string, PackRow>;
  weight: number;
}

let memories = new WeakMap<ConstellationDB, Memory>();

/** The part names Dexie gives a write to the packs ("idb://constellation/packs/…"). */
const PACKS_PART = /\/packs\//;

Dexie.on('storagemutated', (parts) => {
  if (Object.keys(parts).some((part) => part === 'all' || PACKS_PART.test(part)))
    memories = new WeakMap();
});

function memoryOf(db: ConstellationDB): Memory {
  let memory = memories.get(db);
  if (!memory) memories.set(db, (memory = { packs: new Map(), weight: 0 }));
  return memory;
}

/** The memory's key of one pack. */
export function packId(feedId: string, gen: number, list: PackList, first: string): string {
  return `${feedId}\u0000${gen}\u0000${list}\u0000${first}`;
}

/** A remembered pack (now the most recently used), or undefined. */
export function recalled(db: ConstellationDB, id: string): PackRow | undefined {
  const memory = memories.get(db);
  const pack = memory?.packs.get(id);
  if (pack) {
    memory!.packs.delete(id);
    memory!.packs.set(id, pack);
  }
  return pack;
}

/** Whether a pack is remembered, without counting as a use. */
export function isRemembered(db: ConstellationDB, id: string): boolean {
  return memories.get(db)?.packs.has(id) ?? false;
}

/** Remembers a pack just read, forgetting the least recently used ones beyond the budget. */
export function remember(db: ConstellationDB, pack: PackRow): void {
  const weight = weightOf(pack);
  if (weight > LARGEST) return;
  const memory = memoryOf(db);
  const id = packId(pack.feedId, pack.gen, pack.list, pack.first);
  if (memory.packs.has(id)) return;
  memory.packs.set(id, pack);
  memory.weight += weight;
  for (const [oldest, old] of memory.packs) {
    if (memory.weight <= BUDGET) break;
    memory.packs.delete(oldest);
    memory.weight -= weightOf(old);
  }
}

/** Forgets every pack of every database (tests). */
export function forgetPacks(): void {
  memories = new WeakMap();
}
