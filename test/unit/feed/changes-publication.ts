// Changes files for sync tests (docs/feed-format.md, "Changes"), made the way the feed tool
// makes them: both documents validated, the new one's records compared by key and content
// hash with the earlier one's, and the new document's per-list state declared.
import { CHANGES_FORMAT, CHANGES_VERSION, removalEntry, stateOf } from '../../../lib/feed/changes';
import { recordHash, recordKey, type Keyed } from '../../../lib/feed/record-hash';
import { FEED_LISTS, type Feed, type FeedList } from '../../../lib/model/feed';
import { validateFeedText } from '../../../lib/model/validate';
import { publication, sha256, type Publication } from './delta-publication';
import type { FakeFeedServer } from './fake-server';

function validated(text: string): Feed {
  const v = validateFeedText(text);
  if (!v.ok || v.problems.length > 0) throw new Error('a changes file needs a clean document');
  return v.feed;
}

/** Record key → content hash per list of a clean document, less the records `drop` names. */
export function fingerprintOf(
  text: string,
  drop: (list: FeedList, key: string) => boolean = () => false,
): Record<FeedList, Map<string, number>> {
  const feed = validated(text);
  const out = {} as Record<FeedList, Map<string, number>>;
  for (const list of FEED_LISTS) {
    out[list] = new Map();
    for (const r of feed[list] as Keyed[]) {
      const key = recordKey(list, r);
      if (!drop(list, key)) out[list].set(key, recordHash(r));
    }
  }
  return out;
}

/** The changes from `earlier` to `document`, as the text of the file (overrides applied). */
export function changesText(
  earlier: string,
  document: string,
  override: (changes: Record<string, unknown>) => void = () => undefined,
): string {
  const before = validated(earlier);
  const after = validated(document);
  const upsert: Partial<Record<FeedList, unknown[]>> = {};
  const remove: Partial<Record<FeedList, unknown[]>> = {};
  const fingerprint = {} as Record<FeedList, Map<string, number>>;
  for (const list of FEED_LISTS) {
    const old = new Map<string, number>();
    for (const r of before[list] as Keyed[]) old.set(recordKey(list, r), recordHash(r));
    const now = new Map<string, number>();
    for (const r of after[list] as Keyed[]) {
      const key = recordKey(list, r);
      now.set(key, recordHash(r));
      if (old.get(key) !== now.get(key)) (upsert[list] ??= []).push(r);
    }
    for (const key of old.keys())
      if (!now.has(key)) (remove[list] ??= []).push(removalEntry(list, key));
    fingerprint[list] = now;
  }
  const changes: Record<string, unknown> = {
    format: CHANGES_FORMAT,
    version: CHANGES_VERSION,
    from: sha256(earlier),
    to: sha256(document),
    feedId: after.feedId,
    generatedAt: after.generatedAt,
    organization: after.organization,
    upsert,
    remove,
    state: stateOf(fingerprint),
  };
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
