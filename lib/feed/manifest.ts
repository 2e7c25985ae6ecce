// The manifest of the feed delta protocol (docs/feed-format.md, "Deltas"): a small JSON file
// published beside the feed at `<feed url>.manifest.json` that names the current document by
// SHA-256 and lists deltas that rebuild it from earlier documents. It is what a client
// fetches first (conditionally: an unchanged feed costs one 304 of a tiny file); when the feed
// has a public key, the manifest's detached signature vouches for the document and delta
// hashes it lists, so a rebuilt document is as trusted as a downloaded, signed one.
import { z } from '../model/zod';

export const MANIFEST_FORMAT = 'constellation-feed-manifest';
export const MANIFEST_VERSION = 1;

const sha256Hex = z.string().regex(/^[0-9a-f]{64}$/, 'expected a SHA-256 in lower-case hex');

/** A file the manifest lists: what it applies to, where it is, and its SHA-256. */
const fileEntry = z.object({
  from: sha256Hex,
  /** Relative to the manifest's URL; same origin only. */
  path: z.string().min(1),
  sha256: sha256Hex,
  bytes: z.number().int().nonnegative(),
});

const manifestSchema = z.object({
  format: z.literal(MANIFEST_FORMAT),
  version: z.literal(MANIFEST_VERSION),
  feedId: z.string().min(1),
  generatedAt: z.string().min(1),
  document: z.object({ sha256: sha256Hex, bytes: z.number().int().nonnegative() }),
  /** Deltas: files that rebuild the document's bytes from an earlier document's. */
  deltas: z.array(fileEntry).max(64),
  /**
   * Changes files (lib/feed/changes.ts): the records changed since an earlier document, for
   * a client that holds that document's records. Optional: manifests of version 1 written
   * before them have none, and clients that know none ignore them.
   */
  changes: z.array(fileEntry).max(64).default([]),
});

export type FeedManifest = z.infer<typeof manifestSchema>;
/** What a manifest written by hand or by an older tool may leave out (`changes`). */
export type FeedManifestInput = z.input<typeof manifestSchema>;
export type ManifestDelta = FeedManifest['deltas'][number];

/** `<feed url>.manifest.json`, with the query string (if any) kept after it. */
export function manifestUrl(feedUrl: string): string {
  const parsed = new URL(feedUrl);
  parsed.pathname = `${parsed.pathname}.manifest.json`;
  return parsed.href;
}

export type ManifestParse = { ok: true; manifest: FeedManifest } | { ok: false; reason: string };

export function parseManifest(bytes: Uint8Array): ManifestParse {
  let value: unknown;
  try {
    value = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch {
    return { ok: false, reason: 'the manifest is not UTF-8 JSON' };
  }
  const parsed = manifestSchema.safeParse(value);
  if (parsed.success) return { ok: true, manifest: parsed.data };
  const issue = parsed.error.issues[0]!;
  const where = issue.path.length ? ` at ${issue.path.join('.')}` : '';
  return { ok: false, reason: `the manifest is not valid${where}: ${issue.message}` };
}

/**
 * The absolute URL of a delta. Only the manifest's own origin is allowed: the extension
 * holds a host permission for the feed's origin alone, and a manifest must not be able to
 * send the browser (with the user's cookies) anywhere else.
 */
export function deltaUrl(manifestHref: string, delta: ManifestDelta): string | undefined {
  let url: URL;
  try {
    url = new URL(delta.path, manifestHref);
  } catch {
    return undefined;
  }
  return url.origin === new URL(manifestHref).origin ? url.href : undefined;
}
