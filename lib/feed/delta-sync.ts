// The client side of the feed delta protocol (docs/feed-format.md, "Deltas"), run by sync.ts
// before it downloads the whole document: fetch `<feed>.manifest.json` conditionally (an
// unchanged feed ends here, with a 304 of a tiny file), check its signature when the feed has
// a key, pick a delta from a document this browser holds, check the delta's SHA-256, rebuild
// the document and check the result's SHA-256 against the manifest. Any failure falls back to
// the whole document, with a note saying what went wrong and where (a missing manifest is no
// failure: most publishers do not produce one). Never throws for bad input: values only.
import type { ConstellationDB } from '../db/database';
import {
  baseDigests,
  forgetDeltaState,
  keepOnlyBase,
  loadBase,
  manifestState,
  saveBase,
  saveManifestState,
} from '../db/sync-bases';
import type { FeedValidators, SyncDelivery, SyncSourceRow } from '../db/sync-schema';
import { parseChanges, type FeedChanges } from './changes';
import { applyDelta, parseDelta } from './delta';
import { sha256Hex } from './digest';
import {
  fetchFeedBody,
  pauseAsked,
  fetchSignature,
  type FetchLike,
  type FetchLimits,
  type FetchOutcome,
  type Pause,
} from './fetch';
import {
  deltaUrl,
  manifestUrl,
  parseManifest,
  type FeedManifest,
  type ManifestDelta,
} from './manifest';
import { verifyDetachedSignature, type SignatureAlgorithm } from './signature';

/** A manifest that was fetched and trusted: recorded once its document has landed. */
export interface ManifestSeen {
  url: string;
  manifest: FeedManifest;
  validators: FeedValidators;
}

export type DeltaDelivery =
  /** The manifest is unchanged (304), or names the document already active (200). */
  | { kind: 'not-modified'; status: 304 | 200; received: number }
  /** The current document, rebuilt and checked against the manifest's SHA-256. */
  | {
      kind: 'rebuilt';
      bytes: Uint8Array;
      manifest: ManifestSeen;
      received: number;
      signature?: SignatureAlgorithm;
      /** Why the changes file listed for the active document was not used. */
      note?: string;
    }
  /**
   * The records changed since the active document (lib/feed/changes.ts), its SHA-256 checked
   * against the manifest's list; landed as a layer (lib/feed/apply-changes.ts), or, should its
   * records not prove to be the new document's, the whole document is taken after all.
   */
  | {
      kind: 'changes';
      changes: FeedChanges;
      manifest: ManifestSeen;
      received: number;
      signature?: SignatureAlgorithm;
    }
  /** Download the whole document; `note` says why when something was wrong. */
  | { kind: 'whole'; manifest?: ManifestSeen; note?: string; received: number };

/** The host asked for a pause (429, or 503 with a Retry-After): nothing more is fetched this time. */
export type DeltaWait = { kind: 'wait' } & Pause;

export interface DeltaDeps {
  db: ConstellationDB;
  fetch: FetchLike;
  limits: FetchLimits;
  now: () => number;
}

/** Manifests are small; anything larger is not one. */
const MANIFEST_MAX_BYTES = 1024 * 1024;

