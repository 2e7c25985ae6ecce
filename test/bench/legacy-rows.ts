// The rows of schema versions 1–4 (one IndexedDB row per record, carrying its feed id and
// the derived lookup keys that the tables' secondary indexes were built on): what the storage
// and sync benchmarks write as the baseline of the design packs replaced.
import type { Feed } from '../../lib/model/feed';
import { communityTokens, personKeys, topicKeys } from '../../lib/db/rows';

export function legacyRows(feed: Feed) {
  const { feedId } = feed;
  const scoped = <T extends object>(records: readonly T[]) =>
    records.map((r) => ({ ...r, feedId }));
  return {
    units: scoped(feed.units),
    people: feed.people.map((p) => ({ ...p, feedId, ...personKeys(p) })),
    topics: feed.topics.map((t) => ({ ...t, feedId, ...topicKeys(t) })),
    communities: feed.communities.map((c) => ({ ...c, feedId, tokens: communityTokens(c) })),
    memberships: scoped(feed.memberships),
    expertise: scoped(feed.expertise),
  };
}

export type LegacyRows = ReturnType<typeof legacyRows>;
