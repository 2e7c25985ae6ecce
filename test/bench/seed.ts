// The directory a benchmark page runs against: the suite's feed, fetched from its server and
// validated as the extension validates it, ingested into a database of the page's own that
// starts empty. Shared by the pages that measure reads of a synced directory.
import { ConstellationDB } from '../../lib/db/database';
import { replaceFeed } from '../../lib/db/ingest';
import type { Feed } from '../../lib/model/feed';
import { validateFeedText } from '../../lib/model/validate';

export async function benchFeed(url: string): Promise<Feed> {
  const validation = validateFeedText(await (await fetch(url)).text());
  if (!validation.ok) throw new Error(`bench feed rejected: ${validation.error.reason}`);
  return validation.feed;
}

/** `feed` ingested into the database `name`, emptied first; with the ingest's own time. */
export async function seededDatabase(
  name: string,
  feed: Feed,
): Promise<{ db: ConstellationDB; ingestMs: number }> {
  await ConstellationDB.delete(name);
  const db = new ConstellationDB(name);
  const start = performance.now();
  await replaceFeed(db, feed, { source: 'url' });
  return { db, ingestMs: performance.now() - start };
}
