// Shared steps of the annotation e2e tests (real Chromium, the built extension):
// - a copy of the built extension whose manifest pre-grants the demo hosts: headless Chromium
//   cannot show the permission prompt (permissions.request stays pending), so "Enable on this
//   site" is clicked for real with the prompt's answer given in advance — the same code path
//   (request → register script → inject) after the prompt;
// - saved pages served under their real URLs with context.route (before DNS, so hosts the
//   launcher's resolver denies still load): `servePage` leaves every other request to the
//   launcher's guard, `serveSavedPages` aborts every other request itself at once (loopback
//   included, which the guard lets through);
// - feed rows written straight into the extension's IndexedDB from an extension page (for
//   test feeds whose people have the corpus pages' logins), and "who am I".
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { feedRecords } from '../../../lib/db/rows';
import { planPacks, storedRow } from '../../../lib/db/packs';
import type { FeedInput } from '../../../lib/model/feed';
import { validateFeed } from '../../../lib/model/validate';
import type { LaunchedChromium } from '../../../scripts/chromium';
import { builtExtensionDir } from './extension';
import { inspect } from './isolated';

export const DEMO_GRANT = '*://*.northwind.test/*';

/** The built extension, copied, with `grants` added to host_permissions. */
export function extensionWithGrants(grants: string[]): { dir: string; remove(): void } {
  const root = mkdtempSync(join(tmpdir(), 'constellation-ext-'));
  const dir = join(root, 'chrome-mv3');
  cpSync(builtExtensionDir(), dir, { recursive: true });
  const manifestPath = join(dir, 'manifest.json');
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as {
    host_permissions?: string[];
  };
  manifest.host_permissions = [...(manifest.host_permissions ?? []), ...grants];
  writeFileSync(manifestPath, JSON.stringify(manifest));
  return { dir, remove: () => rmSync(root, { recursive: true, force: true }) };
}

/** Serves `html` at exactly `url` (and lets every other request through to the guard). */
export async function servePage(
  context: BrowserContext,
  url: string,
  html: string,
  contentType = 'text/html; charset=utf-8',
): Promise<void> {
  await context.route(
    (candidate) => candidate.href === url,
    (route) => route.fulfill({ body: html, contentType }),
  );
}

/**
 * Serves each saved page at exactly its URL (the fragment aside) and aborts every other
 * http(s)/ws request at once — the page's scripts, styles, images, fonts and XHRs — so
 * nothing leaves the machine and nothing is left to time out, not even requests to a
 * loopback origin such as a saved Bitbucket Server page's `http://localhost:7990`. Returns
 * the list of aborted URLs, filled as requests arrive.
 */
export async function serveSavedPages(
  context: BrowserContext,
  pages: ReadonlyMap<string, string>,
): Promise<{ aborted: readonly string[] }> {
  const aborted: string[] = [];
  await context.route('**/*', (route) => {
    const url = new URL(route.request().url());
    url.hash = '';
    const html = pages.get(url.href);
    if (html !== undefined)
      return route.fulfill({ body: html, contentType: 'text/html; charset=utf-8' });
    if (!['http:', 'https:', 'ws:', 'wss:'].includes(url.protocol)) return route.fallback();
    aborted.push(url.href);
    return route.abort('blockedbyclient');
  });
  return { aborted };
}

export const CORPUS = new URL('../../../../shared/corpus/pages/', import.meta.url);
export const FIXTURES = new URL('../../fixtures/pages/', import.meta.url);

export function readPage(base: URL, path: string): string {
  return readFileSync(new URL(path, base), 'utf8');
}

export async function extensionPage(browser: LaunchedChromium, path = 'popup.html'): Promise<Page> {
  const page = await browser.context.newPage();
  await page.goto(`chrome-extension://${browser.extensionId}/${path}`);
  return page;
}

type Chrome = {
  runtime: { sendMessage(message: unknown): Promise<unknown> };
  tabs: { query(q: object): Promise<{ id?: number }[]> };
};
declare const chrome: Chrome;

