// The popup as a user meets it, in real Chromium on the demo organisation: first-run
// identity, topic search with "outside my unit", keyboard-only use, detail views,
// follow/unfollow persisted across reloads, and an axe accessibility check.
import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchWithExtension, type LaunchedChromium } from '../../scripts/chromium';
import { demoFeed } from '../fixtures/demo-db';
import { builtExtensionDir } from './support/extension';
import { openPopup, waitForData } from './support/popup';

const demo = demoFeed();
const unitOf = new Map(demo.people.map((p) => [p.id, p.unit]));

async function seriousViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

describe('popup peer finder in Chromium', () => {
  let browser: LaunchedChromium;
  let popup: Page;

  beforeAll(async () => {
    browser = await launchWithExtension({ extensionDir: builtExtensionDir() });
    popup = await openPopup(browser);
    await waitForData(popup, demo.people.length);
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('asks who I am on first run, and remembers the choice', async () => {
    await expect.poll(() => popup.getByRole('heading', { name: 'Who are you?' }).count()).toBe(1);
    expect(await seriousViolations(popup)).toEqual([]);
    // The question is one line under the search box (issue 17: it took ~200 px), and grows
    // into the list of matching people only while a name is typed.
    const question = popup.locator('.identity-box');
    expect((await question.boundingBox())!.height).toBeLessThanOrEqual(56);
    expect(await popup.getByRole('list', { name: 'People matching your search' }).count()).toBe(0);
    await popup.getByLabel('Your name, email or handle').fill('zoe oka');
    await popup.getByRole('list', { name: 'People matching your search' }).waitFor();
    await popup.getByRole('button', { name: 'This is me: Zoë Okafor' }).click();
    await expect.poll(() => popup.locator('.me-line').textContent()).toContain('You: Zoë Okafor');
    // Reopened, the popup's first frame already says who I am: record every text the line
    // shows from the start ("Anonymous" first would be a flicker on every open).
    const reopened = await browser.context.newPage();
    await reopened.addInitScript(() => {
      const seen: string[] = [];
      (globalThis as unknown as { meLines: string[] }).meLines = seen;
      new MutationObserver(() => {
        const text = document.querySelector('.me-line')?.textContent;
        if (text && seen.at(-1) !== text) seen.push(text);
      }).observe(document, { childList: true, subtree: true, characterData: true });
    });
    await reopened.goto(popup.url());
    await expect
      .poll(() => reopened.locator('.me-line').textContent())
      .toContain('You: Zoë Okafor');
    const lines = await reopened.evaluate(
      () => (globalThis as unknown as { meLines: string[] }).meLines,
    );
    expect(lines.length).toBeGreaterThan(0);
    expect(lines.every((line) => line.includes('You: Zoë Okafor'))).toBe(true);
    expect(await reopened.getByRole('heading', { name: 'Who are you?' }).count()).toBe(0);
    await reopened.close();
  });

  it('finds who knows a topic outside my unit, from the keyboard alone', async () => {
    const box = popup.getByRole('combobox', { name: 'Search people, topics and communities' });
    await box.focus();
    await popup.keyboard.type('k8s');
    await expect
      .poll(() => popup.locator('[data-kind="topic"][data-id="t-kubernetes"]').count())
      .toBe(1);
    expect(await seriousViolations(popup)).toEqual([]);
    await popup.keyboard.press('ArrowDown');
    expect(await box.getAttribute('aria-activedescendant')).toBe('finder-option-0');
    await popup.keyboard.press('Enter');
    await expect
      .poll(() => popup.getByRole('heading', { name: 'Who knows Kubernetes?' }).count())
      .toBe(1);
    // A detail view keeps the header to its title line: the counts and who I am are the home
    // view's, and the list starts higher.
    expect(await popup.locator('.popup-header .header-meta').isVisible()).toBe(false);
    expect((await popup.locator('.popup-header').boundingBox())!.height).toBeLessThanOrEqual(48);

    const outside = popup.getByLabel('Outside my unit');
    expect(await outside.isChecked()).toBe(true);
    const rows = popup.locator('.peer-list [data-person]');
    const count = async () =>
      Number((await popup.locator('.topic-view .result-count').textContent())!.split(' ')[0]);
    await expect.poll(() => rows.count()).toBeGreaterThan(3);
    const listed = await rows.evaluateAll((els) =>
      els.map((el) => el.getAttribute('data-person')!),
    );
    expect(listed.slice(0, 4)).toEqual([
      'p-lukas-kruger',
      'p-michal-sikora',
      'p-do-yun-cho',
      'p-camille-rousseau',
    ]);
    expect(listed).not.toContain('p-zoe-okafor');
    const outsideCount = await count();
    expect(outsideCount).toBeGreaterThan(listed.length - 1);
    expect(await seriousViolations(popup)).toEqual([]);

    // With the toggle on, filtering to my own unit leaves no one; off, my unit's people appear.
    await popup.locator('.more-filters summary').click();
    await popup.getByLabel('Unit', { exact: true }).selectOption({ label: 'Data Platform' });
    await expect.poll(() => rows.count()).toBe(0);
    await outside.uncheck();
    await expect.poll(() => rows.count()).toBeGreaterThan(0);
    const mine = await rows.evaluateAll((els) => els.map((el) => el.getAttribute('data-person')!));
    expect(mine.every((id) => unitOf.get(id) === 'data-platform')).toBe(true);
    await popup.getByLabel('Unit', { exact: true }).selectOption({ label: 'any' });
    await expect.poll(count).toBeGreaterThan(outsideCount);
    await outside.check();
    await expect.poll(count).toBe(outsideCount);

    // Keyboard: into the list, first person, Enter opens them; Esc comes back.
    await popup.locator('.peer-list button.name').first().focus();
    await popup.keyboard.press('ArrowDown');
    await popup.keyboard.press('ArrowUp');
    expect(await popup.evaluate(() => document.activeElement?.textContent)).toBe('Lukas Krüger');
    await popup.keyboard.press('Enter');
    await expect
      .poll(() => popup.locator('.person-view').getAttribute('data-person'))
      .toBe('p-lukas-kruger');
    expect(await popup.locator('.colleague').textContent()).toMatch(/^Your colleague in /);
    expect(await seriousViolations(popup)).toEqual([]);
    await popup.keyboard.press('Escape');
    await expect
      .poll(() => popup.getByRole('heading', { name: 'Who knows Kubernetes?' }).count())
      .toBe(1);
    await popup.keyboard.press('Escape');
    // Back to the search (always on top, issue 17): the same query and its results.
    await expect.poll(() => popup.getByRole('listbox', { name: 'Search results' }).count()).toBe(1);
    expect(await box.inputValue()).toBe('k8s');
    expect(await popup.getByRole('heading', { name: 'Who knows Kubernetes?' }).count()).toBe(0);
  });

  it('shows a community in detail and keeps follow/unfollow across reloads', async () => {
    await popup.reload();
    const box = popup.getByRole('combobox', { name: 'Search people, topics and communities' });
    await box.fill('machine learning practice');
    const option = popup.locator('[data-kind="community"][data-id="c-ml"]');
    await expect.poll(() => option.count()).toBe(1);
    await option.click();
    const view = popup.locator('.community-view[data-community="c-ml"]');
    await view.waitFor();
    const ml = demo.communities.find((c) => c.id === 'c-ml')!;
    expect(await view.locator('.domain').textContent()).toBe(ml.domain);
    const members = demo.memberships.filter((m) => m.community === 'c-ml');
    expect(await view.locator('h4').allTextContents()).toEqual(
      (['core', 'active', 'peripheral'] as const)
        .map((level) => [level, members.filter((m) => m.participation === level).length] as const)
        .filter(([, n]) => n > 0)
        .map(([level, n]) => `${level} (${n})`),
    );
    expect(await seriousViolations(popup)).toEqual([]);

    await view.getByRole('button', { name: 'Follow' }).click();
    await expect.poll(() => view.locator('.follow').getAttribute('aria-pressed')).toBe('true');
    await popup.reload();
    await popup.getByRole('tab', { name: 'Take part' }).click();
    await expect.poll(() => popup.locator('.participate').textContent()).toContain('You follow');
    await popup.getByRole('button', { name: ml.name, exact: true }).last().click();
    await expect
      .poll(() => popup.locator('.community-view .follow').getAttribute('aria-pressed'))
      .toBe('true');
    await popup.locator('.community-view .follow').click();
    await expect
      .poll(() => popup.locator('.community-view .follow').getAttribute('aria-pressed'))
      .toBe('false');
    await popup.reload();
    await popup.getByRole('tab', { name: 'Take part' }).click();
    await expect.poll(() => popup.locator('.participate h2').count()).toBe(1);
    expect(await popup.locator('.participate').textContent()).not.toContain('You follow');
  });

  it('suggests where to take part from a declared interest', async () => {
    await popup.reload();
    await popup.getByRole('tab', { name: 'Take part' }).click();
    await popup.getByLabel('Add a topic you care about').fill('machine lea');
    await popup.getByRole('button', { name: 'Add Machine Learning' }).click();
    await expect
      .poll(() => popup.locator('.chips li').allTextContents())
      .toEqual(['Machine Learning ×']);
    const suggestions = popup.locator('.suggestions > li');
    await expect.poll(() => suggestions.count()).toBeGreaterThan(0);
    const ids = await suggestions.evaluateAll((els) =>
      els.map((el) => el.getAttribute('data-community')),
    );
    expect(ids).not.toContain('c-fraud');
    expect(ids).toContain('c-ml');
    expect(await seriousViolations(popup)).toEqual([]);
  });

  it('shows and changes who I am in the options, and the popup follows', async () => {
    const options = await browser.context.newPage();
    await options.goto(`chrome-extension://${browser.extensionId}/options.html`);
    const current = options.locator('[data-identity]');
    await expect.poll(() => current.getAttribute('data-identity')).toBe('person');
    expect(await current.textContent()).toContain('You are Zoë Okafor');
    expect(await seriousViolations(options)).toEqual([]);

    await options.getByRole('button', { name: 'Choose someone else' }).click();
    // The prompt inside the options page: its ids must not collide with the page's own.
    expect(await seriousViolations(options)).toEqual([]);
    expect(await options.evaluate(() => document.querySelectorAll('#identity-title').length)).toBe(
      1,
    );
    const someone = demo.people.find((p) => p.id !== 'p-zoe-okafor' && p.unit !== 'data-platform')!;
    await options.getByLabel('Your name, email or handle').fill(someone.name);
    await options.getByRole('button', { name: `This is me: ${someone.name}` }).click();
    await expect.poll(() => current.textContent()).toContain(`You are ${someone.name}`);
    expect(await seriousViolations(options)).toEqual([]);
    await popup.reload();
    await expect
      .poll(() => popup.locator('.me-line').textContent())
      .toContain(`You: ${someone.name}`);

    // Forgetting makes me anonymous everywhere, and the popup does not ask again.
    await options.getByRole('button', { name: 'Forget who I am' }).click();
    await expect.poll(() => current.getAttribute('data-identity')).toBe('anonymous');
    await popup.reload();
    await expect.poll(() => popup.locator('.me-line').textContent()).toContain('Anonymous');
    expect(await popup.getByRole('heading', { name: 'Who are you?' }).count()).toBe(0);
    await options.close();
  });
});
