// "Full names in page text" (issue 14, item 3) in real Chromium with the built extension and
// the bundled demo organisation: an intranet page (enabled from the popup's real button) with
// names in a byline, in a link about a person and in plain prose. Off (the default), only
// the byline and the link get badges; turned on with the options page's real checkbox, a page
// opened afterwards also badges the exact full names in its prose — never the code, the link
// twice, a first name alone or a name the directory does not hold.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchWithExtension, type LaunchedChromium } from '../../scripts/chromium';
import {
  DEMO_GRANT,
  enableSiteFromPopup,
  extensionPage,
  extensionWithGrants,
  servePage,
  settled,
  waitForDemo,
} from './support/annotate';
import { hostsWithin } from './support/isolated';
import { storedSetting } from './support/sync-helpers';

const URL_ = 'http://intranet.northwind.test/news/incident-drill';
const PAGE = `<!doctype html><html lang="en"><head><title>Incident drill</title></head><body>
<header><nav><a href="/">Northwind intranet</a></nav></header>
<main><article>
  <h1>Incident drill recap</h1>
  <p class="byline">Posted 2026-11-30 by Priya Raghunathan</p>
  <p>Zoë Okafor led the drill with Jose Muller; Mei-Lin Chen’s team watched the dashboards.
     Zoë and Okafor are not names on their own, and Nobody Known is not in the directory.</p>
  <p>The write-up is on <a href="/wiki/Zoe_Okafor">Zoë Okafor</a>'s page.</p>
  <pre>Kwame Asante ran: kubectl drain node-1</pre>
</article></main></body></html>`;

describe('full names in page text', () => {
  let browser: LaunchedChromium;
  let extension: { dir: string; remove(): void };
  let control: Page;

  beforeAll(async () => {
    extension = extensionWithGrants([DEMO_GRANT]);
    browser = await launchWithExtension({ extensionDir: extension.dir });
    await servePage(browser.context, URL_, PAGE);
    control = await extensionPage(browser);
    await waitForDemo(control);
  });

  afterAll(async () => {
    await browser?.close();
    extension?.remove();
  });

  it('is off by default, and on from the options page marks exact full names in prose', async () => {
    const first = await browser.context.newPage();
    await first.goto(URL_);
    const popup = await enableSiteFromPopup(browser, first);
    await popup.close();
    const off = await settled(first);
    expect(off.people).toEqual(['p-priya-raghunathan:author', 'p-zoe-okafor:mention']);
    await first.close();

    const options = await extensionPage(browser, 'options.html');
    const toggle = options.getByLabel(/Mark full names anywhere in page text/);
    await expect.poll(() => toggle.isEnabled()).toBe(true);
    expect(await toggle.isChecked()).toBe(false);
    await toggle.check();
    await expect.poll(() => storedSetting(control, 'namesInProse')).toBe(true);

    const second = await browser.context.newPage();
    await second.goto(URL_);
    await expect
      .poll(async () => (await settled(second)).people, { timeout: 30_000 })
      .toEqual([
        'p-priya-raghunathan:author',
        'p-zoe-okafor:mention',
        'p-jose-muller:mention',
        'p-mei-lin-chen:mention',
        'p-zoe-okafor:mention',
      ]);
    expect(await hostsWithin(second, ['pre'])).toEqual([]);
    // The prose reads as before: the badge sits after the name, the text is unchanged.
    expect(await second.locator('article p').nth(1).innerText()).toMatch(
      /^Zoë Okafor\s*led the drill with Jose Muller/,
    );
    await second.close();

    // Off again: pages opened afterwards are back to people the page presents.
    await toggle.uncheck();
    await expect.poll(() => storedSetting(control, 'namesInProse')).toBe(false);
    const third = await browser.context.newPage();
    await third.goto(URL_);
    await expect
      .poll(async () => (await settled(third)).people, { timeout: 30_000 })
      .toEqual(['p-priya-raghunathan:author', 'p-zoe-okafor:mention']);
    await third.close();
    await options.close();
  });
});
