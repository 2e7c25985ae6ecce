// Prefix search over people, communities and topics. Every query word must be the prefix of
// some indexed token of the row ("ali che" finds Alice Chen). The index answers the first
// word; the remaining words filter the cursor, and the limit stops it early, so a keystroke
// costs about `limit` row reads however large the directory is. The rows of a word that is
// rare enough are kept in memory (lib/db/search-cache.ts), so the next keystrokes of a
// several-word query are answered without the database.
import { queryTokens } from '../model/keys';
import type { Table } from 'dexie';
import type { ConstellationDB } from './database';
import { canSee, type Viewer } from './queries';
import type { CommunityRow, PersonRow, TopicRow } from './schema';
import {
  CACHED_WORD_ENTRIES,
  keepRows,
  keptRows,
  searchScope,
  type SearchScope,
} from './search-cache';

export interface PeopleFilters {
  feedId?: string;
  unit?: string;
  company?: string;
  limit?: number;
}

/** The visible feeds and their data version, when the caller read them already (one read per keystroke). */
type Scope = SearchScope | undefined;

type SearchRow = { feedId: string; id: string; tokens: string[] };

const DEFAULT_LIMIT = 20;

function matchesAll(tokens: readonly string[], words: readonly string[]): boolean {
  return words.every((word) => tokens.some((token) => token.startsWith(word)));
}

/** Orders a longest-first word list so the most selective word drives the index. */
function plan(query: string): { lead: string; words: string[] } | undefined {
  const words = queryTokens(query);
  if (words.length === 0) return undefined;
  const lead = [...words].sort((a, b) => b.length - a.length)[0]!;
  return { lead, words };
}

/**
 * Rows whose tokens start with the lead word, read with one `getAll` (a single IndexedDB
 * round trip) instead of a filtered cursor (one round trip per step), then checked in memory.
 * When that first page is full but yields too few matches, a cursor finishes the job.
 */
async function prefixSearch<T extends SearchRow>(
  db: ConstellationDB,
  table: Table<T, [string, string]>,
  p: { lead: string; words: string[] },
  limit: number,
  accept: (row: T) => boolean,
  scope: SearchScope,
): Promise<T[]> {
  const keep = (row: T) =>
    scope.visible.has(row.feedId) && matchesAll(row.tokens, p.words) && accept(row);
  const kept = keptRows<T>(db, table.name, scope, p.words);
  if (kept) return firstKept(kept, keep, limit);
  if (p.words.length > 1) {
    const intersected = await intersectWords(db, table, p.words, limit, keep, scope);
    if (intersected) return intersected;
  }
  const page = Math.max(limit * 3, 24);
  const first = await table.where('tokens').startsWith(p.lead).limit(page).toArray();
  if (first.length < page) {
    // Every row of the lead word is here: keep them for the next keystrokes.
    const rows = distinctRows(first);
    keepRows(db, table.name, scope, p.lead, rows);
    return firstKept(rows, keep, limit);
  }
  const found: T[] = [];
  for (const row of distinctRows(first)) {
    if (keep(row)) found.push(row);
    if (found.length >= limit) return found;
  }
  return table.where('tokens').startsWith(p.lead).distinct().filter(keep).limit(limit).toArray();
}

