// Real wiki software, not fixtures: MediaWiki and DokuWiki from Debian's packages, installed
// when missing, set up in temp folders with the demo organisation's people as accounts and
// pages written by them (user pages, a project page edited by several people, a talk page
// with signatures, a category, search), served by `php -S` on 127.0.0.1 and reached by
// Chromium under their own host names. The extension is enabled on each wiki through the
// product's own flow (popup → "Enable on this site", a host unknown at install time) and
// must find exactly the people and topics the pages hold — never inside code, preformatted
// text or the edit box — show hovercards and the page summary, and stop once the site is
// disabled in the options. docs/real-hosts.md explains the setup.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cardQuery, cardStatus, hostsWithin, hoverHost, inspect } from './support/isolated';
import type { FeedInput } from '../../lib/model/feed';
import { launchWithExtension, type LaunchedChromium } from '../../scripts/chromium';
import {
  annotations,
  type Annotations,
  enableSiteFromPopup,
  extensionPage,
  extensionWithGrants,
  settled,
  tabIdOf,
  waitForDemo,
} from './support/annotate';
import {
  DOKUWIKI_HOST,
  MEDIAWIKI_HOST,
  WIKI_GRANT,
  wikiFeed,
  wikiPerson,
} from './support/live-wikis/cast';
import { ensurePackages } from './support/live-wikis/debian';
import { DW_PROJECT } from './support/live-wikis/dokuwiki-content';
import { startDokuWiki, type LiveDokuWiki } from './support/live-wikis/dokuwiki';
import { installWikiFeed } from './support/live-wikis/feed';
import { PROJECT, TALK } from './support/live-wikis/mediawiki-content';
import { startMediaWiki, type LiveMediaWiki } from './support/live-wikis/mediawiki';
import { runPhp } from './support/live-wikis/php-server';

const feed: FeedInput = wikiFeed();

/** What the popup says for a page with these people and topics (lib/annotate/summary.ts). */
function expectedSummary(personIds: string[], topicIds: string[]): string {
  const people = [...new Set(personIds)].map((id) => feed.people.find((p) => p.id === id)!);
  const units = new Set(people.map((p) => `${p.company}/${p.unit}`));
  const communities = feed.communities
    .filter((c) => c.visibility !== 'members' && (c.topics ?? []).some((t) => topicIds.includes(t)))
    .map((c) => c.name)
    .sort();
  return (
    `This page: ${people.length} people across ${units.size} units; ` +
    `touches ${communities.length} communities; 0 of your colleagues (${communities.join(', ')})`
  );
}

const ids = (found: string[]) => [...new Set(found.map((entry) => entry.split(':')[0]!))];

