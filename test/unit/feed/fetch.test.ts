// Fetching a feed body: conditional headers, caps on size and time, gzip file bodies.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_LIMITS,
  fetchFeedBody,
  pauseAsked,
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

  it('gathers a body of known size into one exact buffer, whether the size declared is right or too small', async () => {
    const parts = [new Uint8Array(300).fill(1), new Uint8Array(200).fill(2)];
    const joined = Uint8Array.from([...parts[0]!, ...parts[1]!]);
    const sized = (declared: number, chunks: Uint8Array[]): FetchLike => {
      const body = streaming(chunks, true);
      return async (url, init) => {
        const response = await body(url, init);
        return new Response(response.body, { headers: { 'Content-Length': String(declared) } });
      };
    };
    for (const [declared, name] of [
      [500, 'as declared'],
      [400, 'more than declared'],
    ] as const) {
      const out = await fetchFeedBody(sized(declared, parts), URL_A, {}, LIMITS);
      expect(out.kind, name).toBe('body');
      if (out.kind !== 'body') continue;
      expect(out.bytes, name).toEqual(joined);
      // No spare room kept: what is stored or hashed is this buffer, whole.
      expect(out.bytes.buffer.byteLength, name).toBe(500);
    }
    // Over the cap, though the declared size was under it.
    const over = await fetchFeedBody(sized(900, [...parts, ...parts, ...parts]), URL_A, {}, LIMITS);
    expect(over).toMatchObject({ kind: 'failed', message: expect.stringContaining('larger than') });
  });

  it('fails a body that ends cleanly short of its Content-Length, saying how far it got', async () => {
    const declaring =
      (declared: number, chunks: Uint8Array[], headers: Record<string, string> = {}): FetchLike =>
      async (url, init) =>
        new Response((await streaming(chunks, true)(url, init)).body, {
          headers: { 'Content-Length': String(declared), ...headers },
        });
    const parts = [new Uint8Array(300).fill(1), new Uint8Array(200).fill(2)];
    expect(await fetchFeedBody(declaring(800, parts), URL_A, {}, LIMITS)).toEqual({
      kind: 'failed',
      status: 200,
      message: 'the connection closed after 500 of the 800 bytes announced; the feed is incomplete',
    });
    expect(await fetchFeedBody(declaring(10, []), URL_A, {}, LIMITS)).toEqual({
      kind: 'failed',
      status: 200,
      message: 'the connection closed after 0 of the 10 bytes announced; the feed is incomplete',
    });
    // "Identity" is no coding, however it is spelled (RFC 9110 §8.4.1).
    expect(
      await fetchFeedBody(
        declaring(800, parts, { 'Content-Encoding': 'Identity' }),
        URL_A,
        {},
        LIMITS,
      ),
    ).toMatchObject({ kind: 'failed', message: expect.stringContaining('500 of the 800 bytes') });
    // A .json.gz file cut short is refused for what it is, before gunzip reads its "trailer".
    const gz = gzipSync(JSON.stringify({ people: Array.from({ length: 50 }, (_, i) => i) }));
    expect(
      await fetchFeedBody(declaring(gz.length, [gz.subarray(0, 40)]), URL_A, {}, LIMITS),
    ).toEqual({
      kind: 'failed',
      status: 200,
      message: `the connection closed after 40 of the ${gz.length} bytes announced; the feed is incomplete`,
    });
    const whole = await fetchFeedBody(declaring(gz.length, [gz]), URL_A, {}, LIMITS);
    expect(whole.kind === 'body' && whole.servedBytes).toEqual(new Uint8Array(gz));
    // With Content-Encoding the length announced is the compressed one, and an answer read
    // through CORS may hide its Content-Encoding: neither is held to it.
    const encoded = await fetchFeedBody(
      declaring(800, parts, { 'Content-Encoding': 'gzip' }),
      URL_A,
      {},
      LIMITS,
    );
    expect(encoded.kind === 'body' && encoded.bytes.length).toBe(500);
    const throughCors: FetchLike = async (url, init) => {
      const response = await declaring(800, parts)(url, init);
      Object.defineProperty(response, 'type', { value: 'cors' });
      return response;
    };
    const cors = await fetchFeedBody(throughCors, URL_A, {}, LIMITS);
    expect(cors.kind === 'body' && cors.bytes.length).toBe(500);
  });

  it('undoes a gzip file body into one buffer of the size its trailer gives', async () => {
    const json = JSON.stringify({ people: Array.from({ length: 200 }, (_, i) => `p-${i}`) });
    const out = await fetchFeedBody(respond(gzipSync(json)), URL_A, {}, LIMITS);
    expect(out.kind === 'body' && new TextDecoder().decode(out.bytes)).toBe(json);
    expect(out.kind === 'body' && out.bytes.buffer.byteLength).toBe(json.length);
  });

  it('takes 256 MB of JSON however it arrives, and says what to do beyond that', async () => {
    expect(DEFAULT_LIMITS.maxBytes).toBe(256 * 1024 * 1024);
    expect(DEFAULT_LIMITS.maxDecompressedBytes).toBe(DEFAULT_LIMITS.maxBytes);
    const declared = await fetchFeedBody(
      respond('x', { headers: { 'Content-Length': String(DEFAULT_LIMITS.maxBytes + 1) } }),
      URL_A,
      {},
      DEFAULT_LIMITS,
    );
    expect(declared).toMatchObject({
      kind: 'failed',
      message: `the feed is larger than the 256 MB limit; ${DEFAULT_LIMITS.tooLargeAdvice}`,
    });
    const bomb = gzipSync(Buffer.alloc(100_000, 0x20));
    const refused = await fetchFeedBody(
      respond(bomb),
      URL_A,
      {},
      { ...LIMITS, tooLargeAdvice: 'split it' },
    );
    expect(refused).toMatchObject({
      kind: 'failed',
      message: 'the gzip body expands beyond 5 KB (a gzip bomb or a far too large feed); split it',
    });
  });

  it('gives up when no data arrives for the idle timeout, saying how far the body got', async () => {
    const out = await fetchFeedBody(streaming([new Uint8Array(10)], false), URL_A, {}, LIMITS);
    expect(out).toMatchObject({
      kind: 'failed',
      status: 200,
      message: 'no data arrived for 100 ms, after 10 bytes of the body',
    });
    const sized: FetchLike = async (url, init) =>
      new Response((await streaming([new Uint8Array(10)], false)(url, init)).body, {
        headers: { 'Content-Length': '500' },
      });
    expect(await fetchFeedBody(sized, URL_A, {}, LIMITS)).toMatchObject({
      message: 'no data arrived for 100 ms, after 10 of the 500 bytes announced',
    });
    // No answer at all: the server never sent its headers.
    const silent: FetchLike = (_url, init) =>
      new Promise((_resolve, reject) =>
        init.signal?.addEventListener('abort', () =>
          reject(new DOMException('aborted', 'AbortError')),
        ),
      );
    expect(await fetchFeedBody(silent, URL_A, {}, LIMITS)).toEqual({
      kind: 'failed',
      message: 'no data arrived for 100 ms, before the server answered',
    });
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
    expect(out).toMatchObject({
      kind: 'failed',
      message: expect.stringMatching(
        /^the download took longer than 400 ms, after \d+ bytes of the body$/,
      ),
    });
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
    // A browser's fetch throws this one TypeError for a redirect loop too.
    expect(await fetchFeedBody(down, URL_A, {}, LIMITS)).toEqual({
      kind: 'failed',
      message: 'the server could not be reached, or redirected too many times (Failed to fetch)',
    });
  });

  it('names a redirect loop where the error tells it from a server out of reach', async () => {
    // A real server on this computer that redirects every request to itself, read by Node's
    // own fetch, which gives up after 20 redirects and says why in the error's cause.
    const server = createServer((request, response) => {
      response.writeHead(302, { Location: request.url ?? '/' }).end();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    const url = `http://127.0.0.1:${port}/feed.json`;
    const patient = { ...LIMITS, idleTimeoutMs: 20_000, totalTimeoutMs: 20_000 };
    try {
      expect(await fetchFeedBody(fetch, url, {}, patient)).toEqual({
        kind: 'failed',
        message: 'the server redirected too many times (a redirect loop?)',
      });
    } finally {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    }
    // A port nobody listens on (taken, then let go): out of reach, and Node's fetch says so.
    const vacated = createServer();
    await new Promise<void>((resolve) => vacated.listen(0, '127.0.0.1', resolve));
    const { port: free } = vacated.address() as AddressInfo;
    await new Promise((resolve) => vacated.close(resolve));
    expect(await fetchFeedBody(fetch, `http://127.0.0.1:${free}/feed.json`, {}, patient)).toEqual({
      kind: 'failed',
      message: `the server could not be reached (fetch failed: connect ECONNREFUSED 127.0.0.1:${free})`,
    });
  });

  it('fails a 304 to a request that sent no validators: it cannot mean "what you hold"', async () => {
    const out = await fetchFeedBody(
      respond(null, { status: 304, headers: { ETag: '"x"' } }),
      URL_A,
      {},
      LIMITS,
    );
    expect(out).toEqual({
      kind: 'failed',
      status: 304,
      message:
        'the server answered HTTP 304 Not Modified to a request that sent no validators (If-None-Match, If-Modified-Since), so it names no copy to keep; a cache or proxy in front of it may be misconfigured',
    });
  });

  it('follows a redirect to where a feed may be read, and takes nothing from anywhere else', async () => {
    // What fetch gives after following redirects: the final URL on the response.
    const redirectedTo =
      (finalUrl: string): FetchLike =>
      async () => {
        const response = new Response('{"format":"constellation-feed"}');
        Object.defineProperty(response, 'url', { value: finalUrl });
        Object.defineProperty(response, 'redirected', { value: true });
        return response;
      };
    // The same origin, or another https host (a moved feed, a CDN, a release download).
    for (const allowed of [
      'https://feeds.acme.example/2026/main.json',
      'https://objects.cdn.example/main.json?sig=1',
    ])
      expect((await fetchFeedBody(redirectedTo(allowed), URL_A, {}, LIMITS)).kind).toBe('body');
    for (const [elsewhere, why] of [
      [
        'http://feeds.acme.example/main.json',
        'must use https (plain http is allowed only for localhost)',
      ],
      ['https://user:pw@cdn.other.example/main.json', 'contains a user name or password'],
      [
        'https://192.168.1.20/main.json',
        'points to this computer or a private network, and the feed is not local',
      ],
      [
        'https://localhost/main.json',
        'points to this computer or a private network, and the feed is not local',
      ],
    ]) {
      expect(await fetchFeedBody(redirectedTo(elsewhere!), URL_A, {}, LIMITS)).toEqual({
        kind: 'failed',
        status: 200,
        message: `${URL_A} redirected to ${elsewhere}, which ${why}; the feed is not read from there (configure that URL instead if it really is the feed)`,
      });
    }
    // A feed on this computer may move on it, over plain http too; never down from https.
    const local = 'http://127.0.0.1:8080/feed.json';
    expect(
      (await fetchFeedBody(redirectedTo('http://127.0.0.1:9090/f.json'), local, {}, LIMITS)).kind,
    ).toBe('body');
    expect(
      await fetchFeedBody(
        redirectedTo('http://localhost/f.json'),
        'https://localhost/f.json',
        {},
        LIMITS,
      ),
    ).toMatchObject({ kind: 'failed', message: expect.stringContaining('which is not https;') });
  });

  it('fails a 206 Partial Content: no Range was asked for, so it is not the whole feed', async () => {
    const out = await fetchFeedBody(
      respond('{"format":"constellation', {
        status: 206,
        headers: { 'Content-Range': 'bytes 0-23/5000' },
      }),
      URL_A,
      {},
      LIMITS,
    );
    expect(out).toEqual({
      kind: 'failed',
      status: 206,
      message:
        'the server answered HTTP 206 Partial Content (bytes 0-23/5000), though the whole feed was asked for (no Range header was sent)',
    });
  });

  it('takes a 429, or a 503 with Retry-After, as a pause; a Retry-After on another fault asks for none', () => {
    const answered = (status: number, retryAfterMs?: number) => ({
      status,
      message: `the server answered HTTP ${status}`,
      ...(retryAfterMs !== undefined ? { retryAfterMs } : {}),
    });
    expect(pauseAsked(answered(429, 120_000))).toEqual({
      status: 429,
      message: 'the server answered HTTP 429',
      retryAfterMs: 120_000,
    });
    expect(pauseAsked(answered(429))).toEqual({
      status: 429,
      message: 'the server answered HTTP 429',
    });
    expect(pauseAsked(answered(503, 600_000), 'the manifest was asked for')).toEqual({
      status: 503,
      message: 'the manifest was asked for',
      retryAfterMs: 600_000,
    });
    // A 503 that does not say when to come back is a fault like a 502, retried with backoff.
    expect(pauseAsked(answered(503))).toBeUndefined();
    for (const status of [500, 404, 403, 502])
      expect(pauseAsked(answered(status, 120_000)), String(status)).toBeUndefined();
    expect(
      pauseAsked({ message: 'the server could not be reached', retryAfterMs: 1000 }),
    ).toBeUndefined();
  });

  it('puts the signature next to the feed, keeping a query string', () => {
    expect(signatureUrl('https://a.example/f.json?team=x')).toBe(
      'https://a.example/f.json.sig?team=x',
    );
  });
});
