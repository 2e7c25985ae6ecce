// The feed delta protocol in the sync engine: a changed feed is rebuilt from a delta instead
// of downloaded; an unchanged one costs a 304 of its manifest; every manifest or delta fault
// falls back to the whole document with a note saying what and where; trust rules and
// signatures hold exactly as for the whole document; the landed data equals what the whole
// document lands (property-tested); a generation interrupted mid-write resumes.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ConstellationDB } from '../../../lib/db/database';
import { FEED_LISTS } from '../../../lib/model/feed';
import { visibleRecords } from '../../../lib/db/packed';
import { getPerson } from '../../../lib/db/queries';
import { generateSyntheticFeed } from '../../../lib/demo/synthetic';
import { syncFeed, type SyncDeps, type SyncProgress } from '../../../lib/feed/sync';
import { generateEd25519KeyPair, signBytes } from '../../../lib/feedtool/keys';
import type { FeedInput } from '../../../lib/model/feed';
import { smallFeed } from '../../fixtures/small-feed';
import { emptyTestDb } from '../../fixtures/test-db';
import { servePublication } from './delta-publication';
import { FakeFeedServer, syncDeps, type ScriptedResponse } from './fake-server';

const URL_A = 'https://feeds.acme.example/main.json';
const MANIFEST = `${URL_A}.manifest.json`;

const target = (publicKey?: string) => ({
  url: URL_A,
  label: 'Acme',
  intervalMinutes: 60,
  ...(publicKey ? { publicKey } : {}),
});

function changed(feed: FeedInput, generatedAt: string, title: string): FeedInput {
  const next = structuredClone(feed);
  next.generatedAt = generatedAt;
  next.people[1]!.title = title;
  return next;
}

/** Every stored record of every feed list, in key order: what a reader can see. */
async function landed(db: ConstellationDB): Promise<unknown[]> {
  const tables = await Promise.all(FEED_LISTS.map((list) => visibleRecords(db, list)));
  const feeds = (await db.feeds.toArray()).map(({ ingestedAt: _at, gen: _gen, ...row }) => row);
  return [...tables, feeds];
}

const V1 = JSON.stringify(smallFeed());
const V2 = JSON.stringify(changed(smallFeed(), '2026-11-21T09:00:00Z', 'Principal engineer'));

async function firstThenSecond(server: FakeFeedServer, extra: Partial<SyncDeps> = {}) {
  const db = emptyTestDb();
  servePublication(server, URL_A, V1);
  const first = await syncFeed(syncDeps(db, server, extra), target());
  expect(first).toMatchObject({ outcome: 'updated', delivery: { via: 'document' } });
  return db;
}

