// Launches Debian's Chromium with an unpacked extension through playwright-core (DESIGN.md §6),
// for `npm start`, the e2e tests and the benchmarks alike. Two things it guarantees:
//
// 1. Demo hosts reach a local server. `--host-resolver-rules` maps each pattern (e.g.
//    `*.northwind.test`) to 127.0.0.1:<port>; Chromium honours the port in MAP, so
//    `http://wiki.northwind.test/wiki/X` arrives at the demo server with
//    `Host: wiki.northwind.test` (checked in test/e2e/launcher.e2e.test.ts). We chose this
//    over `--proxy-server` because it needs no proxy-style request parsing and keeps
//    ordinary URLs, Host headers and origins exactly as on a real site.
// 2. Nothing reaches the network. Every other host name, and every IP literal but 127.0.0.1,
//    resolves to nothing (`MAP * ~NOTFOUND`), which also covers requests Playwright cannot
//    route, such as the extension service worker's fetches. On top of that a context route
//    aborts page requests to any other host and records them in `blockedUrls`. Routes a
//    caller adds later run first (Playwright runs routes last-registered first), so a test
//    can still fulfil a saved page under its real URL; whatever it lets through still meets
//    the resolver rule.
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type BrowserContext, type Worker } from 'playwright-core';

export interface HostMapping {
  /** A Chromium host pattern such as `*.northwind.test`. */
  pattern: string;
  /** The port on 127.0.0.1 that answers for those hosts. */
  port: number;
}

export interface LaunchOptions {
  /** A built, unpacked MV3 extension, e.g. `.output/chrome-mv3`. */
  extensionDir: string;
  /** Kept after close when given; otherwise a fresh temp dir that close() removes. */
  profileDir?: string;
  /** Default true. */
  headless?: boolean;
  hostMap?: HostMapping[];
  /** Extra Chromium switches, appended last. */
  args?: string[];
  /** Default 1280×800 headless; headed windows keep their own size (null). */
  viewport?: { width: number; height: number } | null;
  /** How long to wait for the extension's service worker; default 20 s. */
  serviceWorkerTimeoutMs?: number;
  /**
   * Default true: Playwright closes Chromium on SIGINT/SIGTERM and then exits the process
   * (code 130 on SIGINT). Pass false when the caller handles signals and must clean up more.
   */
  handleSignals?: boolean;
}

export interface LaunchedChromium {
  context: BrowserContext;
  extensionId: string;
  serviceWorker: Worker;
  /** URLs the network guard aborted, in order. */
  blockedUrls: readonly string[];
  /** The profile in use (a temp dir unless LaunchOptions.profileDir was given). */
  profileDir: string;
  /** Closes the browser and removes the temp profile; safe to call twice. */
  close(): Promise<void>;
}

export class ChromiumNotFoundError extends Error {
  constructor(readonly executablePath: string) {
    super(
      `Chromium was not found at ${executablePath}. Install it with: apt-get install -y chromium ` +
        '(or set CHROMIUM_PATH to a Chromium binary).',
    );
    this.name = 'ChromiumNotFoundError';
  }
}

/** The Chromium binary: $CHROMIUM_PATH or Debian's; throws ChromiumNotFoundError if absent. */
export function chromiumExecutable(): string {
  const path = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
  if (!existsSync(path)) throw new ChromiumNotFoundError(path);
  return path;
}

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);

/** The value of `--host-resolver-rules`: mapped patterns first, then deny everything else. */
export function hostResolverRules(hostMap: readonly HostMapping[] = []): string {
  return [
    ...hostMap.map(({ pattern, port }) => `MAP ${pattern} 127.0.0.1:${port}`),
    'MAP * ~NOTFOUND',
    'EXCLUDE localhost',
    'EXCLUDE 127.0.0.1',
  ].join(', ');
}

function patternToRegExp(pattern: string): RegExp {
  const body = pattern
    .split('*')
    .map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
    .join('.*');
  return new RegExp(`^${body}$`, 'i');
}

