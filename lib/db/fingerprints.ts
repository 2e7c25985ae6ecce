// Fingerprints of what is stored per feed (content hash per record key), read to diff a new
// document and written by the generation switch. Packed for IndexedDB (sync-schema.ts).
import { FEED_LISTS, type FeedList } from '../model/lists';
import { recordKey, type Keyed } from '../feed/record-hash';
import type { ConstellationDB } from './database';
import { readPacks } from './packed';
import type { FingerprintLists, FingerprintRow } from './sync-schema';

/** True when the feed is visible and has a fingerprint (cheap: reads no fingerprint). */
export async function hasVisibleGeneration(db: ConstellationDB, feedId: string): Promise<boolean> {
  return db.transaction('r', db.feeds, db.syncFingerprints, async () => {
    if (!(await db.feeds.get(feedId))) return false;
    return (await db.syncFingerprints.where(':id').equals(feedId).count()) > 0;
  });
}

/** The fingerprint of a visible feed's stored records (undefined: nothing visible stored). */
export async function visibleFingerprint(
  db: ConstellationDB,
  feedId: string,
): Promise<FingerprintLists | undefined> {
  const row = await db.transaction('r', db.feeds, db.syncFingerprints, async () =>
    (await db.feeds.get(feedId)) ? db.syncFingerprints.get(feedId) : undefined,
  );
  return row ? unpackFingerprint(row.lists) : undefined;
}

export function packFingerprint(lists: FingerprintLists): FingerprintRow['lists'] {
  const out = {} as FingerprintRow['lists'];
  for (const [list, map] of Object.entries(lists) as [FeedList, Map<string, number>][]) {
    out[list] = { keys: [...map.keys()].join('\n'), hashes: Float64Array.from(map.values()) };
  }
  return out;
}

function unpackFingerprint(lists: FingerprintRow['lists']): FingerprintLists {
  const out = {} as FingerprintLists;
  for (const [list, packed] of Object.entries(lists) as [
    FeedList,
    FingerprintRow['lists'][FeedList],
  ][]) {
    const keys = packed.keys ? packed.keys.split('\n') : [];
    const map = new Map<string, number>();
    for (let i = 0; i < keys.length; i++) map.set(keys[i]!, packed.hashes[i]!);
    out[list] = map;
  }
  return out;
}

/**
 * For a visible feed that has no fingerprint (written by a whole-feed ingest): its stored keys
 * with a hash that matches nothing, so every record is rewritten and every missing one removed.
 */
export async function storedKeysFingerprint(
  db: ConstellationDB,
  feedId: string,
): Promise<FingerprintLists> {
  return readPacks(db, async (r) => {
    const lists = {} as FingerprintLists;
    for (const list of FEED_LISTS) {
      const records = r.gens.has(feedId) ? await r.all<Keyed>(list, feedId) : [];
      lists[list] = new Map(records.map((record) => [recordKey(list, record), -1]));
    }
    return lists;
  });
}
