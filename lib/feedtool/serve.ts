// `serve`: a tiny static server for trying a feed with the extension locally. It binds to
// 127.0.0.1 only, reads the file on every request (edit, save, re-sync), and behaves like a
// well-configured production host: a strong ETag of the bytes, If-None-Match → 304,
// Last-Modified / If-Modified-Since, gzip when the client accepts it (with its own ETag and
// Vary: Accept-Encoding, as RFC 9110 requires of strong validators), Cache-Control: no-cache
// (always revalidate; cheap thanks to the ETag). Serves `<feed>.sig` when it exists, and the
// delta protocol's files that `build --deltas` writes beside the feed: `<feed>.manifest.json`
// (+ `.sig`) and the deltas in `<feed>.deltas/` (their content-addressed names only, so no
// other file of that folder, such as its history, is ever served).
import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

export interface FeedServer {
  /** e.g. http://127.0.0.1:8787/feed.json */
  feedUrl: string;
  signatureUrl: string;
  port: number;
  close(): Promise<void>;
}

export interface ServeOptions {
  feedPath: string;
  /** 0 picks a free port. */
  port?: number;
  log?: (line: string) => void;
}

export async function startFeedServer(options: ServeOptions): Promise<FeedServer> {
  const feedPath = path.resolve(options.feedPath);
  const name = path.basename(feedPath);
  const routes = new Map<string, { file: string; type: string }>([
    ['/', { file: feedPath, type: 'application/json; charset=utf-8' }],
    [`/${encodeURIComponent(name)}`, { file: feedPath, type: 'application/json; charset=utf-8' }],
    [
      `/${encodeURIComponent(name)}.sig`,
      { file: `${feedPath}.sig`, type: 'text/plain; charset=utf-8' },
    ],
    [
      `/${encodeURIComponent(name)}.manifest.json`,
      { file: `${feedPath}.manifest.json`, type: 'application/json; charset=utf-8' },
    ],
    [
      `/${encodeURIComponent(name)}.manifest.json.sig`,
      { file: `${feedPath}.manifest.json.sig`, type: 'text/plain; charset=utf-8' },
    ],
  ]);
  const deltaPrefix = `/${encodeURIComponent(name)}.deltas/`;
  const routeOf = (pathname: string) => {
    const delta = pathname.startsWith(deltaPrefix) ? pathname.slice(deltaPrefix.length) : '';
    if (/^[0-9a-f]{64}\.json$/.test(delta))
      return {
        file: path.join(`${feedPath}.deltas`, delta),
        type: 'application/json; charset=utf-8',
      };
    return routes.get(pathname);
  };
  const gzipCache = new Map<string, Buffer>();
  const server = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      if (!response.headersSent)
        response.writeHead(500, { 'Content-Type': 'text/plain; charset=utf-8' });
      response.end('internal error\n');
      options.log?.(
        `${request.method} ${request.url} 500 ${error instanceof Error ? error.message : String(error)}`,
      );
    });
  });

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    const route = routeOf(url.pathname);
    const done = (status: number, note = '') =>
      options.log?.(`${request.method} ${url.pathname} ${status}${note}`);
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      response.writeHead(405, { Allow: 'GET, HEAD' }).end();
      return done(405);
    }
    if (!route) {
      response
        .writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' })
        .end(`not found; the feed is at /${name}\n`);
      return done(404);
    }
    let bytes: Buffer;
    let modified: Date;
    try {
      [bytes, modified] = await Promise.all([
        readFile(route.file),
        stat(route.file).then((s) => s.mtime),
      ]);
    } catch {
      response.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('not found\n');
      return done(404);
    }
    const hash = createHash('sha256').update(bytes).digest('base64url');
    const identityTag = `"${hash}"`;
    const gzipTag = `"${hash}-gzip"`;
    const gzip = acceptsGzip(request.headers['accept-encoding']);
    const headers: Record<string, string> = {
      'Content-Type': route.type,
      'Cache-Control': 'no-cache',
      ETag: gzip ? gzipTag : identityTag,
      'Last-Modified': modified.toUTCString(),
      Vary: 'Accept-Encoding',
      'Access-Control-Allow-Origin': '*',
      'X-Content-Type-Options': 'nosniff',
    };
    if (notModified(request, [identityTag, gzipTag], modified)) {
      response.writeHead(304, headers).end();
      return done(304);
    }
    let body: Buffer = bytes;
    if (gzip) {
      body = gzipCache.get(hash) ?? gzipSync(bytes);
      gzipCache.clear();
      gzipCache.set(hash, body);
      headers['Content-Encoding'] = 'gzip';
    }
    headers['Content-Length'] = String(body.length);
    response.writeHead(200, headers);
    response.end(request.method === 'HEAD' ? undefined : body);
    return done(200, ` ${body.length} bytes${gzip ? ' gzip' : ''}`);
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  const base = `http://127.0.0.1:${port}/${encodeURIComponent(name)}`;
  return {
    feedUrl: base,
    signatureUrl: `${base}.sig`,
    port,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

/** If-None-Match (weak comparison, any listed tag) wins over If-Modified-Since. */
function notModified(request: IncomingMessage, tags: string[], modified: Date): boolean {
  const ifNoneMatch = request.headers['if-none-match'];
  if (ifNoneMatch !== undefined) {
    return ifNoneMatch
      .split(',')
      .map((t) => t.trim().replace(/^W\//, ''))
      .some((t) => t === '*' || tags.includes(t));
  }
  const since = request.headers['if-modified-since'];
  if (since === undefined) return false;
  const time = Date.parse(since);
  return !Number.isNaN(time) && Math.floor(modified.getTime() / 1000) * 1000 <= time;
}

/** True when Accept-Encoding lists gzip (or *) with a non-zero quality. */
export function acceptsGzip(header: string | undefined): boolean {
  if (!header) return false;
  return header.split(',').some((part) => {
    const [coding, ...params] = part.trim().toLowerCase().split(';');
    if (coding !== 'gzip' && coding !== '*') return false;
    const q = params.map((p) => /^\s*q=([\d.]+)/.exec(p)).find(Boolean);
    return !q || Number(q[1]) > 0;
  });
}
