// A scripted feed server for sync unit tests: answers fetch() calls with real Response objects
// (ETag/If-None-Match like a real host), records every request, and lets a test swap the body
// or the status between syncs. Real HTTP is covered by the e2e tests.
import type { ConstellationDB } from '../../../lib/db/database';
import type { FetchLike } from '../../../lib/feed/fetch';
import type { SyncDeps } from '../../../lib/feed/sync';

export interface ScriptedResponse {
  status?: number;
  body?: string | Uint8Array;
  headers?: Record<string, string>;
}

export class FakeFeedServer {
  requests: { url: string; headers: Record<string, string> }[] = [];
  private routes = new Map<string, ScriptedResponse | (() => ScriptedResponse)>();

  serve(url: string, response: ScriptedResponse | (() => ScriptedResponse)): this {
    this.routes.set(url, response);
    return this;
  }

  /** Serves a JSON body with an ETag derived from it, answering 304 to a matching If-None-Match. */
  serveFeed(url: string, body: string | Uint8Array): this {
    const tag = `"${hashOf(body)}"`;
    return this.serve(url, () => ({ status: 200, body, headers: { ETag: tag } }));
  }

  /** The requests for one URL (a sync also asks for the feed's manifest first). */
  requestsTo(url: string): { url: string; headers: Record<string, string> }[] {
    return this.requests.filter((r) => r.url === url);
  }

  readonly fetch: FetchLike = async (url, init) => {
    const headers = Object.fromEntries(new Headers(init.headers).entries());
    this.requests.push({ url, headers });
    const route = this.routes.get(url);
    if (!route) return new Response('not found', { status: 404 });
    const r = typeof route === 'function' ? route() : route;
    const etag = r.headers?.ETag;
    if (etag && headers['if-none-match'] === etag) {
      return new Response(null, { status: 304, headers: { ETag: etag } });
    }
    const body =
      typeof r.body === 'string'
        ? r.body
        : r.body
          ? new Blob([r.body as Uint8Array<ArrayBuffer>])
          : null;
    return new Response(body, { status: r.status ?? 200, headers: r.headers ?? {} });
  };
}

function hashOf(body: string | Uint8Array): string {
  const text =
    typeof body === 'string' ? body : Array.from(body.subarray(0, 4096)).join(',') + body.length;
  let h = 0;
  for (let i = 0; i < text.length; i++) h = (Math.imul(h, 31) + text.charCodeAt(i)) | 0;
  return `${(h >>> 0).toString(16)}-${text.length}`;
}

/** The clock's start in the sync tests; each call of `now()` moves it 10 ms on. */
export const T0 = Date.parse('2026-11-21T08:00:00Z');

/** The sync engine's dependencies for a test: this server, a stepping clock, fixed chance. */
export function syncDeps(
  db: ConstellationDB,
  server: FakeFeedServer,
  extra: Partial<SyncDeps> = {},
): SyncDeps {
  let clock = T0;
  return {
    db,
    fetch: server.fetch,
    owner: 'worker-1',
    maxInvalidShare: 0.25,
    now: () => (clock += 10),
    random: () => 0.5,
    ...extra,
  };
}
