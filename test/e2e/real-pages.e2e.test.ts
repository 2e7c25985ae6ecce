// Every saved real page of the shared corpus (GitHub ×5, GitLab, Bitbucket Server,
// Phabricator, MediaWiki, MoinMoin) under its real URL in real Chromium with the built
// extension; self-hosted sites enabled with the popup's real "Enable on this site" button.
// Per page: exactly the badges the hand-labelled detections predict for the people the test
// feed knows (test/fixtures/expected/<page>.json), no annotation inside code, diffs, blobs or
// editors (checked by DOM ancestry on the live page), topics only where the prose names them
// — never names from free text, never topics only a members-only community covers. Per host:
// the acceptance goals (100% recall of authors, reviewers and commenters, no false badge,
// zero annotations in code), computed as `npm run bench -- --suite real-pages` reports them.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inspect } from './support/isolated';
import {
  REAL_PAGES,
  corpusPageFiles,
  corpusPath,
  counts,
  expectedBadges,
  openRealPages,
  scoreByHost,
  visitRealPage,
  type RealPageResult,
  type RealPagesSession,
} from './support/real-pages';
import { settled } from './support/annotate';

/** This test feed's topics per page, in document order, checked against each page's prose. */
const TOPICS: Record<string, string[]> = {
  // The first mention of Redis in the title and in each comment; never in the sticky
  // header's title (a link), the review's diff hunks or code.
  'github-pr-conversation': [
    't-redis:redis',
    't-redis:redis',
    't-redis:Redis',
    't-redis:Redis',
    't-redis:redis',
    't-redis:redis',
  ],
  // "JSDOM" first in inline code (skipped), then in the issue body's prose.
  'github-issue': ['t-jsdom:JSDOM'],
  // The commit title; never the diff's "OpsGenie" lines.
  'github-commit': ['t-opsgenie:opsgenie'],
  'github-blob': [],
  // The README: "Python 3" in the feature list; never the code blocks, nor "With Python" (a link).
  'github-repo-home': ['t-python:Python'],
  // "CallOption" only in the diff.
  'gitlab-merge-request': [],
  // One region (the article): the first mention of each topic. "Windows" is covered only by
  // a members-only community, so a non-member never sees it.
  'mediawiki-article': ['t-cloud:cloud computing', 't-games:Xbox', 't-ai:artificial intelligence'],
  // No prose region on the diff tab; "Route" only in the diff (CodeMirror).
  'bitbucket-server-pull-request': [],
  'phabricator-revision': [],
  // "Downloading Python" (the page's first heading); never <tt>python</tt>; "Windows" is
  // members-only.
  'moinmoin-page': ['t-python:Python'],
};