/** A row appears once per matching token ("alice", "alice.chen@…"): each once, in order. */
function distinctRows<T extends SearchRow>(rows: readonly T[]): T[] {
  const seen = new Set<string>();
  return rows.filter((row) => {
    const key = `${row.feedId}\u0000${row.id}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function firstKept<T>(rows: readonly T[], keep: (row: T) => boolean, limit: number): T[] {
  const found: T[] = [];
  for (const row of rows) {
    if (found.length >= limit) break;
    if (keep(row)) found.push(row);
  }
  return found;
}

/** Above this many index entries a word's key list is not read: its rows are checked instead. */
const INTERSECT_CAP = 10_000;
/** Words shorter than this are taken as too common to count or list. */
const COUNTED_LENGTH = 3;
/** Candidate rows read per round trip, until `limit` of them are kept. */
const CANDIDATE_PAGE = 48;

/**
 * Several words ("lucía sánchez"): count each word's index entries (counted in the database,
 * nothing copied), then, rarest word first, read the primary keys of the listable words and
 * intersect them while that is cheaper than checking the candidates' rows, then read the
 * candidates' rows a page at a time until `limit` of them pass every word. Every row that can
 * match is a candidate, so the answer is complete; a word no row has ends it at once. When the
 * rarest word has few enough entries, all its rows are read in one `getAll` instead and kept
 * for the next keystrokes (lib/db/search-cache.ts).
 * Undefined when every word is too common to list (the rows of the lead word are then read).
 */
async function intersectWords<T extends SearchRow>(
  db: ConstellationDB,
  table: Table<T, [string, string]>,
  words: string[],
  limit: number,
  keep: (row: T) => boolean,
  scope: SearchScope,
): Promise<T[] | undefined> {
  const range = (word: string) => table.where('tokens').startsWith(word);
  // Counting walks a word's entries: words this short are common ("s" has 52,741 entries at
  // 100k people), so they are not counted and never listed, only checked on the rows.
  const counts = await Promise.all(
    words.map((word) =>
      word.length >= COUNTED_LENGTH ? range(word).count() : Promise.resolve(Infinity),
    ),
  );
  if (counts.some((n) => n === 0)) return [];
  // Words too common to list ("s" in "lucía s") are checked on the rows instead.
  const listable = words
    .map((word, i) => ({ word, entries: counts[i]! }))
    .filter((w) => w.entries <= INTERSECT_CAP)
    .sort((a, b) => a.entries - b.entries);
  if (listable.length === 0) return undefined;
  const rarest = listable[0]!;
  if (rarest.entries <= CACHED_WORD_ENTRIES) {
    const rows = distinctRows(await range(rarest.word).toArray());
    keepRows(db, table.name, scope, rarest.word, rows);
    return firstKept(rows, keep, limit);
  }
  const asString = (key: [string, string]) => `${key[0]}\u0000${key[1]}`;
  let candidates: Map<string, [string, string]> | undefined;
  for (const { word, entries } of listable) {
    // Stop when checking the candidates' rows costs less than listing the next word: a page
    // of them, or fewer than a quarter of its entries (a key costs a fraction of a row).
    if (candidates && (candidates.size <= CANDIDATE_PAGE || entries > candidates.size * 4)) break;
    const keys = await range(word).primaryKeys();
    if (!candidates) {
      candidates = new Map(keys.map((key) => [asString(key), key] as const));
    } else {
      const next = new Set(keys.map(asString));
      candidates = new Map([...candidates].filter(([k]) => next.has(k)));
    }
  }
  const list = [...candidates!.values()];
  const found: T[] = [];
  for (let at = 0; at < list.length && found.length < limit; at += CANDIDATE_PAGE) {
    const rows = await table.bulkGet(list.slice(at, at + CANDIDATE_PAGE));
    for (const row of rows) {
      if (row !== undefined && keep(row) && found.length < limit) found.push(row);
    }
  }
  return found;
}

export async function searchPeople(
  db: ConstellationDB,
  query: string,
  filters: PeopleFilters = {},
  scope?: Scope,
): Promise<PersonRow[]> {
  const p = plan(query);
  if (!p) return [];
  const rows = await prefixSearch(
    db,
    db.people,
    p,
    filters.limit ?? DEFAULT_LIMIT,
    (person) =>
      (filters.feedId === undefined || person.feedId === filters.feedId) &&
      (filters.unit === undefined || person.unit === filters.unit) &&
      (filters.company === undefined || person.company === filters.company),
    scope ?? (await searchScope(db)),
  );
  return rankByName(rows, (r) => r.name, query);
}

export async function searchCommunities(
  db: ConstellationDB,
  query: string,
  viewer: Viewer,
  limit = DEFAULT_LIMIT,
  scope?: Scope,
): Promise<CommunityRow[]> {
  const p = plan(query);
  if (!p) return [];
  const rows = await prefixSearch(
    db,
    db.communities,
    p,
    limit,
    (c) => canSee(viewer, c),
    scope ?? (await searchScope(db)),
  );
  return rankByName(rows, (r) => r.name, query);
}

export async function searchTopics(
  db: ConstellationDB,
  query: string,
  limit = DEFAULT_LIMIT,
  scope?: Scope,
): Promise<TopicRow[]> {
  const p = plan(query);
  if (!p) return [];
  const rows = await prefixSearch(
    db,
    db.topics,
    p,
    limit,
    () => true,
    scope ?? (await searchScope(db)),
  );
  return rankByName(rows, (r) => r.label, query);
}

/** Names that start with the query first, then alphabetical. */
function rankByName<T>(rows: T[], nameOf: (row: T) => string, query: string): T[] {
  const q = query.trim().toLowerCase();
  return rows
    .map((row) => ({
      row,
      name: nameOf(row),
      starts: nameOf(row).toLowerCase().startsWith(q) ? 0 : 1,
    }))
    .sort((a, b) => a.starts - b.starts || a.name.localeCompare(b.name))
    .map((x) => x.row);
}
