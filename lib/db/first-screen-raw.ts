// The popup's first screen read through raw IndexedDB, so that the popup's first script needs
// no Dexie (its chunk is most of what the popup parses before it can read anything). It reads
// the rows the Dexie path reads (lib/db/first-screen.ts: the feeds rows, "me", my declared
// memberships, my memberships and my row in my feed) through the same pure steps (viewer.ts,
// pack-groups.ts), in one read-only transaction: one consistent snapshot, so no second look at
// the generations is needed. Whenever anything is not as this code expects — no database yet,
// another schema version, a store missing, a feed row without its members-only list (an old
// row, which the Dexie path scans), any error — it answers undefined and the popup reads
// through Dexie instead. No Dexie here (the popup e2e test checks its first scripts).
import { DATABASE_NAME, SCHEMA_VERSION } from './database-id';
import { decodedPack, packsUpTo, patchInPack, withPatch } from './pack-groups';
import { groupItems, type PackList, type PackRow } from './packs';
import type { FeedRow, MembershipRow, MeRow, MyMembershipRow, PersonRow } from './schema';
import { dataStatusOf, viewerOfRows, viewerStatusOf, type FirstScreen } from './viewer';

/** The IndexedDB to read (the page's own; tests pass fake-indexeddb's). */
export interface RawIndexedDB {
  indexedDB: IDBFactory;
  IDBKeyRange: typeof IDBKeyRange;
}

const STORES = ['feeds', 'me', 'myMemberships', 'packs'] as const;

/** The first screen, or undefined when the Dexie path must read it. */
export async function readFirstScreenRaw(
  env: RawIndexedDB = { indexedDB, IDBKeyRange },
  name: string = DATABASE_NAME,
): Promise<FirstScreen | undefined> {
  const db = await openExisting(env.indexedDB, name);
  if (!db) return undefined;
  try {
    // Dexie stores version n as n × 10 (n × 10 + 1 after it extended a schema by itself).
    if (Math.ceil(db.version / 10) !== SCHEMA_VERSION) return undefined;
    if (!STORES.every((store) => db.objectStoreNames.contains(store))) return undefined;
    return await readIn(db.transaction([...STORES], 'readonly'), env.IDBKeyRange);
  } catch {
    return undefined;
  } finally {
    db.close();
  }
}

async function readIn(
  tx: IDBTransaction,
  range: typeof IDBKeyRange,
): Promise<FirstScreen | undefined> {
  const [feeds, meRow, declared] = await Promise.all([
    request<FeedRow[]>(tx.objectStore('feeds').getAll()),
    request<MeRow | undefined>(tx.objectStore('me').get('me')),
    request<MyMembershipRow[]>(tx.objectStore('myMemberships').getAll()),
  ]);
  // A row written before the list existed: the Dexie path counts from the stored rows.
  if (feeds.some((feed) => feed.membersOnly === undefined)) return undefined;
  let mine: MembershipRow[] = [];
  let me: PersonRow | undefined;
  if (meRow) {
    const feed = feeds.find((f) => f.feedId === meRow.feedId);
    const packs = tx.objectStore('packs');
    [mine, me] = await Promise.all([
      group<MembershipRow>(packs, range, feed, 'memberships', meRow.personId),
      group<PersonRow>(packs, range, feed, 'people', meRow.personId).then((rows) => rows[0]),
    ]);
  }
  const viewer = viewerOfRows(meRow, declared, mine);
  const status = viewerStatusOf(
    dataStatusOf(feeds),
    viewer,
    feeds.map((feed) => feed.membersOnly!),
  );
  return { status, viewer, me: me ?? null };
}

/**
 * One group of a feed's visible generation, as PackReader's lone lookup reads it: the group's
 * patch from the layer's one pack that may hold it (when the generation is a layer), then the
 * base's pack unless the patch alone answers.
 */
function group<T>(
  packs: IDBObjectStore,
  range: typeof IDBKeyRange,
  feed: FeedRow | undefined,
  list: PackList,
  key: string,
): Promise<T[]> {
  if (feed?.gen === undefined) return Promise.resolve([]);
  const { feedId, gen, base } = feed;
  const lastPackUpTo = async (at: number): Promise<PackRow | undefined> => {
    const [lower, upper] = packsUpTo(feedId, at, list, key);
    const cursor = await request<IDBCursorWithValue | null>(
      packs.openCursor(range.bound(lower, upper), 'prev'),
    );
    return (cursor?.value as PackRow | undefined) ?? undefined;
  };
  const patch =
    base === undefined
      ? Promise.resolve(undefined)
      : lastPackUpTo(gen).then((pack) => patchInPack(list, pack, key));
  return patch.then((found) =>
    withPatch<T>(list, found, async () => {
      const pack = decodedPack(await lastPackUpTo(base ?? gen));
      return pack ? groupItems<T>(list, pack.items, key) : [];
    }),
  );
}

/** The database if it exists, never created or upgraded here (opened without a version). */
function openExisting(factory: IDBFactory, name: string): Promise<IDBDatabase | undefined> {
  return new Promise((resolve) => {
    let open: IDBOpenDBRequest;
    try {
      open = factory.open(name);
    } catch {
      resolve(undefined);
      return;
    }
    // No database yet: abort the creation (Dexie creates it with its schema).
    open.onupgradeneeded = () => open.transaction?.abort();
    open.onsuccess = () => {
      const db = open.result;
      // Never hold up an upgrade by another context (the background's Dexie).
      db.onversionchange = () => db.close();
      resolve(db);
    };
    open.onerror = (event) => {
      event.preventDefault();
      resolve(undefined);
    };
  });
}

function request<T>(req: IDBRequest): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result as T);
    req.onerror = () => reject(req.error ?? new Error('IndexedDB request failed'));
  });
}
