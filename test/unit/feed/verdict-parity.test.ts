// One verdict (issue 12.3): `constellation-feed validate --json` and the extension's sync
// (syncFeed over fake-indexeddb, the same code the service worker runs) read the same bytes
// and must give identical verdicts, counts, sentences and problem lists — over every fixture
// feed, the bundled demo, the sample feeds built from the real corpus, and generated faulty
// feeds (bad values, bad records, dependents, duplicates, dangling references).
import { readFileSync, readdirSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateSyntheticFeed } from '../../../lib/demo/synthetic';
import { syncFeed } from '../../../lib/feed/sync';
import { PROBLEMS_KEPT } from '../../../lib/feed/report';
import { buildFeed } from '../../../lib/feedtool/build';
import { runValidate } from '../../../lib/feedtool/cli-validate';
import { emptyTestDb } from '../../fixtures/test-db';
import { FIXTURES, REPO_ROOT } from '../feedtool/helpers';
import { FakeFeedServer } from './fake-server';

const URL_A = 'https://feeds.acme.example/parity.json';
const SHARE = 0.1;

interface CliJson {
  ok: boolean;
  problems?: { path: string; reason: string; effect: string }[];
  verdict?: {
    sentence: string;
    total: number;
    landed: number;
    faulty: number;
    dependent: number;
    dropped: number;
    refused?: string;
  };
  error?: { reason: string };
}

async function cli(body: string | Uint8Array): Promise<{ code: number; json: CliJson }> {
  const dir = await mkdtemp(path.join(tmpdir(), 'parity-'));
  try {
    await writeFile(path.join(dir, 'feed.json'), body);
    const out: string[] = [];
    const code = await runValidate.run(
      {
        values: { json: true, 'max-invalid-share': String(SHARE * 100) },
        positionals: ['feed.json'],
      },
      { cwd: dir, out: (line) => out.push(line), err: () => undefined },
    );
    return { code, json: JSON.parse(out.join('\n')) as CliJson };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

async function extension(body: string | Uint8Array) {
  const db = emptyTestDb();
  const server = new FakeFeedServer().serveFeed(URL_A, body);
  const report = await syncFeed(
    { db, fetch: server.fetch, owner: 'parity', maxInvalidShare: SHARE },
    { url: URL_A, label: 'Parity', intervalMinutes: 60 },
  );
  db.close();
  return report;
}

async function expectSameVerdict(name: string, body: string | Uint8Array) {
  const [{ code, json }, report] = await Promise.all([cli(body), extension(body)]);
  if (!json.ok) {
    // Not a feed at all: both refuse, for the same reason.
    expect(report.outcome, name).toBe('refused');
    expect(code, name).toBe(1);
    expect(report.problems[0]!.reason, name).toBe(json.error!.reason);
    return;
  }
  const { refused, sentence, ...counts } = json.verdict!;
  expect(report.verdict, name).toEqual(counts);
  expect(report.summary, name).toBe(sentence);
  expect(code === 1, name).toBe(refused !== undefined);
  const problems = json.problems!.map((p) => ({
    path: p.path,
    reason: p.reason,
    effect: p.effect,
  }));
  if (refused) {
    expect(report.outcome, name).toBe('refused');
    expect(report.problems[0]!.reason, name).toBe(
      `${refused}; the whole last good generation stays`,
    );
    expect(report.problems.slice(1), name).toEqual(problems.slice(0, PROBLEMS_KEPT - 1));
  } else {
    expect(report.outcome, name).toBe('updated');
    expect(report.problems, name).toEqual(problems.slice(0, PROBLEMS_KEPT));
  }
  expect(report.problemCount, name).toBe(problems.length + (refused ? 1 : 0));
}

function faulty(seed: number): string {
  const feed = generateSyntheticFeed({ people: 60, seed }) as unknown as Record<
    string,
    Record<string, unknown>[]
  >;
  const pick = (list: string, n: number) => feed[list]![(seed * 7 + n) % feed[list]!.length]!;
  pick('communities', 1).stage = 'thriving';
  pick('communities', 2).repertoire = [{ label: 'x', url: 'http://insecure.example/' }];
  pick('communities', 3).related = ['c-nowhere'];
  pick('people', 1).emails = ['not-an-email'];
  pick('people', 2).name = '';
  pick('people', 3).unit = 'u-gone';
  feed.people!.push({ ...pick('people', 4) });
  feed.memberships!.push({ person: 'p-ghost', community: 'c-0', participation: 'core' });
  pick('memberships', 5).roles = ['chief'];
  pick('expertise', 6).level = 0;
  return JSON.stringify(feed);
}

describe('one verdict: the CLI and the extension agree', () => {
  const feedsDir = path.join(FIXTURES, 'feeds');
  for (const file of readdirSync(feedsDir)) {
    it(`fixture ${file}`, async () => {
      await expectSameVerdict(file, readFileSync(path.join(feedsDir, file)));
    });
  }

  it('the golden feed and the bundled demo', async () => {
    await expectSameVerdict(
      'golden',
      readFileSync(path.join(FIXTURES, 'golden', 'expected.feed.json')),
    );
    await expectSameVerdict('demo', readFileSync(path.join(REPO_ROOT, 'public', 'demo-feed.json')));
  });

  it('the sample feeds built from the real corpus', async () => {
    for (const config of ['kubernetes-community', 'python-devguide']) {
      const built = await buildFeed(`lib/feedtool/samples/${config}.yaml`, {
        cwd: REPO_ROOT,
        generatedAt: '2026-08-21T00:00:00Z',
      });
      expect(built.ok, config).toBe(true);
      await expectSameVerdict(config, JSON.stringify(built.feed));
    }
  }, 60_000);

  it('generated faulty feeds, within and over the threshold', async () => {
    for (const seed of [1, 2, 3, 4]) await expectSameVerdict(`faulty ${seed}`, faulty(seed));
    const many = JSON.parse(faulty(5)) as Record<string, Record<string, unknown>[]>;
    for (const person of many.people!.slice(0, 40)) person.name = '';
    await expectSameVerdict('over the threshold', JSON.stringify(many));
  }, 60_000);
});
