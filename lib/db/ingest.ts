// Writes a validated feed into the database. The whole replacement of one feed's rows runs
// in a single Dexie transaction, so readers see either the old feed or the new one, never a
// mix; a failure (quota, abort) rolls back and the previous data stays. Local tables are not
// part of the transaction at all, so a feed can never touch them.
// Background sync writes large feeds in chunked, resumable generations instead (lib/db/
// generations.ts); this whole-feed replacement serves the bundled demo.
import Dexie from 'dexie';
import type { Feed } from '../model/feed';
import { FEED_TABLES, type ConstellationDB } from './database';
import { feedRows } from './rows';
import type { FeedRow, FeedSource } from './schema';
import { membersOnlyOfRows } from './visible-counts';

export interface IngestMeta {
  source: FeedSource;
  url?: string;
  /** Injected for deterministic tests; defaults to now. */
  now?: Date;
  /**
   * Checked inside the write transaction, before anything is written: when it answers false
   * nothing is written and `replaceFeed` returns null. The demo uses it so that a real feed
   * landing while the demo file was being read is never joined by the demo again.
   */
  onlyIf?: (stored: FeedRow[]) => boolean;
}

/**
 * Replaces every row of `feed.feedId` with the feed's records. Returns the stored feed row,
 * or null when `meta.onlyIf` refused the write.
 */
export async function replaceFeed(
  db: ConstellationDB,
  feed: Feed,
  meta: IngestMeta,
): Promise<FeedRow | null> {
  const rows = feedRows(feed);
  const feedRow: FeedRow = {
    feedId: feed.feedId,
    source: meta.source,
    ...(meta.url ? { url: meta.url } : {}),
    organization: feed.organization.name,
    generatedAt: feed.generatedAt,
    ingestedAt: (meta.now ?? new Date()).toISOString(),
    counts: {
      units: rows.units.length,
      people: rows.people.length,
      topics: rows.topics.length,
      communities: rows.communities.length,
      memberships: rows.memberships.length,
      expertise: rows.expertise.length,
    },
    membersOnly: membersOnlyOfRows(rows.communities, rows.memberships),
  };
  return db.transaction('rw', [db.feeds, ...FEED_TABLES.map((name) => db[name])], async () => {
    if (meta.onlyIf && !meta.onlyIf(await db.feeds.toArray())) return null;
    await deleteFeedRows(db, feed.feedId);
    await Promise.all([
      db.units.bulkAdd(rows.units),
      db.people.bulkAdd(rows.people),
      db.topics.bulkAdd(rows.topics),
      db.communities.bulkAdd(rows.communities),
      db.memberships.bulkAdd(rows.memberships),
      db.expertise.bulkAdd(rows.expertise),
    ]);
    await db.feeds.put(feedRow);
    return feedRow;
  });
}

/** Removes exactly one feed's records (and its feed row); other feeds and local data stay. */
export async function removeFeed(db: ConstellationDB, feedId: string): Promise<void> {
  await db.transaction('rw', [db.feeds, ...FEED_TABLES.map((name) => db[name])], async () => {
    await deleteFeedRows(db, feedId);
    await db.feeds.delete(feedId);
  });
}

/** Deletes every row of one feed from the feed tables (call inside a transaction over them). */
export async function deleteFeedRows(db: ConstellationDB, feedId: string): Promise<void> {
  const lo2: [string, unknown] = [feedId, Dexie.minKey];
  const hi2: [string, unknown] = [feedId, Dexie.maxKey];
  const lo3 = [feedId, Dexie.minKey, Dexie.minKey];
  const hi3 = [feedId, Dexie.maxKey, Dexie.maxKey];
  await Promise.all([
    db.units.where('[feedId+id]').between(lo2, hi2).delete(),
    db.people.where('[feedId+id]').between(lo2, hi2).delete(),
    db.topics.where('[feedId+id]').between(lo2, hi2).delete(),
    db.communities.where('[feedId+id]').between(lo2, hi2).delete(),
    db.memberships.where('[feedId+person+community]').between(lo3, hi3).delete(),
    db.expertise.where('[feedId+person+topic]').between(lo3, hi3).delete(),
  ]);
}
