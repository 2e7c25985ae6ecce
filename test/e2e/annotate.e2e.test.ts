// Page annotation end to end in real Chromium with the built extension and the demo
// organisation: sites are enabled from the popup's real button (runtime-registered content
// scripts), pages are the demo site's (MediaWiki- and Gitea-like, served on 127.0.0.1 under
// their demo host names) and the hand-written Gitea, Confluence and intranet fixtures served
// under their real-looking URLs. Asserts exact badges and topics, hovercard contents (demo
// label, colleagues, members-only hidden), keyboard access, axe, no duplicates after
// SPA-style navigation and mutations, and that disabling a site stops annotation.
import { AxeBuilder } from '@axe-core/playwright';
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Feed } from '../../lib/model/feed';
import { validateFeedText } from '../../lib/model/validate';
import { launchWithExtension, type LaunchedChromium } from '../../scripts/chromium';
import { DEMO_HOST_PATTERN } from '../../scripts/demo-site/hosts';
import { startDemoSite, type DemoSiteServer } from '../../scripts/demo-site/server';
import {
  DEMO_GRANT,
  FIXTURES,
  annotations,
  communityMarks,
  enableSiteFromPopup,
  extensionPage,
  extensionWithGrants,
  readPage,
  servePage,
  setMe,
  settled,
  waitForDemo,
} from './support/annotate';
import {
  cardQuery,
  cardStatus,
  hostFor,
  hostsWithin,
  hoverHost,
  inspect,
  tabTo,
} from './support/isolated';
import { storedSetting, storedSiteAdapter } from './support/sync-helpers';

const FEED_PATH = new URL('../../public/demo-feed.json', import.meta.url).pathname;
const demo: Feed = (() => {
  const result = validateFeedText(readFileSync(FEED_PATH, 'utf8'));
  if (!result.ok) throw new Error(result.error.reason);
  return result.feed;
})();

const GITEA_URL = 'http://git.northwind.test/platform/cluster-tools/issues/42';
const CONFLUENCE_URL = 'http://confluence.northwind.test/display/ENG/Incident+Response+Runbook';
const INTRANET_URL = 'http://intranet.northwind.test/news/data-protection-week';

