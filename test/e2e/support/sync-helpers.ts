// Helpers for the sync e2e tests: extension pages, messages to the background, raw reads of
// the extension's IndexedDB (without Dexie, so the test checks what is really stored), the
// icon badge, and stopping the service worker through CDP.
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { packItems, type PackRow } from '../../../lib/db/packs';
import type { SyncReportRow } from '../../../lib/db/sync-schema';
import { SITE_SETTINGS_KEY, type SiteSetting } from '../../../lib/sites/site-settings';
import type { LaunchedChromium } from '../../../scripts/chromium';

// Code passed to page.evaluate runs in an extension page, where `chrome` exists.
declare const chrome: {
  runtime: { sendMessage(message: unknown): Promise<unknown> };
  action: { getBadgeText(details: object): Promise<string> };
  storage: {
    local: {
      set(items: object): Promise<void>;
      get(key: string): Promise<Record<string, unknown>>;
    };
  };
};

export async function extensionPage(browser: LaunchedChromium, path: string): Promise<Page> {
  const page = await browser.context.newPage();
  await page.goto(`chrome-extension://${browser.extensionId}/${path}`);
  return page;
}

/** Asks the background to sync now and answers the report (the message waits for the sync). */
export async function syncNow(page: Page, url: string): Promise<SyncReportRow> {
  const answer = (await page.evaluate(
    (u) => chrome.runtime.sendMessage({ type: 'syncNow', request: { url: u } }),
    url,
  )) as { ok: true; value: SyncReportRow[] } | { ok: false; error: string };
  if (!answer.ok) throw new Error(answer.error);
  return answer.value[0]!;
}

export async function setFeeds(page: Page, feeds: object[]): Promise<void> {
  await page.evaluate(async (list) => {
    const stored = await chrome.storage.local.get('settings');
    const settings = (stored.settings as object | undefined) ?? { version: 1 };
    await chrome.storage.local.set({ settings: { ...settings, feeds: list } });
  }, feeds);
}

/** One value of the extension's stored settings, as the options page saved it. */
export async function storedSetting(page: Page, key: string): Promise<unknown> {
  return page.evaluate(async (k) => {
    const stored = (await chrome.storage.local.get('settings')).settings as
      Record<string, unknown> | undefined;
    return stored?.[k];
  }, key);
}

/** The page type stored for a site the user enabled (`undefined` if the site is not listed). */
export async function storedSiteAdapter(page: Page, pattern: string): Promise<string | undefined> {
  return page.evaluate(
    async ([key, p]) => {
      const sites = (await chrome.storage.local.get(key))[key] as SiteSetting[] | undefined;
      return sites?.find((s) => s.pattern === p)?.adapter;
    },
    [SITE_SETTINGS_KEY, pattern] as const,
  );
}

export async function badgeText(page: Page): Promise<string> {
  return page.evaluate(() => chrome.action.getBadgeText({}));
}

const FEED_LIST_NAMES = ['units', 'people', 'topics', 'communities', 'memberships', 'expertise'];

interface StoredFeedRow {
  feedId: string;
  gen: number;
  base?: number;
  counts: { people: number; memberships: number };
}

/**
 * The `feeds` rows and the packs of `lists`, as stored, read without Dexie in one
 * transaction; the packs' items are decoded here in Node by the code readers use
 * (`packItems`: columns or objects, each record given its pack's feed id).
 */
async function storedPacks(
  page: Page,
  lists: string[],
): Promise<{ rows: StoredFeedRow[]; packs: (PackRow & { records: unknown[] })[] }> {
  const raw = await page.evaluate(
    (lists) =>
      new Promise<{ rows: unknown[]; packs: unknown[] }>((resolve, reject) => {
        const open = indexedDB.open('constellation');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const tx = db.transaction(['feeds', 'packs']);
          const feeds = tx.objectStore('feeds').getAll();
          const packs = tx.objectStore('packs').getAll();
          tx.oncomplete = () => {
            db.close();
            resolve({
              rows: feeds.result as unknown[],
              packs: (packs.result as { list: string }[]).filter((p) => lists.includes(p.list)),
            });
          };
          tx.onerror = () => (db.close(), reject(tx.error));
        };
      }),
    lists,
  );
  return {
    rows: raw.rows as StoredFeedRow[],
    packs: (raw.packs as PackRow[]).map((p) => ({ ...p, records: packItems(p) })),
  };
}

/**
 * Every row of one object store of the extension's database, read without Dexie; for a feed
 * list ("people", "memberships", …) every record readers can see: the items of the packs of
 * the generation each `feeds` row names (lib/db/packs.ts), read in one transaction.
 */
