// Popup benchmark page (issue 5), run in real Chromium by scripts/bench/popup.ts: a large
// directory ingested into IndexedDB, then the search box's work per keystroke (the same
// function the popup calls) against a single primary-key get measured in the same run.
import { ConstellationDB } from '../../lib/db/database';
import { benchFeed, seededDatabase } from './seed';
import { ANONYMOUS, getPerson } from '../../lib/db/queries';
import { searchCommunities, searchPeople, searchTopics } from '../../lib/db/search';
import { personSummaries } from '../../lib/db/summaries';
import { finderResults } from '../../lib/db/views';
import { percentile } from '../../lib/stats';

export interface PopupBenchResult {
  people: number;
  memberships: number;
  ingestMs: number;
  keystrokes: number;
  keystrokeP50: number;
  keystrokeP95: number;
  keystrokeMax: number;
  getP50: number;
  getP95: number;
  results: number;
  /** The five slowest keystrokes, for finding what the tail is made of. */
  slowest: [string, number][];
  /** Each part of those keystrokes timed alone (topics, people with units, communities). */
  slowestParts: [string, number, number, number][];
}

/** Every prefix of each query, as typed one key at a time. */
function keystrokes(queries: string[]): string[] {
  return queries.flatMap((q) => [...q].map((_, i) => q.slice(0, i + 1)));
}

export async function runPopupBench(feedUrl: string, queries: string[]): Promise<PopupBenchResult> {
  const feed = await benchFeed(feedUrl);
  const { db, ingestMs } = await seededDatabase('bench-popup', feed);

  const typed = keystrokes(queries);
  const times: number[] = [];
  const gets: number[] = [];
  let results = 0;
  // One warm-up pass, then measured passes interleaving a keystroke with a primary-key get.
  for (const q of typed.slice(0, 10)) await finderResults(db, q, ANONYMOUS);
  for (let i = 0; i < typed.length; i++) {
    const person = feed.people[(i * 7919) % feed.people.length]!;
    let t = performance.now();
    await getPerson(db, { feedId: feed.feedId, id: person.id });
    gets.push(performance.now() - t);
    t = performance.now();
    results += (await finderResults(db, typed[i]!, ANONYMOUS)).length;
    times.push(performance.now() - t);
  }
  const slowest = typed
    .map((q, i) => [q, times[i]!] as [string, number])
    .sort((a, b) => b[1] - a[1])
    .slice(0, 5);
  const slowestParts: [string, number, number, number][] = [];
  for (const [q] of slowest) {
    const timed = async (work: () => Promise<unknown>) => {
      const t = performance.now();
      await work();
      return performance.now() - t;
    };
    slowestParts.push([
      q,
      await timed(() => searchTopics(db, q, 5)),
      await timed(async () => personSummaries(db, await searchPeople(db, q, { limit: 8 }))),
      await timed(() => searchCommunities(db, q, ANONYMOUS, 5)),
    ]);
  }
  db.close();
  await ConstellationDB.delete('bench-popup');
  return {
    people: feed.people.length,
    memberships: feed.memberships.length,
    ingestMs,
    keystrokes: typed.length,
    keystrokeP50: percentile(times, 50),
    keystrokeP95: percentile(times, 95),
    keystrokeMax: Math.max(...times),
    getP50: percentile(gets, 50),
    getP95: percentile(gets, 95),
    results,
    slowest,
    slowestParts,
  };
}
