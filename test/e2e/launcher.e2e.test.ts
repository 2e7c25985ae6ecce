// scripts/chromium.ts in real Chromium: a tiny extension generated here loads and its service
// worker gives the id; a demo wiki page reached by its real-looking URL comes from the local
// demo server through the host resolver rules, with the content script running on it; and
// nothing else is reachable, neither from a page nor from the service worker.
import { existsSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchWithExtension, type LaunchedChromium } from '../../scripts/chromium';
import { DEMO_HOST_PATTERN } from '../../scripts/demo-site/hosts';
import { startDemoSite, type DemoSiteServer } from '../../scripts/demo-site/server';
import { fixtureFeed, writeFeedFile } from '../unit/demo-site/feed-fixture';

function listen(server: Server): Promise<Server> {
  return new Promise((resolve) => server.listen(0, '127.0.0.2', () => resolve(server)));
}

/** The smallest MV3 extension with a service worker, a popup and a content script. */
async function writeProbeExtension(dir: string): Promise<void> {
  const manifest = {
    manifest_version: 3,
    name: 'Launcher probe',
    version: '1.0.0',
    background: { service_worker: 'background.js' },
    action: { default_popup: 'popup.html' },
    content_scripts: [{ matches: ['http://*.northwind.test/*'], js: ['content.js'] }],
  };
  await writeFile(join(dir, 'manifest.json'), JSON.stringify(manifest));
  await writeFile(join(dir, 'background.js'), 'self.addEventListener("install", () => {});\n');
  await writeFile(join(dir, 'popup.html'), '<!doctype html><title>Probe popup</title><p>ok</p>');
  await writeFile(join(dir, 'content.js'), 'document.documentElement.dataset.probe = "ran";\n');
}

describe('launchWithExtension', { timeout: 60_000 }, () => {
  const removals: (() => Promise<void>)[] = [];
  let site: DemoSiteServer;
  let browser: LaunchedChromium;
  let extensionDir: string;

  beforeAll(async () => {
    extensionDir = await mkdtemp(join(tmpdir(), 'probe-extension-'));
    removals.push(() => rm(extensionDir, { recursive: true, force: true }));
    await writeProbeExtension(extensionDir);
    const feed = await writeFeedFile(fixtureFeed());
    removals.push(feed.remove);
    site = await startDemoSite({ port: 0, feedPath: feed.path });
    removals.push(site.close);
    browser = await launchWithExtension({
      extensionDir,
      hostMap: [{ pattern: DEMO_HOST_PATTERN, port: site.port }],
    });
    removals.push(browser.close);
  }, 60_000);

  afterAll(async () => {
    for (const remove of removals.reverse()) await remove();
  });

  it('finds the extension service worker and its id', async () => {
    expect(browser.extensionId).toMatch(/^[a-p]{32}$/);
    expect(browser.serviceWorker.url()).toBe(
      `chrome-extension://${browser.extensionId}/background.js`,
    );
    const popup = await browser.context.newPage();
    await popup.goto(`chrome-extension://${browser.extensionId}/popup.html`);
    expect(await popup.title()).toBe('Probe popup');
    await popup.close();
  });

  it('serves a demo wiki page under its own host from the local server', async () => {
    const page = await browser.context.newPage();
    const response = await page.goto('http://wiki.northwind.test/wiki/Platform_Guild');
    expect(response?.status()).toBe(200);
    expect(await page.title()).toBe('Platform Guild - Fixture Cooperative Wiki');
    expect(page.url()).toBe('http://wiki.northwind.test/wiki/Platform_Guild');
    // The content script matched the demo host, as it would on a real intranet wiki.
    await page.waitForFunction(() => document.documentElement.dataset.probe === 'ran');
    await page.close();
  });

  it('blocks a page request to any other address and records it', async () => {
    const page = await browser.context.newPage();
    await expect(page.goto('http://example.com/')).rejects.toThrow(/ERR_BLOCKED_BY_CLIENT/);
    expect(browser.blockedUrls).toContain('http://example.com/');
    await page.close();
  });

  it('lets the service worker reach the demo feed host but nothing else', async () => {
    const outcome = (url: string, mode: RequestMode) =>
      browser.serviceWorker.evaluate(
        ([target, requestMode]) =>
          fetch(target, { mode: requestMode }).then(
            (response) => `status ${response.status}`,
            (error: unknown) => `failed: ${String(error)}`,
          ),
        [url, mode] as const,
      );
    expect(await outcome('http://feeds.northwind.test/demo-feed.json', 'cors')).toBe('status 200');
    expect(await outcome(`${site.origin}/demo-feed.json`, 'cors')).toBe('status 200');
    // Playwright does not route service-worker fetches, so the resolver rule must stop these.
    // no-cors: a reachable host would give an opaque response (status 0), not a failure.
    expect(await outcome('http://example.org/', 'no-cors')).toMatch(/^failed: TypeError/);
    // A server that is really there, on a loopback address other than 127.0.0.1.
    const elsewhere = await listen(createServer((_request, response) => response.end('hi')));
    try {
      const { port } = elsewhere.address() as AddressInfo;
      expect(await outcome(`http://127.0.0.2:${port}/`, 'no-cors')).toMatch(/^failed: TypeError/);
    } finally {
      await new Promise((resolve) => elsewhere.close(resolve));
    }
  });

  it('refuses a second --host-resolver-rules, which would drop the guard', async () => {
    await expect(
      launchWithExtension({ extensionDir, args: ['--host-resolver-rules=MAP * 127.0.0.1'] }),
    ).rejects.toThrow(/Pass hostMap instead/);
  });

  it('removes its temporary profile on close', async () => {
    const { profileDir } = browser;
    expect(existsSync(profileDir)).toBe(true);
    await browser.close();
    expect(existsSync(profileDir)).toBe(false);
  });
});
