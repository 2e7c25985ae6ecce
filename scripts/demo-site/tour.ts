// Every screen of the product, reached the way a user reaches it, for `npm start`'s headless
// screenshots and for the visual regression test (test/e2e/support/visual-screens.ts): annotated
// intranet, wiki and code pages, an open person card and topic card, the popup (first run,
// search, topic detail, take part, identified), options and the boundaries view (map,
// brokers, bridges, health). Screens run in order on one browser, because some build on the
// state left by the ones before (the popup is identified only after "This is me").
import type { Page } from 'playwright-core';
import type { LaunchedChromium } from '../chromium';
import type { DemoPage, DemoPageKind } from './page';
import { demoUrl } from './hosts';
import type { WorkerChrome } from './worker-chrome';
import { cardStatus, inspect, tabTo } from '../../test/e2e/support/isolated';

declare const chrome: WorkerChrome;

export interface TourContext {
  browser: LaunchedChromium;
  /** The demo site's pages (from the demo feed). */
  pages: DemoPage[];
  /** The person the "identified" popup chooses, by name as typed into "Who are you?". */
  identifyAs: string;
  /** The topic searched for and opened in the popup. */
  searchFor: string;
}

export interface TourScreen {
  name: string;
  /** What the screen shows, for the printed tour and the test names. */
  title: string;
  viewport: { width: number; height: number };
  /** Opens the screen; the page is ready to be captured when this resolves. */
  show(tour: TourContext): Promise<Page>;
  /** Whether the page can be shown in a dark colour scheme (demo pages are light only). */
  themed: boolean;
}

const PAGE_VIEWPORT = { width: 1100, height: 760 };
const POPUP_VIEWPORT = { width: 400, height: 600 };
const VIEW_VIEWPORT = { width: 1280, height: 860 };

function demoPage(tour: TourContext, kind: DemoPageKind): DemoPage {
  const page =
    tour.pages.find((p) => p.kind === kind && p.featured) ??
    tour.pages.find((p) => p.kind === kind);
  if (!page) throw new Error(`the demo site has no ${kind} page`);
  return page;
}

/** Opens a demo page and waits until the content script has annotated it. */
async function openAnnotated(tour: TourContext, kind: DemoPageKind): Promise<Page> {
  const target = demoPage(tour, kind);
  const page = await tour.browser.context.newPage();
  await page.setViewportSize(PAGE_VIEWPORT);
  await page.goto(demoUrl(target.host, target.path), { waitUntil: 'load' });
  // Our badges carry nothing a page can read (docs/security.md): the extension's isolated
  // world says what is on the page.
  for (let i = 0; i < 60 && (await annotationCount(page)) === 0; i++)
    await page.waitForTimeout(250);
  await quiet(page);
  return page;
}

/** Waits until the annotations stop changing (three equal reads 250 ms apart). */
async function quiet(page: Page): Promise<void> {
  const count = () => annotationCount(page);
  let last = await count();
  for (let same = 0, i = 0; same < 3 && i < 40; i++) {
    await page.waitForTimeout(250);
    const next = await count();
    same = next === last ? same + 1 : 0;
    last = next;
  }
}

async function annotationCount(page: Page): Promise<number> {
  return (await inspect(page)).hosts.filter((h) => h.connected).length;
}

/** Opens the card of the first visible badge (or topic) with the keyboard, as a reader would. */
async function openCard(page: Page, kind: 'person' | 'topic'): Promise<void> {
  const host = (await inspect(page)).hosts.find((h) => h.kind === kind && h.visible);
  if (!host) throw new Error(`no visible ${kind} annotation on ${page.url()}`);
  await tabTo(page, kind, host.id);
  await page.keyboard.press('Enter');
  for (let i = 0; i < 40 && (await cardStatus(page)) !== 'ready'; i++)
    await page.waitForTimeout(250);
}

async function extensionPage(
  tour: TourContext,
  path: string,
  viewport: { width: number; height: number },
): Promise<Page> {
  const page = await tour.browser.context.newPage();
  await page.setViewportSize(viewport);
  await page.goto(`chrome-extension://${tour.browser.extensionId}/${path}`);
  return page;
}

/** The popup, opened as a page for the intranet tab (so "This page" describes that tab). */
async function popupFor(tour: TourContext): Promise<Page> {
  const intranet = await openAnnotated(tour, 'intranet-home');
  await intranet.bringToFront();
  const tabId = await tour.browser.serviceWorker.evaluate(
    async () => (await chrome.tabs.query({ active: true, lastFocusedWindow: true }))[0]?.id,
  );
  const popup = await extensionPage(
    tour,
    `popup.html?tab=${tabId ?? ''}&url=${encodeURIComponent(intranet.url())}`,
    POPUP_VIEWPORT,
  );
  await popup.locator('[data-count="people"]').waitFor();
  await popup.locator('[data-site-status]').waitFor({ timeout: 10_000 });
  return popup;
}

async function searchIn(popup: Page, text: string): Promise<void> {
  await popup.getByRole('combobox', { name: 'Search people, topics and communities' }).fill(text);
  await popup.locator('#finder-results [role="option"]').first().waitFor();
  // Community results fill in their facts once typing pauses: wait for them.
  await popup.waitForFunction(() =>
    [...document.querySelectorAll('#finder-results .community-facts')].every(
      (facts) => !facts.textContent?.endsWith('…'),
    ),
  );
}

