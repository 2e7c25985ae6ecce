// Upkeep of generations: removing exactly one configured feed, and collecting what no
// generation owns any more (rows of abandoned generations, stray staged rows, stale
// fingerprints).
import Dexie from 'dexie';
import type { ConstellationDB } from './database';
import { FEED_TABLES } from './database';
import { primaryIndexOf } from './fingerprints';
import { discardRows, generationTables, stagingRange } from './generations';
import { deleteFeedRows } from './ingest';
import { forgetDeltaState } from './sync-bases';

/**
 * Removes a configured feed: exactly its records, its pending generation, fingerprint, lease,
 * report and delta protocol state. Returns the feed id that was removed, if any.
 */
export async function removeSource(db: ConstellationDB, url: string): Promise<string | undefined> {
  const tables = generationTables(db).concat(db.syncReports, db.syncBases, db.syncManifests);
  return db.transaction('rw', tables, async () => {
    await forgetDeltaState(db, url);
    const source = await db.syncSources.get(url);
    if (source?.pending) await discardRows(db, source.pending);
    const feedId = source?.feedId;
    if (feedId) {
      await deleteFeedRows(db, feedId);
      await db.feeds.delete(feedId);
      await db.syncFingerprints.delete(feedId);
    }
    await db.syncSources.delete(url);
    await db.syncLeases.delete(url);
    await db.syncReports.delete(url);
    return feedId;
  });
}

/**
 * Deletes what no generation owns any more: staged rows and feed rows of feeds that are
 * neither visible nor being written, and fingerprints of feeds that are not visible.
 */
export async function collectGarbage(db: ConstellationDB): Promise<{ feedIds: string[] }> {
  return db.transaction('rw', generationTables(db), async () => {
    const visible = new Set(await db.feeds.toCollection().primaryKeys());
    const sources = await db.syncSources.toArray();
    const writing = new Map(
      sources.flatMap((s) => (s.pending ? [[s.pending.feedId, s.pending.mode]] : [])),
    );
    const removed = new Set<string>();
    for (const feedId of await distinctFeedIds(db.syncStaging, '[feedId+list+key]')) {
      if (writing.get(feedId) !== 'staged') {
        await stagingRange(db, feedId).delete();
        removed.add(feedId);
      }
    }
    for (const name of FEED_TABLES) {
      for (const feedId of await distinctFeedIds(db.table(name), primaryIndexOf(name))) {
        if (!visible.has(feedId) && writing.get(feedId) !== 'direct') {
          await deleteFeedRows(db, feedId);
          removed.add(feedId);
        }
      }
    }
    for (const feedId of await db.syncFingerprints.toCollection().primaryKeys()) {
      if (!visible.has(feedId)) await db.syncFingerprints.delete(feedId);
    }
    return { feedIds: [...removed].sort() };
  });
}

/** Distinct first components of a compound primary key, one index seek per feed id. */
async function distinctFeedIds(table: Dexie.Table, index: string): Promise<string[]> {
  const out: string[] = [];
  let row = (await table.orderBy(index).first()) as { feedId: string } | undefined;
  while (row) {
    out.push(row.feedId);
    row = (await table.where(index).above([row.feedId, Dexie.maxKey]).first()) as
      { feedId: string } | undefined;
  }
  return out;
}
