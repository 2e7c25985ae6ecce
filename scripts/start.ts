// `npm start`: build the extension, serve the demo organisation's pages and feed on 127.0.0.1,
// and open them in Chromium with the extension loaded and the demo hosts already enabled
// (scripts/demo-site/enable.ts). Headless (no display, or --headless) it walks the tour of
// every screen (scripts/demo-site/tour.ts), saves each in light and dark to out/screenshots/
// and exits; headed it stays open until Ctrl-C or until the browser window is closed. Both
// end with a short tour of what to try.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, readFile } from 'node:fs/promises';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import type { Page } from 'playwright-core';
import { validateFeedText } from '../lib/model/validate';
import { ChromiumNotFoundError, launchWithExtension, type LaunchedChromium } from './chromium';
import { DEMO_HOST_PATTERN, FEED_PATH, DEMO_HOSTS, demoUrl } from './demo-site/hosts';
import { startDemoSite, type DemoSiteServer } from './demo-site/server';
import { demoExtensionCopy, enableDemoSites, type DemoExtension } from './demo-site/enable';
import { TOUR, closeOthers, type TourContext } from './demo-site/tour';
import { sourceNewerThanBuild } from './stale-build';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const DEFAULT_PORT = 8790;

const USAGE = `Usage: npm start -- [options]
  --no-build         use the existing .output/chrome-mv3 instead of running wxt build
                     (warns when a source is newer than it)
  --port <n>         demo site port (default ${DEFAULT_PORT}; a free one if that is busy)
  --headless         no window: take screenshots into out/screenshots and exit
  --headed           open a window even when no DISPLAY is detected
  --feed <file>      demo feed (default public/demo-feed.json)
  --extension <dir>  built extension to load (default .output/chrome-mv3; implies --no-build)
  --settle <ms>      headless: wait this long before each screenshot (default 300)
  --only <names>     headless: only these screens, comma-separated (e.g. popup-topic,options)`;

const say = (line: string) => console.log(line);

// Ctrl-C while building, launching or screenshotting cleans up and exits 130; while browsing
// it ends the session normally (exit 0). `cleanup` always knows what is running.
let cleanup: () => Promise<void> = async () => undefined;
let interrupted = false;
let onStopWhileBrowsing: (() => void) | undefined;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (onStopWhileBrowsing) return onStopWhileBrowsing();
    if (interrupted) return;
    interrupted = true;
    say(`\n▸ ${signal}: stopping…`);
    void cleanup().finally(() => process.exit(130));
  });
}

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      'no-build': { type: 'boolean', default: false },
      port: { type: 'string' },
      headless: { type: 'boolean', default: false },
      headed: { type: 'boolean', default: false },
      feed: { type: 'string' },
      extension: { type: 'string' },
      settle: { type: 'string', default: '300' },
      only: { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) return (say(USAGE), 0);
  const port = values.port === undefined ? DEFAULT_PORT : Number(values.port);
  const settleMs = Number(values.settle);
  if (!Number.isInteger(port) || port < 0 || port > 65_535 || !(settleMs >= 0)) {
    return (say(USAGE), 2);
  }
  const hasDisplay = Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY);
  const headless = values.headless || (!values.headed && !hasDisplay);
  const feedPath = resolve(values.feed ?? join(ROOT, 'public/demo-feed.json'));
  const extensionDir = resolve(values.extension ?? join(ROOT, '.output/chrome-mv3'));
  const shouldBuild = !values['no-build'] && values.extension === undefined;

  if (!(await checkFeed(feedPath))) return 1;
  if (shouldBuild && !(await build())) return 1;
  if (values['no-build'] && values.extension === undefined) {
    const newer = sourceNewerThanBuild(ROOT, extensionDir);
    if (newer)
      say(
        `⚠ ${relative(ROOT, extensionDir)} is older than ${newer}: it runs the code of its own ` +
          'build. Run npm start without --no-build to build it again.',
      );
  }

  say('▸ Starting the demo site…');
  const site = await startSite(port, feedPath);
  say(`✓ Demo site at ${site.origin}/ (feed ${relative(ROOT, feedPath)})`);

  say(`▸ Launching Chromium (${headless ? 'headless' : 'with a window'})…`);
  // The demo browser loads a copy that already grants the demo hosts; the build is unchanged.
  let demoExtension: DemoExtension;
  try {
    demoExtension = demoExtensionCopy(extensionDir);
  } catch (error) {
    await site.close();
    say(`✗ Could not prepare the extension in ${relative(ROOT, extensionDir)}: ${String(error)}`);
    say('  Build it first (npm start without --no-build), or pass --extension <dir>.');
    return 1;
  }
  const launching = launchWithExtension({
    extensionDir: demoExtension.dir,
    headless,
    hostMap: [{ pattern: DEMO_HOST_PATTERN, port: site.port }],
    handleSignals: false,
  });
  // A launch cannot be cancelled half-way; let it finish, then close it, so that its
  // temporary profile is removed even on Ctrl-C.
  const shutdown = async () => {
    const launched = await launching.catch(() => undefined);
    await launched?.close();
    await site.close();
    demoExtension.remove();
  };
  cleanup = shutdown;
  try {
    const browser = await launching;
    say(`✓ Extension loaded: chrome-extension://${browser.extensionId}/`);
    const enabled = await enableDemoSites(browser.serviceWorker);
    say(`✓ Annotation enabled on the demo sites: ${enabled.join(', ')}`);
    say('  (Real sites still ask: popup › "Enable on this site", one site at a time.)');
    const tabs = await demoTabs(site, browser.extensionId, extensionDir);
    say(`  Feed URL for the extension: ${site.origin}${FEED_PATH}`);
    say(`  (or ${demoUrl(DEMO_HOSTS.feeds, FEED_PATH)} inside this browser)`);
    if (headless) {
      const only = values.only?.split(',').map((name) => name.trim());
      const written = await screenshotTour(browser, site, settleMs, only);
      await shutdown();
      if (written === 0) return 1;
      printTour(browser.extensionId);
      return 0;
    }
    await openAll(browser, tabs);
    printTour(browser.extensionId);
    say('Browsing the demo. Press Ctrl-C here (or close the browser) to stop.');
    await untilStopped(browser);
    say('\n▸ Stopping…');
    await shutdown();
    say('✓ Browser and demo site closed.');
    return 0;
  } catch (error) {
    await shutdown();
    // After Ctrl-C, errors from pages closing under us are expected, not news.
    if (interrupted) return new Promise<number>(() => undefined);
    throw error;
  }
}

