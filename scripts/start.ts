// `npm start`: build the extension, serve the demo organisation's pages and feed on 127.0.0.1,
// and open them in Chromium with the extension loaded. Headless (no display, or --headless)
// it saves a screenshot of each tab to out/screenshots/ and exits; headed it stays open
// until Ctrl-C or until the browser window is closed.
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

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const DEFAULT_PORT = 8790;

const USAGE = `Usage: npm start -- [options]
  --no-build         use the existing .output/chrome-mv3 instead of running wxt build
  --port <n>         demo site port (default ${DEFAULT_PORT}; a free one if that is busy)
  --headless         no window: take screenshots into out/screenshots and exit
  --headed           open a window even when no DISPLAY is detected
  --feed <file>      demo feed (default public/demo-feed.json)
  --extension <dir>  built extension to load (default .output/chrome-mv3; implies --no-build)
  --settle <ms>      headless: wait this long after load before each screenshot (default 1500)`;

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
      settle: { type: 'string', default: '1500' },
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

  say('▸ Starting the demo site…');
  const site = await startSite(port, feedPath);
  say(`✓ Demo site at ${site.origin}/ (feed ${relative(ROOT, feedPath)})`);

  say(`▸ Launching Chromium (${headless ? 'headless' : 'with a window'})…`);
  const launching = launchWithExtension({
    extensionDir,
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
  };
  cleanup = shutdown;
  try {
    const browser = await launching;
    say(`✓ Extension loaded: chrome-extension://${browser.extensionId}/`);
    const tabs = await demoTabs(site, browser.extensionId, extensionDir);
    say(`  Feed URL for the extension: ${site.origin}${FEED_PATH}`);
    say(`  (or ${demoUrl(DEMO_HOSTS.feeds, FEED_PATH)} inside this browser)`);
    if (headless) {
      await screenshotAll(browser, tabs, settleMs);
      await shutdown();
      // Headless Chromium cannot show a permission prompt, so the demo hosts stay disabled.
      say('Done. (Demo pages are shown without annotations here: enabling a site needs the');
      say('permission prompt of a headed browser. Run with a display to try it.)');
      return 0;
    }
    await openAll(browser, tabs);
    // The demo hosts are not public sites, so (like any intranet) they are annotated only
    // after the user enables them: say so, or the pages look as if nothing happened.
    say('To see badges and hovercards on a demo page: open the Constellation popup there,');
    say('choose "Enable on this site" and accept the prompt, then reload the page.');
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

async function screenshotAll(browser: LaunchedChromium, tabs: DemoTab[], settleMs: number) {
  const outDir = join(ROOT, 'out/screenshots');
  await mkdir(outDir, { recursive: true });
  say('▸ Taking screenshots…');
  for (const [index, tab] of tabs.entries()) {
    const page = await browser.context.newPage();
    if (tab.popup) await page.setViewportSize({ width: 420, height: 640 });
    await load(page, tab.url);
    // Give the content script time to annotate: it runs at document_idle and asks the
    // service worker, which may be waking up.
    await page.waitForTimeout(settleMs);
    const file = join(outDir, `${String(index + 1).padStart(2, '0')}-${tab.name}.png`);
    await page.screenshot({ path: file, fullPage: !tab.popup });
    say(`✓ ${relative(ROOT, file)}  ← ${tab.url}`);
    await page.close();
  }
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