export async function deliverByDelta(
  deps: DeltaDeps,
  target: { url: string; publicKey?: string },
  source: SyncSourceRow,
  active: boolean,
): Promise<DeltaDelivery | DeltaWait> {
  const href = manifestUrl(target.url);
  const state = await manifestState(deps.db, target.url);
  // Conditional only when the recorded manifest named the document that is active now.
  const conditional =
    state && active && !source.pending && state.document === source.digest
      ? state.validators
      : undefined;
  const fetched = await fetchFeedBody(
    deps.fetch,
    href,
    conditional ?? {},
    { ...deps.limits, maxBytes: MANIFEST_MAX_BYTES, maxDecompressedBytes: MANIFEST_MAX_BYTES },
    deps.now,
  );
  if (fetched.kind === 'failed') {
    // The feed's host asked to slow down: fetching the whole document at once would ignore it.
    const pause = pauseAsked(
      fetched,
      `the manifest ${href} could not be fetched: ${fetched.message}`,
    );
    if (pause) return { kind: 'wait', ...pause };
    // No manifest: 404/410; or, for a feed that never had one, a request that got no answer at
    // all (a host that sends CORS headers only with the feed makes a cross-origin 404 look
    // like that), which must not add a warning to every report of a feed without deltas.
    const absent =
      fetched.status === 404 || fetched.status === 410 || (fetched.status === undefined && !state);
    return absent
      ? { kind: 'whole', received: 0 }
      : {
          kind: 'whole',
          received: 0,
          note: `the manifest ${href} could not be fetched: ${fetched.message}`,
        };
  }
  // A 304 to a request without validators is a failure (fetch.ts), so this one answers ours.
  if (fetched.kind === 'not-modified') return { kind: 'not-modified', status: 304, received: 0 };
  let received = fetched.bytes.length;
  const parsed = parseManifest(fetched.bytes);
  if (!parsed.ok) return { kind: 'whole', received, note: `${href}: ${parsed.reason}` };
  const { manifest } = parsed;
  let signature: SignatureAlgorithm | undefined;
  if (target.publicKey?.trim()) {
    const sig = await fetchSignature(deps.fetch, href, deps.limits, deps.now);
    if (!sig.ok) {
      const pause = pauseAsked(sig);
      if (pause) return { kind: 'wait', ...pause };
      return { kind: 'whole', received, note: `the manifest is not signed: ${sig.message}` };
    }
    received += sig.text.length;
    const verdict = await verifyDetachedSignature(fetched.bytes, sig.text, target.publicKey);
    if (!verdict.ok)
      return {
        kind: 'whole',
        received,
        note: `bad signature on the manifest ${href}: ${verdict.reason}`,
      };
    signature = verdict.algorithm;
  }
  const seen: ManifestSeen = { url: href, manifest, validators: fetched.validators };
  if (active && !source.pending && manifest.document.sha256 === source.digest)
    return { kind: 'not-modified', status: 200, received };
  // Nothing to apply a delta to yet; or the manifest names another feed, whose document must
  // meet the refusal rules on the whole-document path (they read the document, not this).
  if (!active) return { kind: 'whole', manifest: seen, received };
  if (source.feedId && manifest.feedId !== source.feedId)
    return {
      kind: 'whole',
      manifest: seen,
      received,
      note: `the manifest ${href} names the feed "${manifest.feedId}", not "${source.feedId}"`,
    };
  // Changes apply to the records of the active document, a delta to a document's bytes.
  let note: string | undefined;
  // A layer left half-written by a stopped worker resumes the same way (same plan, same
  // chunks: lib/db/generations.ts); any other pending generation leaves changes aside.
  const layering = !source.pending || source.pending.mode === 'overlay';
  const listed = layering ? manifest.changes.find((c) => c.from === source.digest) : undefined;
  if (listed) {
    const fetched = await fetchChanges(deps, href, manifest, listed);
    received += fetched.received;
    if (fetched.ok)
      return {
        kind: 'changes',
        changes: fetched.changes,
        manifest: seen,
        received,
        ...(signature ? { signature } : {}),
      };
    if (fetched.wait) return fetched.wait;
    note = fetched.note;
  }
  const held = new Set(await baseDigests(deps.db, target.url));
  const delta = pickDelta(manifest.deltas, held, source.digest);
  if (!delta) return { kind: 'whole', manifest: seen, received, ...(note ? { note } : {}) };
  const rebuilt = await rebuild(deps, target.url, href, manifest, delta);
  received += rebuilt.received;
  if (!rebuilt.ok && rebuilt.wait) return rebuilt.wait;
  if (!rebuilt.ok)
    return {
      kind: 'whole',
      manifest: seen,
      received,
      note: note ? `${note}; and ${rebuilt.note}` : rebuilt.note,
    };
  return {
    kind: 'rebuilt',
    bytes: rebuilt.bytes,
    manifest: seen,
    received,
    ...(signature ? { signature } : {}),
    ...(note ? { note } : {}),
  };
}

/** A delta from the active document if listed, else from any other document held here. */
function pickDelta(
  deltas: readonly ManifestDelta[],
  held: ReadonlySet<string>,
  activeDigest: string | undefined,
): ManifestDelta | undefined {
  return (
    deltas.find((d) => d.from === activeDigest && held.has(d.from)) ??
    deltas.find((d) => held.has(d.from))
  );
}

/** A listed file that could not be used; `wait` when its host asked for a pause. */
type Unused = { ok: false; note: string; received: number; wait?: DeltaWait };

type ChangesFetched = { ok: true; changes: FeedChanges; received: number } | Unused;

/** Fetches a listed changes file and checks it is the one listed, for this document. */
async function fetchChanges(
  deps: DeltaDeps,
  href: string,
  manifest: FeedManifest,
  entry: ManifestDelta,
): Promise<ChangesFetched> {
  const listed = await fetchListed(deps, href, entry, 'the changes file');
  if (!listed.ok) return listed;
  const { received, fail } = listed;
  const parsed = parseChanges(listed.bytes);
  if (!parsed.ok) return fail(`is not a changes file: ${parsed.reason}`);
  const { changes } = parsed;
  if (changes.from !== entry.from || changes.to !== manifest.document.sha256)
    return fail('is not the one the manifest lists (its "from" or "to" differs)');
  if (changes.feedId !== manifest.feedId)
    return fail(`is for the feed "${changes.feedId}", not "${manifest.feedId}"`);
  return { ok: true, changes, received };
}

type Listed =
  | {
      ok: true;
      bytes: Uint8Array;
      received: number;
      /** A failure about this file after it was fetched: what and where. */
      fail: (why: string) => { ok: false; note: string; received: number };
    }
  | Unused;

/**
 * A file the manifest lists (a delta, a changes file): on the manifest's origin only, fetched,
 * and checked against its SHA-256 in the manifest.
 */
