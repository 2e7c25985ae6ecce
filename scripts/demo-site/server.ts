// The demo site server: one node:http server on 127.0.0.1 that answers for every demo host
// by the Host header (Chromium's host resolver rules send *.northwind.test here, see
// scripts/chromium.ts) and serves the demo feed with the validators a real feed host sends
// (ETag, Last-Modified, 304). Pages are generated per request from the feed file.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { FeedFile, type FeedSnapshot } from './feed-file';
import { markup, type Html } from './html';
import { DEMO_HOSTS, FEED_PATH } from './hosts';
import type { DemoPage } from './page';
import { renderIndex } from './pages/index';

export interface DemoSiteOptions {
  /** 0 (the default) picks a free port. */
  port?: number;
  /** The feed file; read again whenever it changes. */
  feedPath: string;
}

export interface DemoSiteServer {
  port: number;
  /** `http://127.0.0.1:<port>` */
  origin: string;
  /** The pages of the current feed (empty while the feed is missing or invalid). */
  pages(): Promise<DemoPage[]>;
  close(): Promise<void>;
}

const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);
const PAGE_HOSTS = new Set<string>([DEMO_HOSTS.intranet, DEMO_HOSTS.wiki, DEMO_HOSTS.code]);

export async function startDemoSite(options: DemoSiteOptions): Promise<DemoSiteServer> {
  const feed = new FeedFile(options.feedPath);
  let origin = '';
  const server = createServer((request, response) => {
    handle(request, response, feed, origin).catch((error: unknown) => {
      const detail = error instanceof Error ? error.message : String(error);
      if (!response.headersSent) send(response, 500, 'text/plain', `demo site error: ${detail}`);
      else response.destroy();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  origin = `http://127.0.0.1:${port}`;
  return {
    port,
    origin,
    async pages() {
      const read = await feed.read();
      return read.ok ? (read.snapshot.site?.pages ?? []) : [];
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        // Keep-alive sockets (e.g. a browser's) would otherwise hold close() open.
        server.closeAllConnections();
      }),
  };
}

async function handle(
  request: IncomingMessage,
  response: ServerResponse,
  feed: FeedFile,
  origin: string,
): Promise<void> {
  let url: URL;
  try {
    // An absolute request target (proxy style) carries its own host; otherwise the Host header.
    url = new URL(request.url ?? '/', `http://${request.headers.host ?? '127.0.0.1'}`);
  } catch {
    return send(response, 400, 'text/plain', 'bad request URL');
  }
  // Host names only: a port in the Host header (e.g. a test's) does not change the site.
  const host = url.hostname.toLowerCase();
  const isLoopback = LOOPBACK_HOSTS.has(host);
  const isFeedHost = isLoopback || host === DEMO_HOSTS.feeds;

  if (isFeedHost && url.pathname === FEED_PATH) return serveFeed(request, response, feed);
  if (request.method !== 'GET' && request.method !== 'HEAD') {
    return send(response, 405, 'text/plain', 'method not allowed', { Allow: 'GET, HEAD' });
  }
  if (!isLoopback && !PAGE_HOSTS.has(host) && host !== DEMO_HOSTS.feeds) {
    return send(response, 404, 'text/plain', `unknown host ${host}: not a demo site`);
  }
  if (host === DEMO_HOSTS.wiki && url.pathname === '/') {
    return send(response, 302, 'text/plain', 'see /wiki/Main_Page', {
      Location: '/wiki/Main_Page',
    });
  }

  const read = await feed.read();
  if (!read.ok) return sendPage(response, 503, problemPage(read.problem));
  const { site, problem } = read.snapshot;
  if (!site) return sendPage(response, 503, problemPage(problem ?? 'the demo feed is invalid'));

  if (isLoopback && url.pathname === '/') {
    const organization = site.cast.feed.organization.name;
    return sendPage(response, 200, renderIndex(organization, origin, site.pages), request);
  }
  const page = PAGE_HOSTS.has(host) ? site.find(url) : undefined;
  if (!page) return sendPage(response, 404, notFoundPage(url, origin), request);
  return sendPage(response, 200, page.render(), request);
}

async function serveFeed(
  request: IncomingMessage,
  response: ServerResponse,
  feed: FeedFile,
): Promise<void> {
  const cors = {
    'Access-Control-Allow-Origin': '*',
    'Access-Control-Expose-Headers': 'ETag, Last-Modified',
  };
  if (request.method === 'OPTIONS') {
    response.writeHead(204, {
      ...cors,
      'Access-Control-Allow-Methods': 'GET, HEAD',
      'Access-Control-Allow-Headers': 'If-None-Match, If-Modified-Since',
    });
    return void response.end();
  }
  if (request.method !== 'GET' && request.method !== 'HEAD') {
    return send(response, 405, 'text/plain', 'method not allowed', { ...cors, Allow: 'GET, HEAD' });
  }
  const read = await feed.read();
  if (!read.ok) return send(response, 503, 'text/plain', read.problem, cors);
  const snapshot = read.snapshot;
  const validators = {
    ...cors,
    ETag: snapshot.etag,
    'Last-Modified': snapshot.lastModified.toUTCString(),
    'Cache-Control': 'no-cache',
  };
  if (isNotModified(request, snapshot)) {
    response.writeHead(304, validators);
    return void response.end();
  }
  response.writeHead(200, {
    ...validators,
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': snapshot.bytes.length,
  });
  response.end(request.method === 'HEAD' ? undefined : snapshot.bytes);
}

/** RFC 9110 §13.1: If-None-Match wins over If-Modified-Since; weak comparison for GET. */
function isNotModified(request: IncomingMessage, snapshot: FeedSnapshot): boolean {
  const ifNoneMatch = request.headers['if-none-match'];
  if (ifNoneMatch !== undefined) {
    const tags = ifNoneMatch.split(',').map((tag) => tag.trim().replace(/^W\//, ''));
    return tags.includes('*') || tags.includes(snapshot.etag);
  }
  const ifModifiedSince = request.headers['if-modified-since'];
  if (ifModifiedSince === undefined) return false;
  const since = Date.parse(ifModifiedSince);
  return !Number.isNaN(since) && snapshot.lastModified.getTime() <= since;
}

function send(
  response: ServerResponse,
  status: number,
  type: string,
  body: string,
  headers: Record<string, string> = {},
): void {
  response.writeHead(status, {
    'Content-Type': `${type}; charset=utf-8`,
    'Cache-Control': 'no-store',
    ...headers,
  });
  response.end(body);
}

function sendPage(
  response: ServerResponse,
  status: number,
  page: Html,
  request?: IncomingMessage,
): void {
  response.writeHead(status, {
    'Content-Type': 'text/html; charset=utf-8',
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
  });
  response.end(request?.method === 'HEAD' ? undefined : page.markup);
}

function problemPage(problem: string): Html {
  return markup`<!DOCTYPE html>
    <html lang="en">
      <head>
        <meta charset="utf-8" />
        <title>Demo feed unavailable</title>
      </head>
      <body>
        <h1>Demo feed unavailable</h1>
        <p>${problem}</p>
      </body>
    </html>`;
}

function notFoundPage(url: URL, origin: string): Html {
  return markup`<!DOCTYPE html>
    <html lang="en">
      <head>
        <meta charset="utf-8" />
        <title>Page not found</title>
      </head>
      <body>
        <h1>Page not found</h1>
        <p>The demo site has no page at <code>${url.href}</code>.</p>
        <p><a href="${origin}/">All demo pages</a></p>
      </body>
    </html>`;
}