async function checkFeed(feedPath: string): Promise<boolean> {
  if (!existsSync(feedPath)) {
    say(`✗ The demo feed ${relative(ROOT, feedPath)} does not exist (use --feed <file>).`);
    return false;
  }
  const validation = validateFeedText(await readFile(feedPath, 'utf8'));
  if (!validation.ok) {
    say(`✗ ${relative(ROOT, feedPath)} is not a valid feed: ${validation.error.reason}`);
    return false;
  }
  return true;
}

/** Real sample feeds for options › Sample feeds, when the shared corpus is beside the checkout. */
function buildSamples(): Promise<void> {
  if (!existsSync(join(ROOT, '..', 'shared', 'corpus'))) {
    say('  (No ../shared/corpus beside the checkout: the build offers no sample feeds.)');
    return Promise.resolve();
  }
  say('▸ Building the real sample feeds (npm run sample-feeds)…');
  return new Promise((done) => {
    const child = spawn('npx', ['tsx', 'scripts/sample-feeds.ts'], { cwd: ROOT, stdio: 'inherit' });
    child.on('error', () => done());
    child.on('exit', (code) => {
      if (code !== 0) say('  Sample feeds not built; the extension works without them.');
      done();
    });
  });
}

async function build(): Promise<boolean> {
  await buildSamples();
  say('▸ Building the extension (npx wxt build)…');
  return new Promise((done) => {
    const child = spawn('npx', ['wxt', 'build'], { cwd: ROOT, stdio: 'inherit' });
    child.on('error', (error) => {
      say(`✗ Could not run wxt: ${error.message}`);
      done(false);
    });
    child.on('exit', (code) => {
      if (code === 0) say('✓ Built .output/chrome-mv3');
      else say(`✗ The build failed (exit code ${code}); fix it, or use --no-build.`);
      done(code === 0);
    });
  });
}

async function startSite(port: number, feedPath: string): Promise<DemoSiteServer> {
  try {
    return await startDemoSite({ port, feedPath });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EADDRINUSE') throw error;
    say(`  Port ${port} is busy; using a free one.`);
    return startDemoSite({ port: 0, feedPath });
  }
}

interface DemoTab {
  name: string;
  url: string;
  /** Popups are narrow; give them a popup-sized viewport in screenshots. */
  popup?: boolean;
}

