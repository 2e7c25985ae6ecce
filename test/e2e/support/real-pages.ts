// Every saved real page of ../shared/corpus/pages/ (read in place, never copied) shown to
// real Chromium with the built extension under the page's original URL, for the e2e test
// (test/e2e/real-pages.e2e.test.ts) and the report (`npm run bench -- --suite real-pages`):
// - one browser with a copy of the extension that pre-grants the self-hosted sites, so the
//   real "Enable on this site" button works headless (docs/annotation.md);
// - every saved page fulfilled from its file with context.route, every other request
//   aborted (serveSavedPages), so nothing leaves the machine;
// - a test feed whose people carry the handles on those pages (and the viewers, repository
//   owners and addresses that must get no badge);
// - what the live page shows: badges (person:role), topics, annotations inside code by DOM
//   ancestry, and scores against the hand-labelled detections in test/fixtures/expected/.
import { inspect } from './isolated';
import { readdirSync, readFileSync } from 'node:fs';
import { emailKey, handleKey, nameKey } from '../../../lib/model/keys';
import type { FeedInput } from '../../../lib/model/feed';
import { launchWithExtension, type LaunchedChromium } from '../../../scripts/chromium';
import { TEST_PAGES, type TestPage } from '../../unit/sites/pages';
import {
  annotations,
  enableSiteFromPopup,
  extensionPage,
  extensionWithGrants,
  serveSavedPages,
  settled,
  tabIdOf,
  waitFor,
  waitForDemo,
  writeFeed,
} from './annotate';

/** Hosts as the report groups them. */
export type RealHost =
  'GitHub' | 'GitLab' | 'Bitbucket Server' | 'Phabricator' | 'MediaWiki' | 'MoinMoin';

export interface RealPage extends TestPage {
  host: RealHost;
  /** The site pattern the user enables; absent on hosts with the static content script. */
  enable?: string;
}

/** Name of the expected-detections file → host, and the pattern for self-hosted sites. */
const HOSTS: Record<string, { host: RealHost; enable?: string }> = {
  'github-pr-conversation': { host: 'GitHub' },
  'github-issue': { host: 'GitHub' },
  'github-commit': { host: 'GitHub' },
  'github-blob': { host: 'GitHub' },
  'github-repo-home': { host: 'GitHub' },
  'gitlab-merge-request': { host: 'GitLab' },
  'mediawiki-article': { host: 'MediaWiki' },
  'bitbucket-server-pull-request': { host: 'Bitbucket Server', enable: 'http://localhost/*' },
  'phabricator-revision': { host: 'Phabricator', enable: 'https://phabricator.sgdev.org/*' },
  'moinmoin-page': { host: 'MoinMoin', enable: 'https://wiki.python.org/*' },
};

/** Static hosts first, then the sites enabled one by one (URLs and files: test/unit/sites/pages.ts). */
export const REAL_PAGES: RealPage[] = TEST_PAGES.filter((page) => page.corpus && HOSTS[page.name])
  .map((page) => ({ ...page, ...HOSTS[page.name]! }))
  .sort((a, b) => Number(!!a.enable) - Number(!!b.enable));

export const CORPUS_PAGES_DIR = new URL('../../../../shared/corpus/pages/', import.meta.url);

