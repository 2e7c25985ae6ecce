// `build --deltas --key` and `serve` for the feed delta protocol, as a publisher runs them:
// the command (in process, run-cli.ts) writes the document, manifest, deltas, changes files
// and signatures;
// the local server serves them over real HTTP on 127.0.0.1 (never the kept history); and the
// extension's own sync engine, fetching from that server, lands the second build by delta.
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseChanges } from '../../../lib/feed/changes';
import { applyDelta, parseDelta } from '../../../lib/feed/delta';
import { parseManifest } from '../../../lib/feed/manifest';
import { verifyDetachedSignature } from '../../../lib/feed/signature';
import { syncFeed } from '../../../lib/feed/sync';
import { startFeedServer } from '../../../lib/feedtool/serve';
import { describePublished } from '../../../lib/feedtool/cli-build';
import { emptyTestDb } from '../../fixtures/test-db';
import { FIXTURES } from './helpers';
import { runCli } from './run-cli';

const GOLDEN = path.join(FIXTURES, 'golden');
const scratch = mkdtempSync(path.join(tmpdir(), 'feedtool-deltas-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const run = (args: string[], cwd = GOLDEN) => runCli(args, cwd);

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');
const out = path.join(scratch, 'acme.json');
const keyPrefix = path.join(scratch, 'signing');
const build = (at: string) =>
  run([
    'build',
    '--config',
    'build.yaml',
    '--out',
    out,
    '--generated-at',
    at,
    '--deltas',
    '--key',
    `${keyPrefix}.key`,
  ]);

describe('build --deltas --key', () => {
  it('writes a signed manifest naming the document, and from the second build a delta that rebuilds it and a changes file', async () => {
    expect((await run(['keygen', '--out', keyPrefix], scratch)).code).toBe(0);
    const publicKey = readFileSync(`${keyPrefix}.pub`, 'utf8');
    const first = await build('2026-11-20T10:00:00Z');
    expect(first.code).toBe(0);
    const firstBytes = readFileSync(out);
    const one = parseManifest(readFileSync(`${out}.manifest.json`));
    expect(one).toMatchObject({
      ok: true,
      manifest: { document: { sha256: sha256(firstBytes), bytes: firstBytes.length }, deltas: [] },
    });

    const second = await build('2026-11-21T10:00:00Z');
    expect(second.code).toBe(0);
    expect(second.stderr).toMatch(
      /wrote .*acme\.json\.deltas\/[0-9a-f]{64}\.json \(\d+ bytes, from [0-9a-f]{12}…\)/,
    );
    const secondBytes = readFileSync(out);
    const manifestBytes = readFileSync(`${out}.manifest.json`);
    const two = parseManifest(manifestBytes);
    if (!two.ok) throw new Error(two.reason);
    expect(two.manifest).toMatchObject({
      feedId: (JSON.parse(secondBytes.toString()) as { feedId: string }).feedId,
      generatedAt: '2026-11-21T10:00:00Z',
      document: { sha256: sha256(secondBytes) },
    });
    expect(two.manifest.deltas).toHaveLength(1);
    const entry = two.manifest.deltas[0]!;
    expect(entry.from).toBe(sha256(firstBytes));
    const deltaBytes = readFileSync(path.join(scratch, entry.path));
    expect(sha256(deltaBytes)).toBe(entry.sha256);
    const delta = parseDelta(deltaBytes);
    if (!delta.ok) throw new Error(delta.reason);
    const rebuilt = applyDelta(firstBytes, delta.delta.ops, 1e8);
    expect(rebuilt.ok && Buffer.from(rebuilt.bytes).equals(secondBytes)).toBe(true);

    // The records are the same: the changes file changes only the envelope.
    expect(second.stderr).toMatch(
      /wrote .*acme\.json\.deltas\/[0-9a-f]{64}\.json \(changes, \d+ bytes, from [0-9a-f]{12}…\)/,
    );
    expect(second.stderr).not.toContain('no changes file');
    expect(two.manifest.changes).toHaveLength(1);
    const changesEntry = two.manifest.changes[0]!;
    expect(changesEntry.from).toBe(sha256(firstBytes));
    const changesBytes = readFileSync(path.join(scratch, changesEntry.path));
    expect(sha256(changesBytes)).toBe(changesEntry.sha256);
    expect(changesBytes.length).toBe(changesEntry.bytes);
    expect(parseChanges(changesBytes)).toMatchObject({
      ok: true,
      changes: {
        from: sha256(firstBytes),
        to: sha256(secondBytes),
        generatedAt: '2026-11-21T10:00:00Z',
        upsert: {},
        remove: {},
      },
    });

    for (const [file, bytes] of [
      [`${out}.sig`, secondBytes],
      [`${out}.manifest.json.sig`, manifestBytes],
    ] as const) {
      const verdict = await verifyDetachedSignature(bytes, readFileSync(file, 'utf8'), publicKey);
      expect(verdict).toEqual({ ok: true, algorithm: 'Ed25519' });
    }
    // The kept history: the current document and the one before it.
    expect(readdirSync(path.join(`${out}.deltas`, 'history')).sort()).toEqual(
      [`${sha256(firstBytes)}.json`, `${sha256(secondBytes)}.json`].sort(),
    );
  });

  it('says which earlier documents get no delta or no changes file, and why', () => {
    const [a, b] = ['ab'.repeat(32), 'cd'.repeat(32)];
    const problems =
      'the new document: it has 2 record problems (the first: people[4].name: must not be empty)';
    const tooLarge = 'it would be 71% of the document (over 50%: not worth fetching)';
    const lines = describePublished(
      {
        deltas: [{ file: path.join(scratch, 'feed.json.deltas', 'd.json'), bytes: 10, from: a }],
        changes: [],
        noDeltas: [{ from: b, why: tooLarge }],
        noChanges: [
          { from: a, why: problems },
          { from: b, why: problems },
        ],
        signed: [],
      },
      scratch,
    );
    expect(lines).toEqual([
      `wrote feed.json.deltas/d.json (10 bytes, from ${a.slice(0, 12)}…)`,
      `no delta from ${b.slice(0, 12)}…: ${tooLarge}`,
      // One reason shared by both earlier documents is said once.
      `no changes file from ${a.slice(0, 12)}…, ${b.slice(0, 12)}…: ${problems}`,
      `clients holding ${b.slice(0, 12)}… will fetch the whole document (no delta, no changes file)`,
    ]);
  });

  it('needs a file to write to', async () => {
    const result = await run(['build', '--config', 'build.yaml', '--deltas']);
    expect(result.code).toBe(2);
    expect(result.stderr.trim()).toBe(
      'constellation-feed build: --deltas and --key need --out (or "output" in the config)',
    );
    expect(existsSync(path.join(GOLDEN, 'acme.json.manifest.json'))).toBe(false);
  });
});

describe('serve with deltas, and the sync engine against it', () => {
  it('serves the manifest, its signature, the deltas and changes files (not the history); the changed feed lands by its changes file', async () => {
    const live = path.join(scratch, 'live', 'acme.json');
    const publish = (at: string) =>
      run([
        'build',
        '--config',
        'build.yaml',
        '--out',
        live,
        '--generated-at',
        at,
        '--deltas',
        '--key',
        `${keyPrefix}.key`,
      ]);
    expect((await publish('2026-11-20T10:00:00Z')).code).toBe(0);
    const server = await startFeedServer({ feedPath: live, port: 0 });
    try {
      const db = emptyTestDb();
      const deps = {
        db,
        owner: 'w',
        maxInvalidShare: 0.1,
        fetch: (url: string, init: RequestInit) => fetch(url, init),
      };
      const target = {
        url: server.feedUrl,
        label: 'Acme',
        intervalMinutes: 60,
        publicKey: readFileSync(`${keyPrefix}.pub`, 'utf8'),
      };
      expect(await syncFeed(deps, target)).toMatchObject({
        outcome: 'updated',
        delivery: { via: 'document' },
      });

      // The server reads the files on every request: the next build is what it serves next.
      expect((await publish('2026-11-21T10:00:00Z')).code).toBe(0);
      const manifest = await fetch(`${server.feedUrl}.manifest.json`);
      expect(manifest.status).toBe(200);
      const parsed = parseManifest(new Uint8Array(await manifest.arrayBuffer()));
      if (!parsed.ok) throw new Error(parsed.reason);
      const again = await fetch(`${server.feedUrl}.manifest.json`, {
        headers: { 'If-None-Match': manifest.headers.get('ETag')! },
      });
      expect(again.status).toBe(304);
      expect((await fetch(`${server.feedUrl}.manifest.json.sig`)).status).toBe(200);
      expect((await fetch(new URL(parsed.manifest.deltas[0]!.path, server.feedUrl))).status).toBe(
        200,
      );
      const changesEntry = parsed.manifest.changes[0]!;
      const changes = await fetch(new URL(changesEntry.path, server.feedUrl));
      expect(changes.status).toBe(200);
      expect(sha256(new Uint8Array(await changes.arrayBuffer()))).toBe(changesEntry.sha256);
      const historyName = `${parsed.manifest.document.sha256}.json`;
      expect((await fetch(`${server.feedUrl}.deltas/history/${historyName}`)).status).toBe(404);
      expect((await fetch(`${server.feedUrl}.deltas/..%2Facme.json`)).status).toBe(404);

      const second = await syncFeed(deps, target);
      expect(second).toMatchObject({
        outcome: 'updated',
        signature: 'Ed25519',
        generatedAt: '2026-11-21T10:00:00Z',
        // The changes file is preferred to the delta: it costs what changed to land.
        delivery: { via: 'changes' },
      });
      expect(await syncFeed(deps, target)).toMatchObject({
        outcome: 'not-modified',
        httpStatus: 304,
      });
    } finally {
      await server.close();
    }
  });
});