describe('live MediaWiki and DokuWiki in Chromium', () => {
  let mediawiki: LiveMediaWiki;
  let dokuwiki: LiveDokuWiki;
  let browser: LaunchedChromium;
  let extension: { dir: string; remove(): void };
  const pageErrors: string[] = [];

  beforeAll(async () => {
    const started = Date.now();
    const packages = await ensurePackages();
    const installed = Date.now();
    // Both at once; whichever started is kept for afterAll even when the other failed.
    const [mw, dw] = await Promise.allSettled([startMediaWiki(), startDokuWiki()]);
    if (mw.status === 'fulfilled') mediawiki = mw.value;
    if (dw.status === 'fulfilled') dokuwiki = dw.value;
    for (const result of [mw, dw]) if (result.status === 'rejected') throw result.reason;
    const php = await runPhp('-r', ['echo PHP_VERSION;']);
    console.log(
      `live wikis: MediaWiki ${mediawiki.version} (Debian ${packages.mediawiki}), ` +
        `DokuWiki ${dokuwiki.version} (Debian ${packages.dokuwiki}), PHP ${php}; ` +
        `packages ready in ${installed - started} ms, wikis set up in ${Date.now() - installed} ms`,
    );
    extension = extensionWithGrants([WIKI_GRANT]);
    browser = await launchWithExtension({
      extensionDir: extension.dir,
      hostMap: [
        { pattern: MEDIAWIKI_HOST, port: mediawiki.port },
        { pattern: DOKUWIKI_HOST, port: dokuwiki.port },
      ],
    });
    const control = await extensionPage(browser);
    await waitForDemo(control);
    await installWikiFeed(control);
    await control.close();
  }, 300_000);

  afterAll(async () => {
    await browser?.close();
    extension?.remove();
    await mediawiki?.close();
    await dokuwiki?.close();
  });

  async function openPage(url: string): Promise<Page> {
    const page = await browser.context.newPage();
    page.on('pageerror', (error) => pageErrors.push(`${url}: ${error.message}`));
    await page.goto(url);
    return page;
  }

  /** Opens a page of an enabled wiki and returns its annotations once they settle. */
  async function annotated(url: string) {
    const page = await openPage(url);
    const found = await settled(page);
    return { page, found };
  }

  /** The popup's "this page" summary for `page`'s tab matches what was annotated. */
  async function expectPopupSummary(page: Page, found: Annotations) {
    const tabPopup = await extensionPage(
      browser,
      `popup.html?tab=${await tabIdOf(browser, page)}&url=${encodeURIComponent(page.url())}`,
    );
    await expect
      .poll(() => tabPopup.locator('[data-summary]').textContent(), { timeout: 10_000 })
      .toBe(expectedSummary(ids(found.people), ids(found.topics)));
    await tabPopup.close();
  }

  describe('MediaWiki', () => {
    it('is enabled from the popup on a host unknown at install; a user page', async () => {
      const page = await openPage(mediawiki.pageUrl('User:Zoë Okafor'));
      await page.waitForTimeout(1000);
      expect(await annotations(page)).toEqual({ people: [], topics: [] });
      const popup = await enableSiteFromPopup(browser, page);
      await popup.close();
      expect(await settled(page)).toEqual({
        people: ['p-zoe-okafor:profile', 'p-lukasz-wroblewski:mention'],
        topics: ['t-kubernetes:Kubernetes', 't-incident-response:on-call'],
      });
      // The bold name in the text is free text: no badge of its own.
      expect(
        (await inspect(page)).hosts.filter((h) => h.kind === 'person' && h.previous === 'b'),
      ).toEqual([]);
      await page.close();
    });

    it("shows a person's hovercard from the organisation's feed", async () => {
      const page = await openPage(mediawiki.pageUrl('User:Zoë Okafor'));
      await settled(page);
      await hoverHost(page, 'person', 'p-zoe-okafor');
      await expect.poll(() => cardStatus(page), { timeout: 5000 }).toBe('ready');
      const zoe = feed.people.find((p) => p.id === 'p-zoe-okafor')!;
      expect((await cardQuery(page, 'h2'))[0]?.text).toBe(zoe.name);
      expect((await cardQuery(page, '[data-field="where"]'))[0]?.text).toBe(
        [zoe.title, 'Data Platform', zoe.company].join(' · '),
      );
      // The organisation's own feed, not the bundled demo.
      expect(await cardQuery(page, '.demo')).toEqual([]);
      const visible = new Set(
        feed.communities.filter((c) => c.visibility !== 'members').map((c) => c.id),
      );
      const shown = (await cardQuery(page, '[data-field="communities"] [data-community]')).map(
        (el) => el.attributes['data-community']!,
      );
      expect([...shown].sort()).toEqual(
        feed.memberships
          .filter((m) => m.person === zoe.id && visible.has(m.community))
          .map((m) => m.community)
          .sort(),
      );
      await page.keyboard.press('Escape');
      await page.close();
    });

    it('a project page: linked users, topics in prose, nothing in pre or code; the summary', async () => {
      const { page, found } = await annotated(mediawiki.pageUrl(PROJECT));
      expect(found).toEqual({
        people: [
          'p-jose-muller:mention',
          'p-zoe-okafor:mention',
          'p-mei-lin-chen:mention',
          'p-priya-raghunathan:mention',
        ],
        // "fraud detection" is named too, but only a members-only community covers it.
        topics: [
          't-claims-automation:claims automation',
          't-machine-learning:Machine Learning',
          't-kubernetes:Kubernetes',
          't-observability:Observability',
          't-pricing:Pricing',
          't-gdpr:GDPR',
        ],
      });
      expect(await hostsWithin(page, ['pre', 'code'])).toEqual([]);
      expect(await page.locator('pre').textContent()).toContain('# Kubernetes manifests');
      expect(await page.locator('p code').textContent()).toBe('SRE');
      await expectPopupSummary(page, found);
      await page.close();
    });

    it('the page history lists each editor', async () => {
      const { page, found } = await annotated(mediawiki.pageUrl(PROJECT, { action: 'history' }));
      expect(found).toEqual({
        people: [
          'p-mei-lin-chen:editor',
          'p-priya-raghunathan:editor',
          'p-zoe-okafor:editor',
          'p-jose-muller:editor',
        ],
        topics: [],
      });
      await page.close();
    });

    it('a talk page: each signature is its commenter', async () => {
      const { page, found } = await annotated(mediawiki.pageUrl(TALK));
      expect(found).toEqual({
        people: ['p-jose-muller:commenter', 'p-zoe-okafor:commenter', 'p-kwame-asante:commenter'],
        topics: [
          't-claims-automation:Claims Automation',
          't-kubernetes:Kubernetes',
          't-accessibility:Accessibility',
        ],
      });
      await page.close();
    });

    it('a category page lists its people', async () => {
      const { page, found } = await annotated(mediawiki.pageUrl('Category:People'));
      expect(found).toEqual({
        people: [
          'p-jose-muller:member',
          'p-priya-raghunathan:member',
          'p-zoe-okafor:member',
          'p-lukasz-wroblewski:member',
        ],
        topics: ['t-python:Python'],
      });
      await page.close();
    });

    it('search results: a user page found, topics in each snippet', async () => {
      const { page, found } = await annotated(
        `${mediawiki.origin}/mediawiki/index.php?search=Kubernetes&title=Special%3ASearch&profile=all&fulltext=1`,
      );
      // The search index holds all three pages that name Kubernetes.
      expect(await page.locator('.mw-search-result-heading a').allTextContents()).toEqual([
        'User:Zoë Okafor',
        PROJECT,
        TALK,
      ]);
      expect(found).toEqual({
        people: ['p-zoe-okafor:mention'],
        topics: [
          't-kubernetes:Kubernetes',
          't-incident-response:on-call',
          't-kubernetes:Kubernetes',
          't-observability:Observability',
          't-kubernetes:Kubernetes',
        ],
      });
      await page.close();
    });

    it('the edit form is never touched; its preview is annotated like the page', async () => {
      const { page, found } = await annotated(mediawiki.pageUrl(PROJECT, { action: 'edit' }));
      expect(found).toEqual({ people: [], topics: [] });
      const source = await page.locator('#wpTextbox1').inputValue();
      expect(source).toContain('[[User:Zoë Okafor]]');
      // MediaWiki's own "Show preview" renders the text above the same edit box.
      await Promise.all([page.waitForURL(/action=submit/), page.locator('#wpPreview').click()]);
      const preview = await settled(page);
      expect(preview.people).toEqual([
        'p-jose-muller:mention',
        'p-zoe-okafor:mention',
        'p-mei-lin-chen:mention',
        'p-priya-raghunathan:mention',
      ]);
      expect(preview.topics).toEqual([
        't-claims-automation:claims automation',
        't-machine-learning:Machine Learning',
        't-kubernetes:Kubernetes',
        't-observability:Observability',
        't-pricing:Pricing',
        't-gdpr:GDPR',
      ]);
      // All of them in the preview, none in the form below it.
      const inside = async (id: string) =>
        (await inspect(page)).hosts.filter(
          (h) => h.connected && h.ancestors.some((a) => a.id === id),
        ).length;
      expect(await inside('wikiPreview')).toBe(preview.people.length + preview.topics.length);
      expect(await inside('editform')).toBe(0);
      expect(await page.locator('#wpTextbox1').inputValue()).toBe(source);
      await page.close();
    });
  });

  describe('DokuWiki', () => {
    const login = (id: string) => wikiPerson(id).dokuwiki!;

    it('is enabled from the popup; a user page with its last editor', async () => {
      const page = await openPage(dokuwiki.pageUrl(`user:${login('p-zoe-okafor')}`));
      await page.waitForTimeout(1000);
      expect(await annotations(page)).toEqual({ people: [], topics: [] });
      const popup = await enableSiteFromPopup(browser, page);
      await popup.close();
      expect(await settled(page)).toEqual({
        people: ['p-zoe-okafor:profile', 'p-lukasz-wroblewski:mention', 'p-zoe-okafor:editor'],
        topics: ['t-kubernetes:Kubernetes', 't-incident-response:on-call'],
      });
      await page.close();
    });

    it('a project page: user links, signatures, the last editor; nothing in code; the summary', async () => {
      const { page, found } = await annotated(dokuwiki.pageUrl(DW_PROJECT));
      expect(found).toEqual({
        people: [
          'p-jose-muller:mention',
          'p-zoe-okafor:mention',
          'p-mei-lin-chen:mention',
          'p-priya-raghunathan:mention',
          'p-mei-lin-chen:commenter',
          'p-siobhan-obrien:commenter',
          'p-siobhan-obrien:editor',
        ],
        topics: [
          't-claims-automation:claims automation',
          't-machine-learning:Machine Learning',
          't-kubernetes:Kubernetes',
          't-observability:Observability',
          't-pricing:Pricing',
          't-gdpr:GDPR',
          't-plain-language:Plain Language',
        ],
      });
      expect(await hostsWithin(page, ['pre', 'code'])).toEqual([]);
      expect(await page.locator('pre.code').textContent()).toContain('# Kubernetes manifests');
      expect(await page.locator('.page p code').textContent()).toBe('SRE');
      await expectPopupSummary(page, found);
      await page.close();
    });

    it("shows a topic's hovercard with the communities that cover it", async () => {
      const page = await openPage(dokuwiki.pageUrl(DW_PROJECT));
      await settled(page);
      await hoverHost(page, 'topic', 't-kubernetes');
      await expect.poll(() => cardStatus(page), { timeout: 5000 }).toBe('ready');
      expect((await cardQuery(page, 'h2'))[0]?.text).toBe('Kubernetes');
      expect(await cardQuery(page, '.demo')).toEqual([]);
      const shown = (await cardQuery(page, '[data-field="communities"] [data-community]')).map(
        (el) => el.attributes['data-community']!,
      );
      expect([...shown].sort()).toEqual(
        feed.communities
          .filter((c) => c.visibility !== 'members' && (c.topics ?? []).includes('t-kubernetes'))
          .map((c) => c.id)
          .sort(),
      );
      await page.keyboard.press('Escape');
      await page.close();
    });

    it('old revisions list each editor', async () => {
      const { page, found } = await annotated(dokuwiki.pageUrl(DW_PROJECT, { do: 'revisions' }));
      expect(found).toEqual({
        people: [
          'p-siobhan-obrien:editor',
          'p-mei-lin-chen:editor',
          'p-priya-raghunathan:editor',
          'p-zoe-okafor:editor',
          'p-jose-muller:editor',
          // "Last modified … by"
          'p-siobhan-obrien:editor',
        ],
        // An edit summary is prose its author wrote.
        topics: ['t-pricing:Pricing'],
      });
      await page.close();
    });

    it('recent changes: editors, and changed user pages name their person', async () => {
      const { page, found } = await annotated(dokuwiki.pageUrl('start', { do: 'recent' }));
      expect(found).toEqual({
        people: [
          'p-siobhan-obrien:editor',
          'p-jose-muller:mention',
          'p-jose-muller:editor',
          'p-zoe-okafor:mention',
          'p-zoe-okafor:editor',
          'p-jose-muller:editor',
          // Not the start page's "Last modified … by": this screen is about the whole wiki.
        ],
        topics: [],
      });
      await page.close();
    });

    it('search results: the index finds both pages, a user page is its person', async () => {
      const { page, found } = await annotated(
        dokuwiki.pageUrl('start', { do: 'search', q: 'kubernetes' }),
      );
      expect(await page.locator('.search_results dt a.wikilink1').allTextContents()).toEqual([
        'claims-triage',
        login('p-zoe-okafor'),
      ]);
      expect(found).toEqual({
        // A user page among the results; not the start page's last editor (the page the
        // search started from, shown in the footer).
        people: ['p-zoe-okafor:mention'],
        topics: [
          't-kubernetes:Kubernetes',
          't-observability:Observability',
          't-incident-response:on-call',
        ],
      });
      await page.close();
    });

    it('the page source box is never touched', async () => {
      const { page, found } = await annotated(dokuwiki.pageUrl(DW_PROJECT, { do: 'edit' }));
      expect(found).toEqual({ people: ['p-siobhan-obrien:editor'], topics: [] });
      expect(await page.locator('#wiki__text').inputValue()).toContain(
        `[[user:${login('p-zoe-okafor')}|Zoë Okafor]]`,
      );
      expect(await hostsWithin(page, [], ['editBox'])).toEqual([]);
      await page.close();
    });
  });

  it('stops annotating both wikis once they are disabled in the options', async () => {
    const options = await extensionPage(browser, 'options.html');
    for (const host of [MEDIAWIKI_HOST, DOKUWIKI_HOST]) {
      const row = options.locator(`[data-site="http://${host}/*"]`);
      await expect.poll(() => row.count(), { timeout: 10_000 }).toBe(1);
      await row.getByRole('button', { name: 'Disable' }).click();
      await expect.poll(() => row.count()).toBe(0);
    }
    for (const url of [mediawiki.pageUrl('User:Zoë Okafor'), dokuwiki.pageUrl(DW_PROJECT)]) {
      const page = await openPage(url);
      await page.waitForTimeout(1500);
      expect(await annotations(page)).toEqual({ people: [], topics: [] });
      await page.close();
    }
    const registered = await browser.serviceWorker.evaluate(async () =>
      (
        await (
          globalThis as unknown as {
            chrome: { scripting: { getRegisteredContentScripts(): Promise<{ id: string }[]> } };
          }
        ).chrome.scripting.getRegisteredContentScripts()
      ).map((s) => s.id),
    );
    expect(registered.filter((id) => id.includes('wiki.test'))).toEqual([]);
    await options.close();
  });

  it('raised no page errors', () => {
    expect(pageErrors).toEqual([]);
  });
});