async function fetchListed(
  deps: DeltaDeps,
  href: string,
  entry: ManifestDelta,
  what: string,
): Promise<Listed> {
  const url = deltaUrl(href, entry);
  if (!url)
    return {
      ok: false,
      received: 0,
      note: `${what} "${entry.path}" listed in ${href} is not on the feed's origin`,
    };
  const fetched = await fetchFeedBody(deps.fetch, url, {}, deps.limits, deps.now);
  if (fetched.kind !== 'body') {
    const note = `${what} ${url} could not be fetched: ${fetched.kind === 'failed' ? fetched.message : 'HTTP 304'}`;
    const pause = fetched.kind === 'failed' ? pauseAsked(fetched, note) : undefined;
    return { ok: false, received: 0, note, ...(pause ? { wait: { kind: 'wait', ...pause } } : {}) };
  }
  const received = fetched.bytes.length;
  const fail = (why: string) => ({ ok: false as const, received, note: `${what} ${url} ${why}` });
  if ((await sha256Hex(fetched.bytes)) !== entry.sha256)
    return fail('does not match its SHA-256 in the manifest');
  return { ok: true, bytes: fetched.bytes, received, fail };
}

type Rebuilt = { ok: true; bytes: Uint8Array; received: number } | Unused;

async function rebuild(
  deps: DeltaDeps,
  feedUrl: string,
  href: string,
  manifest: FeedManifest,
  entry: ManifestDelta,
): Promise<Rebuilt> {
  const listed = await fetchListed(deps, href, entry, 'the delta');
  if (!listed.ok) return listed;
  const { received, fail } = listed;
  const parsed = parseDelta(listed.bytes);
  if (!parsed.ok) return fail(`is not a delta: ${parsed.reason}`);
  const { delta } = parsed;
  if (delta.from !== entry.from || delta.to !== manifest.document.sha256)
    return fail('is not the one the manifest lists (its "from" or "to" differs)');
  const base = await loadBase(deps.db, feedUrl, delta.from);
  if (!base) return fail('applies to a document no longer held here');
  const applied = applyDelta(base, delta.ops, deps.limits.maxDecompressedBytes);
  if (!applied.ok) return fail(`cannot be applied: ${applied.reason}`);
  if ((await sha256Hex(applied.bytes)) !== manifest.document.sha256)
    return fail('rebuilds a document whose SHA-256 differs from the manifest’s');
  return { ok: true, bytes: applied.bytes, received };
}

/**
 * Keeps the document's bytes as a base for later deltas, when its feed publishes a manifest.
 * Called before validation, while the bytes are still held anyway (they are released before
 * the validator runs, to keep the peak heap down).
 */
export async function holdBase(
  db: ConstellationDB,
  url: string,
  digest: string,
  bytes: Uint8Array,
  delivery: DeltaDelivery,
  maxBytes = BASE_MAX_BYTES,
): Promise<boolean> {
  if (delivery.kind === 'not-modified' || !delivery.manifest) return false;
  // One IndexedDB value holds at most 127 MiB in Chromium (a larger put aborts its
  // transaction): a larger document is not kept. Deltas then cannot apply to it; changes
  // files, which apply to the stored records, still can.
  if (bytes.length > maxBytes) return false;
  await saveBase(db, url, digest, bytes);
  return true;
}

/** The largest document kept as a base (Chromium refuses values over 133,169,152 bytes). */
export const BASE_MAX_BYTES = 100 * 1024 * 1024;

/**
 * After a document landed (or proved to be the one stored): remember what the manifest said,
 * so the next sync asks for it conditionally, and drop every base but the active document's.
 * A feed without a manifest (any more) keeps no delta state at all.
 */
export async function recordLanded(
  db: ConstellationDB,
  url: string,
  digest: string,
  delivery: DeltaDelivery,
): Promise<void> {
  if (delivery.kind === 'not-modified') return;
  const seen = delivery.manifest;
  if (!seen) {
    if (delivery.kind === 'whole' && !delivery.note) await forgetDeltaState(db, url);
    return;
  }
  if (seen.manifest.document.sha256 === digest)
    await saveManifestState(db, { url, validators: seen.validators, document: digest });
  await keepOnlyBase(db, url, digest);
}

/** What the report says of how the document came: the way, the bytes received, any note. */
export function deliveryOf(
  viaDelta: Exclude<DeltaDelivery, { kind: 'not-modified' }>,
  fetched: FetchOutcome,
): SyncDelivery {
  const body = viaDelta.kind === 'whole' && fetched.kind === 'body' ? fetched : undefined;
  const note = viaDelta.kind === 'changes' ? undefined : viaDelta.note;
  return {
    via:
      viaDelta.kind === 'rebuilt' ? 'delta' : viaDelta.kind === 'changes' ? 'changes' : 'document',
    receivedBytes: viaDelta.received + (body ? (body.servedBytes ?? body.bytes).length : 0),
    ...(note ? { note } : {}),
  };
}
