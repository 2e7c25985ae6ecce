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
import { compareKeys, type IndexList, type PackList } from './packs';
import { canSee, type Viewer } from './queries';
import type { CommunityRow, PersonRow, Ref, TopicRow } from './schema';
import { keepRows, keptRows, searchScope, type SearchScope } from './search-cache';

export interface PeopleFilters {
  feedId?: string;
  limit?: number;
}

/**
 * The visible feeds and their data version, when the caller read them already (one read per
 * keystroke); the caller's reader is then given too, read from the same feeds rows.
 */
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
 * Rows whose tokens start with the lead word: a page of the token index's entries, then the
 * rows they name, read a few packs at a time (those this context remembers first, then the
 * packs holding the most of them) until `limit` of them pass. A word with few rows has all of
 * them read and kept for the next keystrokes (lib/db/search-cache.ts). When the page yields
 * too few matches, the rest of the word's entries are checked the same way.
 */
async function prefixSearch<T extends SearchRow>(
  db: ConstellationDB,
  kind: SearchKind,
  p: { lead: string; words: string[] },
  limit: number,
  accept: (row: T) => boolean,
  scope: SearchScope,
  reader: PackReader | undefined,
): Promise<T[]> {
  // Rows found through a word's index entries have a token starting with that word: only the
  // other words are checked on their tokens (a one-word query computes no row's tokens).
  const keepHaving = (known: readonly string[]) => {
    const rest = p.words.filter((word) => !known.includes(word));
    return (row: T) =>
      scope.visible.has(row.feedId) &&
      (rest.length === 0 || matchesAll(tokensOf(kind, row), rest)) &&
      accept(row);
  };
  const keep = keepHaving([p.lead]);
  const kept = keptRows<T>(db, kind.list, scope, p.words);
  if (kept) return firstKept(kept, keepHaving([]), limit);
  const search = async (r: PackReader) => {
    if (p.words.length > 1) {
      const intersected = await intersectWords(db, r, kind, p.words, limit, keepHaving, scope);
      if (intersected) return intersected;
    }
    const first = await r.prefix(kind.index, p.lead, ENTRY_PAGE + 1);
    const refs = distinctRefs(first.map((e) => e.ref));
    const packs = await r.byPack(kind.list, refs);
    if (first.length <= ENTRY_PAGE && packs.length <= KEPT_WORD_PACKS) {
      // Every row of the lead word, in a few packs: keep them for the next keystrokes.
      const rows = await rowsOf<T>(r, kind, refs);
      keepRows(db, kind.list, scope, p.lead, rows);
      return firstKept(rows, keep, limit);
    }
    const found = await checkByPack(r, kind, packs, keep, limit);
    if (found.length >= limit || first.length <= ENTRY_PAGE) return found;
    const seen = new RefSet(refs);
    const rest = distinctRefs((await r.prefix(kind.index, p.lead)).map((e) => e.ref)).filter(
      (ref) => !seen.has(ref),
    );
    return checkByPack(r, kind, await r.byPack(kind.list, rest), keep, limit, found);
  };
  return reader ? search(reader) : readPacks(db, search);
}

/**
 * A set of references, by feed then id: no joined key string per reference (a first letter's
 * 1,025 entries would each build and hash a new string; an id hashes once, and keeps its hash).
 */
class RefSet {
  private readonly byFeed = new Map<string, Set<string>>();

  constructor(refs: readonly Ref[] = []) {
    for (const ref of refs) this.add(ref);
  }

  has(ref: Ref): boolean {
    return this.byFeed.get(ref.feedId)?.has(ref.id) ?? false;
  }

  /** Adds the reference; false when it was there already. */
  add(ref: Ref): boolean {
    let ids = this.byFeed.get(ref.feedId);
    if (!ids) this.byFeed.set(ref.feedId, (ids = new Set()));
    if (ids.has(ref.id)) return false;
    ids.add(ref.id);
    return true;
  }
}

/** A row appears once per matching token ("alice", "alice.chen@…"): each once, in order. */
function distinctRefs(refs: readonly Ref[]): Ref[] {
  const seen = new RefSet();
  return refs.filter((ref) => seen.add(ref));
}

async function rowsOf<T>(r: PackReader, kind: SearchKind, refs: readonly Ref[]): Promise<T[]> {
  return (await r.bulkGet<T>(kind.list, refs)).filter(
    (row): row is Awaited<T> => row !== undefined,
  );
}

/**
 * Reads the candidates' rows until `limit` of them pass: a pack holds 128 people, and decoding
 * it is most of what a read costs, so the candidates are read by pack (those holding the most
 * candidates first), a round of packs at a time, each round holding at least as many
 * candidates as are still missing (twice as many after each round that fell short). The same
 * query on the same data always answers the same rows, whatever this context read before.
 */