describe('annotating demo pages in Chromium', () => {
  let site: DemoSiteServer;
  let browser: LaunchedChromium;
  let extension: { dir: string; remove(): void };
  let control: Page;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    site = await startDemoSite({ port: 0, feedPath: FEED_PATH });
    extension = extensionWithGrants([DEMO_GRANT]);
    browser = await launchWithExtension({
      extensionDir: extension.dir,
      hostMap: [{ pattern: DEMO_HOST_PATTERN, port: site.port }],
    });
    await servePage(browser.context, GITEA_URL, readPage(FIXTURES, 'gitea-issue.html'));
    await servePage(browser.context, CONFLUENCE_URL, readPage(FIXTURES, 'confluence-page.html'));
    await servePage(browser.context, INTRANET_URL, readPage(FIXTURES, 'intranet-page.html'));
    control = await extensionPage(browser);
    await waitForDemo(control);
  });

  afterAll(async () => {
    await browser?.close();
    await site?.close();
    extension?.remove();
  });

  async function openPage(url: string): Promise<Page> {
    const page = await browser.context.newPage();
    page.on('pageerror', (error) => pageErrors.push(`${url}: ${error.message}`));
    await page.goto(url);
    return page;
  }

  it('does nothing on a site until it is enabled, then annotates it at once', async () => {
    const page = await openPage(GITEA_URL);
    await page.waitForTimeout(1000);
    expect(await annotations(page)).toEqual({ people: [], topics: [] });
    const popup = await enableSiteFromPopup(browser, page);
    const found = await settled(page);
    expect(found.people).toEqual([
      'p-zoe-okafor:author',
      'p-zoe-okafor:author',
      'p-jose-muller:mention',
      'p-mei-lin-chen:email',
      'p-lukasz-wroblewski:participant',
      'p-lukasz-wroblewski:commenter',
      'p-jose-muller:commenter',
      'p-lukasz-wroblewski:mention',
      'p-lukasz-wroblewski:assignee',
      // The participant list's avatar-only links (issue 14): badged, as no name stands beside them.
      'p-zoe-okafor:participant',
      'p-lukasz-wroblewski:participant',
    ]);
    expect(found.topics).toEqual([
      't-kubernetes:Kubernetes',
      't-kubernetes:Kubernetes',
      't-incident-response:on-call',
      't-sre:SRE',
      't-observability:Observability',
      't-threat-modelling:threat modelling',
      't-kubernetes:Kubernetes',
      't-claims-automation:claims automation',
      // The label list is a label area (issue 14): its own region, any case.
      't-kubernetes:kubernetes',
    ]);
    // Code, the comment editor and the signed-in viewer are never touched.
    expect(await page.locator('textarea').count()).toBe(1);
    expect(await hostsWithin(page, ['pre'])).toEqual([]);
    expect(
      (await inspect(page)).hosts.filter((h) => h.ancestors.some((a) => a.id === 'navbar')),
    ).toEqual([]);
    expect(await page.locator('textarea').inputValue()).toBe(
      'Kubernetes draft that must not be touched',
    );
    // The popup's page summary for this tab.
    await popup.reload();
    await expect
      .poll(() => popup.locator('[data-summary]').textContent())
      .toMatch(
        /^This page: 4 people across 3 units; touches \d+ communities; 0 of your colleagues/,
      );
    await popup.close();
    await page.close();
  });

  it('shows a person hovercard with unit, communities and the demo label; Esc closes it', async () => {
    const page = await openPage(GITEA_URL);
    await settled(page);
    const badge = await hoverHost(page, 'person', 'p-zoe-okafor');
    await expect.poll(() => cardStatus(page), { timeout: 5000 }).toBe('ready');
    const zoe = demo.people.find((p) => p.id === 'p-zoe-okafor')!;
    const text = async (selector: string) => (await cardQuery(page, selector))[0]?.text;
    expect(await text('h2')).toBe(zoe.name);
    expect(await text('[data-field="where"]')).toBe(
      [zoe.title, 'Data Platform', zoe.company].join(' · '),
    );
    expect(await text('.demo')).toBe('Demo data');
    const visible = new Set(
      demo.communities.filter((c) => c.visibility !== 'members').map((c) => c.id),
    );
    const expected = demo.memberships
      .filter((m) => m.person === zoe.id && visible.has(m.community))
      .map((m) => m.community)
      .sort();
    const shown = (await cardQuery(page, '[data-field="communities"] [data-community]')).map(
      (el) => el.attributes['data-community']!,
    );
    expect([...shown].sort()).toEqual(expected);
    // Our card never covers the badge, so the page's own click targets stay reachable.
    const cardBox = (await cardQuery(page, '.card'))[0]!.box;
    const badgeBox = badge.box;
    expect(
      cardBox.y >= badgeBox.y + badgeBox.height || cardBox.y + cardBox.height <= badgeBox.y,
    ).toBe(true);
    await page.keyboard.press('Escape');
    await expect.poll(() => cardStatus(page)).toBeNull();
    await page.close();
  });

  it('opens from the keyboard, moves focus into the card and back on Esc, and passes axe', async () => {
    const page = await openPage(GITEA_URL);
    await settled(page);
    await tabTo(page, 'topic', 't-sre');
    await page.keyboard.press('Enter');
    await expect.poll(() => cardStatus(page), { timeout: 5000 }).toBe('ready');
    expect((await inspect(page)).card?.focused).toBe(true);
    const card = (await cardQuery(page, '.card'))[0]!;
    expect(card.attributes.role).toBe('dialog');
    expect(card.attributes['aria-label']).toBe('Constellation topic: Site Reliability Engineering');
    const communities = (await cardQuery(page, '[data-community]')).map(
      (el) => el.attributes['data-community'],
    );
    const covering = demo.communities
      .filter((c) => c.topics.includes('t-sre') && c.visibility !== 'members')
      .map((c) => c.id);
    expect([...communities].sort()).toEqual([...covering].sort());
    const sre = '[data-community="c-sre"]';
    expect((await cardQuery(page, `${sre} [data-field="stage"]`))[0]?.text).toBe('active');
    expect((await cardQuery(page, `${sre} [data-field="newcomers"]`))[0]?.text).toMatch(
      /newcomers/,
    );
    expect((await cardQuery(page, `${sre} [data-field="take-part"] li`)).length).toBeGreaterThan(0);
    expect((await cardQuery(page, '[data-field="ask"] li')).length).toBeGreaterThan(0);

    // axe cannot enter closed shadow roots: it checks that what we add to the page's own tree
    // breaks nothing; the card's roles and names are checked in Chromium's accessibility tree
    // (page-isolation.e2e.test.ts).
    const axe = await new AxeBuilder({ page }).analyze();
    expect(
      axe.violations
        .filter((v) =>
          v.nodes.some((n) => n.html.startsWith('<span></span>') || n.html === '<div></div>'),
        )
        .map((v) => v.id),
    ).toEqual([]);

    await page.keyboard.press('Escape');
    await expect.poll(() => cardStatus(page)).toBeNull();
    expect((await inspect(page)).focused).toEqual({ kind: 'topic', id: 't-sre' });
    await page.close();
  });

  it('says "your colleague in …" for people who share a community with me', async () => {
    // Me: a member of the SRE Guild; Zoë is in it too.
    const sre = demo.memberships.filter((m) => m.community === 'c-sre').map((m) => m.person);
    const me = sre.find((id) => id !== 'p-zoe-okafor')!;
    await setMe(control, demo.feedId, me);
    const page = await openPage(GITEA_URL);
    await settled(page);
    const zoe = (await hostFor(page, 'person', 'p-zoe-okafor'))!;
    expect(zoe.relation).toBe('colleague');
    expect(zoe.badge).toMatch(/^★/);
    expect(zoe.label).toContain('your colleague in');
    await hoverHost(page, 'person', 'p-zoe-okafor');
    await expect.poll(() => cardStatus(page), { timeout: 5000 }).toBe('ready');
    expect((await cardQuery(page, '.colleague-line'))[0]?.text).toMatch(
      /^Your colleague in .*SRE Guild/,
    );
    expect((await cardQuery(page, '[data-community="c-sre"] .shared'))[0]?.text).toBe(
      'shared with you',
    );
    await page.close();
    await setMe(control, demo.feedId, 'p-nobody-at-all');
  });

  it('annotates a Confluence page and an intranet page by their own adapters', async () => {
    const confluence = await openPage(CONFLUENCE_URL);
    await enableSiteFromPopup(browser, confluence);
    const c = await settled(confluence);
    expect(c.people).toEqual([
      'p-priya-raghunathan:author',
      'p-hiroshi-tanaka:editor',
      'p-zoe-okafor:mention',
      'p-jose-muller:email',
      'p-siobhan-obrien:commenter',
    ]);
    expect(await hostsWithin(confluence, [], ['code', 'panel'])).toEqual([]);
    // "the SRE Guild" is the community's own mark (issue 14): no "SRE" topic inside it.
    expect(c.topics.slice(0, 3)).toEqual([
      't-incident-response:Incident Response',
      't-observability:observability',
      't-kubernetes:Kubernetes',
    ]);
    expect(await communityMarks(confluence)).toEqual(['c-sre:SRE Guild']);
    await confluence.close();

    const intranet = await openPage(INTRANET_URL);
    await enableSiteFromPopup(browser, intranet);
    const i = await settled(intranet);
    expect(i.people).toEqual([
      'p-priya-raghunathan:author',
      'p-siobhan-obrien:email',
      'p-priya-raghunathan:member',
      'p-jose-muller:member',
      'p-zoe-okafor:member',
    ]);
    expect(i.topics).toEqual([
      't-gdpr:Data Protection',
      't-machine-learning:Machine Learning',
      't-responsible-ai:model fairness',
      't-kubernetes:Kubernetes',
      't-gdpr:GDPR',
      't-claims-automation:Claims Automation',
    ]);
    // The hostile name stays text.
    expect(await intranet.locator('script:text("alert")').count()).toBe(0);
    await intranet.close();
  });

  it('annotates the demo wiki article (people from user links, nothing in code)', async () => {
    const article = (await site.pages()).find((p) => p.kind === 'wiki-article' && p.featured)!;
    const page = await openPage(`http://wiki.northwind.test${article.path}`);
    await enableSiteFromPopup(browser, page);
    const found = await settled(page);
    const linked = await page.$$eval('#mw-content-text a[href*="/wiki/User:"]', (links) =>
      links.map((a) => decodeURIComponent(a.getAttribute('href')!.replace(/^.*User:/, ''))),
    );
    const byLogin = new Map(
      demo.people.flatMap((p) =>
        p.handles['wiki.northwind.test']
          ? [[p.handles['wiki.northwind.test'].toLowerCase(), p.id]]
          : [],
      ),
    );
    expect(found.people.map((p) => p.split(':')[0])).toEqual(
      linked.map((login) => byLogin.get(login.toLowerCase())),
    );
    expect(found.topics.length).toBeGreaterThan(0);
    expect(await hostsWithin(page, ['pre', 'code'])).toEqual([]);
    await page.close();
  });

  it('adds nothing twice after SPA-style navigation and DOM mutations', async () => {
    const page = await openPage(GITEA_URL);
    const before = await settled(page);
    // The site swaps its content in place and pushes a URL (as Turbo/htmx do), twice.
    for (const n of [43, 44]) {
      await page.evaluate((n) => {
        const left = document.querySelector('.issue-content-left')!;
        const html = left.innerHTML;
        history.pushState({}, '', `/platform/cluster-tools/issues/${n}`);
        left.innerHTML = html;
        document.dispatchEvent(new Event('htmx:afterSettle'));
      }, n);
      await page.waitForTimeout(500);
    }
    const after = await settled(page);
    // Same badges and highlights, none twice (a nested one would be listed twice).
    expect(after).toEqual(before);
    // New content arrives: annotated once.
    await page.evaluate(() => {
      const item = document.createElement('div');
      item.className = 'timeline-item comment';
      item.innerHTML =
        '<span class="comment-header"><a class="author" href="/kasante">kasante</a></span><div class="render-content markup"><p>Accessibility first.</p></div>';
      document.querySelector('.ui.timeline')!.append(item);
    });
    await expect
      .poll(async () =>
        (await annotations(page)).people.filter((p) => p.startsWith('p-kwame-asante')),
      )
      .toEqual(['p-kwame-asante:commenter']);
    const grown = await settled(page);
    expect(grown.people.filter((p) => p.startsWith('p-kwame-asante'))).toEqual([
      'p-kwame-asante:commenter',
    ]);
    // The new comment's topic is highlighted, once (the label list after it keeps its mark).
    expect(before.topics).not.toContain('t-accessibility:Accessibility');
    expect(grown.topics.filter((t) => t === 't-accessibility:Accessibility')).toEqual([
      't-accessibility:Accessibility',
    ]);
    await page.close();
  });

  it('uses the adapter chosen in the options for a site', async () => {
    const options = await extensionPage(browser, 'options.html');
    const select = options.getByLabel('Page type for http://git.northwind.test');
    // The choice is saved asynchronously; a page opened before it is stored reads the old one.
    const storedChoice = () => storedSiteAdapter(options, 'http://git.northwind.test/*');
    await select.selectOption('generic');
    await expect.poll(storedChoice).toBe('generic');
    const page = await openPage(GITEA_URL);
    // The generic adapter knows no Gitea author links: only the mailto: link names a person.
    await expect
      .poll(async () => (await annotations(page)).people, { timeout: 10_000 })
      .toEqual(['p-mei-lin-chen:email']);
    await select.selectOption('auto');
    await expect.poll(storedChoice).toBe('auto');
    await page.reload();
    await expect
      .poll(async () => (await annotations(page)).people.length, { timeout: 10_000 })
      // The eleven badges of the first test (the Gitea adapter again, participants included).
      .toBe(11);
    const asGitea = await settled(page);

    // Chosen while the page is open: the page follows at once, without a reload, and back.
    await select.selectOption('generic');
    await expect
      .poll(async () => (await annotations(page)).people, { timeout: 10_000 })
      .toEqual(['p-mei-lin-chen:email']);
    await select.selectOption('auto');
    await expect
      .poll(async () => (await annotations(page)).people.length, { timeout: 10_000 })
      .toBe(11);
    expect(await settled(page)).toEqual(asGitea);
    await page.close();
    await options.close();
  });

  it('remembers the topics of pages read for "Take part", forgets them, and can be turned off', async () => {
    const storedVisits = () =>
      control.evaluate(
        () =>
          new Promise<string[]>((resolve, reject) => {
            const open = indexedDB.open('constellation');
            open.onerror = () => reject(open.error);
            open.onsuccess = () => {
              const request = open.result
                .transaction('topicVisits')
                .objectStore('topicVisits')
                .getAll();
              request.onsuccess = () => {
                open.result.close();
                resolve((request.result as { topic: string }[]).map((r) => r.topic).sort());
              };
              request.onerror = () => reject(request.error);
            };
          }),
      );
    const onPage = [
      't-claims-automation',
      't-gdpr',
      't-kubernetes',
      't-machine-learning',
      't-responsible-ai',
    ];
    // Reading a page with the signal on (the default) remembers its topics; earlier tests in
    // this file may have read other pages too. The options forget all of them.
    const first = await openPage(INTRANET_URL);
    await settled(first);
    await expect.poll(storedVisits).toEqual(expect.arrayContaining(onPage));
    await first.close();
    const options = await extensionPage(browser, 'options.html');
    const forget = options.getByRole('button', { name: 'Forget these topics' });
    await expect.poll(() => forget.count()).toBe(1);
    await forget.click();
    await expect.poll(storedVisits).toEqual([]);
    await expect.poll(() => forget.count()).toBe(0);

    const intranet = await openPage(INTRANET_URL);
    const found = await settled(intranet);
    expect([...new Set(found.topics.map((t) => t.split(':')[0]!))].sort()).toEqual(onPage);
    await expect.poll(storedVisits).toEqual(onPage);
    await intranet.close();

    // "Take part" names them and suggests from them; "Forget them" empties it.
    const popup = await extensionPage(browser);
    await popup.getByRole('tab', { name: 'Take part' }).click();
    const visited = popup.locator('[data-visited-topics]');
    await expect.poll(() => visited.getAttribute('data-visited-topics')).toBe('5');
    expect(await visited.textContent()).toContain('Machine Learning');
    expect(await popup.locator('.suggestions li').first().textContent()).toMatch(/matches /);
    await popup.getByRole('button', { name: 'Forget them' }).click();
    await expect.poll(() => visited.count()).toBe(0);
    await expect.poll(storedVisits).toEqual([]);

    // Turned off in the options, reading a page keeps nothing.
    const toggle = options.getByLabel(/Remember topics of pages I read/);
    await toggle.uncheck();
    await expect.poll(() => storedSetting(control, 'rememberVisitedTopics')).toBe(false);
    const again = await openPage(INTRANET_URL);
    expect((await settled(again)).topics.length).toBe(6);
    await again.waitForTimeout(500);
    expect(await storedVisits()).toEqual([]);
    await again.close();
    await toggle.check();
    await expect.poll(() => storedSetting(control, 'rememberVisitedTopics')).toBe(true);
    await options.close();
    await popup.close();
  });

  it('stops annotating a site once it is disabled in the options', async () => {
    const options = await extensionPage(browser, 'options.html');
    const row = options.locator(`[data-site="http://intranet.northwind.test/*"]`);
    await expect.poll(() => row.count(), { timeout: 10_000 }).toBe(1);
    await row.getByRole('button', { name: 'Disable' }).click();
    await expect.poll(() => row.count()).toBe(0);
    const page = await openPage(INTRANET_URL);
    await page.waitForTimeout(1500);
    expect(await annotations(page)).toEqual({ people: [], topics: [] });
    const registered = await browser.serviceWorker.evaluate(async () =>
      (
        await (
          globalThis as unknown as {
            chrome: { scripting: { getRegisteredContentScripts(): Promise<{ id: string }[]> } };
          }
        ).chrome.scripting.getRegisteredContentScripts()
      ).map((s) => s.id),
    );
    expect(registered.sort()).toEqual([
      'constellation-site:http://confluence.northwind.test/*',
      'constellation-site:http://git.northwind.test/*',
      'constellation-site:http://wiki.northwind.test/*',
    ]);
    await page.close();
    await options.close();
  });

  it('raised no page errors', () => {
    expect(pageErrors).toEqual([]);
  });
});
