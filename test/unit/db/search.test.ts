// The search box's results, checked against a brute-force reading of the documented rule
// (docs/popup.md › Search): every query word is the prefix of a word of the row; only visible
// feeds; members-only communities only for members; names starting with the query first,
// then alphabetical; at most `limit` per group. Whatever the index strategy, a keystroke must
// answer exactly this.
import { describe, expect, it } from 'vitest';
import type { ConstellationDB } from '../../../lib/db/database';
import { replaceFeed } from '../../../lib/db/ingest';
import { ANONYMOUS, canSee, type Viewer } from '../../../lib/db/queries';
import type { CommunityRow, PersonRow, TopicRow } from '../../../lib/db/schema';
import { searchCommunities, searchPeople, searchTopics } from '../../../lib/db/search';
import { personSummaries } from '../../../lib/db/summaries';
import { finderResults, type FinderResult } from '../../../lib/db/views';
import { generateSyntheticFeed } from '../../../lib/demo/synthetic';
import { queryTokens } from '../../../lib/model/keys';
import { communityTokens, personTokens, topicTokens } from '../../../lib/db/rows';
import { validateFeedText } from '../../../lib/model/validate';
import { emptyTestDb, writeUnlistedFeed } from '../../fixtures/test-db';
import { visibleRecords } from '../../../lib/db/packed';

function matches(tokens: readonly string[], query: string): boolean {
  const words = queryTokens(query);
  return words.length > 0 && words.every((w) => tokens.some((t) => t.startsWith(w)));
}

function ranked<T>(rows: T[], nameOf: (row: T) => string, query: string): T[] {
  const q = query.trim().toLowerCase();
  const starts = (row: T) => (nameOf(row).toLowerCase().startsWith(q) ? 0 : 1);
  return [...rows].sort((a, b) => starts(a) - starts(b) || nameOf(a).localeCompare(nameOf(b)));
}

const key = (row: { feedId: string; id: string }) => `${row.feedId}/${row.id}`;

/** `found` is the reference answer when it fits in `limit`, else `limit` rows of it, ranked. */
function expectAnswer<T extends { feedId: string; id: string }>(
  found: T[],
  reference: T[],
  limit: number,
  nameOf: (row: T) => string,
  query: string,
) {
  if (reference.length <= limit) {
    expect(found.map(key), query).toEqual(reference.map(key));
    return;
  }
  expect(found, query).toHaveLength(limit);
  const allowed = new Set(reference.map(key));
  for (const row of found) expect(allowed.has(key(row)), `${query}: ${key(row)}`).toBe(true);
  expect(found.map(key), query).toEqual(ranked(found, nameOf, query).map(key));
}

async function bigDb(): Promise<{ db: ConstellationDB; feedId: string }> {
  const db = emptyTestDb();
  const input = generateSyntheticFeed({ people: 1500, seed: 3, feedId: 'big' });
  const parsed = validateFeedText(JSON.stringify(input));
  if (!parsed.ok) throw new Error(parsed.error.reason);
  await replaceFeed(db, parsed.feed, { source: 'url' });
  // Rows of a feed still being written (no feeds row) must never be found.
  const people = await visibleRecords<PersonRow>(db, 'people');
  await writeUnlistedFeed(db, 'pending', { people: people.slice(0, 40) });
  return { db, feedId: 'big' };
}

function queriesFor(people: PersonRow[], topics: TopicRow[], communities: CommunityRow[]) {
  const typed = (q: string) => [...q].map((_, i) => q.slice(0, i + 1));
  const someone = people[700]!;
  return [
    ...typed(someone.name.toLowerCase()),
    ...typed(someone.emails[0]!.slice(0, 10)),
    ...typed(topics[3]!.label.toLowerCase()),
    ...typed(communities[5]!.name.toLowerCase()),
    `${someone.name.split(' ')[1]!.toLowerCase()} ${someone.name[0]!.toLowerCase()}`,
    // A word almost everyone has (the mail domain) beside a rarer one, and two common words.
    `northwind ${someone.name.split(' ')[1]!.toLowerCase().slice(0, 3)}`,
    `${someone.name.split(' ')[0]!.toLowerCase()} n`,
    'a b',
    'zz',
    'e',
    'x y z',
  ];
}

describe('search results follow the documented rule', () => {
  it('people, topics and communities at every keystroke, with a hidden community and a pending feed', async () => {
    const { db, feedId } = await bigDb();
    const people = (await visibleRecords<PersonRow>(db, 'people')).filter(
      (p) => p.feedId === feedId,
    );
    const topics = await visibleRecords<TopicRow>(db, 'topics');
    const communities = await visibleRecords<CommunityRow>(db, 'communities');
    const hidden = communities.filter((c) => c.visibility === 'members');
    expect(hidden.length).toBeGreaterThan(0);
    const member: Viewer = {
      memberOf: new Set([`${hidden[0]!.feedId}\u0000${hidden[0]!.id}`]),
    };
    for (const query of queriesFor(people, topics, communities)) {
      expectAnswer(
        await searchPeople(db, query, { limit: 8 }),
        ranked(
          people.filter((p) => matches(personTokens(p), query)),
          (p) => p.name,
          query,
        ),
        8,
        (p) => p.name,
        query,
      );
      expectAnswer(
        await searchTopics(db, query, 5),
        ranked(
          topics.filter((t) => matches(topicTokens(t), query)),
          (t) => t.label,
          query,
        ),
        5,
        (t) => t.label,
        query,
      );
      for (const viewer of [ANONYMOUS, member]) {
        expectAnswer(
          await searchCommunities(db, query, viewer, 5),
          ranked(
            communities.filter((c) => canSee(viewer, c) && matches(communityTokens(c), query)),
            (c) => c.name,
            query,
          ),
          5,
          (c) => c.name,
          query,
        );
      }
    }
  });

  it('the search box answers what the three searches answer alone, in one read', async () => {
    const { db } = await bigDb();
    const people = await visibleRecords<PersonRow>(db, 'people');
    const queries = queriesFor(
      people,
      await visibleRecords<TopicRow>(db, 'topics'),
      await visibleRecords<CommunityRow>(db, 'communities'),
    );
    for (const query of queries) {
      const alone: FinderResult[] = [
        ...(await searchTopics(db, query, 5)).map((topic) => ({ kind: 'topic' as const, topic })),
        ...(await personSummaries(db, await searchPeople(db, query, { limit: 8 }))).map(
          (person) => ({ kind: 'person' as const, person }),
        ),
        ...(await searchCommunities(db, query, ANONYMOUS, 5)).map((community) => ({
          kind: 'community' as const,
          community,
        })),
      ];
      expect(await finderResults(db, query, ANONYMOUS), query).toEqual(alone);
    }
    expect(await finderResults(db, '   ', ANONYMOUS)).toEqual([]);
  });
});
