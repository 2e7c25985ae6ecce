// Fetches a feed body the way a careful list updater does: conditional GET with the stored
// validators sent explicitly (a 304 costs no parsing and no writes), SSO cookies included for
// intranet feeds, redirects followed wherever the feed URL rule allows a feed (redirectProblem),
// a no-progress timeout and an overall cap, a size cap on the body, and gzip either by
// Content-Encoding (undone by the browser) or as a `.json.gz` file body (undone here through
// DecompressionStream, with its own cap). The body is gathered into one buffer of its final
// size when that size is known (Content-Length, a gzip file's trailer), so it is never held
// twice; one that ends short of its Content-Length is incomplete. Never throws: failures are
// values.
import type { FeedValidators } from '../db/sync-schema';
import { parseRetryAfter } from './schedule';
import { originOfFeed, urlProblem } from '../model/safe-url';

export type FetchLike = (url: string, init: RequestInit) => Promise<Response>;

export interface FetchLimits {
  /** Cap on the bytes received (after Content-Encoding is undone). */
  maxBytes: number;
  /** Cap on the JSON inside a gzip file body. */
  maxDecompressedBytes: number;
  /** What a publisher can do about a document over the caps, when compressing cannot help. */
  tooLargeAdvice?: string;
  /** Abort when no byte arrives for this long. */
  idleTimeoutMs: number;
  /** Abort when the whole fetch takes longer than this. */
  totalTimeoutMs: number;
}

// 256 MB of JSON however it arrives. The sync reads the body a batch of records at a time
// (lib/model/validate-bytes.ts), so a plain body costs the JS heap what the same JSON costs
// as a .json.gz file: at 300,000 people (201.5 MB) the heap rose 282 MB either way
// (docs/benchmarks.md, "Memory: validating from the bytes"). The cap is what a hostile or
// broken server can make the worker hold.
export const DEFAULT_LIMITS: FetchLimits = {
  maxBytes: 256 * 1024 * 1024,
  maxDecompressedBytes: 256 * 1024 * 1024,
  tooLargeAdvice:
    'leave out what the directory does not need (long descriptions, evidence) or publish the organisation as several feeds',
  idleTimeoutMs: 30_000,
  totalTimeoutMs: 5 * 60_000,
};

export type FetchOutcome =
  | {
      kind: 'body';
      status: number;
      /** The feed's JSON bytes (decompressed when the body was a gzip file). */
      bytes: Uint8Array;
      /** The bytes as served, when they differ from `bytes` (a gzip file body). */
      servedBytes?: Uint8Array;
      validators: FeedValidators;
    }
  | { kind: 'not-modified'; status: 304; validators: FeedValidators }
  | { kind: 'failed'; status?: number; message: string; retryAfterMs?: number };

/** Bytes received so far, and the declared length when the server sent one. */
export type OnReceived = (receivedBytes: number, totalBytes: number | undefined) => void;

export async function fetchFeedBody(
  fetchImpl: FetchLike,
  url: string,
  validators: FeedValidators,
  limits: FetchLimits = DEFAULT_LIMITS,
  now: () => number = Date.now,
  onReceived?: OnReceived,
): Promise<FetchOutcome> {
  const headers: Record<string, string> = {
    Accept: 'application/json, application/gzip;q=0.9, */*;q=0.1',
  };
  if (validators.etag) headers['If-None-Match'] = validators.etag;
  if (validators.lastModified) headers['If-Modified-Since'] = validators.lastModified;
  const read = await readBody(fetchImpl, url, headers, limits, limits.maxBytes, now, onReceived);
  if (read.kind !== 'ok') return read;
  const { response, bytes } = read;
  const next: FeedValidators = {};
  const etag = response.headers.get('ETag');
  const lastModified = response.headers.get('Last-Modified');
  if (etag) next.etag = etag;
  if (lastModified) next.lastModified = lastModified;
  if (response.status === 304) {
    // A 304 means "the copy your validators name is current"; with none sent it names no copy
    // (a cache answering for the server), and taking it as "not modified" would leave a first
    // sync, or one after the database was evicted, with nothing until the next interval.
    if (!validators.etag && !validators.lastModified)
      return {
        kind: 'failed',
        status: 304,
        message:
          'the server answered HTTP 304 Not Modified to a request that sent no validators (If-None-Match, If-Modified-Since), so it names no copy to keep; a cache or proxy in front of it may be misconfigured',
      };
    return { kind: 'not-modified', status: 304, validators: { ...validators, ...next } };
  }
  if (!isGzip(bytes)) return { kind: 'body', status: response.status, bytes, validators: next };
  const inflated = await gunzip(bytes, limits.maxDecompressedBytes, limits.tooLargeAdvice);
  if (!inflated.ok) return { kind: 'failed', status: response.status, message: inflated.message };
  return {
    kind: 'body',
    status: response.status,
    bytes: inflated.bytes,
    servedBytes: bytes,
    validators: next,
  };
}

