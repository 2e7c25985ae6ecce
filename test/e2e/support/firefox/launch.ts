// Launches Debian's Firefox ESR with the built extension (.output/firefox-mv3) through
// puppeteer-core over WebDriver BiDi, for the Firefox e2e tests. What it takes (docs/browsers.md):
// - `--remote-allow-system-access`: without it BiDi may not script moz-extension:// pages;
// - the add-on is installed as a temporary add-on (`browser.installExtension`), its
//   moz-extension:// host fixed through a pref (prefs.ts), so pages can be opened by URL;
// - `goto` on an extension page never resolves in Firefox: openExtensionPage starts the
//   navigation and polls the page's own location and readyState instead;
// - every request goes through the trap proxy (trap-proxy.ts); MOZ_DISABLE_NONLOCAL_CONNECTIONS
//   makes Firefox itself refuse any socket to an address other than loopback as well;
// - HOME is a temp dir, so nothing from the user's ~/.mozilla (managed-storage or native
//   messaging manifests, crash reports) is read or written.
import { randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { firefoxPrefs } from './prefs';
import { startTrapProxy, type TrapProxy } from './trap-proxy';

export interface FirefoxLaunchOptions {
  /** A built Firefox MV3 extension, e.g. `.output/firefox-mv3`. */
  extensionDir: string;
  /** Host names the trap proxy answers for (pages are then added with proxy.servePage). */
  hosts?: readonly string[];
  /**
   * What an administrator deploys for this extension under policies.json's
   * `3rdparty.Extensions.<id>`; Firefox hands it to the extension as storage.managed.
   */
  managedStorage?: Record<string, unknown>;
}

export interface LaunchedFirefox {
  browser: Browser;
  proxy: TrapProxy;
  /** `moz-extension://<uuid>` of the installed extension. */
  extensionOrigin: string;
  /** Uncaught errors of every page opened through this object, as "url: message". */
  pageErrors: string[];
  openExtensionPage(path: string): Promise<Page>;
  /** The tab the extension itself opened on `path` (e.g. with tabs.create), once loaded. */
  extensionPageOpened(path: string): Promise<Page>;
  openPage(url: string): Promise<Page>;
  close(): Promise<void>;
}

export class FirefoxNotFoundError extends Error {
  constructor(readonly executablePath: string) {
    super(
      `Firefox was not found at ${executablePath}. Install it with: apt-get install -y firefox-esr ` +
        '(or set FIREFOX_PATH to a Firefox binary).',
    );
    this.name = 'FirefoxNotFoundError';
  }
}

export function firefoxExecutable(): string {
  const path = process.env.FIREFOX_PATH || '/usr/bin/firefox-esr';
  if (!existsSync(path)) throw new FirefoxNotFoundError(path);
  return path;
}

function addonId(extensionDir: string): string {
  const manifestPath = join(extensionDir, 'manifest.json');
  if (!existsSync(manifestPath))
    throw new Error(
      `${extensionDir} has no manifest.json: build it first (npm run build:firefox).`,
    );
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as {
    browser_specific_settings?: { gecko?: { id?: string } };
  };
  const id = manifest.browser_specific_settings?.gecko?.id;
  if (!id) throw new Error(`${manifestPath} names no gecko id: is this the Firefox build?`);
  return id;
}

/** Polls `read` until it answers true; throws with `what` after `timeoutMs`. */
export async function until(
  read: () => Promise<boolean>,
  what: string,
  timeoutMs = 30_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await read().catch(() => false))) {
    if (Date.now() > deadline)
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((done) => setTimeout(done, 150));
  }
}

export async function launchFirefox(options: FirefoxLaunchOptions): Promise<LaunchedFirefox> {
  const executablePath = firefoxExecutable();
  const extensionDir = resolve(options.extensionDir);
  const id = addonId(extensionDir);
  const uuid = randomUUID();
  const home = mkdtempSync(join(tmpdir(), 'constellation-firefox-'));
  const policiesPath = join(home, 'policies.json');
  const policies = options.managedStorage
    ? { '3rdparty': { Extensions: { [id]: options.managedStorage } } }
    : {};
  writeFileSync(policiesPath, JSON.stringify({ policies }));

  const proxy = await startTrapProxy(options.hosts ?? []);
  let browser: Browser;
  try {
    browser = await puppeteer.launch({
      browser: 'firefox',
      protocol: 'webDriverBiDi',
      executablePath,
      headless: true,
      acceptInsecureCerts: true,
      args: ['--remote-allow-system-access'],
      env: { ...process.env, HOME: home, MOZ_DISABLE_NONLOCAL_CONNECTIONS: '1' },
      extraPrefsFirefox: firefoxPrefs({
        proxyPort: proxy.port,
        extensionUuids: { [id]: uuid },
        policiesPath,
      }),
    });
  } catch (error) {
    await proxy.close();
    rmSync(home, { recursive: true, force: true });
    throw error;
  }

  let closed = false;
  const close = async () => {
    if (closed) return;
    closed = true;
    await browser.close().catch(() => undefined);
    await proxy.close();
    rmSync(home, { recursive: true, force: true, maxRetries: 3 });
  };

  const pageErrors: string[] = [];
  const watch = (page: Page, label: string) =>
    page.on('pageerror', (error) =>
      pageErrors.push(`${label}: ${error instanceof Error ? error.message : String(error)}`),
    );
  const extensionOrigin = `moz-extension://${uuid}`;
  // BiDi reports moz-extension:// documents as about:blank (page.url() never changes), so a
  // page is known by asking it for its own location.
  const isLoaded = (page: Page, url: string) =>
    page.evaluate(
      (expected) => location.href === expected && document.readyState === 'complete',
      url,
    );

  try {
    const installed = await browser.installExtension(extensionDir);
    if (installed !== id) throw new Error(`installed add-on is ${installed}, expected ${id}`);
  } catch (error) {
    await close();
    throw error;
  }

  return {
    browser,
    proxy,
    extensionOrigin,
    pageErrors,
    async openExtensionPage(path) {
      const url = `${extensionOrigin}/${path}`;
      const page = await browser.newPage();
      watch(page, path);
      // Firefox never reports this navigation as finished to BiDi: start it, then ask the page.
      void page.goto(url).catch(() => undefined);
      await until(() => isLoaded(page, url), `${url} to load`);
      return page;
    },
    async extensionPageOpened(path) {
      const url = `${extensionOrigin}/${path}`;
      let found: Page | undefined;
      await until(async () => {
        for (const page of await browser.pages())
          if (await isLoaded(page, url).catch(() => false)) found = page;
        return found !== undefined;
      }, `a tab with ${url}`);
      watch(found!, path);
      return found!;
    },
    async openPage(url) {
      const page = await browser.newPage();
      watch(page, url);
      await page.goto(url, { waitUntil: 'load' });
      return page;
    },
    close,
  };
}
