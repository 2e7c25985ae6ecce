// The built Firefox extension (.output/firefox-mv3) in real Firefox ESR, driven over WebDriver
// BiDi (support/firefox/): the demo organisation in the popup, the popup's search, the
// boundaries view, a feed added in the options page and synced from a real HTTP server on
// 127.0.0.1, and that feed's people badged — with a working hovercard — on a saved real GitHub
// issue served under its real https://github.com/ URL. Every request Firefox makes goes through
// the trap proxy; the last test checks that the pages' other requests were refused there.
// The same behaviours are tested in more depth in Chromium (popup, peer-finder, boundaries,
// sync and real-pages e2e tests); differences between the browsers: docs/browsers.md.
import { readFileSync } from 'node:fs';
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FeedInput } from '../../lib/model/feed';
import { builtExtensionDir } from './support/extension';
import { startFeedServer, type FeedServer } from './support/feed-server';
import { launchFirefox, type LaunchedFirefox } from './support/firefox/launch';
import {
  attributeOf,
  attributesOf,
  buttonNamed,
  clickOn,
  countOf,
  textOf,
  typeInto,
} from './support/firefox/pages';
import { REAL_PAGES, REAL_PAGES_FEED, expectedBadges } from './support/real-pages';

const demo = JSON.parse(
  readFileSync(new URL('../../public/demo-feed.json', import.meta.url), 'utf8'),
) as FeedInput;
const ISSUE = REAL_PAGES.find((page) => page.name === 'github-issue')!;

