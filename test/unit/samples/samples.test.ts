// Real sample feeds: what the build bundles from .sample-feeds/ (checked index, checksums,
// plain file names) and how the background loads and removes a sample (the demo makes way
// and comes back; configured feeds are never replaced; only extension pages may ask).
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { handleMessage } from '../../../lib/background/handlers';
import { loadSample, removeSample, type SampleDeps } from '../../../lib/background/samples';
import { replaceFeed } from '../../../lib/db/ingest';
import { dataStatus } from '../../../lib/db/queries';
import { parseSamplesIndex } from '../../../lib/samples';
import { sampleAssets } from '../../../scripts/sample-assets';
import { smallFeed } from '../../fixtures/small-feed';
import { emptyTestDb, parsedFeed } from '../../fixtures/test-db';

const sha = (text: string) => createHash('sha256').update(text).digest('hex');

function sampleText(): string {
  const feed = smallFeed();
  feed.feedId = 'sample-acme';
  feed.organization = { name: 'Acme sample' };
  return JSON.stringify(feed);
}

function sourceEntry(file: string, text: string) {
  return {
    file,
    label: 'Acme: a test sample',
    source: {
      repository: 'https://github.com/acme/community',
      commit: 'a'.repeat(40),
      snapshotDate: '2026-08-21',
      files: '../shared/corpus/acme',
    },
    license: 'Apache-2.0',
    licenseFile: 'acme.LICENSE.txt',
    attribution: 'Derived from https://github.com/acme/community, © Acme, Apache-2.0.',
    counts: { units: 2, people: 4, topics: 3, communities: 2, memberships: 5, expertise: 3 },
    bytes: text.length,
    sha256: sha(text),
  };
}

let dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  dirs = [];
});

function sampleFolder(entries: object[], files: Record<string, string>): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'samples-'));
  dirs.push(dir);
  writeFileSync(path.join(dir, 'index.json'), JSON.stringify({ feeds: entries }));
  for (const [name, text] of Object.entries(files)) writeFileSync(path.join(dir, name), text);
  return dir;
}

describe('bundling .sample-feeds into the build', () => {
  it('bundles nothing, and says why, when the folder was never built', () => {
    const result = sampleAssets(path.join(tmpdir(), 'no-such-sample-folder'));
    expect(result.assets).toEqual([]);
    expect(result.message).toMatch(/npm run sample-feeds/);
  });

  it('bundles each checked feed, its licence and an index the extension can read', () => {
    const text = sampleText();
    const dir = sampleFolder([sourceEntry('acme.json', text)], {
      'acme.json': text,
      'acme.LICENSE.txt': 'Apache License 2.0 …',
    });
    const { assets, message } = sampleAssets(dir);
    expect(message).toBe('sample feeds bundled: acme.json');
    expect(assets.map((a) => a.relativeDest)).toEqual([
      'samples/acme.json',
      'samples/acme.LICENSE.txt',
      'samples/index.json',
    ]);
    const index = assets.find((a) => a.relativeDest === 'samples/index.json')!;
    const parsed = parseSamplesIndex('contents' in index ? index.contents : '');
    expect(parsed.ok && parsed.index.feeds.map((f) => [f.file, f.feedId, f.license])).toEqual([
      ['acme.json', 'sample-acme', 'Apache-2.0'],
    ]);
  });

  it('skips, with the reason, a feed whose bytes changed, a missing licence or a path', () => {
    const text = sampleText();
    const dir = sampleFolder(
      [
        { ...sourceEntry('acme.json', text), sha256: sha('something else') },
        { ...sourceEntry('other.json', text), licenseFile: 'missing.txt' },
        sourceEntry('../escape.json', text),
      ],
      { 'acme.json': text, 'other.json': text, 'acme.LICENSE.txt': 'licence' },
    );
    const { assets, message } = sampleAssets(dir);
    expect(assets).toEqual([]);
    expect(message).toContain('feeds[0]: acme.json does not match its sha256');
    expect(message).toContain('feeds[1]: other.json or its licence file is missing');
    expect(message).toContain('feeds[2].file: must be a plain file name');
  });

  it('says what is wrong in a broken index, and where', () => {
    expect(parseSamplesIndex('{')).toMatchObject({
      ok: false,
      error: expect.stringMatching(/^not JSON/),
    });
    expect(parseSamplesIndex(JSON.stringify({ feeds: [{ file: 'x.json' }] }))).toMatchObject({
      ok: false,
      error: expect.stringMatching(/^feeds\.0\./),
    });
  });
});

