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
import { circleCentre, drawnMap } from './support/boundaries-map';
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
      .poll(() => page.locator('.constellation-map .node').count(), { timeout: 20_000 })
      .toBe(publicCount);
    // The canvas draws the same communities the list names.
    await expect.poll(async () => (await drawnMap(page)).circles.length).toBe(publicCount);
    expect(await page.locator('[data-source="demo"]').textContent()).toContain('Demo data');
    // Members-only communities are not on the map for a viewer who is not a member.
    for (const community of membersOnly) {
      expect(await page.locator(`[data-community="${key(community.id)}"]`).count()).toBe(0);
    }
    expect(await page.locator('[data-summary]').textContent()).toContain(
      `${membersOnly.length} members-only communities not shown`,
    );
    // Edges are drawn, and the layout settles.
    expect((await drawnMap(page)).lines.members).toBeGreaterThan(0);
    await expect
      .poll(() => page.locator('.constellation-map').getAttribute('data-settled'), {
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
    // A real click where the canvas drew the circle: hit-testing finds the community.
    const at = await circleCentre(page, key('c-sre'));
    await page.mouse.move(at.x, at.y);
    // Hovering shows the circle's tooltip, as the SVG's title did.
    await expect
      .poll(() => page.locator('.constellation-map > canvas').getAttribute('title'))
      .toContain(`${sre.name} — ${sre.stage}, ${sre.standing}; `);
    await page.mouse.click(at.x, at.y);
    const details = page.locator('section.details');
    await expect.poll(() => details.getAttribute('data-selected')).toBe(key('c-sre'));
    expect(await details.locator('h2').textContent()).toContain(sre.name);
    expect(await details.locator('[data-members]').getAttribute('data-members')).toBe(
      String(members),
    );
    // The selection is announced: its button in the map's list is pressed, and only it.
    expect(
      await page
        .locator(`.constellation-map .node[data-community="${key('c-sre')}"]`)
        .getAttribute('aria-pressed'),
    ).toBe('true');
    expect(await page.locator('.constellation-map .node[aria-pressed="true"]').count()).toBe(1);
    // Counts by unit never name a group under the privacy minimum of 5.
    const unitCounts = await details
      .locator('ul.breakdown')
      .first()
      .locator('li:not(.other) .count')
      .allTextContents();
    expect(unitCounts.length).toBeGreaterThan(0);
    for (const count of unitCounts) expect(Number(count)).toBeGreaterThanOrEqual(5);
  });

  it('names every community on the map to the keyboard and screen readers, and selects by Enter', async () => {
    // One tab stop after the canvas: the list of the map's communities, largest first.
    await page.locator('.constellation-map > canvas').focus();
    await page.keyboard.press('Tab');
    const focused = () =>
      page.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset.community);
    const first = await page
      .locator('.constellation-map .node')
      .first()
      .getAttribute('data-community');
    expect(await focused()).toBe(first);
    await page.keyboard.press('ArrowDown');
    const second = await page
      .locator('.constellation-map .node')
      .nth(1)
      .getAttribute('data-community');
    expect(await focused()).toBe(second);
    // The focused community is ringed on the canvas.
    const secondIndex = Number(
      await page.locator('.constellation-map .node').nth(1).getAttribute('data-index'),
    );
    await expect.poll(async () => (await drawnMap(page)).focused).toBe(secondIndex);
    const community = demo.communities.find((c) => key(c.id) === second)!;
    // Its name, stage and standing are what a screen reader announces, pressed once selected.
    const button = page.getByRole('button', {
      name: `${community.name} — ${community.stage}, ${community.standing};`,
    });
    expect(await button.getAttribute('aria-pressed')).toBe('false');
    await page.keyboard.press('Enter');
    await expect
      .poll(() => page.locator('section.details').getAttribute('data-selected'))
      .toBe(second);
    // Chromium's own accessibility tree, what a screen reader reads: every community on the
    // map is a named button (the list is out of sight), the selected one pressed.
    const cdp = await page.context().newCDPSession(page);
    const { nodes } = (await cdp.send('Accessibility.getFullAXTree')) as {
      nodes: {
        ignored: boolean;
        role?: { value: string };
        name?: { value: string };
        properties?: { name: string; value: { value: unknown } }[];
      }[];
    };
    await cdp.detach();
    const mapButtons = nodes.filter(
      (n) =>
        !n.ignored &&
        n.role?.value === 'button' &&
        / — \w+, \w+; \d+ core and active/.test(n.name?.value ?? ''),
    );
    expect(mapButtons).toHaveLength(publicCount);
    const pressed = mapButtons.filter((n) =>
      n.properties?.some((p) => p.name === 'pressed' && p.value.value === 'true'),
    );
    expect(pressed.map((n) => n.name?.value.split(' — ')[0])).toEqual([community.name]);
    expect(
      await page
        .getByRole('button', { name: community.name, pressed: true })
        .getAttribute('data-community'),
    ).toBe(second);
    // Only one stop in the tab order: Tab leaves the list.
    await page.keyboard.press('Tab');
    expect(
      await page.evaluate(() => document.activeElement?.closest('.map-communities')),
    ).toBeNull();
    await expect.poll(async () => (await drawnMap(page)).focused).toBeNull();
  });

  it('zooms by keyboard and buttons, and search and filters narrow the map and table', async () => {
    const canvas = page.locator('.constellation-map > canvas');
    const radius = async () =>
      (await drawnMap(page)).circles.find((c) => c.key === key('c-sre'))!.r;
    const before = await radius();
    await page.getByRole('button', { name: 'Zoom in' }).click();
    expect(await canvas.getAttribute('data-zoom')).toBe('1.25');
    // Circles are drawn a quarter larger.
    await expect.poll(radius).toBeCloseTo(before * 1.25, 5);
    await canvas.focus();
    await page.keyboard.press('0');
    expect(await canvas.getAttribute('data-zoom')).toBe('1');
    await expect.poll(radius).toBeCloseTo(before, 5);

    await page.getByLabel('Search', { exact: true }).fill('kubernetes');
    const expected = demo.communities.filter(
      (c) =>
        c.visibility !== 'members' &&
        (c.name.toLowerCase().includes('kubernetes') || c.topics.includes('t-kubernetes')),
    ).length;
    await expect
      .poll(() => page.locator('.shown-count').getAttribute('data-shown'))
      .toBe(String(expected));
    // The list for screen readers names what the canvas draws (rendered in the same commit).
    await expect.poll(() => page.locator('.constellation-map .node').count()).toBe(expected);
    // Matches are marked for the screen reader too, and the canvas draws only them.
    await expect.poll(() => page.locator('.constellation-map .node.hit').count()).toBe(expected);
    await expect.poll(async () => (await drawnMap(page)).circles.length).toBe(expected);
    await page.getByLabel('Search', { exact: true }).fill('');
    await page.getByLabel('Stage', { exact: true }).selectOption('dispersed');
    const dispersed = demo.communities.filter(
      (c) => c.stage === 'dispersed' && c.visibility !== 'members',
    ).length;
    await expect.poll(() => page.locator('.constellation-map .node').count()).toBe(dispersed);
    await page.getByRole('button', { name: 'Clear filters' }).click();
    await expect.poll(() => page.locator('.constellation-map .node').count()).toBe(publicCount);
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
        names: [...doc.querySelectorAll('text.label.placed')].map((t) => t.textContent),
        width: image.naturalWidth,
      };
    }, svgText);
    expect(check).toMatchObject({ parseError: false, nodes: publicCount });
    // The file names the communities the screen names, and its SVG is not kept in the page.
    expect(check.names.sort()).toEqual((await drawnMap(page)).names.map((n) => n.text).sort());
    expect(check.names.length).toBeGreaterThan(0);
    expect(await page.locator('svg.constellation-map').count()).toBe(0);
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
      .poll(
        () => page.locator(`.constellation-map .node[data-community="${key(fraud.id)}"]`).count(),
        {
          timeout: 20_000,
        },
      )
      .toBe(1);
  });

  it('logs no errors', () => {
    expect(consoleErrors).toEqual([]);
  });
});