describe('saved real pages under their real URLs', () => {
  let session: RealPagesSession;
  const results: RealPageResult[] = [];
  const errors: string[] = [];

  beforeAll(async () => {
    session = await openRealPages();
  });
  afterAll(async () => {
    await session?.close();
  });

  it('covers every saved page of the shared corpus', () => {
    expect(REAL_PAGES.map(corpusPath).sort()).toEqual(corpusPageFiles());
  });

  for (const spec of REAL_PAGES) {
    it(`${spec.name} (${spec.host}): badges exactly the labelled people, nothing in code`, async () => {
      const result = await visitRealPage(session, spec, (error) =>
        errors.push(`${spec.name}: ${error.name}: ${error.message}`),
      );
      results.push(result);
      if (spec.enable) expect(result.beforeEnabling).toEqual([]);
      expect(result.adapter).toBe(spec.adapter);
      expect(counts(result.people)).toEqual(expectedBadges(spec.name));
      expect(result.inCode).toEqual([]);
      expect(result.topics).toEqual(TOPICS[spec.name]);
    });
  }

  it('shows one author badge on GitLab at each width, as its responsive CSS shows one link', async () => {
    // GitLab renders the merge request's author twice and its CSS (Bootstrap utilities,
    // aborted with every other sub-resource here) hides one per width: those rules, restored.
    const gitlab = REAL_PAGES.find((spec) => spec.name === 'gitlab-merge-request')!;
    const page = await session.browser.context.newPage();
    try {
      const responsive = `<style>.d-none { display: none !important }
        .d-inline { display: inline !important }
        @media (min-width: 576px) {
          .d-sm-none { display: none !important }
          .d-sm-inline { display: inline !important }
        }</style>`;
      // This page's route (ahead of the session's) serves the saved file with the rules in.
      await page.route(gitlab.url, (route) =>
        route.fulfill({
          body: readFileSync(gitlab.file, 'utf8').replace('</head>', `${responsive}</head>`),
          contentType: 'text/html; charset=utf-8',
        }),
      );
      await page.setViewportSize({ width: 1280, height: 900 });
      await page.goto(gitlab.url);
      await settled(page);
      const shown = async () => {
        const links = await page.evaluate(() =>
          Array.from(document.querySelectorAll('a.author-link.js-user-link[data-username]'))
            .filter(
              (link) => link.classList.contains('d-none') || link.classList.contains('d-inline'),
            )
            .map((link) => ({
              visible: link.checkVisibility(),
              key: ['a', ...Array.from(link.classList)].join('.'),
            })),
        );
        // Our badges are attribute-less: which one follows which link, and whether it shows,
        // comes from the extension's isolated world (support/isolated.ts).
        const badges = (await inspect(page)).hosts.filter(
          (h) => h.connected && h.kind === 'person' && h.previous?.startsWith('a.'),
        );
        return links.map((link) => {
          const badge = badges.find((b) => b.previous === link.key);
          if (badge) badges.splice(badges.indexOf(badge), 1);
          return `${link.visible ? 'link' : '-'}/${badge?.visible ? 'badge' : '-'}`;
        });
      };
      // Wide: the first link (d-none d-sm-inline) shows, and only its badge.
      await expect.poll(shown).toEqual(['link/badge', '-/-']);
      await page.setViewportSize({ width: 400, height: 900 });
      await expect.poll(shown).toEqual(['-/-', 'link/badge']);
    } finally {
      await page.close();
    }
  });

  it('meets the goals on every host', () => {
    const rows = scoreByHost(results);
    expect(rows.reduce((n, row) => n + row.pages, 0)).toBe(REAL_PAGES.length);
    for (const row of rows) {
      // Recall and precision of badges: 100%.
      expect(row.truePositives, row.host).toBe(row.expected);
      expect(row.truePositives, row.host).toBe(row.detected);
      // Every author, reviewer and commenter the feed knows.
      expect(row.goalFound, row.host).toBe(row.goalExpected);
      expect(row.inCode, row.host).toBe(0);
    }
    // The pages do hold people to find and topic terms inside code to step over.
    expect(rows.reduce((n, row) => n + row.goalExpected, 0)).toBeGreaterThan(0);
    expect(rows.reduce((n, row) => n + row.termsInCode, 0)).toBeGreaterThan(0);
  });

  it('served every page from its file and let no request leave the machine', () => {
    expect(session.leaked).toEqual([]);
    expect(session.aborted.length).toBeGreaterThan(0);
  });

  it('raised no page errors but those of self-hosted pages missing their aborted scripts', () => {
    // Inline scripts of the self-hosted captures call what their external scripts (aborted:
    // nothing leaves the machine) would have defined: AMD's require, jQuery and Bitbucket's
    // plugins, MoinMoin's common.js, Phabricator's Javelin (JX). The public hosts' pages run
    // without errors, as the previous version of this test checked.
    expect([...new Set(errors)].sort()).toEqual([
      'bitbucket-server-pull-request: ReferenceError: WebFragments is not defined',
      'bitbucket-server-pull-request: ReferenceError: _PageDataPlugin is not defined',
      'bitbucket-server-pull-request: ReferenceError: jQuery is not defined',
      'bitbucket-server-pull-request: ReferenceError: require is not defined',
      'moinmoin-page: ReferenceError: actionsMenuInit is not defined',
      'moinmoin-page: ReferenceError: searchChange is not defined',
      'phabricator-revision: ReferenceError: JX is not defined',
    ]);
  });
});
