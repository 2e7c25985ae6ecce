// The local feed server, over real HTTP on 127.0.0.1: ETag and 304, Last-Modified,
// gzip negotiation with its own validator, no-cache, the .sig file, the delta protocol's
// manifest and content-addressed files (deltas and changes files), and nothing else.
import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { acceptsGzip, startFeedServer, type FeedServer } from '../../../lib/feedtool/serve';

const dir = mkdtempSync(path.join(tmpdir(), 'feedtool-serve-'));
const feedPath = path.join(dir, 'feed.json');
const body = `{"format":"constellation-feed","people":[${'{"id":"p"},'.repeat(200)}{}]}\n`;
let server: FeedServer;

/** A raw request, so that the test sees the bytes on the wire (fetch would gunzip). */
function get(url: string, headers: Record<string, string> = {}, method = 'GET') {
  return new Promise<{
    status: number;
    headers: Record<string, string | string[] | undefined>;
    body: Buffer;
  }>((resolve, reject) => {
    const req = request(url, { method, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () =>
        resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks) }),
      );
    });
    req.on('error', reject);
    req.end();
  });
}

beforeAll(async () => {
  writeFileSync(feedPath, body);
  utimesSync(feedPath, new Date('2026-11-20T10:00:00Z'), new Date('2026-11-20T10:00:00Z'));
  server = await startFeedServer({ feedPath, port: 0 });
});
afterAll(async () => {
  await server.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('serve', () => {
  it('binds to 127.0.0.1 and serves the feed with validators and no-cache', async () => {
    expect(server.feedUrl).toBe(`http://127.0.0.1:${server.port}/feed.json`);
    const res = await get(server.feedUrl);
    expect(res.status).toBe(200);
    expect(res.body.toString()).toBe(body);
    expect(res.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(res.headers['cache-control']).toBe('no-cache');
    expect(res.headers['last-modified']).toBe('Fri, 20 Nov 2026 10:00:00 GMT');
    expect(res.headers.etag).toMatch(/^"[A-Za-z0-9_-]{43}"$/);
    expect(res.headers['content-encoding']).toBeUndefined();
  });

  it('answers 304 to a matching If-None-Match, and 200 again after the file changes', async () => {
    const first = await get(server.feedUrl);
    const etag = first.headers.etag as string;
    const again = await get(server.feedUrl, { 'If-None-Match': `W/${etag}, "other"` });
    expect(again.status).toBe(304);
    expect(again.body).toHaveLength(0);
    expect(again.headers.etag).toBe(etag);
    expect(
      (await get(server.feedUrl, { 'If-Modified-Since': 'Fri, 20 Nov 2026 10:00:00 GMT' })).status,
    ).toBe(304);
    writeFileSync(feedPath, body.replace('"p"', '"q"'));
    const changed = await get(server.feedUrl, { 'If-None-Match': etag });
    expect(changed.status).toBe(200);
    expect(changed.headers.etag).not.toBe(etag);
    writeFileSync(feedPath, body);
  });

  it('gzips when asked, with its own ETag and Vary: Accept-Encoding', async () => {
    const plain = await get(server.feedUrl);
    const zipped = await get(server.feedUrl, { 'Accept-Encoding': 'br;q=1, gzip;q=0.8' });
    expect(zipped.status).toBe(200);
    expect(zipped.headers['content-encoding']).toBe('gzip');
    expect(zipped.headers.vary).toBe('Accept-Encoding');
    expect(gunzipSync(zipped.body).toString()).toBe(body);
    expect(zipped.body.length).toBeLessThan(body.length / 5);
    expect(zipped.headers.etag).toBe((plain.headers.etag as string).replace(/"$/, '-gzip"'));
    // Either representation's tag revalidates: the bytes are the same.
    expect(
      (
        await get(server.feedUrl, {
          'Accept-Encoding': 'gzip',
          'If-None-Match': plain.headers.etag as string,
        })
      ).status,
    ).toBe(304);
    expect(
      (await get(server.feedUrl, { 'Accept-Encoding': 'gzip;q=0' })).headers['content-encoding'],
    ).toBeUndefined();
  });

  it('serves <feed>.sig when present, and 404 otherwise', async () => {
    expect((await get(server.signatureUrl)).status).toBe(404);
    writeFileSync(`${feedPath}.sig`, 'c2lnbmF0dXJl\n');
    const sig = await get(server.signatureUrl);
    expect(sig.status).toBe(200);
    expect(sig.body.toString()).toBe('c2lnbmF0dXJl\n');
    expect(sig.headers['content-type']).toBe('text/plain; charset=utf-8');
  });

  it('serves the manifest and the content-addressed files of <feed>.deltas/, not its history', async () => {
    const deltas = path.join(dir, 'feed.json.deltas');
    mkdirSync(path.join(deltas, 'history'), { recursive: true });
    const name = `${'c'.repeat(64)}.json`;
    const changes = '{"format":"constellation-feed-changes","version":1}';
    writeFileSync(path.join(deltas, name), changes);
    writeFileSync(path.join(deltas, 'history', name), body);
    writeFileSync(path.join(deltas, 'notes.json'), '{}');
    writeFileSync(`${feedPath}.manifest.json`, '{"format":"constellation-feed-manifest"}');
    const manifest = await get(`${server.feedUrl}.manifest.json`);
    expect(manifest.status).toBe(200);
    expect(manifest.headers['content-type']).toBe('application/json; charset=utf-8');
    const served = await get(`${server.feedUrl}.deltas/${name}`);
    expect(served.status).toBe(200);
    expect(served.body.toString()).toBe(changes);
    expect(served.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(served.headers.etag).toMatch(/^"[A-Za-z0-9_-]{43}"$/);
    for (const other of [
      `history/${name}`,
      'notes.json',
      `${'c'.repeat(63)}.json`,
      `${'C'.repeat(64)}.json`,
      `..%2F${name}`,
    ])
      expect((await get(`${server.feedUrl}.deltas/${other}`)).status, other).toBe(404);
    expect((await get(`${server.feedUrl}.deltas/${'d'.repeat(64)}.json`)).status).toBe(404);
  });

  it('serves nothing else, and only GET and HEAD', async () => {
    expect((await get(`http://127.0.0.1:${server.port}/../etc/passwd`)).status).toBe(404);
    expect((await get(`http://127.0.0.1:${server.port}/other.json`)).status).toBe(404);
    const post = await get(server.feedUrl, {}, 'POST');
    expect(post.status).toBe(405);
    expect(post.headers.allow).toBe('GET, HEAD');
    const head = await get(server.feedUrl, {}, 'HEAD');
    expect(head.status).toBe(200);
    expect(head.body).toHaveLength(0);
    expect(head.headers['content-length']).toBe(String(Buffer.byteLength(body)));
  });

  it('works with fetch, as the extension uses it', async () => {
    const res = await fetch(server.feedUrl);
    expect(await res.text()).toBe(body);
  });
});

describe('acceptsGzip', () => {
  it('reads Accept-Encoding with qualities', () => {
    expect(acceptsGzip('gzip, deflate, br')).toBe(true);
    expect(acceptsGzip('*')).toBe(true);
    expect(acceptsGzip('gzip;q=0')).toBe(false);
    expect(acceptsGzip('identity')).toBe(false);
    expect(acceptsGzip(undefined)).toBe(false);
  });
});
