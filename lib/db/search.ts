// Prefix search over people, communities and topics. Every query word must be the prefix of
// some indexed token of the row ("ali che" finds Alice Chen). The index answers the first
// word; the remaining words filter the cursor, and the limit stops it early, so a keystroke
// costs about `limit` row reads however large the directory is.
import { queryTokens } from '../model/keys';
import type { ConstellationDB } from './database';
import { canSee, visibleFeedIds, type Viewer } from './queries';
import type { CommunityRow, PersonRow, TopicRow } from './schema';

export interface PeopleFilters {
  feedId?: string;
  unit?: string;
  company?: string;
  limit?: number;
}

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

export async function searchPeople(
  db: ConstellationDB,
  query: string,
  filters: PeopleFilters = {},
): Promise<PersonRow[]> {
  const p = plan(query);
  if (!p) return [];
  const limit = filters.limit ?? DEFAULT_LIMIT;
  const visible = await visibleFeedIds(db);
  const rows = await db.people
    .where('tokens')
    .startsWith(p.lead)
    .distinct()
    .filter(
      (person) =>
        visible.has(person.feedId) &&
        (filters.feedId === undefined || person.feedId === filters.feedId) &&
        (filters.unit === undefined || person.unit === filters.unit) &&
        (filters.company === undefined || person.company === filters.company) &&
        matchesAll(person.tokens, p.words),
    )
    .limit(limit)
    .toArray();
  return rankByName(rows, (r) => r.name, query);
}

export async function searchCommunities(
  db: ConstellationDB,
  query: string,
  viewer: Viewer,
  limit = DEFAULT_LIMIT,
): Promise<CommunityRow[]> {
  const p = plan(query);
  if (!p) return [];
  const visible = await visibleFeedIds(db);
  const rows = await db.communities
    .where('tokens')
    .startsWith(p.lead)
    .distinct()
    .filter((c) => visible.has(c.feedId) && canSee(viewer, c) && matchesAll(c.tokens, p.words))
    .limit(limit)
    .toArray();
  return rankByName(rows, (r) => r.name, query);
}

export async function searchTopics(
  db: ConstellationDB,
  query: string,
  limit = DEFAULT_LIMIT,
): Promise<TopicRow[]> {
  const p = plan(query);
  if (!p) return [];
  const visible = await visibleFeedIds(db);
  const rows = await db.topics
    .where('tokens')
    .startsWith(p.lead)
    .distinct()
    .filter((t) => visible.has(t.feedId) && matchesAll(t.tokens, p.words))
    .limit(limit)
    .toArray();
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
