// Hostile and unusual inputs in real Chromium: feed names made of HTML and script render as
// text; pages that override DOM prototypes, shadow a form's properties by its controls' names,
// nest elements deeper than a call stack, are served as XHTML, remove our nodes as fast as we
// add them, or mutate forever neither break annotation nor are broken by it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { FeedInput } from '../../lib/model/feed';
import { launchWithExtension, type LaunchedChromium } from '../../scripts/chromium';
import { builtExtensionDir } from './support/extension';
import {
  annotations,
  extensionPage,
  servePage,
  settled,
  waitForDemo,
  writeFeed,
} from './support/annotate';
import {
  cardQuery,
  cardStatus,
  hostFor,
  hostsWithin,
  hoverHost,
  inspect,
} from './support/isolated';
import { CLOBBERED_MEMBERS } from '../fixtures/clobbered-members';

const EVIL_NAME = '<img src=x onerror="window.__pwned=1">Mallory';
const EVIL_COMMUNITY = '<script>window.__pwned=2</script>Guild';

const FEED: FeedInput = {
  format: 'constellation-feed',
  version: 1,
  feedId: 'hostile-test',
  generatedAt: '2026-11-20T10:00:00Z',
  organization: { name: '<b>Evil</b> Org' },
  units: [{ id: 'u', name: '<i>Unit</i>' }],
  people: [{ id: 'p-mallory', name: EVIL_NAME, unit: 'u', handles: { 'github.com': 'mallory' } }],
  topics: [{ id: 't-quokka', label: 'Quokka Farming' }],
  communities: [
    {
      id: 'c-evil',
      name: EVIL_COMMUNITY,
      domain: '<iframe src="https://example.com">',
      topics: ['t-quokka'],
      stage: 'active',
      standing: 'legitimized',
      openToNewcomers: true,
      channels: [
        {
          kind: 'chat',
          label: '<a href="javascript:alert(1)">join</a>',
          url: 'https://chat.example/evil',
        },
        // A remote feed pointing the user's browser at their own network (the feed here is
        // stored as served from https://feeds.example.test/): shown as text, never a link.
        { kind: 'forum', label: 'router admin', url: 'https://192.168.1.1/admin' },
      ],
    },
  ],
  memberships: [{ person: 'p-mallory', community: 'c-evil', participation: 'core' }],
  expertise: [],
};

const thread = (extraHead = '') => `<!doctype html><html><head><meta charset="utf-8">
<meta property="og:site_name" content="GitHub">${extraHead}</head><body>
<div class="js-discussion">
  <div class="timeline-comment-wrapper"><div class="timeline-comment">
    <div class="timeline-comment-header"><a class="author" href="/mallory">mallory</a> commented</div>
    <div class="comment-body markdown-body" id="first"><p>Quokka Farming is our new practice.</p></div>
  </div></div>
  <div class="timeline-comment-wrapper"><div class="timeline-comment">
    <div class="timeline-comment-header"><a class="author" href="/mallory">mallory</a> commented</div>
    <div class="comment-body markdown-body" id="second"><p>More on quokka farming here.</p></div>
  </div></div>
</div>
<button id="page-button" onclick="window.__clicks=(window.__clicks||0)+1">page button</button>
</body></html>`;