async function boundaries(tour: TourContext, tab?: string): Promise<Page> {
  const page = await extensionPage(tour, 'boundaries.html', VIEW_VIEWPORT);
  await page.locator('.constellation-map[data-settled="true"]').waitFor({ timeout: 30_000 });
  if (tab) await page.getByRole('tab', { name: tab }).click();
  return page;
}

export const TOUR: TourScreen[] = [
  {
    name: 'intranet',
    title: 'Intranet page with people and topics annotated',
    viewport: PAGE_VIEWPORT,
    themed: false,
    show: (tour) => openAnnotated(tour, 'intranet-home'),
  },
  {
    name: 'wiki',
    title: 'Wiki article with people and topics annotated',
    viewport: PAGE_VIEWPORT,
    themed: false,
    show: (tour) => openAnnotated(tour, 'wiki-article'),
  },
  {
    name: 'code',
    title: 'Code-host pull request with reviewers annotated',
    viewport: PAGE_VIEWPORT,
    themed: false,
    show: (tour) => openAnnotated(tour, 'code-pull'),
  },
  {
    name: 'person-card',
    title: 'Person card: unit, communities, roles',
    viewport: PAGE_VIEWPORT,
    themed: false,
    async show(tour) {
      const page = await openAnnotated(tour, 'code-pull');
      await openCard(page, 'person');
      return page;
    },
  },
  {
    name: 'topic-card',
    title: 'Topic card: communities and whom to ask',
    viewport: PAGE_VIEWPORT,
    themed: false,
    async show(tour) {
      const page = await openAnnotated(tour, 'wiki-article');
      await openCard(page, 'topic');
      return page;
    },
  },
  {
    name: 'popup-first-run',
    title: 'Popup, first run: search on top, "Who are you?" below, this page',
    viewport: POPUP_VIEWPORT,
    themed: true,
    show: popupFor,
  },
  {
    name: 'popup-search',
    title: `Popup search`,
    viewport: POPUP_VIEWPORT,
    themed: true,
    async show(tour) {
      const popup = await popupFor(tour);
      await searchIn(popup, tour.searchFor.slice(0, 4));
      return popup;
    },
  },
  {
    name: 'popup-topic',
    title: 'Popup: who knows a topic, ranked, filtered, paged',
    viewport: POPUP_VIEWPORT,
    themed: true,
    async show(tour) {
      const popup = await popupFor(tour);
      await searchIn(popup, tour.searchFor);
      await popup.locator('#finder-results [data-kind="topic"]').first().click();
      await popup.locator('.topic-view .peer-list li').first().waitFor();
      return popup;
    },
  },
  {
    name: 'popup-take-part',
    title: 'Popup: communities to take part in',
    viewport: POPUP_VIEWPORT,
    themed: true,
    async show(tour) {
      const popup = await popupFor(tour);
      await popup.getByRole('tab', { name: 'Take part' }).click();
      await popup.locator('.participate').waitFor();
      return popup;
    },
  },
  {
    name: 'popup-identified',
    title: 'Popup after "This is me": your colleagues and suggestions',
    viewport: POPUP_VIEWPORT,
    themed: true,
    async show(tour) {
      const popup = await popupFor(tour);
      await popup.getByLabel('Your name, email or handle').fill(tour.identifyAs);
      await popup.getByRole('button', { name: `This is me: ${tour.identifyAs}` }).click();
      await popup.getByText(`You: ${tour.identifyAs}`).waitFor();
      return popup;
    },
  },
  {
    name: 'options',
    title: 'Options: who you are, feeds, samples, your data, sites',
    viewport: VIEW_VIEWPORT,
    themed: true,
    async show(tour) {
      const page = await extensionPage(tour, 'options.html', VIEW_VIEWPORT);
      await page.getByRole('heading', { name: 'Feeds', level: 2, exact: true }).waitFor();
      // Every section has read its data (no "Loading…" left).
      await page.locator('#feeds .feeds').waitFor();
      await page.locator('#samples .sample-list').waitFor();
      return page;
    },
  },
  {
    name: 'boundaries-map',
    title: 'Boundaries: the constellation map with an overview',
    viewport: VIEW_VIEWPORT,
    themed: true,
    show: (tour) => boundaries(tour),
  },
  {
    name: 'boundaries-brokers',
    title: 'Boundaries: brokers',
    viewport: VIEW_VIEWPORT,
    themed: true,
    show: (tour) => boundaries(tour, 'Brokers'),
  },
  {
    name: 'boundaries-bridges',
    title: 'Boundaries: missing bridges',
    viewport: VIEW_VIEWPORT,
    themed: true,
    show: (tour) => boundaries(tour, 'Missing bridges'),
  },
  {
    name: 'boundaries-health',
    title: 'Boundaries: health signals',
    viewport: VIEW_VIEWPORT,
    themed: true,
    show: (tour) => boundaries(tour, 'Health'),
  },
];

/** Closes every page but `keep` (the tour opens helper tabs, e.g. the popup's target). */
export async function closeOthers(tour: TourContext, keep?: Page): Promise<void> {
  for (const page of tour.browser.context.pages()) if (page !== keep) await page.close();
}
