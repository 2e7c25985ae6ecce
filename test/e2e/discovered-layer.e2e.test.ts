// The discovered layer end to end, in real Chromium with the built extension and real
// IndexedDB: a feed built by `constellation-feed build` from a declared feed and a history
// (type: git) is served from 127.0.0.1 and added in the options; the boundaries view shows
// the chartered community on its map and the discovered ones only in their own labelled
// section, with evidence — never as chartered communities. The popup labels them the same way
// wherever one meets them: search results, a community's detail, a person's communities and
// the take-part suggestions.
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
      '  - { id: history, type: git, path: history.txt, label: corp/platform history }\n' +
      '  - { id: declared, type: feed, path: declared.json }\n',
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
      .poll(() => page.locator('.constellation-map .node').count(), { timeout: 20_000 })
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

  it('the popup labels discovered communities wherever they appear, with their evidence', async () => {
    const discovered = feed.communities.filter((c) => c.discovered);
    const origin = (c: Feed['communities'][number]) =>
      `Discovered from shared work in corp/platform history, ${c.evidence!.since!.slice(0, 4)}–${c.evidence!.until!.slice(0, 4)} — not a chartered community (standing: unrecognized).`;
    const popup = await extensionPage(browser, 'popup.html');

    // Search results: each discovered community badged, with where, when and its evidence.
    await popup.locator('#finder-input').fill('Part');
    const rows = popup.locator('.result[data-kind="community"]');
    await expect.poll(() => rows.count(), { timeout: 10_000 }).toBe(discovered.length);
    for (const c of discovered) {
      const row = popup.locator(`.result[data-kind="community"][data-id="${c.id}"]`);
      expect(await row.locator('[data-discovered-badge]').textContent()).toBe('discovered');
      expect(await row.locator('[data-discovered-note]').textContent()).toBe(
        `${origin(c)} Evidence: ${c.evidence!.summary}`,
      );
    }
    // The chartered community is not labelled.
    await popup.locator('#finder-input').fill('Widget');
    const widget = popup.locator('.result[data-kind="community"][data-id="widget-guild"]');
    await expect.poll(() => widget.count()).toBe(1);
    expect(await widget.locator('[data-discovered-badge]').count()).toBe(0);
    expect(await widget.locator('[data-discovered-note]').count()).toBe(0);
    // It was enriched by the history that matched it: its detail shows that evidence, as
    // evidence for a declared community, with no "discovered" label.
    const declared = feed.communities.find((c) => c.id === 'widget-guild')!;
    expect(declared.evidence).toBeDefined();
    await widget.click();
    const declaredView = popup.locator('.community-view[data-community="widget-guild"]');
    await expect.poll(() => declaredView.count()).toBe(1);
    expect(await declaredView.locator('p[data-evidence]').textContent()).toBe(
      `Also seen in shared work: ${declared.evidence!.summary}`,
    );
    expect(await declaredView.locator('[data-discovered-badge]').count()).toBe(0);
    await popup.keyboard.press('Escape');

    // A community's detail: badge in the title, the note, each member's evidence.
    const community = discovered[0]!;
    await popup.locator('#finder-input').fill(community.name);
    await popup.locator(`.result[data-kind="community"][data-id="${community.id}"]`).click();
    const view = popup.locator(`.community-view[data-community="${community.id}"]`);
    await expect.poll(() => view.count()).toBe(1);
    expect(await view.locator('h2 [data-discovered-badge]').textContent()).toBe('discovered');
    expect(await view.locator('[data-discovered-note]').textContent()).toBe(
      `${origin(community)} Evidence: ${community.evidence!.summary}`,
    );
    const members = feed.memberships.filter((m) => m.community === community.id);
    expect(await view.locator('[data-evidence]').count()).toBe(members.length);

    // A person's communities: the discovered one badged, with the evidence of their part in it.
    const core = members.find((m) => m.participation === 'core')!;
    const person = feed.people.find((p) => p.id === core.person)!;
    await view.getByRole('button', { name: person.name, exact: true }).click();
    const personView = popup.locator(`.person-view[data-person="${person.id}"]`);
    await expect.poll(() => personView.count()).toBe(1);
    const entry = personView.locator('li', {
      has: popup.getByRole('button', { name: community.name, exact: true }),
    });
    expect(await entry.locator('[data-discovered-badge]').textContent()).toBe('discovered');
    expect(await entry.locator('[data-discovered-note]').textContent()).toBe(
      `${origin(community)} Evidence: ${core.evidence!.summary}`,
    );

    // Take part: a suggestion for a topic of the discovered community says the same.
    await popup.keyboard.press('Escape');
    await popup.keyboard.press('Escape');
    await popup.locator('#finder-input').fill('');
    await popup.getByRole('tab', { name: 'Take part' }).click();
    const topic = feed.topics.find((t) => t.id === community.topics[0])!;
    await popup.getByLabel('Add a topic you care about').fill(topic.label);
    await popup.getByRole('button', { name: `Add ${topic.label}`, exact: true }).click();
    const suggestion = popup.locator(`.suggestions li[data-community="${community.id}"]`);
    await expect.poll(() => suggestion.count(), { timeout: 10_000 }).toBe(1);
    expect(await suggestion.locator('[data-discovered-badge]').textContent()).toBe('discovered');
    expect(await suggestion.locator('[data-discovered-note]').textContent()).toBe(
      `${origin(community)} Evidence: ${community.evidence!.summary}`,
    );
    await popup.close();
  });
});