describe('the extension in Firefox', () => {
  let server: FeedServer;
  let firefox: LaunchedFirefox;
  let popup: Page;
  const feedUrl = () => server.url('/real-pages.json');

  beforeAll(async () => {
    server = await startFeedServer();
    server.set('/real-pages.json', { kind: 'feed', body: JSON.stringify(REAL_PAGES_FEED) });
    firefox = await launchFirefox({
      extensionDir: builtExtensionDir('firefox-mv3'),
      hosts: ['github.com'],
    });
    firefox.proxy.servePage(ISSUE.url, readFileSync(ISSUE.file, 'utf8'));
    popup = await firefox.openExtensionPage('popup.html');
  });

  afterAll(async () => {
    await firefox?.close();
    await server?.close();
  });

  it('shows the demo organisation in the popup', async () => {
    await expect
      .poll(() => textOf(popup, '[data-count="people"]'), { timeout: 30_000 })
      .toBe(String(demo.people.length));
    // Counted as this (anonymous) viewer may see them: members-only communities left out.
    expect(await textOf(popup, '[data-count="communities"]')).toBe(
      String(demo.communities.filter((c) => c.visibility !== 'members').length),
    );
    expect(await attributeOf(popup, '.source', 'data-source')).toBe('demo');
  });

  it('asks who I am, then finds who knows a topic outside my unit from the keyboard', async () => {
    await typeInto(popup, '#identity-input', 'zoe oka');
    await clickOn(popup, 'button[data-person="p-zoe-okafor"]');
    await expect.poll(() => textOf(popup, '.me-line')).toContain('You: Zoë Okafor');
    await typeInto(popup, '#finder-input', 'k8s');
    await expect.poll(() => countOf(popup, '[data-kind="topic"][data-id="t-kubernetes"]')).toBe(1);
    await popup.keyboard.press('ArrowDown');
    expect(await attributeOf(popup, '#finder-input', 'aria-activedescendant')).toBe(
      'finder-option-0',
    );
    await popup.keyboard.press('Enter');
    await expect.poll(() => textOf(popup, '.topic-view h2')).toBe('Who knows Kubernetes?');
    await expect.poll(() => countOf(popup, '.peer-list [data-person]')).toBeGreaterThan(3);
    const listed = await attributesOf(popup, '.peer-list [data-person]', 'data-person');
    const unitOf = new Map(demo.people.map((p) => [p.id, p.unit]));
    const mine = unitOf.get('p-zoe-okafor');
    // "Outside my unit" is on by default: nobody from Zoë's unit, and not Zoë herself.
    expect(listed.filter((id) => unitOf.get(id) === mine)).toEqual([]);
    await popup.keyboard.press('Escape');
    await expect.poll(() => countOf(popup, '.topic-view')).toBe(0);
  });

  it('opens the boundaries view from the popup and draws the visible communities', async () => {
    await (await buttonNamed(popup, 'Boundaries view')).click();
    const page = await firefox.extensionPageOpened('boundaries.html');
    const publicCount = demo.communities.filter((c) => c.visibility !== 'members').length;
    await expect
      .poll(() => countOf(page, '.constellation-map .node'), { timeout: 30_000 })
      .toBe(publicCount);
    await expect
      .poll(() => attributeOf(page, '.constellation-map', 'data-settled'), { timeout: 30_000 })
      .toBe('true');
    // The canvas drew every community and the member lines (MapCanvas.drawnMap).
    const drawn = await page.evaluate(() => {
      const canvas = document.querySelector<
        HTMLCanvasElement & {
          drawnMap?: () => { circles: unknown[]; lines: { members: number } };
        }
      >('.constellation-map > canvas');
      const map = canvas?.drawnMap?.();
      return map ? { circles: map.circles.length, members: map.lines.members } : null;
    });
    expect(drawn?.circles).toBe(publicCount);
    expect(drawn?.members).toBeGreaterThan(0);
    expect(await textOf(page, '[data-source="demo"]')).toContain('Demo data');
    await page.close();
  });

  it('adds a feed in the options page; its sync replaces the demo', async () => {
    const options = await firefox.openExtensionPage('options.html');
    await (await buttonNamed(options, 'Add a feed')).click();
    await typeInto(options, 'input[name="url"]', feedUrl());
    await typeInto(options, 'input[name="label"]', 'Real pages');
    await (await buttonNamed(options, 'Add feed')).click();
    const item = `[data-feed-url="${feedUrl()}"]`;
    await expect
      .poll(() => attributeOf(options, `${item} .report`, 'data-outcome'), { timeout: 30_000 })
      .toBe('updated');
    expect(await countOf(options, '.demo-note')).toBe(0);
    expect(server.requests.map((r) => `${r.path} ${r.status}`)).toContain('/real-pages.json 200');
    await options.close();
    const fresh = await firefox.openExtensionPage('popup.html');
    await expect
      .poll(() => textOf(fresh, '[data-count="people"]'))
      .toBe(String(REAL_PAGES_FEED.people.length));
    expect(await attributeOf(fresh, '.source', 'data-source')).toBe('feeds');
    await fresh.close();
  });

  it('badges the feed’s people on a GitHub issue under https://github.com/ and opens a card', async () => {
    const page = await firefox.openPage(ISSUE.url);
    // Our badges carry nothing a page can read (docs/security.md), and WebDriver BiDi has no
    // way into the content script's world here, so this test sees what a page sees: an
    // attribute-less element right after each profile link, its content in a closed root.
    const badges = () =>
      page.evaluate(
        () =>
          // Our badges are spans with no attributes, no light-DOM text, and a closed shadow
          // root: attaching another root to such a span throws (the page's own spans take an
          // open one, harmlessly, on this saved page).
          Array.from(document.querySelectorAll('span')).filter((el) => {
            if (el.attributes.length > 0 || el.textContent !== '' || el.shadowRoot) return false;
            try {
              el.attachShadow({ mode: 'open' });
              return false;
            } catch {
              return true;
            }
          }).length,
      );
    const expected = expectedBadges(ISSUE.name);
    const total = Object.values(expected).reduce((sum, n) => sum + n, 0);
    expect(total).toBeGreaterThan(0);
    await expect.poll(badges, { timeout: 30_000 }).toBe(total);

    // A real pointer on the first badge opens a card: a host appended to the page, closed.
    const cardHosts = () =>
      page.evaluate(
        () =>
          Array.from(document.documentElement.children).filter(
            (el) => el.tagName === 'DIV' && el.attributes.length === 0 && el.shadowRoot === null,
          ).length,
      );
    const before = await cardHosts();
    const box = await page.evaluate(() => {
      const badge = Array.from(document.querySelectorAll('a + span')).find(
        (el) => el.attributes.length === 0 && el.textContent === '' && !el.shadowRoot,
      )!;
      badge.scrollIntoView();
      const r = badge.getBoundingClientRect();
      return { x: r.x + r.width / 2, y: r.y + r.height / 2 };
    });
    await page.mouse.move(box.x, box.y);
    await expect.poll(cardHosts, { timeout: 10_000 }).toBe(before + 1);
    await page.keyboard.press('Escape');
    await page.close();
  });

  it('let nothing out: the page’s other hosts were refused at the proxy', async () => {
    expect(firefox.proxy.served).toContain(ISSUE.url);
    const page = await firefox.openPage(ISSUE.url);
    const outcome = await page.evaluate(() =>
      fetch('https://example.org/constellation-probe').then(
        () => 'reached',
        () => 'refused',
      ),
    );
    expect(outcome).toBe('refused');
    expect(firefox.proxy.refused.map((r) => r.target)).toContain('example.org:443');
    // The saved page's assets live on GitHub's asset host, which the proxy never answers.
    expect(firefox.proxy.refused.some((r) => r.target.endsWith('githubassets.com:443'))).toBe(true);
    await page.close();
    // Firefox reports each refused request as an error of the page that made it; anything
    // else would be a script error (ours or the page's).
    const refusal = /^Cross-Origin Request Blocked: .* \(Reason: CORS request did not succeed\)/;
    expect(firefox.pageErrors.filter((e) => !refusal.test(e.replace(/^\S+: /, '')))).toEqual([]);
    expect(firefox.pageErrors.length).toBeGreaterThan(0);
  });
});
