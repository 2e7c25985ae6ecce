// PROBE (not committed): where the boundaries view's bulk read of people and memberships goes.
import { ConstellationDB } from '../../../lib/db/database';
import { replaceFeed } from '../../../lib/db/ingest';
import { validateFeedText } from '../../../lib/model/validate';
import { packRange, readPacks } from '../../../lib/db/packed';
import { packItems } from '../../../lib/db/packs';
import { median } from '../../../lib/stats';
import { PERSON_FIELDS } from '../../../lib/db/constellation';

const DB_NAME = 'probe-read';

function rawGetAll(feedId: string, gen: number, list: string, keysOnly = false): Promise<number> {
  return new Promise((resolve, reject) => {
    const open = indexedDB.open(DB_NAME);
    open.onerror = () => reject(open.error);
    open.onsuccess = () => {
      const idb = open.result;
      const tx = idb.transaction('packs', 'readonly');
      const index = tx.objectStore('packs');
      const range = IDBKeyRange.bound([feedId, gen, list, ''], [feedId, gen, list, '\uffff']);
      const t = performance.now();
      const req = keysOnly ? index.getAllKeys(range) : index.getAll(range);
      req.onsuccess = () => {
        const ms = performance.now() - t;
        idb.close();
        resolve(ms);
      };
      req.onerror = () => reject(req.error);
    };
  });
}

export async function runProbe(feedUrl: string, runs: number) {
  const validation = validateFeedText(await (await fetch(feedUrl)).text());
  if (!validation.ok) throw new Error('rejected');
  await ConstellationDB.delete(DB_NAME);
  const db = new ConstellationDB(DB_NAME);
  console.log('ingest');
  await replaceFeed(db, validation.feed, { source: 'url' });
  console.log('ingested');
  const feed = (await db.feeds.toArray())[0]!;
  const gens = await readPacks(db, async (r) => r.gens);
  const gen = (gens as Map<string, number>).get(feed.feedId)!;
  const out: Record<string, number[]> = {};
  const push = (k: string, v: number) => (out[k] ??= []).push(v);
  for (let i = 0; i <= runs; i++) {
    for (const list of ['people', 'memberships'] as const) {
      console.log('run', i, list);
      const keys = await rawGetAll(feed.feedId, gen, list, true);
      const raw = await rawGetAll(feed.feedId, gen, list);
      let t = performance.now();
      const packs = await packRange(db, feed.feedId, gen, list).toArray();
      const dexie = performance.now() - t;
      t = performance.now();
      let n = 0;
      for (const p of packs) n += packItems(p).length;
      const decode = performance.now() - t;
      t = performance.now();
      for (const p of packs) n += packItems(p, list === 'people' ? PERSON_FIELDS : undefined).length;
      const decodeOnly = performance.now() - t;
      t = performance.now();
      const all = await readPacks(db, (r) => r.all(list));
      const whole = performance.now() - t;
      if (i > 0) {
        push(`${list} packs`, packs.length);
        push(`${list} raw getAllKeys`, keys);
        push(`${list} raw getAll`, raw);
        push(`${list} dexie toArray`, dexie);
        push(`${list} decode all fields`, decode);
        push(`${list} decode view fields`, decodeOnly);
        push(`${list} reader.all`, whole);
        push(`${list} items`, all.length + n * 0);
      }
    }
  }
  return Object.fromEntries(Object.entries(out).map(([k, v]) => [k, median(v)]));
}
