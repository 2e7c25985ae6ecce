// Changes files end to end (issue 19 goal 2): the built extension in real Chromium syncs a feed
// that a real HTTP server on 127.0.0.1 publishes with a manifest listing a delta and a changes
// file. A 1% change then costs the manifest and the changes file (no document, no delta), lands
// as a layer over the stored generation with exactly the new document's records, and a second
// change lands as a new layer over the same base; a changes file whose records do not add up
// to the new document falls back to the whole document and says why.
import { createHash } from 'node:crypto';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SyncReportRow } from '../../lib/db/sync-schema';
import { generateSyntheticFeed } from '../../lib/demo/synthetic';
import { MANIFEST_FORMAT, MANIFEST_VERSION, type FeedManifest } from '../../lib/feed/manifest';
import { changesBetween } from '../../lib/feedtool/changes-build';
import { deltaBetween } from '../../lib/feedtool/delta-publish';
import type { FeedInput } from '../../lib/model/feed';
import { launchWithExtension, type LaunchedChromium } from '../../scripts/chromium';
import { builtExtensionDir } from './support/extension';
import { startFeedServer, type FeedServer } from './support/feed-server';
import {
  extensionPage,
  setFeeds,
  storeRows,
  syncNow,
  visibleConsistency,
} from './support/sync-helpers';

const PEOPLE = 2000;

function feed(generatedAt: string, mark?: string): FeedInput {
  const out = {
    ...generateSyntheticFeed({ people: PEOPLE, seed: 23, feedId: 'acme-changes' }),
    generatedAt,
  };
  if (mark) out.people.forEach((p, i) => i % 100 === 0 && (p.title = `${mark} ${i}`));
  return out;
}

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/**
 * Publishes `text` at /acme.json with its manifest and, from `earlier`, a delta and a changes
 * file (`tamper` may rewrite the changes file before it is named and served).
 */
function publish(
  server: FeedServer,
  text: string,
  earlier?: string,
  tamper: (changes: Record<string, unknown>) => void = () => undefined,
): void {
  const manifest: FeedManifest = {
    format: MANIFEST_FORMAT,
    version: MANIFEST_VERSION,
    feedId: 'acme-changes',
    generatedAt: (JSON.parse(text) as FeedInput).generatedAt,
    document: { sha256: sha256(text), bytes: Buffer.byteLength(text) },
    deltas: [],
    changes: [],
  };
  if (earlier) {
    const [base, next] = [Buffer.from(earlier), Buffer.from(text)];
    const delta = deltaBetween(base, sha256(earlier), next, sha256(text))!;
    const written = changesBetween(base, sha256(earlier), next, sha256(text))!;
    const parsed = JSON.parse(written) as Record<string, unknown>;
    tamper(parsed);
    const changes = JSON.stringify(parsed);
    for (const [body, entries] of [
      [delta, manifest.deltas],
      [changes, manifest.changes],
    ] as const) {
      const path = `acme.json.deltas/${sha256(body)}.json`;
      server.set(`/${path}`, { kind: 'feed', body });
      entries.push({
        from: sha256(earlier),
        path,
        sha256: sha256(body),
        bytes: Buffer.byteLength(body),
      });
    }
  }
  server.set('/acme.json', { kind: 'feed', body: text });
  server.set('/acme.json.manifest.json', { kind: 'feed', body: JSON.stringify(manifest) });
}

