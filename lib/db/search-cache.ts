// The search box's memory of the rows behind a word, kept while the popup (or the background)
// is open. Typing "sánchez lu" asks for "sánchez l", "sánchez lu"…: every one of those answers
// lies among the rows with a token starting with "sánchez", so once those rows are read every
// later keystroke that keeps the word is answered in memory, complete. On packs, a word's rows
// are kept only when they lie in a few packs (lib/db/search.ts): reading a common first name's
// 2,000 people would decode most of the directory; those keystrokes rely on the decoded packs
// the context remembers instead (lib/db/pack-memory.ts).
//
// Valid only for the data it was read from. Every change to the rows a reader can see is
// written in a transaction that also writes the `feeds` table (whole-feed ingest, generation
// switch, feed removal; lib/db/ingest.ts, lib/db/generations.ts), so the scope's `version`,
// read from the same feeds rows as the search's generations (one reader), names the data; a
// different version drops what was kept. Rows of a generation still being written carry a
// feed id no reader can see and are filtered out by visibility after the cache, as before it.
// Besides, any write to a searched table, in this context or another (Dexie announces them
// across the extension's pages and worker, as its live queries rely on), forgets everything.
import Dexie from 'dexie';
import type { ConstellationDB } from './database';
import type { FeedRow } from './schema';

/** What one search runs against: the feeds readers may see, and which data they hold. */
export interface SearchScope {
  visible: ReadonlySet<string>;
  /** Changes whenever the rows behind any visible feed may have changed. */
  version: string;
}

/** Reads the scope from the feeds rows (a few rows; call it inside the search's transaction). */
export async function searchScope(db: ConstellationDB): Promise<SearchScope> {
  return scopeOf(await db.feeds.toArray());
}

export function scopeOf(feeds: readonly FeedRow[]): SearchScope {
  const version = feeds
    .map(
      (f) =>
        `${f.feedId}\u0000${f.gen ?? ''}\u0000${f.generatedAt}\u0000${f.ingestedAt}\u0000${JSON.stringify(f.counts)}`,
    )
    .sort()
    .join('\u0001');
  return { visible: new Set(feeds.map((f) => f.feedId)), version };
}

/** Above this many index entries a word's rows are not kept (its key list is read instead). */
export const CACHED_WORD_ENTRIES = 3_000;
/**
 * Rows kept per table at most (a few words' worth; the background's searches keep a memory
 * too, so it stays small); beyond it the table's memory starts again.
 */
const CACHED_ROWS_PER_TABLE = 12_000;

interface TableMemory {
  version: string;
  words: Map<string, readonly object[]>;
  rows: number;
}

let memories = new WeakMap<ConstellationDB, Map<string, TableMemory>>();

/** The part names Dexie gives a write to the searched packs ("idb://constellation/packs/…"). */
const SEARCHED_TABLE = /\/packs\//;

Dexie.on('storagemutated', (parts) => {
  if (Object.keys(parts).some((part) => part === 'all' || SEARCHED_TABLE.test(part)))
    memories = new WeakMap();
});

function memoryOf(db: ConstellationDB, table: string, version: string): TableMemory {
  let tables = memories.get(db);
  if (!tables) memories.set(db, (tables = new Map<string, TableMemory>()));
  let memory = tables.get(table);
  if (!memory || memory.version !== version) {
    memory = { version, words: new Map(), rows: 0 };
    tables.set(table, memory);
  }
  return memory;
}

/**
 * The kept rows of a word that some query word extends ("lucía" for "lucía sán"), the
 * smallest such set: a superset of the answer, in index order. Undefined when none is kept.
 */
export function keptRows<T extends object>(
  db: ConstellationDB,
  table: string,
  scope: SearchScope,
  words: readonly string[],
): readonly T[] | undefined {
  const memory = memoryOf(db, table, scope.version);
  let best: readonly object[] | undefined;
  for (const [kept, rows] of memory.words) {
    if (!words.some((word) => word.startsWith(kept))) continue;
    if (!best || rows.length < best.length) best = rows;
  }
  // Only rows of `table` are ever kept under its name (`keepRows` below).
  return best as readonly T[] | undefined;
}

/** Keeps every row with a token starting with `word` (each row once, in index order). */
export function keepRows<T extends object>(
  db: ConstellationDB,
  table: string,
  scope: SearchScope,
  word: string,
  rows: readonly T[],
): void {
  if (rows.length > CACHED_WORD_ENTRIES) return;
  let memory = memoryOf(db, table, scope.version);
  if (memory.rows + rows.length > CACHED_ROWS_PER_TABLE) {
    memories.get(db)!.delete(table);
    memory = memoryOf(db, table, scope.version);
  }
  if (memory.words.has(word)) return;
  memory.words.set(word, rows);
  memory.rows += rows.length;
}
