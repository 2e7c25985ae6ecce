// The discovery sample end to end (issue 16), in real Chromium with the built extension: the
// feed `npm run sample-feeds` builds with the real feed tool from the saved history of
// python/devguide (a `type: git` source) is offered in the options with its attribution,
// loads, and then holds only discovered communities — so the boundaries view says why its map
// is empty and lists them with their evidence, and the popup and a person's hovercard on a
// github.com page label them as discovered.
import { readFileSync } from 'node:fs';
import { AxeBuilder } from '@axe-core/playwright';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Feed } from '../../lib/model/feed';
import { launchWithExtension, type LaunchedChromium } from '../../scripts/chromium';
import { servePage, settled } from './support/annotate';
import { builtExtensionDir } from './support/extension';
import { cardQuery, cardStatus, hoverHost } from './support/isolated';
import { extensionPage } from './support/sync-helpers';

const EXTENSION_DIR = builtExtensionDir();
const FILE = 'python-devguide-discovered.json';

async function seriousViolations(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
}

interface IndexEntry {
  file: string;
  feedId: string;
  label: string;
  license: string;
  counts: { people: number; communities: number };
}

describe('the discovery sample: communities discovered in the Python devguide history', () => {
  let browser: LaunchedChromium;
  let options: Page;
  let entry: IndexEntry;
  let feed: Feed;

  beforeAll(async () => {
    const index = JSON.parse(
      readFileSync(join(EXTENSION_DIR, 'samples', 'index.json'), 'utf8'),
    ) as { feeds: IndexEntry[] };
    entry = index.feeds.find((f) => f.file === FILE)!;
    expect(
      entry,
      'npm test builds the samples (npm run sample-feeds) before the extension',
    ).toBeDefined();
    feed = JSON.parse(readFileSync(join(EXTENSION_DIR, 'samples', FILE), 'utf8')) as Feed;
    browser = await launchWithExtension({
      extensionDir: EXTENSION_DIR,
      viewport: { width: 1400, height: 1000 },
    });
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('is a feed of discovered communities only, built from the history', () => {
    expect(feed.communities.length).toBeGreaterThanOrEqual(5);
    expect(feed.communities.length).toBe(entry.counts.communities);
    for (const c of feed.communities) {
      expect(c.discovered).toBe(true);
      expect(c.standing).toBe('unrecognized');
      expect(c.evidence?.source).toBe('python/devguide history');
    }
    expect(feed.memberships.every((m) => m.evidence !== undefined)).toBe(true);
  });

  it('is offered in the options with its attribution and licence, and loads', async () => {
    options = await extensionPage(browser, 'options.html#samples');
    const item = options.locator(`[data-sample="${FILE}"]`);
    await expect.poll(() => item.count()).toBe(1);
    expect(await item.locator('h3').textContent()).toContain(
      'Communities discovered in the Python devguide history',
    );
    const attribution = await item.locator('[data-attribution]').textContent();
    expect(attribution).toContain(
      'commit history (git log --numstat) of https://github.com/python/devguide',
    );
    expect(attribution).toContain('dedicated to the public domain under CC0 1.0');
    expect(attribution).toContain('docs/discovery.md');
    expect(await item.getByRole('link', { name: 'CC0-1.0' }).getAttribute('href')).toBe(
      `chrome-extension://${browser.extensionId}/samples/python-devguide-discovered.LICENSE.txt`,
    );
    await item.getByRole('button', { name: 'Load this sample' }).click();
    await expect.poll(() => item.locator('[data-loaded]').count(), { timeout: 30_000 }).toBe(1);
  });

  it('the boundaries view says why its map is empty and lists the discovered communities with evidence', async () => {
    const page = await extensionPage(browser, 'boundaries.html');
    const layer = page.locator('[data-layer="discovered"]');
    await expect
      .poll(() => layer.locator('[data-discovered]').count(), { timeout: 20_000 })
      .toBe(feed.communities.length);
    const empty = page.locator('[data-empty="only-discovered"]');
    expect(await empty.textContent()).toContain(
      'The map is empty because it shows chartered communities only',
    );
    expect(await empty.textContent()).toContain(
      `just ${feed.communities.length} communities discovered from shared work`,
    );
    expect(await page.getByText('No communities to show yet').count()).toBe(0);
    expect(await page.locator('.constellation-map').count()).toBe(0);
    expect(await page.locator('[data-summary]').textContent()).toContain(`0 chartered communities`);
    const clinic = feed.communities.find((c) => c.name === 'Clinic') ?? feed.communities[0]!;
    const item = layer.locator(`[data-discovered="${feed.feedId}/${clinic.id}"]`);
    expect(await item.locator('p.evidence').textContent()).toBe(
      `Evidence: ${clinic.evidence!.summary}`,
    );
    expect(await item.locator('p.origin').textContent()).toMatch(
      /^Discovered from shared work in python\/devguide history, 20\d\d–20\d\d — not a chartered community \(standing: unrecognized\)\.$/,
    );
    expect(await seriousViolations(page)).toEqual([]);
    await page.close();
  });

  it('the popup labels a discovered community in the search results and its detail (axe-clean)', async () => {
    const popup = await extensionPage(browser, 'popup.html');
    const clinic = feed.communities.find((c) => c.name === 'Clinic') ?? feed.communities[0]!;
    await popup.locator('#finder-input').fill(clinic.name);
    const row = popup.locator(`.result[data-kind="community"][data-id="${clinic.id}"]`);
    await expect.poll(() => row.count(), { timeout: 10_000 }).toBe(1);
    expect(await row.locator('[data-discovered-badge]').textContent()).toBe('discovered');
    const note = await row.locator('[data-discovered-note]').textContent();
    expect(note).toContain('Discovered from shared work in python/devguide history');
    expect(note).toContain(`Evidence: ${clinic.evidence!.summary}`);
    expect(await seriousViolations(popup)).toEqual([]);
    await row.click();
    await expect
      .poll(() => popup.locator(`.community-view[data-community="${clinic.id}"]`).count())
      .toBe(1);
    expect(await seriousViolations(popup)).toEqual([]);
    await popup.close();
  });

  it('a person hovercard on github.com labels their discovered communities, with evidence', async () => {
    const person = feed.people.find((p) => p.handles?.['github.com'] === 'Mariatta')!;
    const mine = feed.memberships.filter((m) => m.person === person.id);
    expect(mine.length).toBeGreaterThan(0);
    const url = 'https://github.com/python/devguide/pull/1';
    await servePage(
      browser.context,
      url,
      '<!doctype html><html><head><title>Update the guide</title></head><body><main>' +
        '<div class="timeline-comment-header"><a class="author" href="/Mariatta">Mariatta</a> commented</div>' +
        '<p>Thanks for the update to the getting started page.</p></main></body></html>',
    );
    const page = await browser.context.newPage();
    await page.goto(url);
    await settled(page);
    await hoverHost(page, 'person', person.id);
    await expect.poll(() => cardStatus(page), { timeout: 10_000 }).toBe('ready');
    const items = await cardQuery(page, '[data-field="communities"] [data-community]');
    expect(items.map((el) => el.attributes['data-community']).sort()).toEqual(
      mine.map((m) => m.community).sort(),
    );
    const tags = await cardQuery(page, '[data-field="communities"] [data-field="discovered"]');
    expect(tags.map((t) => t.text)).toEqual(mine.map(() => 'discovered'));
    const info = (await cardQuery(page, '[data-field="discovered-info"]')).map((el) => el.text);
    for (const m of mine) {
      const community = feed.communities.find((c) => c.id === m.community)!;
      const period = `${community.evidence!.since!.slice(0, 4)}–${community.evidence!.until!.slice(0, 4)}`;
      expect(info).toContain(
        `Discovered from shared work in python/devguide history, ${period} — not a chartered community (standing: unrecognized). Evidence: ${m.evidence!.summary}`,
      );
    }
    await page.close();
  });

  it('removes the sample again', async () => {
    const item = options.locator(`[data-sample="${FILE}"]`);
    await item.getByRole('button', { name: 'Remove this sample' }).click();
    await expect.poll(() => item.getByRole('button', { name: 'Load this sample' }).count()).toBe(1);
    await options.close();
  });
});