describe('loading and removing a sample in the background', () => {
  function deps(files: Record<string, string>): SampleDeps {
    const demo = smallFeed();
    demo.feedId = 'demo-test';
    return {
      db: emptyTestDb(),
      readBundled: async (p) => {
        if (!(p in files)) throw new Error(`${p} is not bundled`);
        return files[p]!;
      },
      loadDemo: async () => JSON.stringify(demo),
    };
  }
  // The index as the build writes it (flat fields, with the feed's id).
  const bundle = (text: string) => {
    const { source, ...rest } = sourceEntry('acme.json', text);
    const entry = { ...rest, ...source, feedId: 'sample-acme' };
    return {
      'samples/index.json': JSON.stringify({ feeds: [entry] }),
      'samples/acme.json': text,
    };
  };

  it('loads a bundled sample instead of the demo, and brings the demo back when removed', async () => {
    const text = sampleText();
    const d = deps(bundle(text));
    await replaceFeed(d.db, parsedFeed({ ...smallFeed(), feedId: 'demo-test' }), {
      source: 'demo',
    });
    const loaded = await loadSample(d, 'acme.json');
    expect(loaded).toEqual({
      feedId: 'sample-acme',
      organization: 'Acme sample',
      people: 4,
      communities: 2,
      problems: 0,
    });
    let status = await dataStatus(d.db);
    expect(status.feeds.map((f) => [f.feedId, f.source])).toEqual([['sample-acme', 'sample']]);
    expect(status.demo).toBe(false);

    await removeSample(d, 'sample-acme');
    status = await dataStatus(d.db);
    expect(status.feeds.map((f) => [f.feedId, f.source])).toEqual([['demo-test', 'demo']]);
  });

  it('refuses a file not in the index, changed bytes, and replacing a configured feed', async () => {
    const text = sampleText();
    const d = deps(bundle(text));
    await expect(loadSample(d, 'other.json')).rejects.toThrow(
      'no sample feed "other.json" is bundled with this build',
    );
    const tampered = deps({
      ...bundle(text),
      'samples/acme.json': `${text} `,
    });
    await expect(loadSample(tampered, 'acme.json')).rejects.toThrow(/does not match the checksum/);

    await replaceFeed(d.db, parsedFeed(JSON.parse(text)), {
      source: 'url',
      url: 'https://feeds.acme.example/sample.json',
    });
    await expect(loadSample(d, 'acme.json')).rejects.toThrow(
      /a configured feed \(https:\/\/feeds\.acme\.example\/sample\.json\) already provides "sample-acme"/,
    );
    await expect(removeSample(d, 'sample-acme')).rejects.toThrow(
      '"sample-acme" is not a sample feed',
    );
    expect((await dataStatus(d.db)).feeds.map((f) => f.source)).toEqual(['url']);
  });

  it('takes load and remove requests only from the extension’s own pages', async () => {
    const db = emptyTestDb();
    const calls: string[] = [];
    const commands = {
      syncNow: async () => [],
      loadSample: async (file: string) => {
        calls.push(file);
        return { feedId: 'x', organization: 'X', people: 0, communities: 0, problems: 0 };
      },
      removeSample: async () => undefined,
    };
    const message = { type: 'loadSample', request: { file: 'acme.json' } };
    const fromPage = await handleMessage(
      db,
      message,
      { id: 'ext', url: 'https://github.com/acme/x', tab: {} },
      'ext',
      commands,
    );
    expect(fromPage).toEqual({ ok: false, error: 'only the options page may load samples' });
    const fromOptions = await handleMessage(
      db,
      message,
      { id: 'ext', url: 'chrome-extension://ext/options.html' },
      'ext',
      commands,
    );
    expect(fromOptions.ok).toBe(true);
    expect(calls).toEqual(['acme.json']);
  });
});

it('the real sample index written by npm run sample-feeds (when present) is bundled whole', () => {
  const folder = path.resolve(__dirname, '../../../.sample-feeds');
  let source: { feeds: { file: string }[] };
  try {
    source = JSON.parse(readFileSync(path.join(folder, 'index.json'), 'utf8'));
  } catch {
    // Not built in this checkout: the build bundles nothing, which the first test covers.
    expect(sampleAssets(folder).assets).toEqual([]);
    return;
  }
  const { assets } = sampleAssets(folder);
  expect(assets.filter((a) => a.relativeDest.endsWith('.json')).length).toBe(
    source.feeds.length + 1,
  );
});
