// The boundaries view end to end on the demo organisation, in real Chromium with the built
// extension and real IndexedDB: opened from the popup, the map renders, selecting shows
// details, the lists carry known answers, exports are valid files, members-only communities
// appear only to members, and axe finds no serious or critical violations.
import { AxeBuilder } from '@axe-core/playwright';
import { parse } from 'csv-parse/sync';
import { readFileSync } from 'node:fs';
import type { Download, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Feed } from '../../lib/model/feed';
import { validateFeedText } from '../../lib/model/validate';
import { launchWithExtension, type LaunchedChromium } from '../../scripts/chromium';
import { builtExtensionDir } from './support/extension';

const FEED = 'demo-northwind';
const key = (id: string) => `${FEED}/${id}`;

function demoFeed(): Feed {
  const result = validateFeedText(
    readFileSync(new URL('../../public/demo-feed.json', import.meta.url), 'utf8'),
  );
  if (!result.ok) throw new Error(result.error.reason);
  return result.feed;
}

async function seriousViolations(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
}

async function downloadText(download: Download): Promise<string> {
  return readFileSync(await download.path(), 'utf8');
}

describe('boundaries view in Chromium', () => {
  const demo = demoFeed();
  const membersOnly = demo.communities.filter((c) => c.visibility === 'members');
  const publicCount = demo.communities.length - membersOnly.length;
  let browser: LaunchedChromium;
  let page: Page;
  const consoleErrors: string[] = [];

  beforeAll(async () => {
    browser = await launchWithExtension({
      extensionDir: builtExtensionDir(),
      viewport: { width: 1400, height: 1000 },
    });
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('opens from the popup as an extension page and renders the map of visible communities', async () => {
    const popup = await browser.context.newPage();
    await popup.goto(`chrome-extension://${browser.extensionId}/popup.html`);
    await expect
      .poll(() => popup.locator('[data-count="communities"]').textContent(), { timeout: 30_000 })
      // The popup counts what the boundaries view shows: visible communities only.
      .toBe(String(publicCount));
    const opened = browser.context.waitForEvent('page');
    await popup.getByRole('button', { name: 'Boundaries view' }).click();
    page = await opened;
    page.on('console', (message) => {
      if (message.type() === 'error') consoleErrors.push(message.text());
    });
    page.on('pageerror', (error) => consoleErrors.push(error.message));
    await page.waitForLoadState('domcontentloaded');
    expect(page.url()).toBe(`chrome-extension://${browser.extensionId}/boundaries.html`);
    await expect
      .poll(() => page.locator('svg.constellation-map .node').count(), { timeout: 20_000 })
      .toBe(publicCount);
    expect(await page.locator('[data-source="demo"]').textContent()).toContain('Demo data');
    // Members-only communities are not on the map for a viewer who is not a member.
    for (const community of membersOnly) {
      expect(await page.locator(`[data-community="${key(community.id)}"]`).count()).toBe(0);
    }
    expect(await page.locator('[data-summary]').textContent()).toContain(
      `${membersOnly.length} members-only communities not shown`,
    );
    // Edges are drawn, and the layout settles.
    expect(await page.locator('svg.constellation-map line.edge-members').count()).toBeGreaterThan(
      0,
    );
    await expect
      .poll(() => page.locator('svg.constellation-map').getAttribute('data-settled'), {
        timeout: 20_000,
      })
      .toBe('true');
    // The layout runs in the bundled web worker, not on the page's main thread. Polled: the
    // browser reports a new worker to Playwright asynchronously, and on a busy machine the
    // report can come after a small map has already settled.
    await expect
      .poll(() => page.workers().map((worker) => new URL(worker.url()).pathname))
      .toEqual([expect.stringMatching(/^\/assets\/layout\.worker-[\w-]+\.js$/)]);
  });

  it('selecting a community on the map shows its details', async () => {
    const sre = demo.communities.find((c) => c.id === 'c-sre')!;
    const members = demo.memberships.filter((m) => m.community === 'c-sre').length;
    await page.locator(`svg .node[data-community="${key('c-sre')}"] .dot`).click();
    const details = page.locator('section.details');
    await expect.poll(() => details.getAttribute('data-selected')).toBe(key('c-sre'));
    expect(await details.locator('h2').textContent()).toContain(sre.name);
    expect(await details.locator('[data-members]').getAttribute('data-members')).toBe(
      String(members),
    );
    expect(
      await page.locator(`svg .node[data-community="${key('c-sre')}"]`).getAttribute('class'),
    ).toContain('selected');
    // Counts by unit never name a group under the privacy minimum of 5.
    const unitCounts = await details
      .locator('ul.breakdown')
      .first()
      .locator('li:not(.other) .count')
      .allTextContents();
    expect(unitCounts.length).toBeGreaterThan(0);
    for (const count of unitCounts) expect(Number(count)).toBeGreaterThanOrEqual(5);
  });

  it('zooms by keyboard and buttons, and search and filters narrow the map and table', async () => {
    const group = page.locator('svg.constellation-map g[data-zoom]');
    await page.getByRole('button', { name: 'Zoom in' }).click();
    expect(await group.getAttribute('transform')).toMatch(/scale\(1\.25\)/);
    await page.locator('svg.constellation-map').focus();
    await page.keyboard.press('0');
    expect(await group.getAttribute('transform')).toMatch(/scale\(1\)/);

    await page.getByLabel('Search', { exact: true }).fill('kubernetes');
    const expected = demo.communities.filter(
      (c) =>
        c.visibility !== 'members' &&
        (c.name.toLowerCase().includes('kubernetes') || c.topics.includes('t-kubernetes')),
    ).length;
    await expect
      .poll(() => page.locator('.shown-count').getAttribute('data-shown'))
      .toBe(String(expected));
    expect(await page.locator('svg .node').count()).toBe(expected);
    await page.getByLabel('Search', { exact: true }).fill('');
    await page.getByLabel('Stage', { exact: true }).selectOption('dispersed');
    const dispersed = demo.communities.filter(
      (c) => c.stage === 'dispersed' && c.visibility !== 'members',
    ).length;
    await expect.poll(() => page.locator('svg .node').count()).toBe(dispersed);
    await page.getByRole('button', { name: 'Clear filters' }).click();
    await expect.poll(() => page.locator('svg .node').count()).toBe(publicCount);
  });

  it('offers the same communities as a sortable, keyboard-usable table', async () => {
    await page.getByRole('tab', { name: 'Table' }).click();
    const rows = page.locator('table.communities tbody tr');
    await expect.poll(() => rows.count()).toBe(publicCount);
    const nameHeader = page.locator('table.communities th', { hasText: 'Community' }).first();
    await nameHeader.locator('button').focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => nameHeader.getAttribute('aria-sort')).toBe('ascending');
    const names = await page.locator('table.communities tbody th button').allTextContents();
    expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b)));
    await page.locator(`tr[data-community="${key('c-rust')}"] th button`).click();
    await expect
      .poll(() => page.locator('section.details').getAttribute('data-selected'))
      .toBe(key('c-rust'));
  });

  it('lists brokers, missing bridges, health signals and the cross-company boundary', async () => {
    await page.getByRole('tab', { name: 'Brokers' }).click();
    const firstBroker = page.locator('table.brokers-table tbody tr').first();
    expect(await firstBroker.getAttribute('data-person')).toBe(key('p-lukasz-wroblewski'));
    expect(
      Number(await firstBroker.locator('[data-sole]').getAttribute('data-sole')),
    ).toBeGreaterThan(2);
    expect(await firstBroker.textContent()).toContain('boundary');
    expect(await page.locator('ul.no-boundary li').count()).toBeGreaterThan(0);

    await page.getByRole('tab', { name: 'Missing bridges' }).click();
    // Incident Commanders and Observability Circle share SRE as a topic but only one member.
    const bridge = page.locator(
      `tr[data-bridge="${key('c-incident-commanders')}|${key('c-observability')}"]`,
    );
    expect(await bridge.count()).toBe(1);
    expect(await bridge.textContent()).toContain('Site Reliability Engineering');

    await page.getByRole('tab', { name: 'Health' }).click();
    const coaches = page.locator(`.health-list > li[data-community="${key('c-service-coaches')}"]`);
    expect(await coaches.locator('[data-signal="siloed"]').textContent()).toMatch(
      /\d+ of \d+ members \(\d+%\) are in Customer Service/,
    );
    await page.getByRole('radio', { name: /^siloed/ }).check();
    expect(await page.locator('.health-list > li').count()).toBe(1);

    await page.getByRole('tab', { name: 'Across companies' }).click();
    const lumen = page.locator('section.partner[data-company="Lumen Analytics"]');
    expect(await lumen.count()).toBe(1);
    expect(await lumen.locator('tbody tr').count()).toBeGreaterThan(0);
  });

  it('exports the current selection as valid CSV and JSON, and the map as SVG and PNG', async () => {
    await page.getByRole('tab', { name: 'Table' }).click();
    await page.getByLabel('Standing', { exact: true }).selectOption('strategic');
    const strategic = demo.communities.filter(
      (c) => c.standing === 'strategic' && c.visibility !== 'members',
    );
    const csvDownload = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Table as CSV' }).click();
    const csv = await csvDownload;
    expect(csv.suggestedFilename()).toMatch(/^constellation-communities-\d{4}-\d{2}-\d{2}\.csv$/);
    const table: string[][] = parse(await downloadText(csv));
    expect(table[0]).toContain('Community');
    expect(
      table
        .slice(1)
        .map((row) => row[2])
        .sort(),
    ).toEqual(strategic.map((c) => c.name).sort());

    const jsonDownload = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Table as JSON' }).click();
    const json = JSON.parse(await downloadText(await jsonDownload)) as {
      rows: { id: string; standing: string }[];
      filters: string[];
      minGroupSize: number;
    };
    expect(json.rows.map((r) => r.id).sort()).toEqual(strategic.map((c) => c.id).sort());
    expect(json.filters).toEqual(['standing: strategic']);
    expect(json.minGroupSize).toBe(5);
    await page.getByRole('button', { name: 'Clear filters' }).click();

    await page.getByRole('tab', { name: 'Map' }).click();
    const svgDownload = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Map as SVG' }).click();
    const svgText = await downloadText(await svgDownload);
    expect(svgText.startsWith('<?xml')).toBe(true);
    // The file is a well-formed SVG image the browser can draw, with every community on it.
    const check = await page.evaluate(async (text) => {
      const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
      const url = URL.createObjectURL(new Blob([text], { type: 'image/svg+xml' }));
      const image = new Image();
      image.src = url;
      await image.decode();
      return {
        parseError: doc.querySelector('parsererror') !== null,
        nodes: doc.querySelectorAll('.node').length,
        width: image.naturalWidth,
      };
    }, svgText);
    expect(check).toMatchObject({ parseError: false, nodes: publicCount });
    expect(check.width).toBeGreaterThan(100);

    const pngDownload = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Map as PNG' }).click();
    const png = readFileSync(await (await pngDownload).path());
    expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    expect(png.readUInt32BE(16)).toBeGreaterThan(100); // IHDR width
    expect(png.readUInt32BE(20)).toBeGreaterThan(100); // IHDR height
  });

  it('passes an axe check on the map and on the table', async () => {
    await page.getByRole('tab', { name: 'Map' }).click();
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByRole('tab', { name: 'Table' }).click();
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByRole('tab', { name: 'Brokers' }).click();
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('shows a members-only community to its members', async () => {
    const fraud = membersOnly.find((c) => c.id === 'c-fraud')!;
    const member = demo.memberships.find((m) => m.community === fraud.id)!.person;
    // Choose "me" the way the product stores it, straight in the extension's IndexedDB.
    await page.evaluate(
      ([feedId, personId]) =>
        new Promise<void>((resolve, reject) => {
          const open = indexedDB.open('constellation');
          open.onerror = () => reject(open.error);
          open.onsuccess = () => {
            const tx = open.result.transaction('me', 'readwrite');
            tx.objectStore('me').put({
              key: 'me',
              feedId,
              personId,
              chosenAt: new Date().toISOString(),
            });
            tx.oncomplete = () => resolve();
            tx.onerror = () => reject(tx.error);
          };
        }),
      [FEED, member] as const,
    );
    await page.reload();
    await expect
      .poll(() => page.locator(`svg .node[data-community="${key(fraud.id)}"]`).count(), {
        timeout: 20_000,
      })
      .toBe(1);
  });

  it('logs no errors', () => {
    expect(consoleErrors).toEqual([]);
  });
});