/** Whether the guard lets a request through: loopback, mapped demo hosts, non-network schemes. */
export function isAllowedUrl(url: URL, hostMap: readonly HostMapping[] = []): boolean {
  if (!['http:', 'https:', 'ws:', 'wss:'].includes(url.protocol)) return true;
  const host = url.hostname.toLowerCase();
  return LOOPBACK.has(host) || hostMap.some(({ pattern }) => patternToRegExp(pattern).test(host));
}

export async function launchWithExtension(options: LaunchOptions): Promise<LaunchedChromium> {
  const executablePath = chromiumExecutable();
  const extensionDir = resolve(options.extensionDir);
  if (!existsSync(join(extensionDir, 'manifest.json'))) {
    throw new Error(
      `${extensionDir} has no manifest.json: build the extension first (npx wxt build).`,
    );
  }
  if (options.args?.some((arg) => arg.startsWith('--host-resolver-rules'))) {
    // Chromium would keep only one of the two switches, silently dropping the network guard.
    throw new Error(
      'Pass hostMap instead of --host-resolver-rules: the launcher owns that switch.',
    );
  }
  const hostMap = options.hostMap ?? [];
  const headless = options.headless ?? true;
  const ownProfile = options.profileDir === undefined;
  const profileDir =
    options.profileDir ?? (await mkdtemp(join(tmpdir(), 'constellation-profile-')));
  const removeProfile = async () => {
    if (ownProfile) await rm(profileDir, { recursive: true, force: true, maxRetries: 3 });
  };

  let context: BrowserContext;
  try {
    context = await chromium.launchPersistentContext(profileDir, {
      executablePath,
      headless,
      handleSIGINT: options.handleSignals ?? true,
      handleSIGTERM: options.handleSignals ?? true,
      handleSIGHUP: options.handleSignals ?? true,
      viewport:
        options.viewport !== undefined
          ? options.viewport
          : headless
            ? { width: 1280, height: 800 }
            : null,
      args: [
        `--disable-extensions-except=${extensionDir}`,
        `--load-extension=${extensionDir}`,
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
        '--no-default-browser-check',
        '--disable-quic',
        `--host-resolver-rules=${hostResolverRules(hostMap)}`,
        ...(options.args ?? []),
      ],
    });
  } catch (error) {
    await removeProfile();
    throw error;
  }

  let closed = false;
  const close = async () => {
    if (closed) return;
    closed = true;
    await context.close().catch(() => undefined);
    await removeProfile();
  };

  const blockedUrls: string[] = [];
  try {
    await context.route('**/*', (route) => {
      const url = new URL(route.request().url());
      if (isAllowedUrl(url, hostMap)) return route.fallback();
      blockedUrls.push(url.href);
      return route.abort('blockedbyclient');
    });
    const serviceWorker = await extensionServiceWorker(
      context,
      options.serviceWorkerTimeoutMs ?? 20_000,
      extensionDir,
    );
    const extensionId = new URL(serviceWorker.url()).host;
    return { context, extensionId, serviceWorker, blockedUrls, profileDir, close };
  } catch (error) {
    await close();
    throw error;
  }
}

async function extensionServiceWorker(
  context: BrowserContext,
  timeout: number,
  extensionDir: string,
): Promise<Worker> {
  const isExtension = (worker: Worker) => worker.url().startsWith('chrome-extension://');
  // Listen before looking, so a worker that starts in between is not missed.
  const started = context.waitForEvent('serviceworker', { predicate: isExtension, timeout });
  const running = context.serviceWorkers().find(isExtension);
  if (running) {
    started.catch(() => undefined);
    return running;
  }
  try {
    return await started;
  } catch {
    throw new Error(
      `The extension in ${extensionDir} started no service worker within ${timeout} ms. ` +
        'Is it a built MV3 extension with a background service worker?',
    );
  }
}
