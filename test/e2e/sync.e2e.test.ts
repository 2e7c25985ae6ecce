// Background sync end to end: the built extension in real Chromium syncs from a real HTTP
// server on 127.0.0.1 that serves each feed variant of issue 3 in turn — first sync (added
// through the options page), 304, a changed feed, an HTML page with 200, 500, 429 with
// Retry-After, a truncated body, an oversize body, a rollback, signatures, one bad record
// among thousands — and the feed's removal, which brings the demo back.
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SyncReportRow } from '../../lib/db/sync-schema';
import { generateSyntheticFeed } from '../../lib/demo/synthetic';
import { generateEd25519KeyPair, signBytes } from '../../lib/feedtool/keys';
import type { FeedInput } from '../../lib/model/feed';
import { launchWithExtension, type LaunchedChromium } from '../../scripts/chromium';
import { builtExtensionDir } from './support/extension';
import { startFeedServer, type FeedServer } from './support/feed-server';
import {
  badgeText,
  extensionPage,
  storeRows,
  storedSetting,
  syncNow,
  visibleConsistency,
} from './support/sync-helpers';

const DEMO_PEOPLE = (
  JSON.parse(
    readFileSync(new URL('../../public/demo-feed.json', import.meta.url), 'utf8'),
  ) as FeedInput
).people.length;

/** The invalid-record share saved in the extension's settings. */
const storedShare = (page: Page) => storedSetting(page, 'maxInvalidShare');

// A link to this computer in every generation: allowed because the feed itself is served
// from loopback.
const LOCAL_CHAT = { kind: 'chat' as const, label: 'Local chat', url: 'http://127.0.0.1:9/chat' };

declare const chrome: { runtime: { sendMessage(message: unknown): Promise<unknown> } };

/** A community of everyone, as an all-staff group gives: large enough for a digest. */
const EVERYONE = 'everyone';

function feed(people: number, generatedAt: string): FeedInput {
  const generated = generateSyntheticFeed({ people, seed: 3, feedId: 'acme-e2e' });
  const first = generated.communities[0]!;
  first.channels = [...(first.channels ?? []), LOCAL_CHAT];
  generated.communities.push({ ...first, id: EVERYONE, name: 'Everyone at Acme', related: [] });
  generated.people.forEach((person, i) =>
    generated.memberships.push({
      person: person.id,
      community: EVERYONE,
      participation: i % 10 === 0 ? 'core' : 'peripheral',
      roles: [],
    }),
  );
  return { ...generated, generatedAt };
}

