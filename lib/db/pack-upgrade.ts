// Schema version 5's upgrade: every stored feed, written one row per record by earlier
// versions, is packed (lib/db/packs.ts) in the upgrade's own transaction, so an update of the
// extension keeps everything a user had and shows it at once. Rows of a generation that was
// still being written are dropped with its checkpoint: that sync starts again from its first
// chunk (its document is fetched again).
import Dexie, { type Transaction } from 'dexie';
import { FEED_LISTS } from '../model/lists';
import { nextGen, planPacks, storedRow, type PackRow } from './packs';
import { recordOfRow, type FeedRows } from './rows';
import type { FeedRow } from './schema';
import type { SyncSourceRow } from './sync-schema';

/** The version-1 tables, one per list of the feed, named after it (`units` … `expertise`). */
const OLD_TABLES = FEED_LISTS;

export async function packStoredFeeds(tx: Transaction): Promise<void> {
  const feeds = (await tx.table('feeds').toArray()) as FeedRow[];
  for (const feed of feeds) {
    const rows = {} as Record<(typeof OLD_TABLES)[number], unknown[]>;
    for (const name of OLD_TABLES) {
      rows[name] = await tx
        .table(name)
        .where(':id')
        .between([feed.feedId, Dexie.minKey], [feed.feedId, Dexie.maxKey])
        .toArray()
        .then((stored: object[]) => stored.map((row) => recordOfRow(name, row)));
    }
    const gen = nextGen(feed.gen);
    const packs: PackRow[] = planPacks(rows as unknown as FeedRows).map((p) =>
      storedRow(p, feed.feedId, gen),
    );
    await tx.table('packs').bulkAdd(packs);
    await tx.table('feeds').put({ ...feed, gen });
  }
  for (const name of OLD_TABLES) await tx.table(name).clear();
  await tx.table('syncStaging').clear();
  await tx
    .table('syncSources')
    .toCollection()
    .modify((source: SyncSourceRow) => {
      delete source.pending;
    });
}
