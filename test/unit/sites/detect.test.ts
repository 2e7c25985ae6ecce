// Detection is a pure function of URL and document: each adapter lists URLs (and markers) it
// must claim, and every other adapter must lose on them; page kinds follow the URL.
import { Window } from 'happy-dom';
import { describe, expect, it } from 'vitest';
import { ADAPTERS, detectSite } from '../../../lib/sites';
import type { PageKind, SiteId } from '../../../lib/sites/types';

function documentWith(head: string, bodyAttributes = '', url = 'https://example.test/'): Document {
  const window = new Window({ url, settings: { disableJavaScriptEvaluation: true } });
  window.document.write(
    `<!doctype html><html><head>${head}</head><body ${bodyAttributes}></body></html>`,
  );
  return window.document as unknown as Document;
}

const CASES: { url: string; head?: string; body?: string; site: SiteId; kind: PageKind }[] = [
  {
    url: 'https://github.com/sourcegraph/sourcegraph/pull/3221',
    site: 'github',
    kind: 'pull-request',
  },
  { url: 'https://github.com/kepano/defuddle/issues/56', site: 'github', kind: 'issue' },
  { url: 'https://github.com/o/r/commit/d3d0fe7', site: 'github', kind: 'commit' },
  { url: 'https://github.com/o/r/blob/main/a.ts', site: 'github', kind: 'file' },
  { url: 'https://github.com/octocat', site: 'github', kind: 'profile' },
  { url: 'https://github.com/search?q=x', site: 'github', kind: 'search-results' },
  {
    url: 'https://ghe.acme.example/team/repo/pull/7',
    head: '<meta property="og:site_name" content="GitHub">',
    site: 'github',
    kind: 'pull-request',
  },
  // GitHub Enterprise Server by page signals only (issue 14): the site name …
  {
    url: 'https://code.acme.example/team/repo/issues/7',
    head: '<meta property="og:site_name" content="GitHub Enterprise">',
    site: 'github',
    kind: 'issue',
  },
  // … or, without it, GitHub's asset bundles and its own meta tags together.
  {
    url: 'https://code.acme.example/team/repo/pull/8',
    head: '<script src="/assets/github-elements-2c1b0d.js"></script><meta name="route-pattern" content="/:user_id/:repository/pull/:id">',
    site: 'github',
    kind: 'pull-request',
  },
  { url: 'https://gitlab.com/group/proj/-/merge_requests/1', site: 'gitlab', kind: 'pull-request' },
  { url: 'https://gitlab.com/group/proj/-/issues/9', site: 'gitlab', kind: 'issue' },
  {
    url: 'https://gitlab.acme.example/a/b/-/merge_requests/3',
    body: 'data-page="projects:merge_requests:show"',
    site: 'gitlab',
    kind: 'pull-request',
  },
  { url: 'https://codeberg.org/forgejo/forgejo/pulls/1', site: 'gitea', kind: 'pull-request' },
  {
    url: 'http://git.northwind.test/o/r/issues/5',
    head: '<meta name="author" content="Gitea - Git with a cup of tea">',
    site: 'gitea',
    kind: 'issue',
  },
  {
    url: 'https://forge.acme.example/o/r/src/branch/main/x.go',
    head: '<meta name="author" content="Forgejo – Beyond coding. We forge.">',
    site: 'gitea',
    kind: 'file',
  },
  { url: 'https://bitbucket.org/ws/repo/pull-requests/4', site: 'bitbucket', kind: 'pull-request' },
  {
    url: 'https://bitbucket.acme.example/projects/P/repos/r/pull-requests/1/overview',
    head: '<title>Pull Request #1: x - Bitbucket</title>',
    site: 'bitbucket',
    kind: 'pull-request',
  },
  {
    url: 'https://confluence.acme.example/display/ENG/Runbook',
    head: '<meta name="ajs-version-number" content="8.5.4">',
    site: 'confluence',
    kind: 'wiki-article',
  },
  {
    url: 'https://acme.atlassian.net/wiki/spaces/ENG/pages/1/Runbook',
    site: 'confluence',
    kind: 'wiki-article',
  },
  { url: 'https://en.wikipedia.org/wiki/Microsoft', site: 'mediawiki', kind: 'wiki-article' },
  {
    url: 'http://wiki.northwind.test/wiki/User:Zo%C3%AB_Okafor',
    head: '<meta name="generator" content="MediaWiki 1.42.1">',
    body: 'class="mediawiki ns-2"',
    site: 'mediawiki',
    kind: 'user-page',
  },
  {
    url: 'http://wiki.northwind.test/w/index.php?title=SRE_Guild&action=history',
    body: 'class="mediawiki ns-0 action-history"',
    site: 'mediawiki',
    kind: 'wiki-history',
  },
  {
    url: 'http://mediawiki.wiki.test/mediawiki/index.php?search=Kubernetes&title=Special%3ASearch',
    head: '<meta name="generator" content="MediaWiki 1.39.17">',
    body: 'class="mediawiki ns--1 page-Special_Search"',
    site: 'mediawiki',
    kind: 'search-results',
  },
  {
    url: 'http://dokuwiki.wiki.test/dokuwiki/doku.php?id=projects:claims-triage',
    head: '<meta name="generator" content="DokuWiki">',
    site: 'dokuwiki',
    kind: 'wiki-article',
  },
  {
    url: 'https://wiki.acme.example/doku.php?id=user:zokafor',
    head: '<meta name="generator" content="DokuWiki">',
    site: 'dokuwiki',
    kind: 'user-page',
  },
  {
    url: 'https://wiki.acme.example/doku.php?id=start&do=revisions',
    head: '<meta name="generator" content="DokuWiki">',
    site: 'dokuwiki',
    kind: 'wiki-history',
  },
  {
    url: 'https://wiki.acme.example/doku.php?id=start&do=search&q=x',
    head: '<meta name="generator" content="DokuWiki">',
    site: 'dokuwiki',
    kind: 'search-results',
  },
  { url: 'http://intranet.northwind.test/', site: 'generic', kind: 'home' },
  { url: 'https://portal.acme.example/news/123', site: 'generic', kind: 'other' },
];