describe('sync by the feed delta protocol', () => {
  it('rebuilds a changed feed from a delta: no download of the document, same rows as a whole sync', async () => {
    const server = new FakeFeedServer();
    const db = await firstThenSecond(server);
    servePublication(server, URL_A, V2, [V1]);
    const before = server.requests.length;
    const report = await syncFeed(syncDeps(db, server), target());
    expect(report).toMatchObject({
      outcome: 'updated',
      counts: { added: 0, changed: 1, removed: 0 },
      delivery: { via: 'delta' },
    });
    expect(report.delivery!.receivedBytes).toBeLessThan(V2.length);
    const urls = server.requests.slice(before).map((r) => r.url);
    expect(urls).not.toContain(URL_A);
    expect(urls[0]).toBe(MANIFEST);
    expect(urls[1]).toMatch(/main\.json\.deltas\/[0-9a-f]{64}\.json$/);

    const whole = emptyTestDb();
    const plain = new FakeFeedServer().serveFeed(URL_A, V2);
    await syncFeed(syncDeps(whole, plain), target());
    expect(await landed(db)).toEqual(await landed(whole));
  });

  it('answers an unchanged manifest with a 304 and touches nothing', async () => {
    const server = new FakeFeedServer();
    const db = await firstThenSecond(server);
    const before = server.requests.length;
    const report = await syncFeed(syncDeps(db, server), target());
    expect(report).toMatchObject({
      outcome: 'not-modified',
      httpStatus: 304,
      delivery: { via: 'manifest', receivedBytes: 0 },
    });
    expect(server.requests.slice(before).map((r) => r.url)).toEqual([MANIFEST]);
    expect(server.requests.at(-1)!.headers['if-none-match']).toMatch(/^"/);
  });

  it.each([
    [
      'a delta whose bytes do not match the manifest',
      (server: FakeFeedServer, deltaUrl: string) =>
        server.serveFeed(deltaUrl, '{"format":"constellation-feed-delta"}'),
      /the delta https:\/\/feeds\.acme\.example\/main\.json\.deltas\/[0-9a-f]{64}\.json does not match its SHA-256 in the manifest/,
    ],
    [
      'a missing delta',
      (server: FakeFeedServer, deltaUrl: string) => server.serve(deltaUrl, { status: 404 }),
      /the delta https:\/\/\S+ could not be fetched: the server answered HTTP 404/,
    ],
    [
      'a manifest that is not one',
      (server: FakeFeedServer) =>
        server.serveFeed(MANIFEST, JSON.stringify({ format: 'constellation-feed-manifest' })),
      /main\.json\.manifest\.json: the manifest is not valid at version/,
    ],
    [
      'a manifest that is not JSON',
      (server: FakeFeedServer) => server.serveFeed(MANIFEST, '<html>oops</html>'),
      /main\.json\.manifest\.json: the manifest is not UTF-8 JSON/,
    ],
    [
      'a manifest that fails on the server',
      (server: FakeFeedServer) => server.serve(MANIFEST, { status: 500 }),
      /the manifest \S+ could not be fetched: the server answered HTTP 500/,
    ],
    [
      // Retry-After asks for a pause on a 429 or a 503 only: this is the failure it says.
      'a manifest that fails on the server with a Retry-After',
      (server: FakeFeedServer) =>
        server.serve(MANIFEST, { status: 500, headers: { 'Retry-After': '600' } }),
      /^the manifest \S+ could not be fetched: the server answered HTTP 500$/,
    ],
    [
      'a manifest answered 503 without a Retry-After',
      (server: FakeFeedServer) => server.serve(MANIFEST, { status: 503 }),
      /^the manifest \S+ could not be fetched: the server answered HTTP 503$/,
    ],
    [
      'a missing delta with a Retry-After',
      (server: FakeFeedServer, deltaUrl: string) =>
        server.serve(deltaUrl, { status: 404, headers: { 'Retry-After': '600' } }),
      /^the delta https:\/\/\S+ could not be fetched: the server answered HTTP 404$/,
    ],
  ])(
    'falls back to the whole document on %s, saying what and where',
    async (_what, spoil, note) => {
      const server = new FakeFeedServer();
      const db = await firstThenSecond(server);
      const published = servePublication(server, URL_A, V2, [V1]);
      spoil(server, [...published.deltas.keys()][0]!);
      const report = await syncFeed(syncDeps(db, server), target());
      expect(report).toMatchObject({ outcome: 'updated', delivery: { via: 'document' } });
      expect(report.delivery!.note).toMatch(note);
      expect(report.message).toContain('The feed delta was not used:');
      const whole = emptyTestDb();
      await syncFeed(syncDeps(whole, new FakeFeedServer().serveFeed(URL_A, V2)), target());
      expect(await landed(db)).toEqual(await landed(whole));
    },
  );

  it('a delta listed on another origin is never fetched', async () => {
    const server = new FakeFeedServer();
    const db = await firstThenSecond(server);
    const published = servePublication(server, URL_A, V2, [V1]);
    published.manifest.deltas[0]!.path = 'https://elsewhere.example/d.json';
    server.serveFeed(MANIFEST, JSON.stringify(published.manifest));
    const report = await syncFeed(syncDeps(db, server), target());
    expect(report.delivery!.note).toBe(
      `the delta "https://elsewhere.example/d.json" listed in ${MANIFEST} is not on the feed's origin`,
    );
    expect(server.requests.some((r) => r.url.includes('elsewhere'))).toBe(false);
    expect(report.outcome).toBe('updated');
  });

  it('a publisher without a manifest costs one 404 and keeps no delta state', async () => {
    const db = emptyTestDb();
    const server = new FakeFeedServer().serveFeed(URL_A, V1);
    const report = await syncFeed(syncDeps(db, server), target());
    expect(report).toMatchObject({ outcome: 'updated', delivery: { via: 'document' } });
    expect(report.delivery!.note).toBeUndefined();
    expect(report.message).not.toContain('delta');
    expect(await db.syncBases.count()).toBe(0);
    expect(await db.syncManifests.count()).toBe(0);
  });

  it('a manifest request that gets no answer is silent for a feed that never had one', async () => {
    const db = emptyTestDb();
    const server = new FakeFeedServer().serveFeed(URL_A, V1);
    const fetch: SyncDeps['fetch'] = (url, init) =>
      url === MANIFEST ? Promise.reject(new TypeError('Failed to fetch')) : server.fetch(url, init);
    const report = await syncFeed(syncDeps(db, server, { fetch }), target());
    expect(report).toMatchObject({ outcome: 'updated', delivery: { via: 'document' } });
    expect(report.delivery!.note).toBeUndefined();

    // Once a manifest was seen, the same failure is worth saying.
    const published = new FakeFeedServer();
    const seen = await firstThenSecond(published);
    servePublication(published, URL_A, V2, [V1]);
    const broken: SyncDeps['fetch'] = (url, init) =>
      url === MANIFEST
        ? Promise.reject(new TypeError('Failed to fetch'))
        : published.fetch(url, init);
    const second = await syncFeed(syncDeps(seen, published, { fetch: broken }), target());
    expect(second.delivery!.note).toBe(
      `the manifest ${MANIFEST} could not be fetched: the server could not be reached, or redirected too many times (Failed to fetch)`,
    );
    expect(second.outcome).toBe('updated');
  });

  it('a manifest answered 429, or 503 with Retry-After, ends the sync: the host asked for a pause', async () => {
    for (const [status, retryAfter, waitMs, asked] of [
      [
        429,
        '120',
        120_000,
        'it asked to be tried again in 2 min, and the next attempt waits at least that long',
      ],
      [
        503,
        '600',
        600_000,
        'it asked to be tried again in 10 min, and the next attempt waits at least that long',
      ],
      [429, undefined, undefined, 'the feed is asked for again later'],
    ] as const) {
      const published = new FakeFeedServer();
      const db = await firstThenSecond(published);
      servePublication(published, URL_A, V2, [V1]);
      published.serve(MANIFEST, {
        status,
        body: 'slow down',
        headers: retryAfter ? { 'Retry-After': retryAfter } : {},
      });
      const before = published.requests.length;
      const report = await syncFeed(syncDeps(db, published), target());
      const name = `${status} ${retryAfter}`;
      // The document (up to 256 MB) is not asked for right after the host said to wait.
      expect(
        published.requests.slice(before).map((r) => r.url),
        name,
      ).toEqual([MANIFEST]);
      expect(report, name).toMatchObject({ outcome: 'failed', httpStatus: status, failures: 1 });
      expect(report.message, name).toBe(
        `Could not download the feed: the manifest ${MANIFEST} could not be fetched: the server answered HTTP ${status}; ${asked}. The data generated ${smallFeed().generatedAt} stays.`,
      );
      if (waitMs !== undefined)
        expect(Date.parse(report.nextAttemptAt!) - Date.parse(report.finishedAt), name).toBe(
          waitMs,
        );
    }
  });

  it('a delta answered 429 ends the sync too, with the delta named', async () => {
    const published = new FakeFeedServer();
    const db = await firstThenSecond(published);
    const publication = servePublication(published, URL_A, V2, [V1]);
    const [deltaUrl] = [...publication.deltas.keys()];
    published.serve(deltaUrl!, { status: 429, headers: { 'Retry-After': '120' } });
    const before = published.requests.length;
    const report = await syncFeed(syncDeps(db, published), target());
    expect(published.requests.slice(before).map((r) => r.url)).toEqual([MANIFEST, deltaUrl]);
    expect(report).toMatchObject({ outcome: 'failed', httpStatus: 429 });
    expect(report.message).toBe(
      `Could not download the feed: the delta ${deltaUrl} could not be fetched: the server answered HTTP 429; it asked to be tried again in 2 min, and the next attempt waits at least that long. The data generated ${smallFeed().generatedAt} stays.`,
    );
    expect(Date.parse(report.nextAttemptAt!) - Date.parse(report.finishedAt)).toBe(120_000);
  });

  it('keeps only the active document as a base', async () => {
    const server = new FakeFeedServer();
    const db = await firstThenSecond(server);
    servePublication(server, URL_A, V2, [V1]);
    await syncFeed(syncDeps(db, server), target());
    const bases = await db.syncBases.toArray();
    expect(bases.map((b) => b.digest)).toEqual([(await db.syncSources.get(URL_A))!.digest]);
    expect(new TextDecoder().decode(bases[0]!.bytes)).toBe(V2);
  });

  it('applies the trust rules to a rebuilt document exactly as to the whole one', async () => {
    const older = JSON.stringify(changed(smallFeed(), '2026-11-19T09:00:00Z', 'Rolled back'));
    const server = new FakeFeedServer();
    const db = await firstThenSecond(server);
    servePublication(server, URL_A, older, [V1]);
    const report = await syncFeed(syncDeps(db, server), target());
    expect(report.delivery).toMatchObject({ via: 'delta' });
    const whole = await firstThenSecond(new FakeFeedServer().serveFeed(URL_A, V1));
    const plain = new FakeFeedServer().serveFeed(URL_A, older);
    const wholeReport = await syncFeed(syncDeps(whole, plain), target());
    expect(report.outcome).toBe('refused');
    expect(report.message).toBe(wholeReport.message);
    expect(report.problems).toEqual(wholeReport.problems);
    expect(report.acceptable).toEqual(wholeReport.acceptable);
    expect(
      (await getPerson(db, { feedId: 'acme-main', id: smallFeed().people[1]!.id }))!.title,
    ).not.toBe('Rolled back');
  });

  it('resumes a delta generation interrupted mid-write', async () => {
    const big = (at: string, title: string) => {
      const feed = generateSyntheticFeed({ people: 60, seed: 3, feedId: 'acme-main' });
      feed.generatedAt = at;
      for (const [i, person] of feed.people.entries()) if (i % 2 === 0) person.title = title;
      return JSON.stringify(feed);
    };
    const a = big('2026-11-20T09:00:00Z', 'A');
    const b = big('2026-11-21T09:00:00Z', 'B');
    const db = emptyTestDb();
    const server = new FakeFeedServer();
    servePublication(server, URL_A, a);
    await syncFeed(syncDeps(db, server, { chunkSize: 5 }), target());
    servePublication(server, URL_A, b, [a]);
    let reached!: () => void;
    const frozen = new Promise<void>((resolve) => (reached = resolve));
    void syncFeed(
      syncDeps(db, server, {
        owner: 'worker-dead',
        chunkSize: 5,
        onProgress: (p: SyncProgress) =>
          p.phase === 'writing' && p.chunksDone === 2
            ? (reached(), new Promise<void>(() => undefined))
            : undefined,
      }),
      target(),
    );
    await frozen;
    const report = await syncFeed(
      syncDeps(db, server, { chunkSize: 5, isLeaseAbandoned: async () => true }),
      target(),
    );
    expect(report).toMatchObject({
      outcome: 'updated',
      resumedAtChunk: 2,
      delivery: { via: 'delta' },
    });
    const whole = emptyTestDb();
    await syncFeed(syncDeps(whole, new FakeFeedServer().serveFeed(URL_A, b)), target());
    expect(await landed(db)).toEqual(await landed(whole));
  });
});

describe('signed manifests', () => {
  const keys = generateEd25519KeyPair();
  const sign = (text: string) => {
    const signed = signBytes(Buffer.from(text), keys.privateKeyPem);
    if (!signed.ok) throw new Error(signed.reason);
    return signed.signature;
  };

  /**
   * A signed feed synced once, then a second version published; `manifestSignature` gives the
   * new manifest's `.sig` (a signature, undefined for a 404, or a whole answer).
   */
  async function signedSetup(
    manifestSignature: (manifestText: string) => string | undefined | ScriptedResponse,
  ) {
    const db = emptyTestDb();
    const server = new FakeFeedServer();
    const one = servePublication(server, URL_A, V1);
    server.serve(`${URL_A}.sig`, { body: sign(V1) });
    server.serve(`${MANIFEST}.sig`, { body: sign(one.manifestText) });
    await syncFeed(syncDeps(db, server), target(keys.publicKeyPem));
    const two = servePublication(server, URL_A, V2, [V1]);
    server.serve(`${URL_A}.sig`, { body: sign(V2) });
    const sig = manifestSignature(two.manifestText);
    server.serve(
      `${MANIFEST}.sig`,
      sig === undefined ? { status: 404 } : typeof sig === 'string' ? { body: sig } : sig,
    );
    const before = server.requests.length;
    const report = await syncFeed(syncDeps(db, server), target(keys.publicKeyPem));
    return { db, server, report, asked: server.requests.slice(before).map((r) => r.url) };
  }

  it('a signed manifest vouches for the rebuilt document', async () => {
    const { report, server } = await signedSetup(sign);
    expect(report).toMatchObject({
      outcome: 'updated',
      signature: 'Ed25519',
      delivery: { via: 'delta' },
    });
    expect(server.requests.slice(-3).map((r) => r.url)).not.toContain(URL_A);
  });

  it('a manifest signature answered 429 ends the sync rather than fetching the document', async () => {
    const { report, asked } = await signedSetup(() => ({
      status: 429,
      headers: { 'Retry-After': '90' },
    }));
    expect(asked).toEqual([MANIFEST, `${MANIFEST}.sig`]);
    expect(report).toMatchObject({ outcome: 'failed', httpStatus: 429 });
    expect(report.message).toBe(
      `Could not download the feed: the signature file ${MANIFEST}.sig could not be fetched: the server answered HTTP 429; it asked to be tried again in 90 s, and the next attempt waits at least that long. The data generated ${smallFeed().generatedAt} stays.`,
    );
    expect(Date.parse(report.nextAttemptAt!) - Date.parse(report.finishedAt)).toBe(90_000);
  });

  it('a bad manifest signature falls back to the signed whole document', async () => {
    const { report } = await signedSetup(() => sign('something else'));
    expect(report).toMatchObject({
      outcome: 'updated',
      signature: 'Ed25519',
      delivery: { via: 'document' },
    });
    expect(report.delivery!.note).toBe(
      `bad signature on the manifest ${MANIFEST}: signature does not match the feed bytes`,
    );
  });

  it('an unsigned manifest falls back too, and an unsigned document is still refused', async () => {
    const { report, db, server } = await signedSetup(() => undefined);
    expect(report.delivery!.note).toBe(
      `the manifest is not signed: the signature file ${MANIFEST}.sig is missing (HTTP 404)`,
    );
    expect(report.outcome).toBe('updated');
    server.serve(`${URL_A}.sig`, { status: 404 });
    servePublication(
      server,
      URL_A,
      JSON.stringify(changed(smallFeed(), '2026-11-21T10:00:00Z', 'Unsigned')),
      [V2],
    );
    const third = await syncFeed(syncDeps(db, server), target(keys.publicKeyPem));
    expect(third.outcome).toBe('refused');
    expect(third.problems[0]!.reason).toContain('signature required but');
  });
});

describe('parity: what a delta lands equals what the whole document lands', () => {
  const titles = fc.array(fc.option(fc.string({ maxLength: 12 }), { nil: undefined }), {
    minLength: 4,
    maxLength: 4,
  });
  it('for any change of titles, removals and additions of people', async () => {
    await fc.assert(
      fc.asyncProperty(titles, fc.nat(3), fc.boolean(), async (newTitles, drop, add) => {
        const next = smallFeed();
        next.generatedAt = '2026-11-21T09:00:00Z';
        next.people.forEach((person, i) => {
          if (newTitles[i] !== undefined) person.title = newTitles[i];
        });
        const gone = next.people.splice(drop, 1)[0]!.id;
        next.memberships = next.memberships.filter((m) => m.person !== gone);
        next.expertise = (next.expertise ?? []).filter((e) => e.person !== gone);
        if (add)
          next.people.push({ id: 'p-new', name: 'New Person', emails: ['new@acme.example'] });
        const text = JSON.stringify(next, null, add ? 2 : undefined);
        const server = new FakeFeedServer();
        const db = await firstThenSecond(server);
        servePublication(server, URL_A, text, [V1]);
        const report = await syncFeed(syncDeps(db, server), target());
        const whole = emptyTestDb();
        const wholeReport = await syncFeed(
          syncDeps(whole, new FakeFeedServer().serveFeed(URL_A, text)),
          target(),
        );
        expect(report.delivery?.via).toBe('delta');
        expect(report.outcome).toBe(wholeReport.outcome);
        expect(report.verdict).toEqual(wholeReport.verdict);
        expect(await landed(db)).toEqual(await landed(whole));
      }),
      { numRuns: 12 },
    );
  });
});