describe('sync by changes files in Chromium', () => {
  let browser: LaunchedChromium;
  let server: FeedServer;
  let page: Page;
  let url: string;
  const first = JSON.stringify(feed('2026-11-20T10:00:00Z'));
  const second = JSON.stringify(feed('2026-11-21T10:00:00Z', 'Changed title'));
  const renamed = feed('2026-11-22T10:00:00Z', 'Retitled');
  renamed.people[7]!.name = 'Zephyrine Quillfeather';
  const third = JSON.stringify(renamed);

  beforeAll(async () => {
    server = await startFeedServer();
    url = server.url('/acme.json');
    publish(server, first);
    browser = await launchWithExtension({ extensionDir: builtExtensionDir() });
    page = await extensionPage(browser, 'options.html');
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  async function syncAndCount(): Promise<{ report: SyncReportRow; paths: string[] }> {
    const before = server.requests.length;
    const report = await syncNow(page, url);
    return {
      report,
      paths: server.requests.slice(before).map((r) => `${r.path} ${r.status}`),
    };
  }

  /** Titles of the visible people who carry `mark`, by id. */
  async function marked(mark: string): Promise<string[]> {
    const people = await storeRows<{ id: string; title?: string }>(page, 'people');
    return people
      .filter((p) => p.title?.startsWith(`${mark} `))
      .map((p) => p.id)
      .sort();
  }

  const expected = (text: string, mark: string) =>
    (JSON.parse(text) as FeedInput).people
      .filter((p) => p.title?.startsWith(`${mark} `))
      .map((p) => p.id)
      .sort();

  it('first sync: the whole document', async () => {
    await setFeeds(page, [{ url, label: 'Acme changes', intervalMinutes: 60 }]);
    await expect
      .poll(async () => (await syncNow(page, url)).outcome, { timeout: 60_000 })
      .toBe('updated');
  });

  it('a 1% change arrives as its changes file and lands as a layer: the manifest and one small file', async () => {
    publish(server, second, first);
    const { report, paths } = await syncAndCount();
    expect(report).toMatchObject({
      outcome: 'updated',
      counts: { added: 0, changed: PEOPLE / 100, removed: 0 },
      delivery: { via: 'changes' },
    });
    expect(paths).toEqual([
      '/acme.json.manifest.json 200',
      expect.stringMatching(/^\/acme\.json\.deltas\/[0-9a-f]{64}\.json 200$/),
    ]);
    expect(report.delivery!.receivedBytes / Buffer.byteLength(second)).toBeLessThan(0.05);
    const [row] = await storeRows<{ gen: number; base?: number }>(page, 'feeds');
    expect(row!.base).toBeDefined();
    expect(await marked('Changed title')).toEqual(expected(second, 'Changed title'));
    expect((await storeRows(page, 'people')).length).toBe(PEOPLE);
    const consistency = await visibleConsistency(page);
    expect(
      consistency.map((c) => [c.counted === c.people, c.countedMemberships === c.memberships]),
    ).toEqual([[true, true]]);
  });

  it('a second change lands as a new layer over the same base', async () => {
    const [before] = await storeRows<{ gen: number; base?: number }>(page, 'feeds');
    publish(server, third, second);
    const { report } = await syncAndCount();
    expect(report).toMatchObject({ outcome: 'updated', delivery: { via: 'changes' } });
    const [row] = await storeRows<{ gen: number; base?: number }>(page, 'feeds');
    expect(row!.base).toBe(before!.base);
    expect(row!.gen).not.toBe(before!.gen);
    expect(await marked('Changed title')).toEqual([]);
    expect(await marked('Retitled')).toEqual(expected(third, 'Retitled'));
    const gens = new Set((await storeRows<{ gen: number }>(page, 'packs')).map((p) => p.gen));
    expect([...gens].sort()).toEqual([row!.base, row!.gen].sort());

    // The popup reads through the layer: the renamed person is found by the new name.
    const popup = await browser.context.newPage();
    await popup.goto(`chrome-extension://${browser.extensionId}/popup.html`);
    await expect
      .poll(() => popup.locator('[data-count="people"]').textContent())
      .toBe(String(PEOPLE));
    await popup.getByRole('button', { name: 'Stay anonymous' }).click();
    const box = popup.getByRole('combobox', { name: 'Search people, topics and communities' });
    await box.fill('quillfea');
    const found = popup.locator(`[data-kind="person"][data-id="${renamed.people[7]!.id}"]`);
    await expect.poll(() => found.count()).toBe(1);
    expect(await found.locator('.name').textContent()).toBe('Zephyrine Quillfeather');
    await popup.close();
  });

  it('changes that do not add up to the new document fall back to it, and say why', async () => {
    const fourth = JSON.stringify({
      ...feed('2026-11-23T10:00:00Z', 'Retitled'),
      organization: { name: 'Acme 4' },
    });
    publish(server, fourth, third, (changes) => {
      (changes.state as Record<string, { hashSum: number }>).memberships!.hashSum += 1;
    });
    const { report, paths } = await syncAndCount();
    expect(report).toMatchObject({ outcome: 'updated', delivery: { via: 'document' } });
    expect(report.delivery!.note).toMatch(
      /the changes file "acme\.json\.deltas\/[0-9a-f]{64}\.json" was not applied: the memberships it would leave differ/,
    );
    expect(paths.at(-1)).toBe('/acme.json 200');
    const [row] = await storeRows<{ organization: string; base?: number }>(page, 'feeds');
    expect(row).toMatchObject({ organization: 'Acme 4' });
    expect(row!.base).toBeUndefined();
    expect(await marked('Retitled')).toEqual(expected(fourth, 'Retitled'));
  });
});
