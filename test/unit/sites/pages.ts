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
  fixture('gitea-issue', 'http://git.northwind.test/platform/cluster-tools/issues/42', 'gitea'),
  fixture(
    'confluence-page',
    'http://confluence.northwind.test/display/ENG/Incident+Response+Runbook',
    'confluence',
  ),
  fixture('intranet-page', 'http://intranet.northwind.test/news/data-protection-week', 'generic'),
];
