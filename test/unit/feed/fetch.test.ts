// Fetching a feed body: conditional headers, caps on size and time, gzip file bodies.
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import {
  fetchFeedBody,
  signatureUrl,
  type FetchLike,
  type FetchLimits,
} from '../../../lib/feed/fetch';

const LIMITS: FetchLimits = {
  maxBytes: 1000,
  maxDecompressedBytes: 5000,
  idleTimeoutMs: 100,
  totalTimeoutMs: 400,
};
const URL_A = 'https://feeds.acme.example/main.json';

function respond(body: BodyInit | null, init: ResponseInit = {}): FetchLike {
  return async () => new Response(body, init);
}

/** A body that sends `parts` then stalls (or ends), honouring the abort signal like fetch. */
function streaming(parts: Uint8Array[], end: boolean): FetchLike {
  return async (_url, init) =>
    new Response(
      new ReadableStream<Uint8Array>({
        start(controller) {
          for (const part of parts) controller.enqueue(part);
          if (end) controller.close();
          init.signal?.addEventListener('abort', () =>
            controller.error(new DOMException('aborted', 'AbortError')),
          );
        },
      }),
    );
}

describe('fetchFeedBody', () => {
  it('sends stored validators, includes credentials and bypasses the HTTP cache', async () => {
    let seen: RequestInit | undefined;
    const fetch: FetchLike = async (_url, init) => (
      (seen = init),
      new Response(null, { status: 304, headers: { ETag: '"b"' } })
    );
    const out = await fetchFeedBody(
      fetch,
      URL_A,
      { etag: '"a"', lastModified: 'Fri, 20 Nov 2026 10:00:00 GMT' },
      LIMITS,
    );
    expect(out).toEqual({
      kind: 'not-modified',
      status: 304,
      validators: { etag: '"b"', lastModified: 'Fri, 20 Nov 2026 10:00:00 GMT' },
    });
    const headers = new Headers(seen!.headers);
    expect(headers.get('If-None-Match')).toBe('"a"');
    expect(headers.get('If-Modified-Since')).toBe('Fri, 20 Nov 2026 10:00:00 GMT');
    expect(seen).toMatchObject({ credentials: 'include', cache: 'no-store' });
  });

  it('returns the body with its new validators', async () => {
    const out = await fetchFeedBody(
      respond('{"a":1}', { headers: { ETag: '"x"' } }),
      URL_A,
      {},
      LIMITS,
    );
    expect(out.kind).toBe('body');
    if (out.kind !== 'body') return;
    expect(new TextDecoder().decode(out.bytes)).toBe('{"a":1}');
    expect(out.validators).toEqual({ etag: '"x"' });
  });

  it('undoes a gzip file body (.json.gz) and caps what it expands to', async () => {
    const json = JSON.stringify({ hello: 'world'.repeat(10) });
    const out = await fetchFeedBody(respond(gzipSync(json)), URL_A, {}, LIMITS);
    expect(out.kind === 'body' && new TextDecoder().decode(out.bytes)).toBe(json);
    expect(out.kind === 'body' && out.servedBytes?.[0]).toBe(0x1f);
    const bomb = gzipSync(Buffer.alloc(100_000, 0x20));
    expect(bomb.length).toBeLessThan(LIMITS.maxBytes);
    const refused = await fetchFeedBody(respond(bomb), URL_A, {}, LIMITS);
    expect(refused).toMatchObject({
      kind: 'failed',
      message: expect.stringContaining('gzip body expands beyond'),
    });
    const corrupt = await fetchFeedBody(respond(gzipSync(json).subarray(0, 20)), URL_A, {}, LIMITS);
    expect(corrupt).toMatchObject({
      kind: 'failed',
      message: expect.stringContaining('corrupt or truncated'),
    });
  });

  it('refuses a body over the size cap, declared or streamed', async () => {
    const declared = await fetchFeedBody(
      respond('x', { headers: { 'Content-Length': '5000' } }),
      URL_A,
      {},
      LIMITS,
    );
    expect(declared).toMatchObject({
      kind: 'failed',
      message:
        'the feed is larger than the 1 KB limit; a larger feed can be published gzip-compressed as a .json.gz file (served without Content-Encoding), up to 5 KB of JSON',
    });
    // Where nothing more may arrive compressed, there is no such way to offer.
    const capped = await fetchFeedBody(
      respond('x', { headers: { 'Content-Length': '5000' } }),
      URL_A,
      {},
      { ...LIMITS, maxDecompressedBytes: LIMITS.maxBytes },
    );
    expect(capped).toMatchObject({
      kind: 'failed',
      message: 'the feed is larger than the 1 KB limit',
    });
    const streamed = await fetchFeedBody(
      streaming([new Uint8Array(600), new Uint8Array(600)], true),
      URL_A,
      {},
      LIMITS,
    );
    expect(streamed).toMatchObject({
      kind: 'failed',
      message: expect.stringContaining('larger than'),
    });
  });

  it('gives up when no data arrives for the idle timeout', async () => {
    const out = await fetchFeedBody(streaming([new Uint8Array(10)], false), URL_A, {}, LIMITS);
    expect(out).toMatchObject({ kind: 'failed', message: 'no data arrived for 100 ms' });
  });

  it('gives up after the overall cap even while data trickles in', async () => {
    const trickle: FetchLike = async (_url, init) =>
      new Response(
        new ReadableStream<Uint8Array>({
          start(controller) {
            const timer = setInterval(() => controller.enqueue(new Uint8Array(1)), 20);
            init.signal?.addEventListener('abort', () => {
              clearInterval(timer);
              controller.error(new DOMException('aborted', 'AbortError'));
            });
          },
        }),
      );
    const out = await fetchFeedBody(trickle, URL_A, {}, LIMITS);
    expect(out).toMatchObject({ kind: 'failed', message: 'the download took longer than 400 ms' });
  });

  it('reports HTTP errors with Retry-After and network errors', async () => {
    const limited = await fetchFeedBody(
      respond('slow down', { status: 429, headers: { 'Retry-After': '120' } }),
      URL_A,
      {},
      LIMITS,
    );
    expect(limited).toEqual({
      kind: 'failed',
      status: 429,
      message: 'the server answered HTTP 429',
      retryAfterMs: 120_000,
    });
    const down: FetchLike = async () => {
      throw new TypeError('Failed to fetch');
    };
    expect(await fetchFeedBody(down, URL_A, {}, LIMITS)).toEqual({
      kind: 'failed',
      message: 'the server could not be reached (Failed to fetch)',
    });
  });

  it('puts the signature next to the feed, keeping a query string', () => {
    expect(signatureUrl('https://a.example/f.json?team=x')).toBe(
      'https://a.example/f.json.sig?team=x',
    );
  });
});
