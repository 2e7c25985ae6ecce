// Prefix search over people, communities and topics. Every query word must be the prefix of
// some indexed token of the row ("ali che" finds Alice Chen). The index answers the first
// word; the remaining words filter the cursor, and the limit stops it early, so a keystroke
// costs about `limit` row reads however large the directory is. The rows of a word that is
// rare enough are kept in memory (lib/db/search-cache.ts), so the next keystrokes of a
// several-word query are answered without the database.
import { queryTokens } from '../model/keys';
import type { ConstellationDB } from './database';
import { readPacks, type PackReader } from './packed';
import { communityTokens, personTokens, topicTokens } from './rows';
import type { IndexList } from './packs';
import { canSee, type Viewer } from './queries';
import type { CommunityRow, PersonRow, Ref, TopicRow } from './schema';
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

type SearchRow = { feedId: string; id: string };

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

/** What a search reads: the rows of a list, found through its token index. */
interface SearchKind {
  list: 'people' | 'communities' | 'topics';
  index: IndexList;
  /** A row's words: the keys its index has for it (rows do not store them). */
  tokens: (row: never) => string[];
}

const PEOPLE: SearchKind = { list: 'people', index: 'people.tokens', tokens: personTokens };
const COMMUNITIES: SearchKind = {
  list: 'communities',
  index: 'communities.tokens',
  tokens: communityTokens,
};
const TOPICS: SearchKind = { list: 'topics', index: 'topics.tokens', tokens: topicTokens };

/** Words of the rows checked so far, per row object (kept rows are checked every keystroke). */
const wordsOf = new WeakMap<object, string[]>();

function tokensOf(kind: SearchKind, row: SearchRow): string[] {
  let words = wordsOf.get(row);
  if (!words) wordsOf.set(row, (words = kind.tokens(row as never)));
  return words;
}

/**
 * Rows whose tokens start with the lead word: a page of the token index's entries (their
 * packs read once each), then the rows they name, checked in memory. When that first page is
 * full but yields too few matches, the rest of the word's entries are read and their rows
 * checked a page at a time until `limit` of them pass.
 */
async function prefixSearch<T extends SearchRow>(
  db: ConstellationDB,
  kind: SearchKind,
  p: { lead: string; words: string[] },
  limit: number,
  accept: (row: T) => boolean,
  scope: SearchScope,
): Promise<T[]> {
  const keep = (row: T) =>
    scope.visible.has(row.feedId) && matchesAll(tokensOf(kind, row), p.words) && accept(row);
  const kept = keptRows<T>(db, kind.list, scope, p.words);
  if (kept) return firstKept(kept, keep, limit);
  return readPacks(db, async (r) => {
    if (p.words.length > 1) {
      const intersected = await intersectWords(db, r, kind, p.words, limit, keep, scope);
      if (intersected) return intersected;
    }
    const page = Math.max(limit * 3, 24);
    const first = await r.prefix(kind.index, p.lead, page);
    const rows = await rowsOf<T>(r, kind, distinctRefs(first.map((e) => e.ref)));
    if (first.length < page) {
      // Every row of the lead word is here: keep them for the next keystrokes.
      keepRows(db, kind.list, scope, p.lead, rows);
      return firstKept(rows, keep, limit);
    }
    const found = firstKept(rows, keep, limit);
    if (found.length >= limit) return found;
    const seen = new Set(rows.map((row) => refKey(row)));
    const rest = distinctRefs((await r.prefix(kind.index, p.lead)).map((e) => e.ref)).filter(
      (ref) => !seen.has(refKey(ref)),
    );
    return checkInPages(r, kind, rest, keep, limit, found);
  });
}

function refKey(ref: { feedId: string; id: string }): string {
  return `${ref.feedId}\u0000${ref.id}`;
}

/** A row appears once per matching token ("alice", "alice.chen@…"): each once, in order. */
function distinctRefs(refs: readonly Ref[]): Ref[] {
  const seen = new Set<string>();
  return refs.filter((ref) => {
    const key = refKey(ref);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

async function rowsOf<T>(r: PackReader, kind: SearchKind, refs: readonly Ref[]): Promise<T[]> {
  return (await r.bulkGet<T>(kind.list, refs)).filter(
    (row): row is Awaited<T> => row !== undefined,
  );
}

/** Reads the candidates' rows a page at a time until `limit` of them pass. */
async function checkInPages<T>(
  r: PackReader,
  kind: SearchKind,
  candidates: readonly Ref[],
  keep: (row: T) => boolean,
  limit: number,
  found: T[] = [],
): Promise<T[]> {
  for (let at = 0; at < candidates.length && found.length < limit; at += CANDIDATE_PAGE) {
    for (const row of await rowsOf<T>(r, kind, candidates.slice(at, at + CANDIDATE_PAGE))) {
      if (keep(row) && found.length < limit) found.push(row);
    }
  }
  return found;
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
 * Several words ("lucía sánchez"): list each word's index entries (up to a cap: a word with
 * more is too common to list and is checked on the rows), then, rarest word first, intersect
 * the listed words' references, then read the candidates' rows a page at a time until
 * `limit` of them pass every word. Every row that can match is a candidate, so the answer is
 * complete; a word no row has ends it at once. When the rarest word has few enough entries,
 * all its rows are read and kept for the next keystrokes (lib/db/search-cache.ts).
 * Undefined when every word is too common to list (the rows of the lead word are then read).
 */
async function intersectWords<T extends SearchRow>(
  db: ConstellationDB,
  r: PackReader,
  kind: SearchKind,
  words: string[],
  limit: number,
  keep: (row: T) => boolean,
  scope: SearchScope,
): Promise<T[] | undefined> {
  // Words this short are common ("s" has 52,741 entries at 100k people): never listed, only
  // checked on the rows.
  const listed = await Promise.all(
    words.map(async (word) => {
      if (word.length < COUNTED_LENGTH) return undefined;
      const entries = await r.prefix(kind.index, word, INTERSECT_CAP + 1);
      return entries.length > INTERSECT_CAP ? undefined : distinctRefs(entries.map((e) => e.ref));
    }),
  );
  if (listed.some((refs) => refs?.length === 0)) return [];
  const listable = listed
    .map((refs, i) => ({ word: words[i]!, refs }))
    .filter((w): w is { word: string; refs: Ref[] } => w.refs !== undefined)
    .sort((a, b) => a.refs.length - b.refs.length);
  if (listable.length === 0) return undefined;
  const rarest = listable[0]!;
  if (rarest.refs.length <= CACHED_WORD_ENTRIES) {
    const rows = await rowsOf<T>(r, kind, rarest.refs);
    keepRows(db, kind.list, scope, rarest.word, rows);
    return firstKept(rows, keep, limit);
  }
  let candidates = rarest.refs;
  for (const { refs } of listable.slice(1)) {
    const next = new Set(refs.map(refKey));
    candidates = candidates.filter((ref) => next.has(refKey(ref)));
  }
  return checkInPages(r, kind, candidates, keep, limit);
}

export async function searchPeople(
  db: ConstellationDB,
  query: string,
  filters: PeopleFilters = {},
  scope?: Scope,
): Promise<PersonRow[]> {
  const p = plan(query);
  if (!p) return [];
  const rows = await prefixSearch<PersonRow>(
    db,
    PEOPLE,
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
  const rows = await prefixSearch<CommunityRow>(
    db,
    COMMUNITIES,
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
  const rows = await prefixSearch<TopicRow>(
    db,
    TOPICS,
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
