// A service worker killed mid-sync (CDP ServiceWorker.stopAllWorkers) at several points —
// while the body downloads, while a first generation is written, while a second generation is
// staged — never shows a half-applied feed: the popup shows a complete generation every time,
// the rows of every visible feed match its counts, and the next sync completes (resuming the
// interrupted generation at its checkpoint) with no duplicates.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SyncSourceRow } from '../../lib/db/sync-schema';
import { generateSyntheticFeed } from '../../lib/demo/synthetic';
import type { FeedInput } from '../../lib/model/feed';
import { launchWithExtension, type LaunchedChromium } from '../../scripts/chromium';
import { builtExtensionDir } from './support/extension';
import { startFeedServer, type FeedServer } from './support/feed-server';
import {
  extensionPage,
  setFeeds,
  stopServiceWorker,
  holdPacksAfterChunks,
  releasePacks,
  storeRows,
  syncNow,
  visibleConsistency,
} from './support/sync-helpers';

declare const chrome: { runtime: { sendMessage(message: unknown): Promise<unknown> } };

const PEOPLE = 4000;

/** The feed; with `title`, every person and membership changes (a generation of many chunks). */
function feed(generatedAt: string, title?: string): FeedInput {
  const out = {
    ...generateSyntheticFeed({ people: PEOPLE, seed: 11, feedId: 'acme-resume' }),
    generatedAt,
  };
  if (title) {
    for (const person of out.people) person.title = title;
    for (const m of out.memberships ?? [])
      m.participation = m.participation === 'core' ? 'active' : 'core';
  }
  return out;
}

describe('sync survives a killed service worker', () => {
  let browser: LaunchedChromium;
  let server: FeedServer;
  let page: Page;
  let url: string;

  beforeAll(async () => {
    server = await startFeedServer();
    url = server.url('/big.json');
    browser = await launchWithExtension({ extensionDir: builtExtensionDir() });
    page = await extensionPage(browser, 'options.html');
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  /** The popup's people count, and that every visible feed's rows match its counts. */
  async function assertCompleteGeneration(allowed: number[]): Promise<number> {
    const popup = await extensionPage(browser, 'popup.html');
    await popup.locator('[data-count="people"]').waitFor({ timeout: 20_000 });
    const shown = Number(await popup.locator('[data-count="people"]').textContent());
    await popup.close();
    expect(allowed).toContain(shown);
    for (const feed of await visibleConsistency(page)) {
      expect(feed.counted).toBe(feed.people);
      expect(feed.countedMemberships).toBe(feed.memberships);
    }
    return shown;
  }

  const pending = async () =>
    (await storeRows<SyncSourceRow>(page, 'syncSources')).find((s) => s.url === url)?.pending;

  /** Starts a sync without waiting for it (the message's answer dies with the worker). */
  const trigger = () =>
    page.evaluate(
      (u) =>
        void chrome.runtime
          .sendMessage({ type: 'syncNow', request: { url: u } })
          .catch(() => undefined),
      url,
    );

  it('killed while downloading: the demo stays and nothing is pending', async () => {
    await expect
      .poll(async () => (await visibleConsistency(page)).length, { timeout: 30_000 })
      .toBe(1);
    const demoPeople = await assertCompleteGeneration([330]);
    const body = JSON.stringify(feed('2026-11-20T10:00:00Z'));
    server.set('/big.json', { kind: 'slow', body, chunks: 40, intervalMs: 100 });
    await setFeeds(page, [{ url, label: 'Big', intervalMinutes: 60 }]);
    await expect
      .poll(() => server.requests.filter((r) => r.path === '/big.json').length, { timeout: 15_000 })
      .toBe(1);
    await page.waitForTimeout(800);
    await stopServiceWorker(browser, page);
    await assertCompleteGeneration([demoPeople]);
    expect(await pending()).toBeUndefined();
  });

  it('killed while writing a first generation: nothing half-written shows; the next sync resumes', async () => {
    server.set('/big.json', { kind: 'feed', body: JSON.stringify(feed('2026-11-20T10:00:00Z')) });
    await trigger();
    // The next chunk waits for a transaction this page holds: the worker dies mid-write.
    const reached = await holdPacksAfterChunks(page, url, 1);
    await stopServiceWorker(browser, page);
    await releasePacks(page);
    const at = await pending();
    expect(at?.mode).toBe('direct');
    // Written as planned: the count is recorded only by the last chunk's write.
    expect(at!.chunksDone).toBeGreaterThanOrEqual(1);
    expect(at!.chunkCount).toBeUndefined();
    await assertCompleteGeneration([330]);
    const report = await syncNow(page, url);
    expect(report.outcome).toBe('updated');
    expect(report.resumedAtChunk).toBeGreaterThanOrEqual(reached);
    await assertCompleteGeneration([PEOPLE]);
    expect((await storeRows<{ feedId: string }>(page, 'people')).length).toBe(PEOPLE);
  });

  it('killed while staging a second generation: the first keeps serving; the next sync resumes', async () => {
    server.set('/big.json', {
      kind: 'feed',
      body: JSON.stringify(feed('2026-11-21T10:00:00Z', 'Practice Lead')),
    });
    await trigger();
    await holdPacksAfterChunks(page, url, 1);
    await stopServiceWorker(browser, page);
    await releasePacks(page);
    expect((await pending())?.mode).toBe('staged');
    await assertCompleteGeneration([PEOPLE]);
    const people = await storeRows<{ title?: string }>(page, 'people');
    expect(people.filter((p) => p.title === 'Practice Lead')).toHaveLength(0);

    const report = await syncNow(page, url);
    expect(report).toMatchObject({
      outcome: 'updated',
      counts: { changed: PEOPLE * 4, added: 0, removed: 0 },
    });
    expect(report.resumedAtChunk).toBeGreaterThanOrEqual(1);
    await assertCompleteGeneration([PEOPLE]);
    const after = await storeRows<{ title?: string }>(page, 'people');
    expect(after).toHaveLength(PEOPLE);
    expect(after.filter((p) => p.title === 'Practice Lead')).toHaveLength(PEOPLE);
    expect(await storeRows(page, 'syncStaging')).toEqual([]);
    expect(await storeRows(page, 'syncLeases')).toEqual([]);
  });

  it('a deleted database (evicted storage) triggers a full resync', async () => {
    const before = server.requests.length;
    await page.evaluate(
      () =>
        new Promise<void>((resolve, reject) => {
          const request = indexedDB.deleteDatabase('constellation');
          request.onsuccess = () => resolve();
          request.onerror = () => reject(request.error);
        }),
    );
    await expect
      .poll(
        async () =>
          (await storeRows<SyncSourceRow>(page, 'syncSources')).some((s) => s.generation > 0),
        { timeout: 60_000 },
      )
      .toBe(true);
    const full = server.requests.slice(before).find((r) => r.path === '/big.json');
    expect(full?.headers['if-none-match']).toBeUndefined();
    await assertCompleteGeneration([PEOPLE]);
  });
});
