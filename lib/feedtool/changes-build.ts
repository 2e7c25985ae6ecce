// Writing the changes files of the feed delta protocol (docs/feed-format.md, "Changes files";
// the format is lib/feed/changes.ts): the records a new document added, changed and removed
// since an earlier one, with the new document's per-list count and hash sum. Both documents go
// through the extension's own validator, so that the records and hashes written are the ones
// a client computes. A changes file is written only between two documents without a single
// record problem: after a faulty document a client's data is not that document's records (it
// keeps the last good version of a record that turned invalid), and what the validator drops
// from a record can depend on other records (a reference to one left out), which a client
// validating only the changed records could judge otherwise. The byte delta and the whole
// document still serve those clients.
import { FEED_LISTS, type Feed, type FeedList } from '../model/feed';
import {
  CHANGES_FORMAT,
  CHANGES_VERSION,
  keyOf,
  parseChanges,
  removalEntry,
  removalKey,
  stateMismatch,
  stateOf,
  fingerprintOfLists,
  type FeedChanges,
} from '../feed/changes';
import { parseFeedBytes } from '../feed/parse-body';
import { recordHash } from '../feed/record-hash';
import { CliError } from './cli-types';

/** A delta or changes file larger than this share of the document is not worth publishing. */
const WORTHWHILE = 0.5;

/** Why a delta or changes file of `bytes` is not published, or undefined when it is worth it. */
export function notWorthwhile(bytes: number, documentBytes: number): string | undefined {
  if (bytes <= documentBytes * WORTHWHILE) return undefined;
  return `it would be ${Math.round((100 * bytes) / documentBytes)}% of the document (over ${100 * WORTHWHILE}%: not worth fetching)`;
}

type Fingerprint = Record<FeedList, Map<string, number>>;

/** A document's validated records, or why no changes file can be written from or to it. */
export type CleanFeed = { ok: true; feed: Feed } | { ok: false; why: string };

/**
 * The validated records of a document that has no record problems at all (no record left
 * out, none left out with another, no value dropped), or what keeps it from having changes
 * files, in words.
 */
export function cleanFeedOf(bytes: Uint8Array): CleanFeed {
  const validation = parseFeedBytes(bytes);
  if (!validation.ok) {
    const { reason, path } = validation.error;
    return { ok: false, why: `it is not a valid feed (${path ? `${path}: ` : ''}${reason})` };
  }
  const count = validation.problems.length;
  if (count > 0) {
    const first = validation.problems[0]!;
    return {
      ok: false,
      why: `it has ${count === 1 ? 'a record problem' : `${count} record problems`} (the first: ${first.path}: ${first.reason})`,
    };
  }
  return { ok: true, feed: validation.feed };
}

/** The validated records of a document without a single record problem; else undefined. */
export function cleanFeed(bytes: Uint8Array): Feed | undefined {
  const clean = cleanFeedOf(bytes);
  return clean.ok ? clean.feed : undefined;
}

/**
 * The changes file that turns `base`'s records into `next`'s, or why there is none: either
 * document has a record problem, their feed ids differ, or it would not be worth fetching
 * (over half the document). `nextFeed` spares a caller writing changes from several earlier
 * documents validating the new one each time.
 */
export function changesOrWhy(
  base: Uint8Array,
  baseSha: string,
  next: Uint8Array,
  nextSha: string,
  nextFeed: CleanFeed = cleanFeedOf(next),
): { text: string } | { why: string } {
  if (!nextFeed.ok) return { why: `the new document: ${nextFeed.why}` };
  const baseFeed = cleanFeedOf(base);
  if (!baseFeed.ok) return { why: `the earlier document: ${baseFeed.why}` };
  if (baseFeed.feed.feedId !== nextFeed.feed.feedId) {
    return {
      why: `the earlier document is another feed ("${baseFeed.feed.feedId}", now "${nextFeed.feed.feedId}")`,
    };
  }
  const text = changesFile(baseFeed.feed, baseSha, nextFeed.feed, nextSha);
  const why = notWorthwhile(Buffer.byteLength(text), next.length);
  if (why) return { why };
  return { text };
}

/** The changes file `changesOrWhy` writes, or undefined when it gives a reason instead. */
export function changesBetween(
  base: Uint8Array,
  baseSha: string,
  next: Uint8Array,
  nextSha: string,
  nextFeed?: Feed,
): string | undefined {
  const result = changesOrWhy(
    base,
    baseSha,
    next,
    nextSha,
    nextFeed ? { ok: true, feed: nextFeed } : undefined,
  );
  return 'text' in result ? result.text : undefined;
}

/**
 * The changes file from one document's validated records to another's: the records of `next`
 * that are new or differ, in document order, and the keys of `base` that `next` lacks, list
 * by list in the feed's order. Checked by landing it on `base`'s record hashes.
 */
export function changesFile(base: Feed, baseSha: string, next: Feed, nextSha: string): string {
  const before = fingerprintOfLists(base);
  const after = fingerprintOfLists(next);
  const changes: FeedChanges = {
    format: CHANGES_FORMAT,
    version: CHANGES_VERSION,
    from: baseSha,
    to: nextSha,
    feedId: next.feedId,
    generatedAt: next.generatedAt,
    organization: next.organization,
    upsert: {},
    remove: {},
    state: stateOf(after),
  };
  for (const list of FEED_LISTS) {
    const was = before[list];
    const upserts = (next[list] as unknown[]).filter((record) => {
      const key = keyOf(list, record);
      return was.get(key) !== after[list].get(key);
    });
    const removals = [...was.keys()]
      .filter((key) => !after[list].has(key))
      .map((key) => removalEntry(list, key));
    if (upserts.length > 0) changes.upsert[list] = upserts;
    if (removals.length > 0) changes.remove[list] = removals;
  }
  const text = JSON.stringify(changes);
  checkChanges(text, before, baseSha);
  return text;
}

/**
 * Reads the written text back and lands it on `base`'s record hashes the way a client does:
 * what it ends up with must be exactly the declared state, or nothing is published. Every
 * removal must name a record of the base.
 */
function checkChanges(text: string, base: Fingerprint, baseSha: string): void {
  const fail = (why: string) => {
    throw new CliError(`the changes file from ${baseSha} ${why}; nothing written`);
  };
  const parsed = parseChanges(Buffer.from(text));
  if (!parsed.ok) return fail(`does not read back (${parsed.reason})`);
  const { upsert, remove, state } = parsed.changes;
  const landed = {} as Fingerprint;
  for (const list of FEED_LISTS) {
    const hashes = new Map(base[list]);
    for (const entry of remove[list] ?? []) {
      if (!hashes.delete(removalKey(list, entry)))
        return fail(`removes ${JSON.stringify(entry)} from ${list}, which the base does not hold`);
    }
    for (const record of upsert[list] ?? []) hashes.set(keyOf(list, record), recordHash(record));
    landed[list] = hashes;
  }
  const mismatch = stateMismatch(landed, state);
  if (mismatch) fail(`does not reach its own state: ${mismatch}`);
}