describe('detectSite', () => {
  for (const c of CASES) {
    it(`${c.url} → ${c.site} (${c.kind})`, () => {
      const document = documentWith(c.head ?? '', c.body ?? '', c.url);
      const detection = detectSite(new URL(c.url), document);
      expect(detection.adapter.id).toBe(c.site);
      expect(detection.chosenBy).toBe('detection');
      expect(detection.adapter.pageKind(new URL(c.url), document)).toBe(c.kind);
      // Every other dedicated adapter scores lower on this page.
      const best = detection.scores.find((s) => s.id === c.site)!.score;
      for (const other of detection.scores.filter((s) => s.id !== c.site && s.id !== 'generic'))
        expect(other.score, other.id).toBeLessThan(best);
    });
  }

  it("honours the user's per-site choice, and reports ambiguity", () => {
    const document = documentWith(
      '<meta name="author" content="Gitea - Git with a cup of tea"><meta property="og:site_name" content="GitLab">',
    );
    const detection = detectSite(new URL('https://forge.acme.example/a/b'), document);
    expect(detection.ambiguous).toBe(true);
    const chosen = detectSite(new URL('https://forge.acme.example/a/b'), document, 'gitlab');
    expect(chosen.adapter.id).toBe('gitlab');
    expect(chosen.chosenBy).toBe('user');
    expect(detectSite(new URL('https://github.com/a'), documentWith('')).ambiguous).toBe(false);
  });

  it('survives an adapter that throws on odd markup', () => {
    const document = documentWith('');
    Object.defineProperty(document, 'body', {
      get: () => {
        throw new Error('hostile');
      },
    });
    expect(detectSite(new URL('https://x.example/'), document).adapter.id).toBe('generic');
    expect(ADAPTERS.at(-1)!.id).toBe('generic');
  });
});

describe('GitHub Enterprise Server needs two signals', () => {
  it('is not claimed on one GitHub-looking asset alone', () => {
    const document = documentWith('<script src="/assets/github-elements-2c1b0d.js"></script>');
    expect(detectSite(new URL('https://code.acme.example/a/b'), document).adapter.id).toBe(
      'generic',
    );
  });
});
