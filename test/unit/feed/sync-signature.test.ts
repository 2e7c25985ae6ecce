// Signed feeds: with a public key configured, a missing or bad detached signature refuses the
// document whole; a good Ed25519 or ECDSA P-256 signature over the exact bytes lets it land.
import { generateKeyPairSync, sign } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { syncFeed } from '../../../lib/feed/sync';
import { generateEd25519KeyPair, signBytes } from '../../../lib/feedtool/keys';
import { smallFeed } from '../../fixtures/small-feed';
import { emptyTestDb } from '../../fixtures/test-db';
import { FakeFeedServer } from './fake-server';
import { visibleRecords } from '../../../lib/db/packed';

const URL_A = 'https://feeds.acme.example/main.json';
const keys = generateEd25519KeyPair();
const body = JSON.stringify(smallFeed());

async function run(server: FakeFeedServer, publicKey = keys.publicKeyPem) {
  const db = emptyTestDb();
  const report = await syncFeed(
    { db, fetch: server.fetch, owner: 'w', maxInvalidShare: 0.1 },
    { url: URL_A, label: 'Acme', intervalMinutes: 60, publicKey },
  );
  return { db, report };
}

function signature(bytes: Uint8Array): string {
  const signed = signBytes(bytes, keys.privateKeyPem);
  if (!signed.ok) throw new Error(signed.reason);
  return signed.signature;
}

describe('signed feeds', () => {
  it('lands a feed whose Ed25519 signature matches the exact bytes', async () => {
    const server = new FakeFeedServer()
      .serveFeed(URL_A, body)
      .serve(`${URL_A}.sig`, { body: signature(Buffer.from(body)) });
    const { report, db } = await run(server);
    expect(report).toMatchObject({ outcome: 'updated', signature: 'Ed25519' });
    expect((await visibleRecords(db, 'people')).length).toBe(4);
  });

  it('accepts ECDSA P-256 (DER) too', async () => {
    const pair = generateKeyPairSync('ec', { namedCurve: 'prime256v1' });
    const der = sign('sha256', Buffer.from(body), pair.privateKey).toString('base64');
    const server = new FakeFeedServer().serveFeed(URL_A, body).serve(`${URL_A}.sig`, { body: der });
    const { report } = await run(
      server,
      pair.publicKey.export({ type: 'spki', format: 'pem' }).toString(),
    );
    expect(report).toMatchObject({ outcome: 'updated', signature: 'ECDSA-P256' });
  });

  it('refuses a feed whose signature is missing', async () => {
    const server = new FakeFeedServer().serveFeed(URL_A, body);
    const { report, db } = await run(server);
    expect(report.outcome).toBe('refused');
    expect(report.problems[0]!.reason).toBe(
      `signature required but the signature file ${URL_A}.sig is missing (HTTP 404)`,
    );
    expect((await visibleRecords(db, 'people')).length).toBe(0);
  });

  it('waits, rather than refuses, when the signature file is answered 429 with Retry-After', async () => {
    const server = new FakeFeedServer()
      .serveFeed(URL_A, body)
      .serve(`${URL_A}.sig`, { status: 429, headers: { 'Retry-After': '300' } });
    const { report, db } = await run(server);
    expect(report).toMatchObject({ outcome: 'failed', httpStatus: 429, failures: 1 });
    expect(report.message).toBe(
      `Could not download the feed: the signature file ${URL_A}.sig could not be fetched: the server answered HTTP 429; it asked to be tried again in 5 min, and the next attempt waits at least that long. Nothing from this feed is stored yet.`,
    );
    expect(Date.parse(report.nextAttemptAt!) - Date.parse(report.finishedAt)).toBe(300_000);
    expect((await visibleRecords(db, 'people')).length).toBe(0);
  });

  it('waits for a 503 with Retry-After, but refuses on a 500 with one: that is a fault, not a pause', async () => {
    const busy = new FakeFeedServer()
      .serveFeed(URL_A, body)
      .serve(`${URL_A}.sig`, { status: 503, headers: { 'Retry-After': '300' } });
    const waited = await run(busy);
    expect(waited.report).toMatchObject({ outcome: 'failed', httpStatus: 503, failures: 1 });
    expect(Date.parse(waited.report.nextAttemptAt!) - Date.parse(waited.report.finishedAt)).toBe(
      300_000,
    );
    const failing = new FakeFeedServer()
      .serveFeed(URL_A, body)
      .serve(`${URL_A}.sig`, { status: 500, headers: { 'Retry-After': '300' } });
    const { report, db } = await run(failing);
    expect(report.outcome).toBe('refused');
    expect(report.problems[0]!.reason).toBe(
      `signature required but the signature file ${URL_A}.sig could not be fetched: the server answered HTTP 500`,
    );
    expect((await visibleRecords(db, 'people')).length).toBe(0);
  });

  it('refuses a feed altered after signing (even one byte of white space)', async () => {
    const server = new FakeFeedServer()
      .serveFeed(URL_A, `${body} `)
      .serve(`${URL_A}.sig`, { body: signature(Buffer.from(body)) });
    const { report } = await run(server);
    expect(report.outcome).toBe('refused');
    expect(report.problems[0]!.reason).toBe(
      'bad signature: signature does not match the feed bytes',
    );
  });

  it('checks a .json.gz body against its JSON or the bytes served', async () => {
    const gz = gzipSync(body);
    for (const signed of [Buffer.from(body), gz]) {
      const server = new FakeFeedServer()
        .serveFeed(URL_A, gz)
        .serve(`${URL_A}.sig`, { body: signature(signed) });
      expect((await run(server)).report.outcome).toBe('updated');
    }
  });
});