/** The host asked for a pause: nothing more is fetched from it until the next attempt. */
export interface Pause {
  status: number;
  /** What was asked for and what the host answered. */
  message: string;
  retryAfterMs?: number;
}

/**
 * The pause a failed fetch asks for — a 429 (RFC 6585 §4), or a 503 with a Retry-After (RFC
 * 9110 §15.6.4, §10.2.3) — or undefined when it is a fault instead. A Retry-After on any other
 * answer asks for no pause (a 500 or a 404 is the fault it says), nor does a 503 without one:
 * the server did not say when it will be back, so it is a fault retried with backoff.
 * `message` says what was asked for (the failure's own by default).
 */
export function pauseAsked(
  failed: { status?: number; retryAfterMs?: number; message: string },
  message = failed.message,
): Pause | undefined {
  const { status, retryAfterMs } = failed;
  if (status !== 429 && !(status === 503 && retryAfterMs !== undefined)) return undefined;
  return { status, message, ...(retryAfterMs !== undefined ? { retryAfterMs } : {}) };
}

/** Fetches the detached signature `<url>.sig` (small, text). */
export async function fetchSignature(
  fetchImpl: FetchLike,
  url: string,
  limits: FetchLimits = DEFAULT_LIMITS,
  now: () => number = Date.now,
): Promise<
  | { ok: true; text: string }
  | { ok: false; message: string; status?: number; retryAfterMs?: number }
> {
  const sigUrl = signatureUrl(url);
  const read = await readBody(fetchImpl, sigUrl, { Accept: 'text/plain' }, limits, 16 * 1024, now);
  if (read.kind !== 'ok') {
    const missing = read.status === 404 || read.status === 410;
    return {
      ok: false,
      message: missing
        ? `the signature file ${sigUrl} is missing (HTTP ${read.status})`
        : `the signature file ${sigUrl} could not be fetched: ${read.message}`,
      ...(read.status !== undefined ? { status: read.status } : {}),
      ...(read.retryAfterMs !== undefined ? { retryAfterMs: read.retryAfterMs } : {}),
    };
  }
  return { ok: true, text: new TextDecoder().decode(read.bytes) };
}

/** `<url>.sig`, with the query string (if any) kept after it. */
export function signatureUrl(url: string): string {
  const parsed = new URL(url);
  parsed.pathname = `${parsed.pathname}.sig`;
  return parsed.href;
}

type Read =
  | { kind: 'ok'; response: Response; bytes: Uint8Array }
  | { kind: 'failed'; status?: number; message: string; retryAfterMs?: number };

