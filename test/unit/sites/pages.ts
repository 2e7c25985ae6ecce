// The pages every adapter is tested on: real corpus captures (read in place) and the
// fixtures written for hosts the corpus lacks, each with its real URL and expected adapter.
import type { SiteId } from '../../../lib/sites/types';
import { CORPUS_DIR, FIXTURE_DIR } from './load-page';

export interface TestPage {
  /** Name of the expected-detections file (test/fixtures/expected/<name>.json). */
  name: string;
  file: string;
  url: string;
  adapter: SiteId;
  corpus: boolean;
}

const corpus = (name: string, path: string, url: string, adapter: SiteId): TestPage => ({
  name,
  file: `${CORPUS_DIR}/${path}`,
  url,
  adapter,
  corpus: true,
});
const fixture = (name: string, url: string, adapter: SiteId): TestPage => ({
  name,
  file: `${FIXTURE_DIR}/${name}.html`,
  url,
  adapter,
  corpus: false,
});

export const TEST_PAGES: TestPage[] = [
  corpus(
    'github-pr-conversation',
    'github/pr-conversation--sourcegraph-3221.html',
    'https://github.com/sourcegraph/sourcegraph/pull/3221',
    'github',
  ),
  corpus(
    'github-issue',
    'github/issue--kepano-defuddle-56.html',
    'https://github.com/kepano/defuddle/issues/56',
    'github',
  ),
  corpus(
    'github-commit',
    'github/commit--sourcegraph-d3d0fe7-unified.html',
    'https://github.com/sourcegraph/sourcegraph/commit/d3d0fe7fad2c909e3a2e4de2259dc6604983a092',
    'github',
  ),
  corpus(
    'github-blob',
    'github/blob--sourcegraph-url-ts.html',
    'https://github.com/sourcegraph/sourcegraph/blob/eaa0fe5d10dfb0d99f5de640fcc7dac28f715bc9/shared/src/api/extension/types/url.ts',
    'github',
  ),
  corpus(
    'github-repo-home',
    'github/repo-home--adbar-htmldate.html',
    'https://github.com/adbar/htmldate',
    'github',
  ),
  corpus(
    'gitlab-merge-request',
    'gitlab/merge-request--sourcegraph-jsonrpc2-1.html',
    'https://gitlab.com/sourcegraph/jsonrpc2/merge_requests/1',
    'gitlab',
  ),
  corpus(
    'bitbucket-server-pull-request',
    'bitbucket/pull-request--sourcegraph-mux-1.html',
    'http://localhost:7990/projects/SOURCEGRAPH/repos/mux/pull-requests/1/diff',
    'bitbucket',
  ),
  corpus(
    'mediawiki-article',
    'mediawiki/wikipedia-article--markitdown-test.html',
    'https://en.wikipedia.org/wiki/Microsoft',
    'mediawiki',
  ),
  corpus(
    'moinmoin-page',
    'moinmoin/wiki.python.org--Download.html',
    'https://wiki.python.org/moin/BeginnersGuide/Download',
    'generic',
  ),
  corpus(
    'phabricator-revision',
    'phabricator/differential-revision--D7.html',
    'https://phabricator.sgdev.org/D7',
    'generic',
  ),
  // Written for issue 14 (test/fixtures/pages/PROVENANCE.md): React/Primer repository home
  // and GitHub Enterprise Server on a company host.
  fixture('github-react-repo-home', 'https://github.com/nw-zoeokafor/claims-triage', 'github'),
  fixture('ghes-issue', 'https://git.northwind.example/platform/claims-triage/issues/7', 'github'),
  fixture('gitea-issue', 'http://git.northwind.test/platform/cluster-tools/issues/42', 'gitea'),
  // Gitea 1.24 / Forgejo 11 screens, written from their templates (PROVENANCE.md).
  fixture('gitea-repo-home', 'http://git.northwind.test/platform/claims-triage', 'gitea'),
  fixture(
    'gitea-pull-request',
    'http://git.northwind.test/platform/cluster-tools/pulls/43',
    'gitea',
  ),
  fixture(
    'gitea-contributors',
    'http://git.northwind.test/platform/claims-triage/activity/contributors',
    'gitea',
  ),
  fixture(
    'forgejo-commits',
    'http://git.northwind.test/platform/claims-triage/commits/branch/main',
    'gitea',
  ),
  fixture('forgejo-profile', 'http://git.northwind.test/zokafor', 'gitea'),
  fixture(
    'confluence-page',
    'http://confluence.northwind.test/display/ENG/Incident+Response+Runbook',
    'confluence',
  ),
  // Atlassian Cloud's React UIs, written from their public markup conventions (PROVENANCE.md).
  fixture(
    'confluence-cloud-page',
    'https://northwind.atlassian.net/wiki/spaces/ENG/pages/1003/Kubernetes+Upgrade+Runbook',
    'confluence',
  ),
  fixture(
    'bitbucket-cloud-pull-request',
    'https://bitbucket.org/northwind/claims-triage/pull-requests/12',
    'bitbucket',
  ),
  // Bitbucket Data Center 8.x/9.x, written from public sources (PROVENANCE.md, issue 14).
  fixture(
    'bitbucket-dc-pull-request',
    'http://bitbucket.northwind.test/projects/PLAT/repos/claims-triage/pull-requests/43/overview',
    'bitbucket',
  ),
  fixture(
    'bitbucket-dc-repository',
    'http://bitbucket.northwind.test/projects/PLAT/repos/claims-triage/pull-requests',
    'bitbucket',
  ),
  fixture(
    'bitbucket-dc-user-profile',
    'http://bitbucket.northwind.test/users/zokafor',
    'bitbucket',
  ),
  fixture('intranet-page', 'http://intranet.northwind.test/news/data-protection-week', 'generic'),
  // Avatar-only profile links in a flex strip, a grid wall and a member card (issue 14).
  fixture(
    'intranet-team-page',
    'http://intranet.northwind.test/teams/claims-automation',
    'generic',
  ),
  // Captured from the live wikis of test/e2e/live-wikis.e2e.test.ts (capture.ts there).
  ...[
    ['mediawiki-live-user-page', 'index.php/User:Zo%C3%AB_Okafor'],
    ['mediawiki-live-article', 'index.php/Claims_Triage_Platform'],
    ['mediawiki-live-talk', 'index.php/Talk:Claims_Triage_Platform'],
    ['mediawiki-live-history', 'index.php?title=Claims_Triage_Platform&action=history'],
    ['mediawiki-live-category', 'index.php/Category:People'],
    [
      'mediawiki-live-search',
      'index.php?search=Kubernetes&title=Special%3ASearch&profile=all&fulltext=1',
    ],
  ].map(([name, path]) =>
    fixture(name!, `http://mediawiki.wiki.test/mediawiki/${path}`, 'mediawiki'),
  ),
  ...[
    ['dokuwiki-page', 'id=projects:claims-triage'],
    ['dokuwiki-user-page', 'id=user:zokafor'],
    ['dokuwiki-revisions', 'id=projects:claims-triage&do=revisions'],
    ['dokuwiki-revisions-username-link', 'id=projects:claims-triage&do=revisions'],
    ['dokuwiki-recent', 'id=start&do=recent'],
    ['dokuwiki-search', 'id=start&do=search&q=kubernetes'],
  ].map(([name, query]) =>
    fixture(name!, `http://dokuwiki.wiki.test/dokuwiki/doku.php?${query}`, 'dokuwiki'),
  ),
  // DokuWiki 2025-05-14 "Librarian" with `userewrite = 2`, `showuseras = username` and
  // `mailguard = visible`, written from its sources (PROVENANCE.md).
  fixture(
    'dokuwiki-librarian-page',
    'http://dokuwiki.wiki.test/doku.php/runbooks:kubernetes-upgrade',
    'dokuwiki',
  ),
];