describe('hostile feeds and pages', () => {
  let browser: LaunchedChromium;

  beforeAll(async () => {
    browser = await launchWithExtension({ extensionDir: builtExtensionDir() });
    const control = await extensionPage(browser);
    await waitForDemo(control);
    await writeFeed(control, FEED);
    await control.close();
  });
  afterAll(async () => {
    await browser?.close();
  });

  async function open(path: string, html: string, contentType?: string): Promise<Page> {
    const url = `https://github.com/hostile/${path}`;
    await servePage(browser.context, url, html, contentType);
    const page = await browser.context.newPage();
    await page.goto(url);
    return page;
  }

  it('renders feed names containing HTML and script as text', async () => {
    const page = await open('names', thread());
    await settled(page);
    const badge = (await hostFor(page, 'person', 'p-mallory'))!;
    expect(badge.label).toContain(EVIL_NAME);
    await hoverHost(page, 'person', 'p-mallory');
    await expect.poll(() => cardStatus(page), { timeout: 5000 }).toBe('ready');
    expect((await cardQuery(page, 'h2'))[0]?.text).toBe(EVIL_NAME);
    expect((await cardQuery(page, '[data-community="c-evil"] strong'))[0]?.text).toBe(
      EVIL_COMMUNITY,
    );
    expect(await cardQuery(page, 'img, script, iframe')).toEqual([]);
    await page.keyboard.press('Escape');
    await page.mouse.move(0, 0);
    await expect.poll(() => cardStatus(page)).toBeNull();
    await hoverHost(page, 'topic', 't-quokka');
    await expect.poll(() => cardStatus(page), { timeout: 5000 }).toBe('ready');
    expect(await cardQuery(page, 'img, script, iframe')).toEqual([]);
    expect(await cardQuery(page, 'a[href^="javascript:"]')).toEqual([]);
    expect(
      (await cardQuery(page, '[data-field="take-part"] a')).map((a) => a.attributes.href),
    ).toEqual(['https://chat.example/evil']);
    expect(
      (await cardQuery(page, '[data-field="take-part"] li')).map((li) => li.text),
    ).toContainEqual(expect.stringContaining('router admin'));
    expect(
      await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned),
    ).toBeUndefined();
    await page.close();
  });

  it('the popup links the community as the card does: no link into the local network from a remote feed', async () => {
    const popup = await extensionPage(browser);
    await popup
      .getByRole('combobox', { name: 'Search people, topics and communities' })
      .fill('Guild');
    const option = popup.locator('[data-kind="community"][data-id="c-evil"]');
    await expect.poll(() => option.count()).toBe(1);
    await option.click();
    const takePart = popup.locator('.community-view[data-community="c-evil"] .take-part');
    await takePart.waitFor();
    expect(await takePart.getByText('router admin').count()).toBe(1);
    expect(
      await takePart.locator('a').evaluateAll((as) => as.map((a) => a.getAttribute('href'))),
    ).toEqual(['https://chat.example/evil']);
    expect(await popup.evaluate(() => document.querySelector('script:not([src])'))).toBeNull();
    await popup.close();
  });

  it('works on a page that overrides DOM prototypes, and the page keeps working', async () => {
    const sabotage = `<script>
      Element.prototype.attachShadow = function () { throw new Error('no shadow for you'); };
      Node.prototype.appendChild = function () { throw new Error('no appendChild'); };
      Element.prototype.querySelectorAll = function () { return []; };
      Document.prototype.createTreeWalker = null;
      window.MutationObserver = undefined;
      window.IntersectionObserver = undefined;
      window.__ready = true;
    </script>`;
    const page = await open('prototypes', thread(sabotage));
    const found = await settled(page);
    expect(found.people).toEqual(['p-mallory:author', 'p-mallory:commenter']);
    expect(found.topics).toEqual(['t-quokka:Quokka Farming', 't-quokka:quokka farming']);
    expect(await page.evaluate(() => (window as unknown as { __ready?: boolean }).__ready)).toBe(
      true,
    );
    await page.click('#page-button');
    expect(await page.evaluate(() => (window as unknown as { __clicks?: number }).__clicks)).toBe(
      1,
    );
    await page.close();
  });

  it('stays responsive on forms whose controls shadow their properties (DOM clobbering)', async () => {
    // In Chromium a form's controls shadow its properties in the isolated world too:
    // form.parentNode is the input named "parentNode", whose parent is the form again.
    const clobbered = `<form id="reply"><input name="parentNode"><input name="parentElement">
      <input name="host"><textarea id="reply-text"></textarea></form>
      <script>
        // A form added and taken away before the mutation observer runs: detached, its
        // "host" is its control.
        window.addForm = () => {
          const form = document.createElement('form');
          form.innerHTML = '<input name="host"><input name="parentNode">';
          document.body.append(form);
          form.remove();
        };
      </script>`;
    // And one inside a comment, before its text: the topic walk steps over it and goes on.
    const inComment = `<form><input name="hasAttributes"><input name="id"></form><p>More on`;
    // A form that is a prose region of its own, a direct child of a body long enough to be
    // scanned for people subtree by subtree, with a control for each DOM member a content
    // script reads of an element that can be a form (test/unit/annotate/clobbering.test.ts).
    const controls = CLOBBERED_MEMBERS.map((name) => `<input type="hidden" name="${name}">`).join(
      '',
    );
    const allNames = `<form class="markdown-body all-names">${controls}quokka farming, in a form</form>
      <div hidden>${'<i></i>'.repeat(1600)}</div>
      <script>
        window.addAllNames = () => {
          const form = document.createElement('form');
          form.className = 'markdown-body added-later';
          form.innerHTML = ${JSON.stringify(controls)} + 'quokka farming, added later';
          document.body.append(form, document.createElement('p'));
        };
      </script>`;
    // The page's errors, and our "annotation step failed" warnings (Chromium reports the
    // content script's console messages as the page's).
    const problems: string[] = [];
    const page = await browser.context.newPage();
    page.on('console', (message) => {
      if (/Constellation/.test(message.text())) problems.push(message.text());
    });
    page.on('pageerror', (error) => problems.push(error.message));
    const url = 'https://github.com/hostile/clobbered';
    await servePage(
      browser.context,
      url,
      thread()
        .replace('<p>More on', inComment)
        .replace('</body>', `${clobbered}${allNames}</body>`),
    );
    await page.goto(url);
    const found = await settled(page);
    expect(found.people).toEqual(['p-mallory:author', 'p-mallory:commenter']);
    expect([...found.topics].sort()).toEqual([
      't-quokka:Quokka Farming',
      't-quokka:quokka farming',
      't-quokka:quokka farming',
    ]);
    const inForm = async (kind: string) =>
      (await hostsWithin(page, ['form'], [kind])).map((h) => `${h.id}:${h.text}`);
    expect(await inForm('all-names')).toEqual(['t-quokka:quokka farming']);
    // Added later (with a sibling, so each added root is asked whether it holds the other).
    await page.evaluate(() => (window as unknown as { addAllNames(): void }).addAllNames());
    await expect.poll(() => inForm('added-later')).toEqual(['t-quokka:quokka farming']);
    // Made editable, the form loses its highlight at once: an editor would save our markup.
    await page.evaluate(() =>
      document.querySelector('form.all-names')!.setAttribute('contenteditable', 'true'),
    );
    await expect.poll(() => inForm('all-names')).toEqual([]);
    expect(problems).toEqual([]);
    // A page whose main thread hangs answers nothing: each step gets 5 s.
    const inTime = (step: Promise<unknown>) =>
      Promise.race([
        step.then(() => 'done'),
        new Promise((resolve) => setTimeout(() => resolve('hung'), 5000)),
      ]);
    // The mouse, not page.hover(): Playwright's own hit test walks up through the form too.
    const box = await page.evaluate(() => {
      const { x, y, width, height } = document
        .getElementById('reply-text')!
        .getBoundingClientRect();
      return { x: x + width / 2, y: y + height / 2 };
    });
    expect(await inTime(page.mouse.move(box.x, box.y))).toBe('done');
    expect(await inTime(page.mouse.down().then(() => page.mouse.up()))).toBe('done');
    expect(await inTime(page.evaluate(() => 'responsive'))).toBe('done');
    await inTime(page.evaluate(() => (window as unknown as { addForm(): void }).addForm()));
    await page.waitForTimeout(500);
    expect(await inTime(page.evaluate(() => 'responsive'))).toBe('done');
    await page.close();
  });

  it('annotates a page that holds a very deep subtree', async () => {
    // The HTML parser stops nesting at 512 levels; a script nests as deep as it likes.
    const deep = `<div id="deep" hidden></div><script>
      let element = document.getElementById('deep');
      for (let i = 0; i < 12000; i++) element = element.appendChild(document.createElement('div'));
      element.textContent = 'quokka farming at the bottom';
    </script>`;
    const page = await open('deep', thread().replace('</body>', `${deep}</body>`));
    const found = await settled(page);
    expect(found.people).toEqual(['p-mallory:author', 'p-mallory:commenter']);
    expect(found.topics).toEqual(['t-quokka:Quokka Farming', 't-quokka:quokka farming']);
    await page.close();
  });

  it('badges links beside them in an XHTML page too (tag names as written there)', async () => {
    // Served as application/xhtml+xml, an <a>'s tagName is "a", not "A".
    const xhtml = thread()
      .replace('<!doctype html><html>', '<html xmlns="http://www.w3.org/1999/xhtml">')
      .replace('<meta charset="utf-8">', '<meta charset="utf-8"/>')
      .replace('content="GitHub">', 'content="GitHub"/>');
    const page = await open('xhtml', xhtml, 'application/xhtml+xml');
    expect(await page.evaluate(() => document.querySelector('a')!.tagName)).toBe('a');
    const found = await settled(page);
    expect(found.people).toEqual(['p-mallory:author', 'p-mallory:commenter']);
    const people = (await inspect(page)).hosts.filter((h) => h.kind === 'person');
    expect(people.map((h) => h.ancestors[0]?.tag)).toEqual(['div', 'div']);
    await page.close();
  });

  it('survives a page that removes our nodes as soon as they appear, without a fight', async () => {
    const remover = `<script>
      window.__removed = 0;
      new MutationObserver(() => {
        // Our hosts are attribute-less spans the page did not write: it removes every such span.
        for (const el of document.querySelectorAll('span:not([class]):not([id])')) {
          el.replaceWith(...el.childNodes); window.__removed++;
        }
      }).observe(document.documentElement, { childList: true, subtree: true });
    </script>`;
    const page = await open('remover', thread(remover));
    await page.waitForTimeout(3000);
    const removed = await page.evaluate(
      () => (window as unknown as { __removed: number }).__removed,
    );
    // Each annotation was tried once: no add/remove loop.
    expect(removed).toBeGreaterThan(0);
    expect(removed).toBeLessThanOrEqual(4);
    expect(await page.locator('#first').textContent()).toBe('Quokka Farming is our new practice.');
    await page.close();
  });

  it('survives a page that mutates forever: bounded work, page responsive', async () => {
    const churn = `<script>
      let n = 0;
      setInterval(() => {
        const p = document.createElement('p');
        p.textContent = 'quokka farming tick ' + (++n);
        document.getElementById('second').append(p);
        if (document.getElementById('second').childElementCount > 50) document.getElementById('second').children[1].remove();
      }, 5);
    </script>`;
    const page = await open('churn', thread(churn));
    const ticks = () =>
      page.evaluate(
        () => document.getElementById('second')!.textContent.match(/tick (\d+)/g)?.length ?? 0,
      );
    await page.waitForTimeout(3000);
    // The page's own work goes on: its timer keeps adding while we annotate.
    const before = await page.evaluate(() =>
      (document.getElementById('second')!.lastElementChild?.textContent ?? '').replace(/\D+/g, ''),
    );
    await page.waitForTimeout(500);
    const after = await page.evaluate(() =>
      (document.getElementById('second')!.lastElementChild?.textContent ?? '').replace(/\D+/g, ''),
    );
    expect(Number(after)).toBeGreaterThan(Number(before));
    expect(await ticks()).toBeGreaterThan(0);
    const found = await annotations(page);
    expect(found.people).toEqual(['p-mallory:author', 'p-mallory:commenter']);
    // First occurrence per region: the churning region holds at most one highlight.
    expect(
      (await hostsWithin(page, [], [])).filter(
        (h) => h.kind === 'topic' && h.ancestors.some((a) => a.id === 'second'),
      ).length,
    ).toBeLessThanOrEqual(1);
    await page.close();
  });
});