async function readBody(
  fetchImpl: FetchLike,
  url: string,
  headers: Record<string, string>,
  limits: FetchLimits,
  maxBytes: number,
  now: () => number,
  onReceived?: OnReceived,
): Promise<Read> {
  const controller = new AbortController();
  // How far the answer got, for the report: a stall at the first byte is another fault than
  // one near the end (a proxy cutting large responses).
  let answered = false;
  let received = 0;
  let total: number | undefined;
  const where = () =>
    !answered
      ? 'before the server answered'
      : total !== undefined
        ? `after ${bytes(received)} of the ${bytes(total)} bytes announced`
        : `after ${bytes(received)} bytes of the body`;
  let why = '';
  const abort = (reason: string) => {
    why ||= `${reason}, ${where()}`;
    controller.abort();
  };
  const overall = setTimeout(
    () => abort(`the download took longer than ${seconds(limits.totalTimeoutMs)}`),
    limits.totalTimeoutMs,
  );
  let idle: ReturnType<typeof setTimeout> | undefined;
  const progress = () => {
    clearTimeout(idle);
    idle = setTimeout(
      () => abort(`no data arrived for ${seconds(limits.idleTimeoutMs)}`),
      limits.idleTimeoutMs,
    );
  };
  try {
    progress();
    let response: Response;
    try {
      response = await fetchImpl(url, {
        method: 'GET',
        headers,
        // Intranet feeds sit behind SSO: send the user's cookies (host permission required).
        credentials: 'include',
        // Validators are sent explicitly; the HTTP cache must neither answer nor add its own.
        cache: 'no-store',
        redirect: 'follow',
        signal: controller.signal,
      });
    } catch (error) {
      return { kind: 'failed', message: why || unanswered(error) };
    }
    answered = true;
    // Redirects are followed (a host moving its feed, a CDN, a release download) as long as
    // where they end passes the feed URL rule: never down to plain http, never with a user
    // name, and never from a feed elsewhere to this computer or a private network
    // (response.url is the final URL; empty for a Response built in a test).
    const moved = response.url && response.url !== url ? redirectProblem(url, response.url) : null;
    if (moved) {
      void response.body?.cancel().catch(() => undefined);
      return {
        kind: 'failed',
        status: response.status,
        message: `${url} redirected to ${response.url}, which ${moved}; the feed is not read from there (configure that URL instead if it really is the feed)`,
      };
    }
    if (response.status === 304) return { kind: 'ok', response, bytes: new Uint8Array() };
    if (response.status === 429 || response.status === 503 || !response.ok) {
      const retryAfterMs = parseRetryAfter(response.headers.get('Retry-After'), now());
      void response.body?.cancel().catch(() => undefined);
      const text = `the server answered HTTP ${response.status}${response.statusText ? ` ${response.statusText}` : ''}`;
      return retryAfterMs === undefined
        ? { kind: 'failed', status: response.status, message: text }
        : { kind: 'failed', status: response.status, message: text, retryAfterMs };
    }
    // No Range is ever sent, so a 206 (a misconfigured cache or proxy) is a piece, not the feed;
    // taken as a body it would be refused as broken JSON, or land if the piece were whole.
    if (response.status === 206) {
      void response.body?.cancel().catch(() => undefined);
      const range = response.headers.get('Content-Range');
      return {
        kind: 'failed',
        status: 206,
        message: `the server answered HTTP 206 Partial Content${range ? ` (${range})` : ''}, though the whole feed was asked for (no Range header was sent)`,
      };
    }
    const declared = Number(response.headers.get('Content-Length') ?? NaN);
    if (Number.isFinite(declared) && declared > maxBytes) {
      void response.body?.cancel().catch(() => undefined);
      return { kind: 'failed', status: response.status, message: tooLarge(maxBytes, limits) };
    }
    if (!response.body) return { kind: 'ok', response, bytes: new Uint8Array() };
    // Content-Encoding gzip makes the declared length the compressed one: no total then. An
    // answer read through CORS (a host the extension has no permission for) hides
    // Content-Encoding but shows Content-Length (a safelisted header): no total either.
    const encoded =
      // (Content codings are case-insensitive: RFC 9110 §8.4.1.)
      (response.headers.get('Content-Encoding') ?? 'identity').trim().toLowerCase() !==
        'identity' || response.type === 'cors';
    total = Number.isFinite(declared) && !encoded ? declared : undefined;
    onReceived?.(0, total);
    let read: Capped;
    try {
      read = await readCapped(
        response.body.getReader(),
        maxBytes,
        (size) => {
          progress();
          received += size;
          onReceived?.(received, total);
        },
        total,
      );
    } catch (error) {
      return {
        kind: 'failed',
        status: response.status,
        message:
          why ||
          `the connection broke before the whole feed arrived, ${where()} (${describe(error)})`,
      };
    }
    if (read === 'too large')
      return { kind: 'failed', status: response.status, message: tooLarge(maxBytes, limits) };
    // A body that ends short of the length announced was cut (a proxy, a server stopping
    // mid-write), however cleanly its stream closed; browsers mostly error the stream then, but
    // not every server, proxy or fetch does. More than announced is gathered (readCapped).
    if (total !== undefined && read.length < total)
      return {
        kind: 'failed',
        status: response.status,
        message: `the connection closed ${where()}; the feed is incomplete`,
      };
    return { kind: 'ok', response, bytes: read };
  } finally {
    clearTimeout(overall);
    clearTimeout(idle);
  }
}

function isGzip(bytes: Uint8Array): boolean {
  return bytes.length >= 2 && bytes[0] === 0x1f && bytes[1] === 0x8b;
}

async function gunzip(
  bytes: Uint8Array,
  maxBytes: number,
  advice: string | undefined,
): Promise<{ ok: true; bytes: Uint8Array } | { ok: false; message: string }> {
  const stream = new Blob([bytes as Uint8Array<ArrayBuffer>])
    .stream()
    .pipeThrough(new DecompressionStream('gzip'));
  let read: Capped;
  try {
    read = await readCapped(stream.getReader(), maxBytes, undefined, gzipSize(bytes));
  } catch (error) {
    return { ok: false, message: `the gzip body is corrupt or truncated (${describe(error)})` };
  }
  if (read === 'too large')
    return {
      ok: false,
      message: `the gzip body expands beyond ${megabytes(maxBytes)} (a gzip bomb or a far too large feed)${advice ? `; ${advice}` : ''}`,
    };
  return { ok: true, bytes: read };
}

