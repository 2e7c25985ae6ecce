// The discovered layer end to end, in real Chromium with the built extension and real
// IndexedDB: a feed built by `constellation-feed build` from a declared feed and a history
// (type: git) is served from 127.0.0.1 and added in the options; the boundaries view shows
// the chartered community on its map and the discovered ones only in their own labelled
// section, with evidence — never as chartered communities.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildFeed } from '../../lib/feedtool/build';
import { syntheticHistory } from '../../lib/feedtool/discover/synthetic';
import type { Feed } from '../../lib/model/feed';
import { launchWithExtension, type LaunchedChromium } from '../../scripts/chromium';
import { builtExtensionDir } from './support/extension';
import { startFeedServer, type FeedServer } from './support/feed-server';
import { extensionPage } from './support/sync-helpers';

const dir = mkdtempSync(path.join(tmpdir(), 'discovered-e2e-'));

async function builtFeed(): Promise<Feed> {
  const history = syntheticHistory({
    communities: 4,
    membersPerCommunity: 6,
    areasPerCommunity: 2,
    commits: 1200,
    driveBys: 30,
    noise: 0.1,
    bots: 0.03,
    renamed: 0.2,
    bridges: 0,
    seed: 3,
    now: Date.parse('2026-05-01T00:00:00Z'),
    years: 4,
  });
  writeFileSync(path.join(dir, 'history.txt'), [...history.lines()].join('\n') + '\n');
  const members = history.planted[0]!.members;
  writeFileSync(
    path.join(dir, 'declared.json'),
    JSON.stringify({
      format: 'constellation-feed',
      version: 1,
      feedId: 'declared',
      generatedAt: '2026-01-01T00:00:00Z',
      organization: { name: 'Corp' },
      units: [],
      people: members.map((email, i) => ({ id: `p-${i}`, name: `Person ${i}`, emails: [email] })),
      topics: [],
      communities: [
        {
          id: 'widget-guild',
          name: 'Widget guild',
          domain: 'Widgets',
          stage: 'active',
          standing: 'legitimized',
          openToNewcomers: true,
        },
      ],
      memberships: members.map((_, i) => ({
        person: `p-${i}`,
        community: 'widget-guild',
        participation: 'active',
      })),
      expertise: [],
    }),
  );
  writeFileSync(
    path.join(dir, 'build.yaml'),
    'feedId: corp-e2e\norganization: { name: Corp }\nprecedence: [declared, history]\nsources:\n' +
      '  - { id: history, type: git, path: history.txt }\n  - { id: declared, type: feed, path: declared.json }\n',
  );
  const result = await buildFeed(path.join(dir, 'build.yaml'), {
    cwd: dir,
    generatedAt: '2026-05-02T00:00:00Z',
  });
  if (!result.ok || !result.feed) throw new Error(result.problems.map((p) => p.message).join('; '));
  return result.feed;
}

describe('discovered communities in the boundaries view', () => {
  let browser: LaunchedChromium;
  let server: FeedServer;
  let feed: Feed;
  let page: Page;

  beforeAll(async () => {
    feed = await builtFeed();
    server = await startFeedServer();
    server.set('/corp.json', { kind: 'feed', body: JSON.stringify(feed) });
    browser = await launchWithExtension({
      extensionDir: builtExtensionDir(),
      viewport: { width: 1400, height: 1000 },
    });
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('adds the built feed in the options; its first sync lands', async () => {
    const options = await extensionPage(browser, 'options.html');
    const url = server.url('/corp.json');
    await options.getByRole('button', { name: 'Add a feed' }).click();
    await options.locator('input[name="url"]').fill(url);
    await options.locator('input[name="label"]').fill('Corp');
    await options.locator('input[name="intervalMinutes"]').fill('30');
    await options.getByRole('button', { name: 'Add feed' }).click();
    await expect
      .poll(
        () => options.locator(`[data-feed-url="${url}"] .report`).getAttribute('data-outcome'),
        { timeout: 30_000 },
      )
      .toBe('updated');
  });

  it('maps only the chartered community and lists the discovered ones apart, labelled, with evidence', async () => {
    const discovered = feed.communities.filter((c) => c.discovered);
    expect(discovered).toHaveLength(3);
    page = await extensionPage(browser, 'boundaries.html');
    await expect
      .poll(() => page.locator('svg.constellation-map .node').count(), { timeout: 20_000 })
      .toBe(1);
    expect(await page.locator('[data-community="corp-e2e/widget-guild"]').count()).toBeGreaterThan(
      0,
    );
    for (const c of discovered)
      expect(await page.locator(`[data-community="corp-e2e/${c.id}"]`).count()).toBe(0);

    const layer = page.locator('[data-layer="discovered"]');
    await expect
      .poll(() => layer.getByRole('heading', { level: 2 }).textContent())
      .toBe('Discovered from shared work');
    expect(await layer.locator('.discovered-note').textContent()).toContain(
      'not declared or chartered by anyone',
    );
    expect(await layer.locator('[data-discovered]').count()).toBe(3);
    for (const c of discovered) {
      const item = layer.locator(`[data-discovered="corp-e2e/${c.id}"]`);
      expect(await item.locator('h3').textContent()).toContain(c.name);
      expect(await item.locator('.discovered-badge').textContent()).toBe('discovered');
      expect(await item.locator('p.evidence').textContent()).toBe(
        `Evidence: ${c.evidence!.summary}`,
      );
      expect(await item.locator('.discovered-members li').first().textContent()).toMatch(
        / — core|— active/,
      );
    }
  });
});
