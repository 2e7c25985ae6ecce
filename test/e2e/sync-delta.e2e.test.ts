// The feed delta protocol end to end: the built extension in real Chromium syncs a feed that a
// real HTTP server on 127.0.0.1 publishes with a manifest. The first sync downloads the whole
// document; a 1% change then arrives as the manifest and one small delta (the document is not
// requested), lands exactly the changed records, and an unchanged feed costs one 304 of the
// manifest. Requests and bytes are counted on the server.
import { createHash } from 'node:crypto';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SyncReportRow } from '../../lib/db/sync-schema';
import { generateSyntheticFeed } from '../../lib/demo/synthetic';
import { MANIFEST_FORMAT, MANIFEST_VERSION, type FeedManifest } from '../../lib/feed/manifest';
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

function feed(generatedAt: string, changed: boolean): FeedInput {
  const out = {
    ...generateSyntheticFeed({ people: PEOPLE, seed: 19, feedId: 'acme-delta' }),
    generatedAt,
  };
  if (changed) out.people.forEach((p, i) => i % 100 === 0 && (p.title = `Changed title ${i}`));
  return out;
}

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/** Publishes `text` at /acme.json with its manifest (and a delta from `earlier`). */
function publish(server: FeedServer, text: string, earlier?: string): void {
  const manifest: FeedManifest = {
    format: MANIFEST_FORMAT,
    version: MANIFEST_VERSION,
    feedId: 'acme-delta',
    generatedAt: (JSON.parse(text) as FeedInput).generatedAt,
    document: { sha256: sha256(text), bytes: Buffer.byteLength(text) },
    deltas: [],
    changes: [],
  };
  if (earlier) {
    const delta = deltaBetween(
      Buffer.from(earlier),
      sha256(earlier),
      Buffer.from(text),
      sha256(text),
    )!;
    const name = `${sha256(delta)}.json`;
    server.set(`/acme.json.deltas/${name}`, { kind: 'feed', body: delta });
    manifest.deltas.push({
      from: sha256(earlier),
      path: `acme.json.deltas/${name}`,
      sha256: sha256(delta),
      bytes: Buffer.byteLength(delta),
    });
  }
  server.set('/acme.json', { kind: 'feed', body: text });
  server.set('/acme.json.manifest.json', { kind: 'feed', body: JSON.stringify(manifest) });
}

describe('sync by the feed delta protocol in Chromium', () => {
  let browser: LaunchedChromium;
  let server: FeedServer;
  let page: Page;
  let url: string;
  const first = JSON.stringify(feed('2026-11-20T10:00:00Z', false));
  const second = JSON.stringify(feed('2026-11-21T10:00:00Z', true));

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

  async function syncAndCount(): Promise<{
    report: SyncReportRow;
    paths: string[];
    bytes: number;
  }> {
    const before = server.requests.length;
    const report = await syncNow(page, url);
    const made = server.requests.slice(before);
    return {
      report,
      paths: made.map((r) => `${r.path} ${r.status}`),
      bytes: made.reduce((n, r) => n + (r.bytes ?? 0), 0),
    };
  }

  it('first sync: the whole document, after the manifest', async () => {
    await setFeeds(page, [{ url, label: 'Acme delta', intervalMinutes: 60 }]);
    await expect
      .poll(async () => (await syncNow(page, url)).outcome, { timeout: 60_000 })
      .toBe('updated');
    const rows = await storeRows<{ url: string }>(page, 'syncBases');
    expect(rows.map((r) => r.url)).toEqual([url]);
    expect(server.requests.some((r) => r.path === '/acme.json' && r.status === 200)).toBe(true);
  });

  it('a 1% change arrives as a delta: two small requests, no document, the changed records land', async () => {
    publish(server, second, first);
    const { report, paths, bytes } = await syncAndCount();
    expect(report).toMatchObject({
      outcome: 'updated',
      counts: { added: 0, changed: PEOPLE / 100, removed: 0 },
      delivery: { via: 'delta' },
    });
    expect(paths).toEqual([
      '/acme.json.manifest.json 200',
      expect.stringMatching(/^\/acme\.json\.deltas\/[0-9a-f]{64}\.json 200$/),
    ]);
    // Bytes on the wire (gzip as sent) against the document's own gzip answer.
    const wholeGzip = server.requests.find(
      (r) => r.path === '/acme.json' && r.status === 200,
    )!.bytes!;
    expect(bytes).toBeGreaterThan(0);
    expect(bytes / wholeGzip).toBeLessThan(0.05);
    expect(report.delivery!.receivedBytes / Buffer.byteLength(second)).toBeLessThan(0.05);

    const people = await storeRows<{ feedId: string; id: string; title?: string }>(page, 'people');
    const changed = people.filter((p) => p.title?.startsWith('Changed title '));
    expect(changed.map((p) => p.id).sort()).toEqual(
      (JSON.parse(second) as FeedInput).people
        .filter((p) => p.title?.startsWith('Changed title '))
        .map((p) => p.id)
        .sort(),
    );
    const consistency = await visibleConsistency(page);
    expect(consistency.map((c) => [c.feedId, c.counted === c.people])).toEqual([
      ['acme-delta', true],
    ]);
    const sources = await storeRows<{ url: string; digest: string; generatedAt: string }>(
      page,
      'syncSources',
    );
    expect(sources.find((s) => s.url === url)).toMatchObject({
      digest: sha256(second),
      generatedAt: '2026-11-21T10:00:00Z',
    });
  });

  it('an unchanged feed costs one 304 of the manifest', async () => {
    const { report, paths, bytes } = await syncAndCount();
    expect(report).toMatchObject({ outcome: 'not-modified', httpStatus: 304 });
    expect(paths).toEqual(['/acme.json.manifest.json 304']);
    expect(bytes).toBe(0);
  });

  it('a broken delta falls back to the whole document and says where', async () => {
    const third = JSON.stringify({
      ...feed('2026-11-22T10:00:00Z', true),
      organization: { name: 'Acme 3' },
    });
    publish(server, third, second);
    const manifest = JSON.parse(
      await (await fetch(server.url('/acme.json.manifest.json'))).text(),
    ) as FeedManifest;
    server.set(`/${manifest.deltas[0]!.path}`, { kind: 'feed', body: '{"not":"the delta"}' });
    const { report, paths } = await syncAndCount();
    expect(report).toMatchObject({ outcome: 'updated', delivery: { via: 'document' } });
    expect(report.delivery!.note).toBe(
      `the delta ${server.url(`/${manifest.deltas[0]!.path}`)} does not match its SHA-256 in the manifest`,
    );
    expect(paths.at(-1)).toBe('/acme.json 200');
  });
});
