// State of the feed delta protocol per feed URL (schema version 4): the bytes of documents a
// delta may be applied to ("bases", keyed by URL and SHA-256), and what the URL's manifest
// said when its document last landed (its HTTP validators, for a conditional request, and the
// document's SHA-256). Bases are kept only for feeds that publish a manifest, and only the
// active document's survives a successful sync, so a feed costs one extra copy of its JSON.
// Kept apart from syncSources on purpose: a base is large, and nothing else reads it.
import Dexie from 'dexie';
import type { ConstellationDB } from './database';
import type { FeedValidators } from './sync-schema';

export interface BaseRow {
  url: string;
  /** SHA-256 (hex) of `bytes`. */
  digest: string;
  bytes: Uint8Array;
  savedAt: string;
}

export interface ManifestStateRow {
  url: string;
  validators: FeedValidators;
  /** The SHA-256 of the document the manifest named when it was recorded. */
  document: string;
}

function basesOf(db: ConstellationDB, url: string) {
  return db.syncBases.where('[url+digest]').between([url, Dexie.minKey], [url, Dexie.maxKey]);
}

/** SHA-256s of the documents held for this URL (cheap: reads keys only). */
export async function baseDigests(db: ConstellationDB, url: string): Promise<string[]> {
  const keys = await basesOf(db, url).primaryKeys();
  return keys.map((key) => key[1]);
}

export async function loadBase(
  db: ConstellationDB,
  url: string,
  digest: string,
): Promise<Uint8Array | undefined> {
  return (await db.syncBases.get([url, digest]))?.bytes;
}

export async function saveBase(
  db: ConstellationDB,
  url: string,
  digest: string,
  bytes: Uint8Array,
  now = new Date(),
): Promise<void> {
  // Counted by key: a get would read the whole stored document just to see it is there.
  if ((await db.syncBases.where('[url+digest]').equals([url, digest]).count()) > 0) return;
  await db.syncBases.put({ url, digest, bytes, savedAt: now.toISOString() });
}

/** Deletes this URL's bases other than `keep` (after a switch: the active document). */
export async function keepOnlyBase(db: ConstellationDB, url: string, keep: string): Promise<void> {
  const stale = (await baseDigests(db, url)).filter((digest) => digest !== keep);
  if (stale.length) await db.syncBases.bulkDelete(stale.map((digest) => [url, digest]));
}

export async function manifestState(
  db: ConstellationDB,
  url: string,
): Promise<ManifestStateRow | undefined> {
  return db.syncManifests.get(url);
}

export async function saveManifestState(db: ConstellationDB, row: ManifestStateRow): Promise<void> {
  await db.syncManifests.put(row);
}

/** Everything the delta protocol holds for a URL (the feed was removed, or stopped publishing). */
export async function forgetDeltaState(db: ConstellationDB, url: string): Promise<void> {
  await db.transaction('rw', db.syncBases, db.syncManifests, async () => {
    await basesOf(db, url).delete();
    await db.syncManifests.delete(url);
  });
}
