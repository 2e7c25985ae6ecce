// Benchmark page for the foundation (issue 2), run inside real Chromium by scripts/bench.ts.
// Every number is a median over several runs, and every goal is a ratio against a baseline
// measured in the same page in the same run, interleaved, so machine speed cancels out.
import { ConstellationDB, FEED_TABLES } from '../../lib/db/database';
import { replaceFeed } from '../../lib/db/ingest';
import { legacyRows } from './legacy-rows';
import { validateFeedText } from '../../lib/model/validate';
import { median } from '../../lib/stats';

export interface FoundationResult {
  bytes: number;
  people: number;
  memberships: number;
  runs: number;
  jsonParseMs: number;
  validateMs: number;
  rawBulkPutMs: number;
  /** validated feed → rows → one transaction (what replaceFeed does). */
  writeMs: number;
  /** bytes → validate → rows → transaction: the whole ingest. */
  ingestMs: number;
}

async function time(fn: () => unknown): Promise<number> {
  const start = performance.now();
  await fn();
  return performance.now() - start;
}

async function freshDb(name: string): Promise<ConstellationDB> {
  await ConstellationDB.delete(name);
  const db = new ConstellationDB(name);
  await db.open();
  return db;
}

export async function runFoundationBench(feedUrl: string, runs: number): Promise<FoundationResult> {
  const text = await (await fetch(feedUrl)).text();
  const first = validateFeedText(text);
  if (!first.ok) throw new Error(`bench feed rejected: ${first.error.reason}`);
  if (first.problems.length) throw new Error(`bench feed has ${first.problems.length} problems`);
  const feed = first.feed;
  const rows = legacyRows(feed);

  const parse: number[] = [];
  const validate: number[] = [];
  for (let i = 0; i < runs + 1; i++) {
    const p = await time(() => JSON.parse(text));
    const v = await time(() => validateFeedText(text));
    if (i > 0) {
      // The first round warms the JIT for both and is discarded.
      parse.push(p);
      validate.push(v);
    }
  }

  const raw: number[] = [];
  const write: number[] = [];
  const ingest: number[] = [];
  for (let i = 0; i < runs; i++) {
    const rawDb = await freshDb('bench-raw');
    raw.push(
      await time(() =>
        rawDb.transaction(
          'rw',
          FEED_TABLES.map((t) => rawDb.table(t)),
          () => Promise.all(FEED_TABLES.map((t) => rawDb.table(t).bulkPut(rows[t]))),
        ),
      ),
    );
    rawDb.close();

    const writeDb = await freshDb('bench-write');
    write.push(await time(() => replaceFeed(writeDb, feed, { source: 'url' })));
    writeDb.close();

    const ingestDb = await freshDb('bench-ingest');
    ingest.push(
      await time(async () => {
        const result = validateFeedText(text);
        if (!result.ok) throw new Error(result.error.reason);
        await replaceFeed(ingestDb, result.feed, { source: 'url' });
      }),
    );
    ingestDb.close();
  }
  for (const name of ['bench-raw', 'bench-write', 'bench-ingest'])
    await ConstellationDB.delete(name);

  return {
    bytes: text.length,
    people: feed.people.length,
    memberships: feed.memberships.length,
    runs,
    jsonParseMs: median(parse),
    validateMs: median(validate),
    rawBulkPutMs: median(raw),
    writeMs: median(write),
    ingestMs: median(ingest),
  };
}
