// A real HTTP feed server on 127.0.0.1 for the sync e2e tests (the extension's service-worker
// fetches cannot be routed by Playwright). Each path serves a variant the test sets and can
// swap at any time: a feed (strong ETag + Last-Modified, 304 on If-None-Match, gzip when
// accepted), an HTML page with 200, an HTTP error with headers, a truncated body, an endless
// oversize body, a slow body, or a plain text (signatures). Every request is logged.
import { createHash } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gzipSync } from 'node:zlib';

export type Variant =
  | { kind: 'feed'; body: string | Buffer; contentType?: string }
  | { kind: 'status'; status: number; body?: string; headers?: Record<string, string> }
  | { kind: 'html'; body: string }
  | { kind: 'truncated'; body: string; sendBytes: number }
  | { kind: 'oversize'; megabytes: number }
  | { kind: 'slow'; body: string; chunks: number; intervalMs: number }
  | { kind: 'text'; body: string };

export interface LoggedRequest {
  path: string;
  headers: IncomingMessage['headers'];
  status: number;
  /** Body bytes sent as they went on the wire (gzip when it was gzipped); feeds and texts. */
  bytes?: number;
}

export interface FeedServer {
  origin: string;
  url(path: string): string;
  set(path: string, variant: Variant): void;
  requests: LoggedRequest[];
  close(): Promise<void>;
}

const LAST_MODIFIED = new Date('2026-11-20T10:00:00Z');

function etagOf(bytes: Buffer): string {
  return `"${createHash('sha256').update(bytes).digest('base64url')}"`;
}

export interface FeedServerOptions {
  /**
   * Answer cross-origin page fetches with credentials (the benchmark page runs on another
   * origin; the extension needs no CORS thanks to its host permission).
   */
  cors?: boolean;
}

export async function startFeedServer(options: FeedServerOptions = {}): Promise<FeedServer> {
  const variants = new Map<string, Variant>();
  const requests: LoggedRequest[] = [];
  const timers = new Set<ReturnType<typeof setTimeout>>();
  // Compressed once per body: a 60 MB benchmark feed must not be re-gzipped per request.
  const gzipped = new Map<string, Buffer>();

  const handle = (req: IncomingMessage, res: ServerResponse) => {
    const path = new URL(req.url ?? '/', 'http://127.0.0.1').pathname;
    const variant = variants.get(path);
    const log = (status: number, bytes?: number) =>
      requests.push({
        path,
        headers: req.headers,
        status,
        ...(bytes !== undefined ? { bytes } : {}),
      });
    if (options.cors && req.headers.origin) {
      res.setHeader('Access-Control-Allow-Origin', req.headers.origin);
      res.setHeader('Access-Control-Allow-Credentials', 'true');
      res.setHeader('Access-Control-Expose-Headers', 'ETag, Last-Modified, Retry-After');
      if (req.method === 'OPTIONS') {
        res.setHeader('Access-Control-Allow-Headers', 'If-None-Match, If-Modified-Since');
        return void res.writeHead(204).end();
      }
    }
    if (!variant) {
      log(404);
      return void res.writeHead(404, { 'Content-Type': 'text/plain' }).end('not found');
    }
    switch (variant.kind) {
      case 'feed': {
        const bytes = Buffer.from(variant.body);
        const tag = etagOf(bytes);
        const headers: Record<string, string> = {
          'Content-Type': variant.contentType ?? 'application/json',
          ETag: tag,
          'Last-Modified': LAST_MODIFIED.toUTCString(),
          'Cache-Control': 'no-cache',
        };
        if (req.headers['if-none-match'] === tag) {
          log(304, 0);
          return void res.writeHead(304, headers).end();
        }
        const gzip = /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''));
        if (gzip && !gzipped.has(tag)) gzipped.set(tag, gzipSync(bytes));
        const body = gzip ? gzipped.get(tag)! : bytes;
        if (gzip) headers['Content-Encoding'] = 'gzip';
        headers['Content-Length'] = String(body.length);
        log(200, body.length);
        return void res.writeHead(200, headers).end(body);
      }
      case 'status':
        log(variant.status);
        return void res
          .writeHead(variant.status, { 'Content-Type': 'text/plain', ...variant.headers })
          .end(variant.body ?? '');
      case 'html':
        log(200);
        return void res.writeHead(200, { 'Content-Type': 'text/html' }).end(variant.body);
      case 'text':
        log(200, Buffer.byteLength(variant.body));
        return void res.writeHead(200, { 'Content-Type': 'text/plain' }).end(variant.body);
      case 'truncated': {
        const bytes = Buffer.from(variant.body);
        log(200);
        res.writeHead(200, {
          'Content-Type': 'application/json',
          'Content-Length': String(bytes.length),
        });
        res.write(bytes.subarray(0, variant.sendBytes));
        // Close the connection before the declared length: a cut-off download.
        const t = setTimeout(() => req.socket.destroy(), 50);
        timers.add(t);
        return;
      }
      case 'oversize': {
        log(200);
        res.writeHead(200, { 'Content-Type': 'application/json' });
        const block = Buffer.alloc(1024 * 1024, 0x20);
        let sent = 0;
        const pump = () => {
          while (sent < variant.megabytes) {
            sent++;
            if (!res.write(block)) return void res.once('drain', pump);
          }
          res.end();
        };
        res.on('error', () => undefined);
        pump();
        return;
      }
      case 'slow': {
        log(200);
        const bytes = Buffer.from(variant.body);
        res.writeHead(200, {
          'Content-Type': 'application/json',
          'Content-Length': String(bytes.length),
        });
        const size = Math.ceil(bytes.length / variant.chunks);
        let at = 0;
        const next = () => {
          if (res.destroyed) return;
          res.write(bytes.subarray(at, at + size));
          at += size;
          if (at >= bytes.length) return void res.end();
          const t = setTimeout(next, variant.intervalMs);
          timers.add(t);
        };
        res.on('error', () => undefined);
        next();
        return;
      }
    }
  };

  const server = createServer(handle);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    origin,
    url: (path) => `${origin}${path}`,
    set: (path, variant) => {
      // Compress up front, as a host with precompressed files does: a benchmark must not time
      // the test server gzipping 60 MB on the first request.
      if (variant.kind === 'feed')
        gzipped.set(etagOf(Buffer.from(variant.body)), gzipSync(variant.body));
      variants.set(path, variant);
    },
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        for (const t of timers) clearTimeout(t);
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
