// Changes files for sync tests (docs/feed-format.md, "Changes"), written by the feed tool's
// own code (lib/feedtool/changes-build.ts) and served beside the document like deltas.
import { changesFile, cleanFeed } from '../../../lib/feedtool/changes-build';
import { fingerprintOfLists } from '../../../lib/feed/changes';
import { FEED_LISTS, type Feed, type FeedList } from '../../../lib/model/feed';
import { publication, sha256, type Publication } from './delta-publication';
import type { FakeFeedServer } from './fake-server';

function validated(text: string): Feed {
  const feed = cleanFeed(Buffer.from(text));
  if (!feed) throw new Error('a changes file needs a document without record problems');
  return feed;
}

/** Record key → content hash per list of a clean document, less the records `drop` names. */
export function fingerprintOf(
  text: string,
  drop: (list: FeedList, key: string) => boolean = () => false,
): Record<FeedList, Map<string, number>> {
  const out = fingerprintOfLists(validated(text));
  for (const list of FEED_LISTS)
    for (const key of out[list].keys()) if (drop(list, key)) out[list].delete(key);
  return out;
}

/** The changes file from `earlier` to `document`, as the feed tool writes it (then `override`). */
export function changesText(
  earlier: string,
  document: string,
  override: (changes: Record<string, unknown>) => void = () => undefined,
): string {
  const text = changesFile(
    validated(earlier),
    sha256(earlier),
    validated(document),
    sha256(document),
  );
  const changes = JSON.parse(text) as Record<string, unknown>;
  override(changes);
  return JSON.stringify(changes);
}

/**
 * Serves `document` as `servePublication` does, with a changes file from each earlier
 * document listed in the manifest too.
 */
export function servePublicationWithChanges(
  server: FakeFeedServer,
  feedUrl: string,
  document: string,
  earlier: string[] = [],
  override?: (changes: Record<string, unknown>) => void,
): Publication {
  const published = publication(feedUrl, document, earlier);
  server.serveFeed(feedUrl, document);
  for (const [url, text] of published.deltas) server.serveFeed(url, text);
  for (const base of earlier) {
    const text = changesText(base, document, override);
    const path = `${feedUrl.split('/').at(-1)!}.deltas/${sha256(text)}.json`;
    published.manifest.changes.push({
      from: sha256(base),
      path,
      sha256: sha256(text),
      bytes: Buffer.byteLength(text),
    });
    server.serveFeed(new URL(path, feedUrl).href, text);
  }
  published.manifestText = JSON.stringify(published.manifest);
  server.serveFeed(`${feedUrl}.manifest.json`, published.manifestText);
  return published;
}
