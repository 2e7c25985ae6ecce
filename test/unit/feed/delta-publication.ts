// In-memory publications of the feed delta protocol for sync tests: the manifest and deltas
// `build --deltas` would write for a document and the earlier documents it keeps, served by
// the scripted server (lib/feedtool/delta-publish.ts writes the same files to disk).
import { createHash } from 'node:crypto';
import { DELTA_FORMAT, DELTA_VERSION } from '../../../lib/feed/delta';
import { MANIFEST_FORMAT, MANIFEST_VERSION, type FeedManifest } from '../../../lib/feed/manifest';
import { encodeDelta } from '../../../lib/feedtool/delta-encode';
import type { FakeFeedServer } from './fake-server';

export function sha256(text: string | Uint8Array): string {
  return createHash('sha256').update(text).digest('hex');
}

export interface Publication {
  manifest: FeedManifest;
  manifestText: string;
  /** Absolute URL → delta text. */
  deltas: Map<string, string>;
}

export function publication(feedUrl: string, document: string, earlier: string[]): Publication {
  const parsed = JSON.parse(document) as { feedId: string; generatedAt: string };
  const to = sha256(document);
  const manifest: FeedManifest = {
    format: MANIFEST_FORMAT,
    version: MANIFEST_VERSION,
    feedId: parsed.feedId,
    generatedAt: parsed.generatedAt,
    document: { sha256: to, bytes: Buffer.byteLength(document) },
    deltas: [],
    changes: [],
  };
  const deltas = new Map<string, string>();
  for (const base of earlier) {
    const from = sha256(base);
    const ops = encodeDelta(Buffer.from(base), Buffer.from(document));
    const text = JSON.stringify({ format: DELTA_FORMAT, version: DELTA_VERSION, from, to, ops });
    const name = `${sha256(text)}.json`;
    const path = `${feedUrl.split('/').at(-1)!}.deltas/${name}`;
    manifest.deltas.push({ from, path, sha256: sha256(text), bytes: Buffer.byteLength(text) });
    deltas.set(new URL(path, feedUrl).href, text);
  }
  return { manifest, manifestText: JSON.stringify(manifest), deltas };
}

/** Serves the document, its manifest and deltas (each with its ETag, 304 on a match). */
export function servePublication(
  server: FakeFeedServer,
  feedUrl: string,
  document: string,
  earlier: string[] = [],
): Publication {
  const published = publication(feedUrl, document, earlier);
  server.serveFeed(feedUrl, document).serveFeed(`${feedUrl}.manifest.json`, published.manifestText);
  for (const [url, text] of published.deltas) server.serveFeed(url, text);
  return published;
}
