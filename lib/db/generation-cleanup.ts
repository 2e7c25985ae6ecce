// Upkeep of generations: removing exactly one configured feed, and collecting what no
// generation owns any more (packs of abandoned generations, stray staged rows, stale
// fingerprints).
import Dexie from 'dexie';
import type { ConstellationDB } from './database';
import { discardRows, generationTables } from './generations';
import { packRange } from './packed';
import { deleteFeedRows, ofFeed } from './ingest';
import { forgetDeltaState } from './sync-bases';

/**
 * Removes a configured feed: exactly its records, its pending generation, fingerprint, lease,
 * report and delta protocol state. Returns the feed id that was removed, if any.
 */
export async function removeSource(db: ConstellationDB, url: string): Promise<string | undefined> {
  const tables = generationTables(db).concat(
    db.syncReports,
    db.syncBases,
    db.syncManifests,
    db.communityDigests,
  );
  return db.transaction('rw', tables, async () => {
    await forgetDeltaState(db, url);
    const source = await db.syncSources.get(url);
    if (source?.pending) await discardRows(db, source.pending);
    const feedId = source?.feedId;
    if (feedId) {
      await deleteFeedRows(db, feedId);
      await ofFeed(db.communityDigests, '[feedId+gen+community+part]', feedId).delete();
      await db.feeds.delete(feedId);
      await db.syncFingerprints.delete(feedId);
      await db.syncFingerprintLayers.delete(feedId);
    }
    await db.syncSources.delete(url);
    await db.syncLeases.delete(url);
    await db.syncReports.delete(url);
    return feedId;
  });
}

/**
 * Deletes what no generation owns any more: packs of generations that are neither visible nor
 * being written, staged rows of earlier schema versions, fingerprints of feeds that are not
 * visible, and the community digests of generations that are not visible.
 */
export async function collectGarbage(db: ConstellationDB): Promise<{ feedIds: string[] }> {
  return db.transaction('rw', [...generationTables(db), db.communityDigests], async () => {
    const feeds = await db.feeds.toArray();
    const owned = new Set<string>();
    // A layer's generation owns the generation it lies over too.
    for (const feed of feeds) {
      owned.add(`${feed.feedId}\u0000${feed.gen}`);
      if (feed.base !== undefined) owned.add(`${feed.feedId}\u0000${feed.base}`);
    }
    for (const { pending } of await db.syncSources.toArray()) {
      if (!pending) continue;
      owned.add(`${pending.feedId}\u0000${pending.gen}`);
      if (pending.base !== undefined) owned.add(`${pending.feedId}\u0000${pending.base}`);
    }
    const visible = new Set(feeds.map((f) => f.feedId));
    const removed = new Set<string>();
    await db.syncStaging.clear();
    for (const { feedId, gen } of await storedGenerations(db)) {
      if (owned.has(`${feedId}\u0000${gen}`)) continue;
      await packRange(db, feedId, gen).delete();
      removed.add(feedId);
    }
    for (const table of [db.syncFingerprints, db.syncFingerprintLayers]) {
      for (const feedId of await table.toCollection().primaryKeys())
        if (!visible.has(feedId)) await table.delete(feedId);
    }
    // Digests are read only for the generation a feeds row names (not its base).
    const shown = new Set(feeds.map((f) => `${f.feedId}\u0000${f.gen}`));
    const digests = await db.communityDigests.toCollection().primaryKeys();
    await db.communityDigests.bulkDelete(
      digests.filter(([feedId, gen]) => !shown.has(`${feedId}\u0000${gen}`)),
    );
    return { feedIds: [...removed].sort() };
  });
}

/** The distinct (feed, generation) pairs that have packs, one index seek per pair. */
async function storedGenerations(db: ConstellationDB): Promise<{ feedId: string; gen: number }[]> {
  const out: { feedId: string; gen: number }[] = [];
  const index = '[feedId+gen+list+first]';
  let key = (await db.packs.orderBy(index).firstKey()) as [string, number] | undefined;
  while (key) {
    const [feedId, gen] = key;
    out.push({ feedId, gen });
    key = (await db.packs
      .where(index)
      .above([feedId, gen, Dexie.maxKey, Dexie.maxKey])
      .firstKey()) as [string, number] | undefined;
  }
  return out;
}