/** Polls `read` until `done` holds (usable in hooks, where expect.poll is not). */
export async function waitFor<T>(
  read: () => Promise<T>,
  done: (value: T) => boolean,
  what: string,
  timeoutMs = 30_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (done(value)) return value;
    if (Date.now() > deadline)
      throw new Error(`timed out waiting for ${what} (last: ${JSON.stringify(value)})`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/** Waits until the background has ingested the demo organisation. */
export async function waitForDemo(page: Page): Promise<void> {
  await waitFor(
    () =>
      page.evaluate(async () => {
        const answer = (await chrome.runtime.sendMessage({ type: 'getStatus', request: {} })) as {
          ok: boolean;
          value?: { counts: { people: number } };
        };
        return answer.ok ? (answer.value?.counts.people ?? 0) : 0;
      }),
    (people) => people > 0,
    'the demo data',
  );
}

/** Writes a (validated) feed into the extension's IndexedDB as packs of a new generation, as ingest would. */
export async function writeFeed(page: Page, input: FeedInput): Promise<void> {
  const result = validateFeed(input);
  if (!result.ok || result.problems.length > 0)
    throw new Error(
      `test feed invalid: ${JSON.stringify(result.ok ? result.problems : result.error)}`,
    );
  const rows = feedRecords(result.feed);
  const gen = Date.now();
  const feedId = result.feed.feedId;
  const packs = planPacks(rows).map((pack) => storedRow(pack, feedId, gen));
  const feedRow = {
    feedId,
    source: 'url',
    url: `https://feeds.example.test/${feedId}.json`,
    organization: result.feed.organization.name,
    generatedAt: result.feed.generatedAt,
    ingestedAt: new Date().toISOString(),
    gen,
    counts: Object.fromEntries(Object.entries(rows).map(([k, v]) => [k, (v as unknown[]).length])),
  };
  await page.evaluate(
    ({ packs, feedRow }) =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('constellation');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const tx = db.transaction(['packs', 'feeds'], 'readwrite');
          for (const pack of packs) tx.objectStore('packs').put(pack);
          tx.objectStore('feeds').put(feedRow);
          tx.oncomplete = () => {
            db.close();
            resolve();
          };
          tx.onerror = () => reject(tx.error);
        };
      }),
    { packs, feedRow },
  );
}

/** Sets who "me" is (the local `me` row), as the identity prompt would. */
export async function setMe(page: Page, feedId: string, personId: string): Promise<void> {
  await page.evaluate(
    ({ feedId, personId }) =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('constellation');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const tx = db.transaction('me', 'readwrite');
          tx.objectStore('me').put({
            key: 'me',
            feedId,
            personId,
            chosenAt: new Date().toISOString(),
          });
          tx.oncomplete = () => {
            db.close();
            resolve();
          };
          tx.onerror = () => reject(tx.error);
        };
      }),
    { feedId, personId },
  );
}

/** The tab id of `page` (brought to the front, so it is the active tab). */
export async function tabIdOf(browser: LaunchedChromium, page: Page): Promise<number> {
  await page.bringToFront();
  const id = await browser.serviceWorker.evaluate(
    async () => (await chrome.tabs.query({ active: true, lastFocusedWindow: true }))[0]?.id,
  );
  if (typeof id !== 'number') throw new Error('no active tab');
  return id;
}

/** Opens the popup for `page`'s tab and clicks the real "Enable on this site" button. */
export async function enableSiteFromPopup(browser: LaunchedChromium, page: Page): Promise<Page> {
  const tabId = await tabIdOf(browser, page);
  const popup = await extensionPage(
    browser,
    `popup.html?tab=${tabId}&url=${encodeURIComponent(page.url())}`,
  );
  const button = popup.getByRole('button', { name: 'Enable on this site' });
  await button.click();
  // waitFor rather than vitest's expect.poll keeps this module free of vitest, so the
  // benchmarks (plain Node) can drive the same flow (scripts/bench/real-pages.ts).
  await waitFor(
    () => popup.locator('[data-site-status]').getAttribute('data-site-status'),
    (status) => status === 'enabled',
    `"Enable on this site" for ${page.url()}`,
  );
  return popup;
}

export interface Annotations {
  people: string[];
  topics: string[];
}

/**
 * `id:role` of every person badge and `id:text` of every topic, in document order, as the
 * extension knows them (the page's DOM no longer says: support/isolated.ts).
 */
export async function annotations(page: Page): Promise<Annotations> {
  const { hosts } = await inspect(page);
  const shown = hosts.filter((h) => h.connected);
  return {
    people: shown.filter((h) => h.kind === 'person').map((h) => `${h.id}:${h.role}`),
    topics: shown.filter((h) => h.kind === 'topic').map((h) => `${h.id}:${h.text}`),
  };
}

/** `id:text` of every community's own mark (issue 14), in document order. */
export async function communityMarks(page: Page): Promise<string[]> {
  const { hosts } = await inspect(page);
  return hosts.filter((h) => h.connected && h.kind === 'community').map((h) => `${h.id}:${h.text}`);
}

/** Waits until the annotations have not changed for a second (three quiet reads). */
export async function settled(page: Page): Promise<Annotations> {
  let current = await annotations(page);
  let quiet = 0;
  for (let i = 0; i < 60 && quiet < 3; i++) {
    await page.waitForTimeout(300);
    const next = await annotations(page);
    quiet = JSON.stringify(next) === JSON.stringify(current) ? quiet + 1 : 0;
    current = next;
  }
  return current;
}
