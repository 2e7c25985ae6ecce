// Real saved pages under their real URLs (GitHub PR conversation, GitLab merge request,
// Wikipedia article; static content script hosts), with a test feed whose people have those
// pages' logins. Badges must match the hand-checked detections of each page
// (test/fixtures/expected), topics only where the page's prose names them — never names from
// free text, never topics only a members-only community covers.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FeedInput } from '../../lib/model/feed';
import { launchWithExtension, type LaunchedChromium } from '../../scripts/chromium';
import { builtExtensionDir } from './support/extension';
import {
  CORPUS,
  extensionPage,
  readPage,
  servePage,
  settled,
  waitForDemo,
  writeFeed,
} from './support/annotate';

const PAGES = {
  github: {
    url: 'https://github.com/sourcegraph/sourcegraph/pull/3221',
    file: 'github/pr-conversation--sourcegraph-3221.html',
    expected: 'github-pr-conversation',
  },
  gitlab: {
    url: 'https://gitlab.com/sourcegraph/jsonrpc2/merge_requests/1',
    file: 'gitlab/merge-request--sourcegraph-jsonrpc2-1.html',
    expected: 'gitlab-merge-request',
  },
  wikipedia: {
    url: 'https://en.wikipedia.org/wiki/Microsoft',
    file: 'mediawiki/wikipedia-article--markitdown-test.html',
    expected: 'mediawiki-article',
  },
};

const FEED: FeedInput = {
  format: 'constellation-feed',
  version: 1,
  feedId: 'corpus-test',
  generatedAt: '2026-11-20T10:00:00Z',
  organization: { name: 'Corpus Test Org' },
  units: [
    { id: 'platform', name: 'Platform' },
    { id: 'search', name: 'Search' },
  ],
  people: [
    {
      id: 'p-alex',
      name: 'Alex Andnpu',
      unit: 'platform',
      handles: { 'github.com': 'alexandnpu' },
    },
    { id: 'p-beyang', name: 'Beyang Liu', unit: 'search', handles: { 'github.com': 'BeYang' } },
    {
      id: 'p-chris',
      name: 'Chris Wendt',
      unit: 'search',
      handles: { 'github.com': 'chrismwendt' },
    },
    {
      id: 'p-felix',
      name: 'Felix Becker',
      unit: 'platform',
      handles: { 'gitlab.com': 'FelixFBecker' },
    },
    // Named in the Wikipedia article's prose: free text never becomes a person.
    { id: 'p-bill', name: 'Bill Gates', unit: 'platform' },
  ],
  topics: [
    { id: 't-redis', label: 'Redis' },
    { id: 't-cloud', label: 'Cloud Computing', aliases: ['Azure'] },
    { id: 't-ai', label: 'Artificial Intelligence', aliases: ['AI'] },
    { id: 't-games', label: 'Video Games', aliases: ['Xbox'] },
    { id: 't-os', label: 'Operating Systems', aliases: ['Windows'] },
  ],
  communities: [
    {
      id: 'c-data',
      name: 'Data Stores Guild',
      domain: 'Databases and caches.',
      topics: ['t-redis', 't-cloud', 't-ai', 't-games'],
      stage: 'active',
      standing: 'legitimized',
      openToNewcomers: true,
    },
    {
      id: 'c-secret',
      name: 'Kernel Cabal',
      domain: 'Members only.',
      topics: ['t-os'],
      stage: 'coalescing',
      standing: 'bootlegged',
      openToNewcomers: false,
      visibility: 'members',
    },
  ],
  memberships: [
    { person: 'p-beyang', community: 'c-data', participation: 'core', roles: ['boundary'] },
    { person: 'p-alex', community: 'c-secret', participation: 'core' },
  ],
  expertise: [],
};

const ID_BY_LOGIN: Record<string, string> = {
  'github.com alexandnpu': 'p-alex',
  'github.com beyang': 'p-beyang',
  'github.com chrismwendt': 'p-chris',
  'gitlab.com felixfbecker': 'p-felix',
};

/** The badge counts per "person:role" the hand-checked detections predict. */
function expectedBadges(name: string): Record<string, number> {
  const expected = JSON.parse(
    readFileSync(new URL(`../fixtures/expected/${name}.json`, import.meta.url), 'utf8'),
  ) as { people: { role: string; who: string; badge: boolean; count: number }[] };
  const out: Record<string, number> = {};
  for (const p of expected.people) {
    const id = ID_BY_LOGIN[p.who.toLowerCase()];
    if (!p.badge || !id) continue;
    out[`${id}:${p.role}`] = (out[`${id}:${p.role}`] ?? 0) + p.count;
  }
  return out;
}

function counts(list: string[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const item of list) out[item] = (out[item] ?? 0) + 1;
  return out;
}

describe('annotating real saved pages under their real URLs', () => {
  let browser: LaunchedChromium;
  const errors: string[] = [];

  beforeAll(async () => {
    browser = await launchWithExtension({ extensionDir: builtExtensionDir() });
    for (const page of Object.values(PAGES))
      await servePage(browser.context, page.url, readPage(CORPUS, page.file));
    const control = await extensionPage(browser);
    await waitForDemo(control);
    await writeFeed(control, FEED);
    await control.close();
  });
  afterAll(async () => {
    await browser?.close();
  });

  for (const [name, spec] of Object.entries(PAGES)) {
    it(`${name}: badges exactly the people the page's markup names`, async () => {
      const page = await browser.context.newPage();
      page.on('pageerror', (error) => errors.push(`${name}: ${error.message}`));
      await page.goto(spec.url);
      const found = await settled(page);
      expect(counts(found.people)).toEqual(expectedBadges(spec.expected));
      // Topics of this test's feed (the demo organisation is loaded beside it).
      const ours = await page.$$eval(
        '[data-constellation-feed="corpus-test"][data-constellation-topic]',
        (els) =>
          els.map((el) => `${el.getAttribute('data-constellation-topic')}:${el.textContent}`),
      );
      if (name === 'github') {
        // The first mention of Redis in the title and in each comment; never in the sticky
        // header's title (a link), diffs or code.
        expect(ours).toEqual([
          't-redis:redis',
          't-redis:redis',
          't-redis:Redis',
          't-redis:Redis',
          't-redis:redis',
          't-redis:redis',
        ]);
        expect(
          await page
            .locator(
              '.blob-code [data-constellation-topic], .diff-table [data-constellation-topic], pre [data-constellation-topic]',
            )
            .count(),
        ).toBe(0);
      }
      if (name === 'gitlab') expect(ours).toEqual([]);
      if (name === 'wikipedia') {
        // "Bill Gates" appears 16 times in prose: free text never becomes a person.
        expect(found.people).toEqual([]);
        // One region (the article): the first mention of each topic. "Windows" is covered only
        // by a members-only community, so a non-member never sees it.
        expect(ours).toEqual([
          't-cloud:cloud computing',
          't-games:Xbox',
          't-ai:artificial intelligence',
        ]);
      }
      await page.close();
    });
  }

  it('raised no page errors', () => {
    expect(errors).toEqual([]);
  });
});