describe('background sync in Chromium', () => {
  let browser: LaunchedChromium;
  let server: FeedServer;
  let options: Page;
  let feedUrl: string;
  const base = feed(300, '2026-11-20T10:00:00Z');
  const errors: string[] = [];

  beforeAll(async () => {
    server = await startFeedServer();
    feedUrl = server.url('/acme.json');
    server.set('/acme.json', { kind: 'feed', body: JSON.stringify(base) });
    browser = await launchWithExtension({ extensionDir: builtExtensionDir() });
    options = await extensionPage(browser, 'options.html');
    options.on('pageerror', (error) => errors.push(error.message));
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  /**
   * The popup's counts and data source as first shown; with `withHealth`, also the feed
   * health line, which the full popup adds once it has loaded (the counts are painted before
   * it by the popup's first script), so it is waited for, not assumed after a pause.
   */
  async function popupCounts({ withHealth = false } = {}): Promise<{
    people: string | null;
    source: string | null;
    health: string | null;
  }> {
    const popup = await extensionPage(browser, 'popup.html');
    await popup.locator('[data-count="people"]').waitFor();
    await popup.waitForTimeout(200);
    if (withHealth) await popup.locator('.sync-health').waitFor({ timeout: 15_000 });
    const out = {
      people: await popup.locator('[data-count="people"]').textContent(),
      source: await popup.locator('[data-source]').getAttribute('data-source'),
      health: (await popup.locator('.sync-health').count())
        ? await popup.locator('.sync-health').getAttribute('data-health')
        : null,
    };
    await popup.close();
    return out;
  }

  it('adds a feed in the options page; its first sync replaces the demo', async () => {
    await expect
      .poll(async () => (await popupCounts()).people, { timeout: 30_000 })
      .toBe(String(DEMO_PEOPLE));
    await expect(options.locator('.demo-note .demo-label').textContent()).resolves.toBe(
      'Demo data',
    );
    await options.getByRole('button', { name: 'Add a feed' }).click();
    await options.locator('input[name="url"]').fill(feedUrl);
    await options.locator('input[name="label"]').fill('Acme e2e');
    await options.locator('input[name="intervalMinutes"]').fill('30');
    await options.getByRole('button', { name: 'Add feed' }).click();
    const item = options.locator(`[data-feed-url="${feedUrl}"]`);
    await expect
      .poll(() => item.locator('.report').getAttribute('data-outcome'), { timeout: 30_000 })
      .toBe('updated');
    expect(await item.locator('[data-count="added"]').textContent()).toMatch(/^\d+ added$/);
    expect(await options.locator('.demo-note').count()).toBe(0);
    const popup = await popupCounts({ withHealth: true });
    expect(popup).toEqual({ people: String(base.people.length), source: 'feeds', health: 'ok' });
    const consistency = await visibleConsistency(options);
    expect(consistency.map((c) => c.feedId)).toEqual(['acme-e2e']);
    expect(consistency[0]!.counted).toBe(consistency[0]!.people);
    expect(
      server.requests.find((r) => r.path === '/acme.json')!.headers['if-none-match'],
    ).toBeUndefined();
    expect(await badgeText(options)).toBe('');
  });

  it('links a community to this computer in the popup because its feed is served from loopback', async () => {
    const community = base.communities[0]!;
    const popup = await extensionPage(browser, 'popup.html');
    await popup
      .getByRole('combobox', { name: 'Search people, topics and communities' })
      .fill(community.name);
    const option = popup.locator(`[data-kind="community"][data-id="${community.id}"]`);
    await expect.poll(() => option.count()).toBe(1);
    await option.click();
    const takePart = popup.locator(`.community-view[data-community="${community.id}"] .take-part`);
    await expect
      .poll(() => takePart.getByRole('link', { name: LOCAL_CHAT.label }).getAttribute('href'))
      .toBe(LOCAL_CHAT.url);
    await popup.close();
  });

  it('lists a community of everyone from the digest the worker wrote after the sync', async () => {
    const [shown] = await storeRows<{ feedId: string; gen: number }>(options, 'feeds');
    await expect
      .poll(async () =>
        (
          await storeRows<{ feedId: string; gen: number; community: string; part: string }>(
            options,
            'communityDigests',
          )
        ).map((d) => `${d.feedId} ${d.gen === shown!.gen} ${d.community} ${d.part}`),
      )
      .toEqual([
        `acme-e2e true ${EVERYONE} first`,
        `acme-e2e true ${EVERYONE} members`,
        `acme-e2e true ${EVERYONE} summary`,
      ]);
    const popup = await extensionPage(browser, 'popup.html');
    await popup
      .getByRole('combobox', { name: 'Search people, topics and communities' })
      .fill('Everyone at Acme');
    const option = popup.locator(`[data-kind="community"][data-id="${EVERYONE}"]`);
    await expect.poll(() => option.count()).toBe(1);
    await option.click();
    const view = popup.locator(`.community-view[data-community="${EVERYONE}"]`);
    const core = view.locator('.member-group[data-participation="core"]');
    await expect.poll(() => core.locator('h4').textContent()).toBe('core (30)');
    const peripheral = view.locator('.member-group[data-participation="peripheral"]');
    expect(await peripheral.locator('h4').textContent()).toBe('peripheral (270)');
    expect(await peripheral.locator('li').count()).toBe(30);
    // By name, as this browser orders them.
    const names = await core.locator('li button').allTextContents();
    expect(names).toHaveLength(30);
    const sorted = await popup.evaluate(
      (list) => [...list].sort((a, b) => a.localeCompare(b)),
      names,
    );
    expect(names).toEqual(sorted);
    const everyone = base.people.filter((_, i) => i % 10 === 0).map((p) => p.name);
    expect(new Set(names)).toEqual(new Set(everyone));
    // The view first read the digest's first 60 of each level; the next page shows them and
    // reads the rest, the one after shows those.
    await peripheral
      .getByRole('button', { name: 'Show 30 more of 240 peripheral members' })
      .click();
    await expect.poll(() => peripheral.locator('li').count()).toBe(60);
    await peripheral
      .getByRole('button', { name: 'Show 30 more of 210 peripheral members' })
      .click();
    await expect.poll(() => peripheral.locator('li').count()).toBe(90);
    const paged = await peripheral.locator('li button').allTextContents();
    expect(paged).toEqual(
      await popup.evaluate((list) => [...list].sort((a, b) => a.localeCompare(b)), paged),
    );
    expect(await peripheral.locator('h4').textContent()).toBe('peripheral (270)');
    // Its hovercard, as the worker answers a page: the count and the first five core members by
    // name (no one has a role), from the digest's summary.
    const card = (await popup.evaluate(
      (request) => chrome.runtime.sendMessage({ type: 'annotateCommunityCard', request }),
      { feedId: 'acme-e2e', id: EVERYONE },
    )) as { ok: boolean; value: { members: number; ask: { name: string }[] } };
    expect(card.ok).toBe(true);
    expect(card.value.members).toBe(300);
    expect(card.value.ask.map((a) => a.name)).toEqual(names.slice(0, 5));
    await popup.close();
  });

  it('a 304 sends the validators and writes nothing; "Sync now" in options shows it', async () => {
    const before = await storeRows<{ ingestedAt: string }>(options, 'feeds');
    const item = options.locator(`[data-feed-url="${feedUrl}"]`);
    await item.getByRole('button', { name: 'Sync now' }).click();
    await expect
      .poll(() => item.locator('.report').getAttribute('data-outcome'))
      .toBe('not-modified');
    const last = server.requests.at(-1)!;
    expect(last.status).toBe(304);
    expect(last.headers['if-none-match']).toMatch(/^"/);
    expect(last.headers['if-modified-since']).toBe(new Date('2026-11-20T10:00:00Z').toUTCString());
    expect(await storeRows(options, 'feeds')).toEqual(before);
  });

  it('a changed feed writes only the change', async () => {
    const next = feed(300, '2026-11-21T10:00:00Z');
    next.people[5]!.title = 'Head of Practice';
    server.set('/acme.json', { kind: 'feed', body: JSON.stringify(next) });
    const report = await syncNow(options, feedUrl);
    expect(report).toMatchObject({
      outcome: 'updated',
      counts: { added: 0, changed: 1, removed: 0, invalid: 0 },
    });
  });

  const refusals: [string, () => void, RegExp][] = [
    [
      'an HTML page with 200',
      () =>
        server.set('/acme.json', { kind: 'html', body: '<!doctype html><title>Sign in</title>' }),
      /HTML/,
    ],
    [
      'HTTP 500',
      () => server.set('/acme.json', { kind: 'status', status: 500, body: 'boom' }),
      /HTTP 500/,
    ],
    [
      'a truncated body',
      () =>
        server.set('/acme.json', {
          kind: 'truncated',
          body: JSON.stringify(feed(300, '2026-11-22T10:00:00Z')),
          sendBytes: 5000,
        }),
      /connection broke|not valid JSON/,
    ],
    [
      'an oversize body',
      () => server.set('/acme.json', { kind: 'oversize', megabytes: 257 }),
      /larger than the 256 MB limit; leave out what the directory does not need/,
    ],
    [
      'a rollback',
      () =>
        server.set('/acme.json', {
          kind: 'feed',
          body: JSON.stringify(feed(300, '2026-01-01T00:00:00Z')),
        }),
      /older than the 2026-11-21T10:00:00Z that landed from this URL/,
    ],
  ];
  it.each(refusals)(
    'refuses %s, keeps the last good data, flags the badge',
    async (_name, serve, reason) => {
      serve();
      const report = await syncNow(options, feedUrl);
      expect(['refused', 'failed']).toContain(report.outcome);
      expect(report.message).toMatch(reason);
      expect(report.message).toContain('The data generated 2026-11-21T10:00:00Z stays');
      const popup = await popupCounts({ withHealth: true });
      expect(popup).toEqual({ people: '300', source: 'feeds', health: 'problem' });
      expect(await badgeText(options)).toBe('!');
    },
  );

  it('honours Retry-After on 429', async () => {
    server.set('/acme.json', { kind: 'status', status: 429, headers: { 'Retry-After': '5400' } });
    const report = await syncNow(options, feedUrl);
    expect(report).toMatchObject({ outcome: 'failed', httpStatus: 429 });
    expect(
      Date.parse(report.nextAttemptAt!) - Date.parse(report.finishedAt),
    ).toBeGreaterThanOrEqual(5_400_000);
  });

  it('requires a valid detached signature once a public key is configured', async () => {
    const keys = generateEd25519KeyPair();
    const next = JSON.stringify(feed(300, '2026-11-23T10:00:00Z'));
    server.set('/acme.json', { kind: 'feed', body: next });
    const item = options.locator(`[data-feed-url="${feedUrl}"]`);
    await item.getByRole('button', { name: 'Edit' }).click();
    await item.locator('textarea[name="publicKey"]').fill(keys.publicKeyPem);
    await item.getByRole('button', { name: 'Save' }).click();
    await expect
      .poll(() => item.locator('.feed-url').textContent())
      .toContain('signature required');

    const missing = await syncNow(options, feedUrl);
    expect(missing.outcome).toBe('refused');
    expect(missing.message).toContain('.sig is missing');
    const other = signBytes(
      Buffer.from(next.replace('2026-11-23', '2026-11-24')),
      keys.privateKeyPem,
    );
    server.set('/acme.json.sig', { kind: 'text', body: other.ok ? other.signature : '' });
    const bad = await syncNow(options, feedUrl);
    expect(bad.outcome).toBe('refused');
    expect(bad.message).toContain('bad signature: signature does not match the feed bytes');
    const good = signBytes(Buffer.from(next), keys.privateKeyPem);
    server.set('/acme.json.sig', { kind: 'text', body: good.ok ? good.signature : '' });
    const ok = await syncNow(options, feedUrl);
    expect(ok).toMatchObject({ outcome: 'updated', signature: 'Ed25519', failures: 0 });
    expect(await badgeText(options)).toBe('');
    const item2 = options.locator(`[data-feed-url="${feedUrl}"]`);
    await item2.getByRole('button', { name: 'Edit' }).click();
    await item2.locator('textarea[name="publicKey"]').fill('');
    await item2.getByRole('button', { name: 'Save' }).click();
    await expect
      .poll(() => item2.locator('.feed-url').textContent())
      .not.toContain('signature required');
  });

  it('lands thousands of records around one bad one, which keeps its previous version', async () => {
    const big = feed(2000, '2026-11-25T10:00:00Z');
    server.set('/acme.json', { kind: 'feed', body: JSON.stringify(big) });
    const first = await syncNow(options, feedUrl);
    expect(first).toMatchObject({ outcome: 'updated', counts: { invalid: 0 } });
    const broken = feed(2000, '2026-11-26T10:00:00Z') as unknown as {
      people: { name: string; emails: string[]; id: string }[];
    };
    broken.people[1234]!.name = '';
    server.set('/acme.json', { kind: 'feed', body: JSON.stringify(broken) });
    const report: SyncReportRow = await syncNow(options, feedUrl);
    expect(report.outcome).toBe('updated');
    expect(report.counts!.invalid).toBeGreaterThanOrEqual(1);
    expect(report.counts!.kept).toBe(report.counts!.invalid);
    expect(report.problems[0]!.path).toBe('people[1234].name');
    const people = await storeRows<{ feedId: string; id: string; emails: string[] }>(
      options,
      'people',
    );
    const kept = people.find((p) => p.id === broken.people[1234]!.id)!;
    expect(kept.emails[0]).toContain('@');
    expect((kept as unknown as { name: string }).name).not.toBe('');
    expect((await popupCounts()).people).toBe('2000');

    // With the invalid share set to 0% in options, the same kind of document is refused whole.
    const share = options.locator('.invalid-share input');
    await share.fill('0');
    await share.press('Tab');
    await expect.poll(() => storedShare(options)).toBe(0);
    const stricter = feed(2000, '2026-11-27T10:00:00Z') as unknown as {
      people: { name: string }[];
    };
    stricter.people[7]!.name = '';
    server.set('/acme.json', { kind: 'feed', body: JSON.stringify(stricter) });
    const refused = await syncNow(options, feedUrl);
    expect(refused.outcome).toBe('refused');
    expect(refused.message).toContain('more than the 0% allowed');
    await share.fill('10');
    await share.press('Tab');
    await expect.poll(() => storedShare(options)).toBe(0.1);
  });

  it('lands a .json.gz body through DecompressionStream', async () => {
    const next = feed(2000, '2026-11-28T10:00:00Z');
    next.people[3]!.title = 'Compressed Lead';
    server.set('/acme.json', {
      kind: 'feed',
      body: gzipSync(JSON.stringify(next)),
      contentType: 'application/gzip',
    });
    const report = await syncNow(options, feedUrl);
    expect(report).toMatchObject({
      outcome: 'updated',
      counts: { changed: 1, added: 0, removed: 0 },
    });
    const people = await storeRows<{ id: string; title?: string }>(options, 'people');
    expect(people.find((p) => p.id === next.people[3]!.id)?.title).toBe('Compressed Lead');
  });

  it('imports a local-data file in the options page, with a report of what was skipped', async () => {
    const file = {
      format: 'constellation-local-data',
      version: 1,
      exportedAt: '2026-11-22T00:00:00Z',
      me: [
        {
          key: 'me',
          feedId: 'acme-e2e',
          personId: base.people[0]!.id,
          chosenAt: '2026-11-22T00:00:00Z',
        },
      ],
      follows: [{ feedId: 'acme-e2e', community: 'c-1', followedAt: 'not a date' }],
      notes: [
        {
          target: 'person',
          feedId: 'acme-e2e',
          targetId: base.people[1]!.id,
          text: 'Ask about k8s',
          updatedAt: '2026-11-22T00:00:00Z',
        },
      ],
    };
    await options.locator('#local-data input[type="file"]').setInputFiles({
      name: 'my-data.json',
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify(file)),
    });
    const report = options.locator('.import-report');
    await expect
      .poll(() => report.textContent())
      .toContain('Imported 1 me, 0 follows, 0 myMemberships, 0 myExpertise, 1 notes.');
    expect(await report.textContent()).toContain('follows[0].followedAt');
    expect(await storeRows(options, 'notes')).toHaveLength(1);
    // The export holds exactly the imported data.
    const download = options.waitForEvent('download');
    await options.getByRole('button', { name: 'Export my data' }).click();
    const saved = await (await download).path();
    const exported = JSON.parse(readFileSync(saved, 'utf8')) as {
      me: unknown[];
      notes: { text: string }[];
    };
    expect(exported.me).toEqual(file.me);
    expect(exported.notes.map((n) => n.text)).toEqual(['Ask about k8s']);
  });

  it('removing the feed removes exactly its records and brings the demo back', async () => {
    const item = options.locator(`[data-feed-url="${feedUrl}"]`);
    await item.getByRole('button', { name: 'Remove' }).click();
    await expect
      .poll(async () => (await popupCounts()).people, { timeout: 30_000 })
      .toBe(String(DEMO_PEOPLE));
    expect((await popupCounts()).source).toBe('demo');
    const people = await storeRows<{ feedId: string }>(options, 'people');
    expect(new Set(people.map((p) => p.feedId))).toEqual(new Set(['demo-northwind']));
    expect(await storeRows(options, 'syncReports')).toEqual([]);
    expect(await storeRows(options, 'communityDigests')).toEqual([]);
    // Sync never touches local data: the imported note is still there.
    expect(await storeRows(options, 'notes')).toHaveLength(1);
    expect(errors).toEqual([]);
  });
});
