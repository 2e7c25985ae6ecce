// Diffs a validated feed against the fingerprints of what is stored for it: what was added,
// changed, removed and left unchanged (the sync's report), the new fingerprint, and which
// stored records a new generation keeps (lib/db/generations.ts). Records that failed validation keep
// their previously stored version (FEED-V1 rules), and so do the memberships and expertise
// entries left out with them; and are carried into the new fingerprint;
// a key that is neither in the new feed nor kept is a removal.
import { FEED_LISTS, type Feed, type FeedList } from '../model/feed';
import type { RecordProblem } from '../model/validate';
import type { SyncCounts } from '../db/sync-schema';
import { problemKey, recordHash, recordKey } from './record-hash';

export type Fingerprint = Record<FeedList, Map<string, number>>;

export interface SyncPlan {
  /** Fingerprint of what is stored once this plan is applied. */
  fingerprint: Fingerprint;
  /** Keys of stored records that stay in their previous version (now invalid), per list. */
  kept: Record<FeedList, string[]>;
  counts: SyncCounts;
}

/** Counts of a sync that has counted nothing yet. */
export function noCounts(): SyncCounts {
  return { added: 0, changed: 0, removed: 0, unchanged: 0, invalid: 0, kept: 0 };
}

export function emptyFingerprint(): Fingerprint {
  return Object.fromEntries(FEED_LISTS.map((list) => [list, new Map()])) as Fingerprint;
}

/** Plans the writes that turn `previous` (undefined: nothing stored) into `feed`. */
export function planSync(
  feed: Feed,
  problems: readonly RecordProblem[],
  previous: Fingerprint | undefined,
): SyncPlan {
  const old = previous ?? emptyFingerprint();
  const fingerprint = emptyFingerprint();
  const counts = noCounts();
  const invalidKeys = new Map<FeedList, Set<string>>(FEED_LISTS.map((l) => [l, new Set()]));
  for (const problem of problems) {
    // A dropped value cost only itself: its record landed and is diffed like any other.
    if (problem.effect === 'dropped') continue;
    counts.invalid++;
    if (problem.id !== undefined)
      invalidKeys.get(problem.list)!.add(problemKey(problem.list, problem.id));
  }
  const kept = Object.fromEntries(FEED_LISTS.map((l) => [l, [] as string[]])) as Record<
    FeedList,
    string[]
  >;
  for (const list of FEED_LISTS) {
    const before = old[list];
    const after = fingerprint[list];
    for (const record of feed[list] as readonly Parameters<typeof recordKey>[1][]) {
      const key = recordKey(list, record);
      const hash = recordHash(record);
      after.set(key, hash);
      const stored = before.get(key);
      if (stored === hash) counts.unchanged++;
      else if (stored === undefined) counts.added++;
      else counts.changed++;
    }
    const invalid = invalidKeys.get(list)!;
    for (const [key, hash] of before) {
      if (after.has(key)) continue;
      if (invalid.has(key)) {
        // Keep the last good version of a record that is now invalid.
        after.set(key, hash);
        kept[list].push(key);
        counts.kept++;
      } else {
        counts.removed++;
      }
    }
  }
  return { fingerprint, kept, counts };
}

/** Rows stored per list once the plan is applied (the `feeds` row's counts). */
export function storedCounts(fingerprint: Fingerprint): Record<FeedList, number> {
  return Object.fromEntries(FEED_LISTS.map((l) => [l, fingerprint[l].size])) as Record<
    FeedList,
    number
  >;
}