/** Every saved page in the corpus, as "<host folder>/<file>". */
export function corpusPageFiles(): string[] {
  return readdirSync(CORPUS_PAGES_DIR, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .flatMap((dir) =>
      readdirSync(new URL(`${dir.name}/`, CORPUS_PAGES_DIR))
        .filter((file) => file.endsWith('.html'))
        .map((file) => `${dir.name}/${file}`),
    )
    .sort();
}

/** The corpus-relative path of a page ("github/…html"). */
export function corpusPath(page: TestPage): string {
  return page.file.slice(page.file.indexOf('/corpus/pages/') + '/corpus/pages/'.length);
}

export const REAL_PAGES_FEED: FeedInput = {
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
    {
      id: 'p-beyang',
      name: 'Beyang Liu',
      unit: 'search',
      // Logins compare without case: the feed spells one differently from the page.
      handles: { 'github.com': 'BeYang', 'phabricator.sgdev.org': 'beyang' },
    },
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
      // The Bitbucket Server capture shows felix.b@outlook.com only in the viewer's menu.
      emails: ['felix.b@outlook.com'],
      handles: {
        'gitlab.com': 'FelixFBecker',
        'github.com': 'felixfbecker',
        'localhost:7990': 'felixfbecker',
      },
    },
    // The viewer of the PR page (new-comment and inline-reply avatars only): no badge.
    { id: 'p-loic', name: 'Loïc Guychard', unit: 'search', handles: { 'github.com': 'lguychard' } },
    {
      id: 'p-jmorrell',
      name: 'Jason Morrell',
      unit: 'platform',
      handles: { 'github.com': 'jmorrell' },
    },
    { id: 'p-masylum', name: 'Pau Ramon', unit: 'search', handles: { 'github.com': 'masylum' } },
    { id: 'p-nbbaier', name: 'Nico Baier', unit: 'search', handles: { 'github.com': 'nbbaier' } },
    // Mentioned in a comment; also the repository owner in the React breadcrumb (owner badge).
    { id: 'p-kepano', name: 'Steph Ango', unit: 'platform', handles: { 'github.com': 'kepano' } },
    {
      id: 'p-ijsnow',
      name: 'Isaac Snow',
      unit: 'platform',
      // The commit message names this address as plain text ("Co-Authored-By:"): no badge.
      emails: ['isaacjsnow@gmail.com'],
      handles: { 'github.com': 'ijsnow' },
    },
    // Owner of the repository whose home page is saved: the page head's owner link.
    { id: 'p-adbar', name: 'Adrien Barbaresi', unit: 'search', handles: { 'github.com': 'adbar' } },
    // The signed-in viewer of the Phabricator capture (top bar only): no badge.
    {
      id: 'p-loic-phab',
      name: 'Loic (Phabricator)',
      unit: 'search',
      handles: { 'phabricator.sgdev.org': 'loic' },
    },
    {
      id: 'p-mats',
      name: 'Mats Wichmann',
      unit: 'platform',
      handles: { 'wiki.python.org': 'MatsWichmann' },
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
    // Terms the pages also have inside code (diffs, code blocks, <tt>), so "nothing in code"
    // is tested where there is something to find.
    { id: 't-python', label: 'Python' },
    { id: 't-opsgenie', label: 'OpsGenie' },
    { id: 't-jsdom', label: 'JSDOM' },
    { id: 't-call-options', label: 'CallOption' },
    { id: 't-routing', label: 'Routing', aliases: ['Route', 'Routes'] },
  ],
  communities: [
    {
      id: 'c-data',
      name: 'Data Stores Guild',
      domain: 'Databases and caches.',
      topics: [
        't-redis',
        't-cloud',
        't-ai',
        't-games',
        't-python',
        't-opsgenie',
        't-jsdom',
        't-call-options',
        't-routing',
      ],
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

/** Terms of the topics a non-member sees (every community but the members-only one). */
export const VISIBLE_TERMS: string[] = REAL_PAGES_FEED.topics
  .filter((topic) => topic.id !== 't-os')
  .flatMap((topic) => [topic.label, ...(topic.aliases ?? [])]);

/**
 * The single-word visible terms, as the matcher compares them: short all-caps acronyms (AI)
 * only as written, the others in any case.
 */
const SINGLE_WORD_TERMS = {
  exact: VISIBLE_TERMS.filter((term) => /^[A-Z0-9]{1,4}$/.test(term)),
  folded: VISIBLE_TERMS.filter((term) => !/\s/.test(term) && !/^[A-Z0-9]{1,4}$/.test(term)).map(
    (term) => term.toLowerCase(),
  ),
};

/**
 * Code, diffs, blobs and editors on these hosts, written from the pages' markup rather than
 * taken from the adapters, so the check does not share the adapters' blind spots.
 */
export const CODE_REGIONS = [
  'pre',
  'code',
  'kbd',
  'samp',
  'tt',
  'textarea',
  'input',
  '[contenteditable]:not([contenteditable="false"])',
  '[role="textbox"]',
  '.CodeMirror',
  '.cm-editor',
  '.monaco-editor',
  '.ProseMirror',
  // GitHub: file view, diff tables, highlighted code blocks.
  '.blob-wrapper',
  '.blob-code',
  '.diff-table',
  '.js-file-line-container',
  '.highlight',
  '.react-code-view',
  // GitLab: diffs and file views.
  '.diffs',
  '.diff-file',
  '.diff-content',
  '.file-holder',
  '.line_content',
  // Bitbucket Server: the diff view (CodeMirror inside).
  '.diff-view',
  '.diff-segment',
  // Phabricator: changesets and code blocks.
  '.differential-changeset',
  '.remarkup-code-block',
].join(',');

interface Expected {
  url: string;
  adapter: string;
  people: { role: string; who: string; badge: boolean; count: number }[];
}

export function expectedDetections(name: string): Expected {
  return JSON.parse(
    readFileSync(new URL(`../../fixtures/expected/${name}.json`, import.meta.url), 'utf8'),
  ) as Expected;
}

/** Feed person ids by handle key ("host login"), by email, and by a name only one person has. */
function feedIndex(): {
  handles: Map<string, string>;
  emails: Map<string, string>;
  names: Map<string, string | null>;
} {
  const handles = new Map<string, string>();
  const emails = new Map<string, string>();
  const names = new Map<string, string | null>();
  for (const person of REAL_PAGES_FEED.people) {
    for (const [host, login] of Object.entries(person.handles ?? {}))
      handles.set(handleKey(host, login), person.id);
    for (const email of person.emails ?? []) emails.set(emailKey(email), person.id);
    for (const name of [person.name, ...(person.aliases ?? [])]) {
      const key = nameKey(name);
      names.set(key, names.has(key) && names.get(key) !== person.id ? null : person.id);
    }
  }
  return { handles, emails, names };
}

/**
 * "person:role" → count of the badges the hand-labelled detections predict: every labelled
 * mention with a visible badge whose person the test feed knows. A label's `who` is
 * "host login" for a handle, an address for an email, else a display name (which counts
 * only when exactly one person has it, as on the page).
 */
export function expectedBadges(name: string): Record<string, number> {
  const index = feedIndex();
  const out: Record<string, number> = {};
  for (const entry of expectedDetections(name).people) {
    const [host, login, ...rest] = entry.who.split(' ');
    const id =
      (login && rest.length === 0 ? index.handles.get(handleKey(host!, login)) : undefined) ??
      index.emails.get(emailKey(entry.who)) ??
      index.names.get(nameKey(entry.who)) ??
      undefined;
    if (!entry.badge || !id) continue;
    out[`${id}:${entry.role}`] = (out[`${id}:${entry.role}`] ?? 0) + entry.count;
  }
  return out;
}

export function counts(list: readonly string[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const item of list) out[item] = (out[item] ?? 0) + 1;
  return out;
}

export interface RealPageResult {
  page: RealPage;
  /** The adapter the content script chose (its page summary). */
  adapter: string;
  /** "person:role" of every badge, in document order. */
  people: string[];
  /** "topic:text" of this test feed's topics, in document order. */
  topics: string[];
  /** Badges and topics with an ancestor in CODE_REGIONS, described. */
  inCode: string[];
  /** Occurrences of visible topic terms inside CODE_REGIONS (what the annotator had to skip). */
  termsInCode: number;
  /** Annotations before the site was enabled (self-hosted sites only). */
  beforeEnabling?: string[];
  /** Seconds from navigation to settled annotations. */
  seconds: number;
}

export interface RealPagesSession {
  browser: LaunchedChromium;
  /** Requests the route aborted (every sub-resource of every page). */
  aborted: readonly string[];
  /** http(s) responses that were not a saved page: must stay empty. */
  leaked: string[];
  close(): Promise<void>;
}

/** One browser, every saved page routed, the test feed written beside the demo data. */
export async function openRealPages(): Promise<RealPagesSession> {
  const extension = extensionWithGrants(
    REAL_PAGES.flatMap((page) => (page.enable ? [page.enable] : [])),
  );
  let browser: LaunchedChromium | undefined;
  try {
    browser = await launchWithExtension({ extensionDir: extension.dir });
    const pages = new Map(
      REAL_PAGES.map((page) => [new URL(page.url).href, readFileSync(page.file, 'utf8')]),
    );
    const { aborted } = await serveSavedPages(browser.context, pages);
    const leaked: string[] = [];
    browser.context.on('requestfinished', (request) => {
      const url = new URL(request.url());
      url.hash = '';
      if (/^https?:$/.test(url.protocol) && !pages.has(url.href)) leaked.push(url.href);
    });
    const control = await extensionPage(browser);
    await waitForDemo(control);
    await writeFeed(control, REAL_PAGES_FEED);
    await control.close();
    const launched = browser;
    return {
      browser: launched,
      aborted,
      leaked,
      async close() {
        await launched.close();
        extension.remove();
      },
    };
  } catch (error) {
    await browser?.close();
    extension.remove();
    throw error;
  }
}

declare const chrome: {
  tabs: { sendMessage(tab: number, message: unknown): Promise<unknown> };
};

/** The content script's page summary for the tab, or undefined when no script answers. */
function probeSummary(
  browser: LaunchedChromium,
  tabId: number,
): Promise<{ site: string } | undefined> {
  return browser.serviceWorker.evaluate(
    async (tab) =>
      (
        (await chrome.tabs
          .sendMessage(tab, { type: 'constellation:pageSummary' })
          .catch(() => undefined)) as { value?: { site: string } | null } | undefined
      )?.value ?? undefined,
    tabId,
  );
}

/** Opens one saved page, enables its site if it needs it, and reads what was annotated. */
export async function visitRealPage(
  session: RealPagesSession,
  spec: RealPage,
  onPageError?: (error: Error) => void,
): Promise<RealPageResult> {
  const { browser } = session;
  const page = await browser.context.newPage();
  if (onPageError) page.on('pageerror', onPageError);
  try {
    const started = Date.now();
    await page.goto(spec.url);
    const tabId = await tabIdOf(browser, page);
    let beforeEnabling: string[] | undefined;
    if (spec.enable) {
      // No static content script here: no script answers and nothing is annotated until the
      // user enables the site.
      const [summary, { people, topics }] = await Promise.all([
        probeSummary(browser, tabId),
        annotations(page),
      ]);
      beforeEnabling = [...(summary ? [`summary from ${summary.site}`] : []), ...people, ...topics];
      const popup = await enableSiteFromPopup(browser, page);
      await popup.close();
    }
    const { site } = await waitFor(
      () => probeSummary(browser, tabId),
      (summary) => !!summary,
      `the content script on ${spec.url}`,
    ).then((summary) => summary!);
    const found = await settled(page);
    const seconds = (Date.now() - started) / 1000;
    // What we annotated, and where, as the extension knows it (the page's DOM no longer says).
    const annotated = (await inspect(page, CODE_REGIONS)).hosts.filter((h) => h.connected);
    const inCode = annotated.flatMap((h) => (h.within ? [`${h.id} in ${h.within}`] : []));
    const topics = annotated
      .filter((h) => h.kind === 'topic' && h.feedId === 'corpus-test')
      .map((h) => `${h.id}:${h.text}`);
    const termsInCode = await page.evaluate(
      ({ code, terms }) => {
        // No named helpers in here: tsx (esbuild keepNames) would wrap them in __name().
        const exact = new Set(terms.exact);
        const folded = new Set(terms.folded);
        const regions = Array.from(document.querySelectorAll(code)).filter(
          (el) => !el.parentElement?.closest(code),
        );
        let count = 0;
        for (const region of regions) {
          const text = region instanceof HTMLTextAreaElement ? region.value : region.textContent;
          for (const word of (text ?? '').match(/[\p{L}\p{N}]+/gu) ?? [])
            if (exact.has(word) || folded.has(word.toLowerCase())) count++;
        }
        return count;
      },
      { code: CODE_REGIONS, terms: SINGLE_WORD_TERMS },
    );
    const live = { inCode, termsInCode, topics };
    return {
      page: spec,
      adapter: site,
      people: found.people,
      topics: live.topics,
      inCode: live.inCode,
      termsInCode: live.termsInCode,
      ...(beforeEnabling ? { beforeEnabling } : {}),
      seconds,
    };
  } finally {
    await page.close();
  }
}

/** The roles the acceptance goal is about. */
export const GOAL_ROLES = ['author', 'reviewer', 'commenter'];

export interface HostScore {
  host: RealHost;
  pages: number;
  expected: number;
  detected: number;
  truePositives: number;
  /** Of the expected authors, reviewers and commenters. */
  goalExpected: number;
  goalFound: number;
  inCode: number;
  termsInCode: number;
}

/**
 * Per host: badges expected (hand-labelled, people the feed knows), badges shown, and the
 * true positives — per page, per "person:role", the smaller of the two counts.
 */
export function scoreByHost(results: readonly RealPageResult[]): HostScore[] {
  const rows = new Map<RealHost, HostScore>();
  for (const result of results) {
    const row = rows.get(result.page.host) ?? {
      host: result.page.host,
      pages: 0,
      expected: 0,
      detected: 0,
      truePositives: 0,
      goalExpected: 0,
      goalFound: 0,
      inCode: 0,
      termsInCode: 0,
    };
    const expected = expectedBadges(result.page.name);
    const detected = counts(result.people);
    row.pages++;
    row.inCode += result.inCode.length;
    row.termsInCode += result.termsInCode;
    for (const n of Object.values(detected)) row.detected += n;
    for (const [key, n] of Object.entries(expected)) {
      const hit = Math.min(n, detected[key] ?? 0);
      row.expected += n;
      row.truePositives += hit;
      if (GOAL_ROLES.includes(key.split(':')[1]!)) {
        row.goalExpected += n;
        row.goalFound += hit;
      }
    }
    rows.set(result.page.host, row);
  }
  return [...rows.values()];
}

/** "100.0%", or "n/a" when there is nothing to divide by. */
export function percent(part: number, whole: number): string {
  return whole === 0 ? 'n/a' : `${((100 * part) / whole).toFixed(1)}%`;
}