type Capped = Uint8Array | 'too large';

/**
 * Reads a stream to its end into one buffer, or stops and cancels it as soon as it passes
 * `maxBytes`. With the size to `expect` (declared by the server or the gzip trailer), the
 * chunks go straight into one buffer of that size, so the body is never held twice (chunks
 * and their join); should more arrive than promised, the rest is gathered and joined. Read
 * errors are thrown to the caller, which says what broke.
 */
async function readCapped(
  reader: ReadableStreamDefaultReader<Uint8Array>,
  maxBytes: number,
  onChunk?: (size: number) => void,
  expect?: number,
): Promise<Capped> {
  let whole =
    expect !== undefined && expect > 0 && expect <= maxBytes ? new Uint8Array(expect) : undefined;
  const parts: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    onChunk?.(value.byteLength);
    const at = size;
    size += value.byteLength;
    if (size > maxBytes) {
      void reader.cancel().catch(() => undefined);
      return 'too large';
    }
    if (whole && size <= whole.length) {
      whole.set(value, at);
      continue;
    }
    if (whole) parts.push(whole.subarray(0, at));
    whole = undefined;
    parts.push(value);
  }
  // Fewer bytes than promised (a gzip trailer that says more; readBody refuses a body short of
  // its Content-Length): an exact copy, so no caller holds (or stores) the spare room.
  if (whole) return size === whole.length ? whole : whole.slice(0, size);
  return concat(parts, size);
}

/** The size a gzip file says it expands to (its trailer's ISIZE, the size modulo 2^32). */
function gzipSize(bytes: Uint8Array): number | undefined {
  if (bytes.length < 18) return undefined;
  const at = bytes.length - 4;
  return (
    (bytes[at]! | (bytes[at + 1]! << 8) | (bytes[at + 2]! << 16) | (bytes[at + 3]! << 24)) >>> 0
  );
}

function concat(parts: Uint8Array[], size: number): Uint8Array {
  if (parts.length === 1) return parts[0]!;
  const out = new Uint8Array(size);
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.byteLength;
  }
  return out;
}

function tooLarge(max: number, limits: FetchLimits): string {
  const said = `the feed is larger than the ${megabytes(max)} limit`;
  // A document's own limit: say how a publisher gets under it, compressed when more may
  // arrive that way.
  if (max !== limits.maxBytes) return said;
  if (limits.maxDecompressedBytes > max)
    return `${said}; a larger feed can be published gzip-compressed as a .json.gz file (served without Content-Encoding), up to ${megabytes(limits.maxDecompressedBytes)} of JSON`;
  return limits.tooLargeAdvice ? `${said}; ${limits.tooLargeAdvice}` : said;
}

function megabytes(bytes: number): string {
  return bytes >= 1024 * 1024
    ? `${Math.round(bytes / (1024 * 1024))} MB`
    : `${Math.round(bytes / 1024)} KB`;
}

function bytes(n: number): string {
  return n.toLocaleString('en-US');
}

function seconds(ms: number): string {
  return ms % 1000 === 0 ? `${ms / 1000} s` : `${ms} ms`;
}

function describe(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  // Node's fetch throws "fetch failed" and says why in the cause.
  const cause = error.cause instanceof Error ? error.cause.message : '';
  return cause && cause !== error.message ? `${error.message}: ${cause}` : error.message;
}

// What browsers' fetch throws for every network failure, a redirect loop included (Chromium
// turns ERR_TOO_MANY_REDIRECTS into "Failed to fetch"): Chromium, Firefox, Safari.
const BROWSER_NETWORK_ERROR =
  /^(Failed to fetch|NetworkError when attempting to fetch resource\.?|Load failed)$/;

/** Why fetch threw before an answer, as far as the error tells it. */
function unanswered(error: unknown): string {
  const cause = error instanceof Error && error.cause instanceof Error ? error.cause : undefined;
  // fetch follows at most 20 redirects; Node's says so in the cause.
  if (cause && /redirect count exceeded/i.test(cause.message))
    return 'the server redirected too many times (a redirect loop?)';
  if (error instanceof TypeError && !cause && BROWSER_NETWORK_ERROR.test(error.message))
    return `the server could not be reached, or redirected too many times (${error.message})`;
  return `the server could not be reached (${describe(error)})`;
}

/** Why a feed at `from` may not be read from `to`, where it was redirected; null when it may. */
function redirectProblem(from: string, to: string): string | null {
  const problem = urlProblem(to, originOfFeed(from));
  if (problem) return problem.reason;
  if (new URL(from).protocol === 'https:' && new URL(to).protocol !== 'https:')
    return 'is not https';
  return null;
}
