// Writes a validated feed into the database as a new generation of packs (lib/db/packs.ts).
// The whole replacement of one feed runs in a single Dexie transaction, so readers see either the old feed or the new one, never a
// mix; a failure (quota, abort) rolls back and the previous data stays. Local tables are not
// part of the transaction at all, so a feed can never touch them.
// Background sync writes large feeds in chunked, resumable generations instead (lib/db/
// generations.ts); this whole-feed replacement serves the bundled demo.
import Dexie, { type Table } from 'dexie';
import type { Feed } from '../model/feed';
import type { ConstellationDB } from './database';
import { nextGen, planPacks, storedRow } from './packs';
import { feedRecords } from './rows';
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
  const rows = feedRecords(feed);
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
  const packs = planPacks(rows);
  return db.transaction('rw', [db.feeds, db.packs], async () => {
    const stored = await db.feeds.toArray();
    if (meta.onlyIf && !meta.onlyIf(stored)) return null;
    const gen = nextGen(stored.find((f) => f.feedId === feed.feedId)?.gen);
    await deleteFeedRows(db, feed.feedId);
    await db.packs.bulkAdd(packs.map((p) => storedRow(p, feed.feedId, gen)));
    const row = { ...feedRow, gen };
    await db.feeds.put(row);
    return row;
  });
}

/** Removes exactly one feed's records (and its feed row); other feeds and local data stay. */
export async function removeFeed(db: ConstellationDB, feedId: string): Promise<void> {
  await db.transaction('rw', [db.feeds, db.packs], async () => {
    await deleteFeedRows(db, feedId);
    await db.feeds.delete(feedId);
  });
}

/** Deletes every pack of one feed, of every generation (call inside a transaction over packs). */
export async function deleteFeedRows(db: ConstellationDB, feedId: string): Promise<void> {
  await ofFeed(db.packs, '[feedId+gen+list+first]', feedId).delete();
}

/** The rows of one feed in a table whose primary key is [feedId, …three more parts]. */
export function ofFeed<T, K>(table: Table<T, K>, key: string, feedId: string) {
  return table
    .where(key)
    .between(
      [feedId, Dexie.minKey, Dexie.minKey, Dexie.minKey],
      [feedId, Dexie.maxKey, Dexie.maxKey, Dexie.maxKey],
    );
}