async function demoTabs(
  site: DemoSiteServer,
  extensionId: string,
  extensionDir: string,
): Promise<DemoTab[]> {
  const pages = await site.pages();
  const pick = (kind: string) =>
    pages.find((p) => p.kind === kind && p.featured) ?? pages.find((p) => p.kind === kind);
  const tabs: DemoTab[] = [{ name: 'index', url: `${site.origin}/` }];
  for (const kind of ['intranet-home', 'wiki-article', 'code-pull']) {
    const page = pick(kind);
    if (page) tabs.push({ name: kind, url: demoUrl(page.host, page.path) });
  }
  const popup = await popupPath(extensionDir);
  if (popup) {
    tabs.push({ name: 'popup', url: `chrome-extension://${extensionId}/${popup}`, popup: true });
  } else {
    say('  The extension declares no popup (action.default_popup); skipping that tab.');
  }
  return tabs;
}

async function popupPath(extensionDir: string): Promise<string | undefined> {
  const manifest = JSON.parse(await readFile(join(extensionDir, 'manifest.json'), 'utf8')) as {
    action?: { default_popup?: string };
  };
  return manifest.action?.default_popup?.replace(/^\//, '');
}

async function load(page: Page, url: string): Promise<void> {
  const response = await page.goto(url, { waitUntil: 'load' });
  if (response && !response.ok()) say(`  ! ${url} answered ${response.status()}`);
}

/**
 * Walks the tour (scripts/demo-site/tour.ts) and saves every screen in light and (where the
 * screen follows the browser's theme) dark. Returns the number of files written; a screen
 * that fails is reported and skipped, so one broken screen does not hide the others.
 */
async function screenshotTour(
  browser: LaunchedChromium,
  site: DemoSiteServer,
  settleMs: number,
  only: string[] | undefined,
): Promise<number> {
  const outDir = join(ROOT, 'out/screenshots');
  await mkdir(outDir, { recursive: true });
  const tour: TourContext = {
    browser,
    pages: await site.pages(),
    identifyAs: 'Zoë Okafor',
    searchFor: 'Kubernetes',
  };
  const blank = browser.context.pages()[0] ?? (await browser.context.newPage());
  say('▸ Taking screenshots of every screen…');
  let written = 0;
  for (const [index, screen] of TOUR.entries()) {
    if (only && !only.includes(screen.name)) continue;
    try {
      const page = await screen.show(tour);
      await page.bringToFront();
      for (const scheme of screen.themed ? (['light', 'dark'] as const) : (['light'] as const)) {
        await page.emulateMedia({ colorScheme: scheme, reducedMotion: 'reduce' });
        await page.waitForTimeout(settleMs);
        const file = join(
          outDir,
          `${String(index + 1).padStart(2, '0')}-${screen.name}${screen.themed ? `-${scheme}` : ''}.png`,
        );
        await page.screenshot({ path: file });
        written++;
        say(`✓ ${relative(ROOT, file)}  ${screen.title}`);
      }
    } catch (error) {
      say(
        `✗ ${screen.name}: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`,
      );
    } finally {
      await closeOthers(tour, blank);
    }
  }
  return written;
}

/** What to try, printed at the end of every run. */
function printTour(extensionId: string): void {
  const page = (path: string) => `chrome-extension://${extensionId}/${path}`;
  say('');
  say('What to try:');
  say(
    `  1. ${demoUrl(DEMO_HOSTS.intranet, '/')} — hover or Tab to a dotted name or topic, Enter opens`,
  );
  say('     its card (Esc closes). Wiki and code pages on wiki./git.northwind.test work the same.');
  say(`  2. The popup (toolbar icon, or ${page('popup.html')}): type "k8s" — topics, people and`);
  say('     communities; ↑↓ and Enter. Open "Kubernetes" for who knows it outside your unit.');
  say('  3. "choose who you are" in the popup (try Zoë Okafor): colleagues and "Take part".');
  say(`  4. Boundaries view (${page('boundaries.html')}): the map, brokers, missing bridges and`);
  say('     health signals; thresholds are under "Thresholds and privacy".');
  say(
    `  5. Options (${page('options.html')}): add a feed, load a real sample feed, export your data.`,
  );
}

async function openAll(browser: LaunchedChromium, tabs: DemoTab[]) {
  say('▸ Opening the demo pages:');
  const blank = browser.context.pages()[0];
  const opened: Page[] = [];
  for (const [index, tab] of tabs.entries()) {
    const page = index === 0 && blank ? blank : await browser.context.newPage();
    await load(page, tab.url);
    opened.push(page);
    say(`  ${tab.url}`);
  }
  await opened[0]?.bringToFront();
}

/** Resolves on SIGINT or SIGTERM, or when the user closes the browser. */
function untilStopped(browser: LaunchedChromium): Promise<void> {
  return new Promise((done) => {
    onStopWhileBrowsing = done;
    browser.context.once('close', () => done());
  });
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    if (error instanceof ChromiumNotFoundError) say(`✗ ${error.message}`);
    else say(`✗ ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    process.exitCode = 1;
  },
);
