// The ingested feeds' rows (one per feed in the database: source, organisation, generation,
// counts), for callers outside lib/db that decide what to load or show.
import type { ConstellationDB } from './database';
import type { FeedRow } from './schema';

/** The stored row of one feed, if it is in the database. */
export function feedRow(db: ConstellationDB, feedId: string): Promise<FeedRow | undefined> {
  return db.feeds.get(feedId);
}

/** Every feed in the database (demo, samples, synced feeds). */
export function feedRows(db: ConstellationDB): Promise<FeedRow[]> {
  return db.feeds.toArray();
}
