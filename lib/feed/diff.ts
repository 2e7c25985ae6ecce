// Diffs a validated feed against the fingerprints of what is stored for it: what was added,
// changed, removed and left unchanged (the sync's report), the new fingerprint, and which
// stored records a new generation keeps (lib/db/generations.ts). Records that failed validation keep
// their previously stored version (FEED-V1 rules), and so do the memberships and expertise
// entries left out with them; and are carried into the new fingerprint;
// a key that is neither in the new feed nor kept is a removal.
import { FEED_LISTS, type Feed, type FeedList } from '../model/feed';
import type { RecordProblem } from '../model/validate';
import type { FingerprintRow, SyncCounts } from '../db/sync-schema';
import { PAIR_KEY_SEPARATOR, pairEndOf, problemKeys, recordHash, recordKey } from './record-hash';
import { PackedKeys, type StoredFingerprint } from '../db/fingerprints';

/** A fingerprint in its stored form: per list, "\n"-joined keys and their hashes in order. */
export type PackedFingerprint = FingerprintRow['lists'];

export interface SyncPlan {
  /**
   * Fingerprint of what is stored once this plan is applied, built in its stored form (a
   * map of half a million keys would cost as much heap as the planned packs).
   */
  fingerprint: PackedFingerprint;
  /** Keys of stored records that stay in their previous version (now invalid), per list. */
  kept: Record<FeedList, string[]>;
  counts: SyncCounts;
}

/** Counts of a sync that has counted nothing yet. */
export function noCounts(): SyncCounts {
  return { added: 0, changed: 0, removed: 0, unchanged: 0, invalid: 0, kept: 0 };
}

/** Plans the writes that turn `previous` (undefined: nothing stored) into `feed`. */
export function planSync(
  feed: Feed,
  problems: readonly RecordProblem[],
  previous: StoredFingerprint | undefined,
): SyncPlan {
  const fingerprint = {} as PackedFingerprint;
  const counts = noCounts();
  const invalidKeys = new Map<FeedList, Set<string>>(FEED_LISTS.map((l) => [l, new Set()]));
  for (const problem of problems) {
    // A dropped value cost only itself: its record landed and is diffed like any other.
    if (problem.effect === 'dropped') continue;
    counts.invalid++;
    if (problem.id === undefined) continue;
    const invalid = invalidKeys.get(problem.list)!;
    for (const key of problemKeys(problem.list, problem.id)) invalid.add(key);
  }
  const kept = Object.fromEntries(FEED_LISTS.map((l) => [l, [] as string[]])) as Record<
    FeedList,
    string[]
  >;
  for (const list of FEED_LISTS) {
    const records = feed[list] as readonly Parameters<typeof recordKey>[1][];
    // The keys `recordKey` makes, joined from the records' own id strings: no string per pair
    // key is kept until the join (a few percent of the whole sync's heap at 100k).
    const end = pairEndOf(list);
    const parts: string[] = [];
    const hashes: number[] = [];
    for (const record of records) {
      const hash = recordHash(record);
      if (parts.length > 0) parts.push('\n');
      if (end) parts.push(record.person!, PAIR_KEY_SEPARATOR, record[end]!);
      else parts.push(record.id ?? '');
      hashes.push(hash);
      if (!previous) continue;
      const stored = previous.get(list, recordKey(list, record));
      if (stored === hash) counts.unchanged++;
      else if (stored === undefined) counts.added++;
      else counts.changed++;
    }
    if (!previous) counts.added += records.length;
    let keys = parts.join('');
    parts.length = 0;
    if (previous && previous.size(list) > 0) {
      const now = new PackedKeys(keys, Float64Array.from(hashes));
      const invalid = invalidKeys.get(list)!;
      const keptKeys: string[] = [];
      for (const [key, hash] of previous.entries(list)) {
        if (now.indexOf(key) >= 0) continue;
        if (invalid.has(key)) {
          // Keep the last good version of a record that is now invalid.
          keptKeys.push(key);
          hashes.push(hash);
          counts.kept++;
        } else {
          counts.removed++;
        }
      }
      if (keptKeys.length > 0)
        keys = keys ? `${keys}\n${keptKeys.join('\n')}` : keptKeys.join('\n');
      kept[list] = keptKeys;
    }
    fingerprint[list] = { keys, hashes: Float64Array.from(hashes) };
  }
  return { fingerprint, kept, counts };
}

/** Rows stored per list once the plan is applied (the `feeds` row's counts). */
export function storedCounts(fingerprint: PackedFingerprint): Record<FeedList, number> {
  return Object.fromEntries(FEED_LISTS.map((l) => [l, fingerprint[l].hashes.length])) as Record<
    FeedList,
    number
  >;
}