async function checkByPack<T>(
  r: PackReader,
  kind: SearchKind,
  packs: readonly Ref[][],
  keep: (row: T) => boolean,
  limit: number,
  found: T[] = [],
): Promise<T[]> {
  let want = limit - found.length;
  for (let at = 0; at < packs.length && found.length < limit;) {
    const round: Ref[] = [];
    while (at < packs.length && round.length < want) round.push(...packs[at++]!);
    for (const row of await rowsOf<T>(r, kind, round)) {
      if (keep(row) && found.length < limit) found.push(row);
    }
    want *= 2;
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

/** Index entries of the lead word read before its rows: the pool the packs are chosen from. */
const ENTRY_PAGE = 1_024;
/**
 * A word whose rows lie in at most this many packs has them all read and kept
 * (search-cache.ts): a few milliseconds once, then its next keystrokes are answered in memory.
 */
const KEPT_WORD_PACKS = 12;
/** Above this many index entries a word's key list is not read: its rows are checked instead. */
const INTERSECT_CAP = 10_000;
/** Words shorter than this are taken as too common to count or list. */
const COUNTED_LENGTH = 3;

/**
 * Several words ("lucía sánchez"): list each word's index entries (up to a cap: a word with
 * more is too common to list and is checked on the rows), intersect the listed words'
 * references, then read the candidates' rows by pack until `limit` of them pass every word.
 * Every row that can match is a candidate, so the answer is complete; a word no row has ends
 * it at once. When the rarest listed word's rows lie in few packs, they are all read and kept
 * for the next keystrokes (lib/db/search-cache.ts). Undefined when every word is too common
 * to list (the lead word's rows are then checked).
 */
async function intersectWords<T extends SearchRow>(
  db: ConstellationDB,
  r: PackReader,
  kind: SearchKind,
  words: string[],
  limit: number,
  keepHaving: (known: readonly string[]) => (row: T) => boolean,
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
  const rarestPacks = await r.byPack(kind.list, rarest.refs);
  if (rarestPacks.length <= KEPT_WORD_PACKS) {
    const rows = await rowsOf<T>(r, kind, rarest.refs);
    keepRows(db, kind.list, scope, rarest.word, rows);
    return firstKept(rows, keepHaving([rarest.word]), limit);
  }
  let candidates = rarest.refs;
  for (const { refs } of listable.slice(1)) {
    const next = new RefSet(refs);
    candidates = candidates.filter((ref) => next.has(ref));
  }
  return checkByPack(
    r,
    kind,
    await r.byPack(kind.list, candidates),
    keepHaving(listable.map((w) => w.word)),
    limit,
  );
}

/** Directories every first keystroke lists, of lists too large to read whole (the people's). */
const WARM_DIRECTORIES: readonly PackList[] = ['people.tokens', 'people'];
/** Lists a keystroke reads that are small enough to read whole beforehand, most useful first. */
const WARM_WHOLE: readonly PackList[] = [
  'topics.tokens',
  'communities.tokens',
  'topics',
  'communities',
  'units',
];
/** The share of the memory of packs (lib/db/pack-memory.ts) a warm-up may fill. */
const WARM_SHARE = 0.6;

/**
 * Readies this context for the search box (the popup calls it once idle): the directories of
 * the people's lists are listed, and the topics', communities' and units' lists read whole
 * while they fit in half of the memory of packs. A first keystroke then asks the database
 * only for the people's packs; without this it lists two directories and reads six packs in
 * as many requests, which the database answers one after another. Returns the lists read whole.
 */
export function warmSearch(db: ConstellationDB): Promise<PackList[]> {
  return readPacks(db, (r) => r.warm(WARM_DIRECTORIES, WARM_WHOLE, WARM_SHARE));
}

export async function searchPeople(
  db: ConstellationDB,
  query: string,
  filters: PeopleFilters = {},
  scope?: Scope,
  reader?: PackReader,
): Promise<PersonRow[]> {
  const p = plan(query);
  if (!p) return [];
  const rows = await prefixSearch<PersonRow>(
    db,
    PEOPLE,
    p,
    filters.limit ?? DEFAULT_LIMIT,
    (person) => filters.feedId === undefined || person.feedId === filters.feedId,
    scope ?? (await searchScope(db)),
    reader,
  );
  return rankByName(rows, (r) => r.name, query);
}

export async function searchCommunities(
  db: ConstellationDB,
  query: string,
  viewer: Viewer,
  limit = DEFAULT_LIMIT,
  scope?: Scope,
  reader?: PackReader,
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
    reader,
  );
  return rankByName(rows, (r) => r.name, query);
}

export async function searchTopics(
  db: ConstellationDB,
  query: string,
  limit = DEFAULT_LIMIT,
  scope?: Scope,
  reader?: PackReader,
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
    reader,
  );
  return rankByName(rows, (r) => r.label, query);
}

/**
 * Names that start with the query first, then alphabetical; equal names in the order of their
 * feed and id (the rows are read in whatever order their packs came).
 */
function rankByName<T extends SearchRow>(
  rows: T[],
  nameOf: (row: T) => string,
  query: string,
): T[] {
  const q = query.trim().toLowerCase();
  return rows
    .map((row) => ({
      row,
      name: nameOf(row),
      starts: nameOf(row).toLowerCase().startsWith(q) ? 0 : 1,
    }))
    .sort(
      (a, b) =>
        a.starts - b.starts ||
        a.name.localeCompare(b.name) ||
        compareKeys(a.row.feedId, b.row.feedId) ||
        compareKeys(a.row.id, b.row.id),
    )
    .map((x) => x.row);
}
