// A keyboard path through the popup, the cards in a page and the boundaries view, with the
// accessible names read from Chromium's accessibility tree (Playwright's ariaSnapshot), on
// the demo organisation in real Chromium with the built extension.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeOthers } from '../../scripts/demo-site/tour';
import { demoUrl } from '../../scripts/demo-site/hosts';
import { startDemoBrowser, type DemoBrowser } from './support/demo-browser';
import { cardStatus, inspect, tabTo } from './support/isolated';

/** Presses Tab until `matches` holds for the focused element (at most `limit` presses). */
async function tabUntil(page: Page, matches: () => boolean, limit = 80): Promise<boolean> {
  for (let i = 0; i < limit; i++) {
    if (await page.evaluate(matches)) return true;
    await page.keyboard.press('Tab');
  }
  return page.evaluate(matches);
}

describe('keyboard and accessible names', () => {
  let demo: DemoBrowser;
  const open = async (path: string) => {
    const page = await demo.browser.context.newPage();
    await page.goto(`chrome-extension://${demo.browser.extensionId}/${path}`);
    return page;
  };

  beforeAll(async () => {
    demo = await startDemoBrowser();
  });
  afterAll(async () => {
    await demo?.close();
  });

  it('popup: the search has focus; arrows, Enter and Esc find and open a topic', async () => {
    const popup = await open('popup.html');
    try {
      await popup.locator('[data-count="people"]').waitFor();
      const header = await popup.locator('.popup-header').ariaSnapshot();
      expect(header).toContain('heading "Constellation" [level=1]');
      expect(header).toContain('button "Boundaries view"');
      expect(header).toContain('button "choose who you are"');
      // Search is on top and focused even while "Who are you?" is asked below it.
      expect(await popup.evaluate(() => document.activeElement?.id)).toBe('finder-input');
      expect(await popup.getByRole('heading', { name: 'Who are you?' }).count()).toBe(1);
      await popup.keyboard.type('Kubernetes');
      const results = popup.getByRole('listbox', { name: 'Search results' });
      await results.waitFor();
      expect(await results.ariaSnapshot()).toMatch(/group "Topics":\s*\n\s*- option "Kubernetes/);
      await popup.keyboard.press('ArrowDown');
      const combobox = popup.getByRole('combobox', {
        name: 'Search people, topics and communities',
      });
      expect(await combobox.getAttribute('aria-activedescendant')).toBe('finder-option-0');
      await popup.keyboard.press('Enter');
      const title = popup.getByRole('heading', { name: 'Who knows Kubernetes?' });
      await title.waitFor();
      // The list says how many there are and how many are shown.
      expect(await popup.locator('.topic-view .result-count').textContent()).toMatch(
        /^\d+ people( · showing the first 30)?$/,
      );
      await popup.keyboard.press('Escape');
      await title.waitFor({ state: 'detached' });
      expect(await results.count()).toBe(1);
      // Take part is reachable as a tab.
      await popup.getByRole('combobox').fill('');
      expect(await popup.getByRole('tablist', { name: 'Popup sections' }).ariaSnapshot()).toContain(
        'tab "Take part"',
      );
    } finally {
      await closeOthers(demo.tour, demo.blank);
    }
  });

  it('cards: Tab reaches a topic, Enter opens a named dialog, Esc closes it and returns focus', async () => {
    const wiki = demo.tour.pages.find((p) => p.kind === 'wiki-article' && p.featured)!;
    const page = await demo.browser.context.newPage();
    try {
      await page.goto(demoUrl(wiki.host, wiki.path));
      // Our hosts carry nothing a page can read (docs/security.md): find them as the
      // extension knows them, in its isolated world.
      await expect
        .poll(async () => (await inspect(page)).hosts.some((h) => h.kind === 'topic'), {
          timeout: 15_000,
        })
        .toBe(true);
      const topic = (await inspect(page)).hosts.find((h) => h.kind === 'topic')!;
      await tabTo(page, 'topic', topic.id);
      await page.keyboard.press('Enter');
      await expect.poll(() => cardStatus(page), { timeout: 10_000 }).toBe('ready');
      // Names come from inside the closed roots: read Chromium's accessibility tree.
      const cdp = await page.context().newCDPSession(page);
      const { nodes } = (await cdp.send('Accessibility.getFullAXTree')) as {
        nodes: { role?: { value: string }; name?: { value: string }; ignored: boolean }[];
      };
      await cdp.detach();
      const named = (role: string) =>
        nodes.filter((n) => !n.ignored && n.role?.value === role).map((n) => n.name?.value ?? '');
      const dialog = named('dialog').find((name) => name.startsWith('Constellation topic: '));
      expect(dialog).toBeDefined();
      expect(named('button')).toContain('Close');
      // The card's title is the topic's label, named from inside the closed root.
      expect(named('heading')).toContain(dialog!.slice('Constellation topic: '.length));
      // Keyboard focus is inside the card.
      expect((await inspect(page)).card?.focused).toBe(true);
      await page.keyboard.press('Escape');
      await expect.poll(() => cardStatus(page)).toBeNull();
      expect((await inspect(page)).focused).toEqual({ kind: 'topic', id: topic.id });
      // Focus back on the badge does not open the card again once the hover delay (300 ms) is
      // over: Escape keeps it closed.
      await page.waitForTimeout(900);
      expect(await cardStatus(page)).toBeNull();
      expect((await inspect(page)).focused).toEqual({ kind: 'topic', id: topic.id });
    } finally {
      await closeOthers(demo.tour, demo.blank);
    }
  });

  it('boundaries: tabs by arrow keys, a community selected from the table by keyboard', async () => {
    const page = await open('boundaries.html');
    try {
      await page.locator('.constellation-map > canvas').waitFor({ timeout: 30_000 });
      expect(
        await page.getByRole('complementary', { name: 'Selection and export' }).ariaSnapshot(),
      ).toContain('heading "Overview" [level=2]');
      await page.getByRole('tab', { name: 'Map' }).focus();
      await page.keyboard.press('ArrowRight');
      expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Table');
      await page.keyboard.press('Enter');
      const tabs = await page.getByRole('tablist', { name: 'Boundary views' }).ariaSnapshot();
      expect(tabs).toContain('tab "Table" [selected]');
      const reached = await tabUntil(page, () =>
        Boolean(document.activeElement?.closest('table [data-community]')),
      );
      expect(reached).toBe(true);
      const name = await page.evaluate(() => document.activeElement?.textContent ?? '');
      await page.keyboard.press('Enter');
      await page.locator('.details[data-selected] h2').filter({ hasText: name }).waitFor();
      expect(
        await page.getByRole('complementary', { name: 'Selection and export' }).ariaSnapshot(),
      ).toContain(`heading "${name}"`);
    } finally {
      await closeOthers(demo.tour, demo.blank);
    }
  });
});