export async function storeRows<T>(page: Page, store: string): Promise<T[]> {
  if (FEED_LIST_NAMES.includes(store)) {
    const { rows, packs } = await storedPacks(page, [store]);
    // The key a list groups by (lib/db/packs.ts groupOf, for the feed's lists).
    const groupOf = (item: unknown) => {
      const r = item as { id?: string; person?: string };
      return store === 'memberships' || store === 'expertise' ? r.person! : r.id!;
    };
    const out: T[] = [];
    for (const feed of rows) {
      if (feed.base === undefined) {
        for (const p of packs)
          if (p.feedId === feed.feedId && p.gen === feed.gen) out.push(...(p.records as T[]));
        continue;
      }
      // A layer (lib/db/overlay.ts): its groups replace the base's.
      const layer = packs.filter((p) => p.feedId === feed.feedId && p.gen === feed.gen);
      const replaced = new Set(layer.flatMap((p) => p.groups ?? []));
      for (const p of packs) {
        if (p.feedId !== feed.feedId || p.gen !== feed.base) continue;
        out.push(...(p.records.filter((item) => !replaced.has(groupOf(item))) as T[]));
      }
      for (const p of layer) out.push(...(p.records as T[]));
    }
    return out;
  }
  return page.evaluate(
    (name) =>
      new Promise<T[]>((resolve, reject) => {
        const open = indexedDB.open('constellation');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          if (!db.objectStoreNames.contains(name)) return (db.close(), resolve([]));
          const request = db.transaction(name).objectStore(name).getAll();
          request.onsuccess = () => (db.close(), resolve(request.result as T[]));
          request.onerror = () => (db.close(), reject(request.error));
        };
      }),
    store,
  );
}

/** Counts of each visible feed's records, read in ONE transaction, against its feeds row. */
export async function visibleConsistency(page: Page) {
  const { rows, packs } = await storedPacks(page, ['people', 'memberships']);
  // Records readers see: a layer's groups (lib/db/overlay.ts) replace its base's.
  const count = (f: StoredFeedRow, list: string) => {
    const of = (gen: number | undefined) =>
      packs.filter((p) => p.feedId === f.feedId && p.gen === gen && p.list === list);
    if (f.base === undefined) return of(f.gen).reduce((n, p) => n + p.records.length, 0);
    const layer = of(f.gen);
    const replaced = new Set(layer.flatMap((p) => p.groups ?? []));
    const key = (item: unknown) =>
      list === 'memberships' ? (item as { person: string }).person : (item as { id: string }).id;
    return (
      of(f.base).reduce((n, p) => n + p.records.filter((i) => !replaced.has(key(i))).length, 0) +
      layer.reduce((n, p) => n + p.records.length, 0)
    );
  };
  return rows.map((f) => ({
    feedId: f.feedId,
    people: f.counts.people,
    counted: count(f, 'people'),
    memberships: f.counts.memberships,
    countedMemberships: count(f, 'memberships'),
  }));
}

/** Stops the extension's service worker (as Chrome does when idle or under pressure). */
export async function stopServiceWorker(browser: LaunchedChromium, page: Page): Promise<void> {
  const cdp = await browser.context.newCDPSession(page);
  const statuses: string[] = [];
  cdp.on('ServiceWorker.workerVersionUpdated', (event) => {
    for (const version of event.versions) statuses.push(version.runningStatus);
  });
  await cdp.send('ServiceWorker.enable');
  await cdp.send('ServiceWorker.stopAllWorkers');
  await expect.poll(() => statuses.at(-1), { timeout: 10_000 }).toBe('stopped');
  await cdp.detach();
}

/**
 * Waits in `page` until the pending generation of `url` has written at least `chunks` chunks,
 * then at once opens a read-write transaction over `packs` and keeps it open (a request after
 * each answer) until `releasePacks`: the sync's next chunk waits for it, so a worker stopped
 * meanwhile is stopped mid-write whatever the machine's speed.
 */
export async function holdPacksAfterChunks(
  page: Page,
  url: string,
  chunks: number,
): Promise<number> {
  return page.evaluate(
    ({ url, chunks }) =>
      new Promise<number>((resolve, reject) => {
        const open = indexedDB.open('constellation');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const started = Date.now();
          const poll = () => {
            const request = db.transaction('syncSources').objectStore('syncSources').get(url);
            request.onerror = () => reject(request.error);
            request.onsuccess = () => {
              const done = (request.result as { pending?: { chunksDone: number } } | undefined)
                ?.pending?.chunksDone;
              if (done === undefined || done < chunks) {
                if (Date.now() - started > 60_000) reject(new Error('no chunk written in 60 s'));
                else setTimeout(poll, 5);
                return;
              }
              const holder = globalThis as { releasePacks?: boolean };
              holder.releasePacks = false;
              const store = db.transaction('packs', 'readwrite').objectStore('packs');
              const keepOpen = () => {
                if (holder.releasePacks) return;
                store.count().onsuccess = keepOpen;
              };
              keepOpen();
              resolve(done);
            };
          };
          poll();
        };
      }),
    { url, chunks },
  );
}

/** Ends the transaction `holdPacksAfterChunks` keeps open. */
export async function releasePacks(page: Page): Promise<void> {
  await page.evaluate(() => {
    (globalThis as { releasePacks?: boolean }).releasePacks = true;
  });
}
