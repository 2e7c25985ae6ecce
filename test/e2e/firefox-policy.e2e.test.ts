// A feed deployed by enterprise policy in real Firefox ESR: the test Firefox reads a
// policies.json whose `3rdparty.Extensions["constellation@example.org"]` holds the feed list,
// which Firefox hands to the extension as storage.managed (lib/browser/feed-config.ts). The
// background syncs it at start-up from a real HTTP server on 127.0.0.1 with no user action;
// the options page shows it locked; a broken entry beside it is skipped, not fatal.
// Chromium reads the same list from its own policy store (docs/browsers.md).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateSyntheticFeed } from '../../lib/demo/synthetic';
import { builtExtensionDir } from './support/extension';
import { startFeedServer, type FeedServer } from './support/feed-server';
import { launchFirefox, type LaunchedFirefox } from './support/firefox/launch';
import { attributeOf, countOf, textOf } from './support/firefox/pages';

declare const browser: {
  storage: { managed: { get(key: string): Promise<Record<string, unknown>> } };
};

const feed = { ...generateSyntheticFeed({ people: 120, seed: 11, feedId: 'policy-e2e' }) };

describe('a feed deployed by policy in Firefox', () => {
  let server: FeedServer;
  let firefox: LaunchedFirefox;
  let policyFeeds: object[];

  beforeAll(async () => {
    server = await startFeedServer();
    server.set('/policy.json', { kind: 'feed', body: JSON.stringify(feed) });
    policyFeeds = [
      { url: server.url('/policy.json'), label: 'Northwind by policy', intervalMinutes: 120 },
      { url: 'javascript:alert(1)', label: 'Not a feed address' },
    ];
    firefox = await launchFirefox({
      extensionDir: builtExtensionDir('firefox-mv3'),
      managedStorage: { feeds: policyFeeds },
    });
  });

  afterAll(async () => {
    await firefox?.close();
    await server?.close();
  });

  it('hands the policy to the extension as storage.managed', async () => {
    const page = await firefox.openExtensionPage('popup.html');
    const managed = await page.evaluate(() => browser.storage.managed.get('feeds'));
    expect(managed).toEqual({ feeds: policyFeeds });
    await page.close();
  });

  it('syncs the policy feed at start-up, without the user adding it', async () => {
    const popup = await firefox.openExtensionPage('popup.html');
    await expect
      .poll(() => textOf(popup, '[data-count="people"]'), { timeout: 30_000 })
      .toBe(String(feed.people.length));
    expect(await attributeOf(popup, '.source', 'data-source')).toBe('feeds');
    // One sync: the probe for a delta manifest (this publisher writes none: 404), then the
    // document, once.
    expect(server.requests.map((r) => `${r.path} ${r.status}`)).toEqual([
      '/policy.json.manifest.json 404',
      '/policy.json 200',
    ]);
    await popup.close();
  });

  it('shows the policy feed locked in options, and skips the broken entry', async () => {
    const options = await firefox.openExtensionPage('options.html');
    const item = `[data-feed-url="${server.url('/policy.json')}"]`;
    await expect
      .poll(() => attributeOf(options, `${item} .report`, 'data-outcome'), { timeout: 30_000 })
      .toBe('updated');
    expect(await textOf(options, `${item} h3`)).toContain('Northwind by policy');
    expect(await textOf(options, `${item} .locked`)).toContain('Managed by policy');
    expect(await textOf(options, `${item} .feed-url`)).toContain('every 120 min');
    // Policy feeds cannot be edited or removed by the user.
    const buttons = await options.evaluate(
      (css) => Array.from(document.querySelectorAll(`${css} button`), (b) => b.textContent),
      item,
    );
    expect(buttons).toEqual(['Sync now']);
    expect(await countOf(options, '[data-feed-url]')).toBe(1);
    expect(await countOf(options, '.demo-note')).toBe(0);
    await options.close();
    expect(firefox.pageErrors).toEqual([]);
  });
});
