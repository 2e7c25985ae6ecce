// The configured feeds as one list: the administrator's (policy) first, then the user's.
// Kept apart from the sync engine so pages that only show feed status (popup, options) do not
// load the engine.
import type { FeedConfig } from '../settings';

export interface ConfiguredFeed extends FeedConfig {
  /** Deployed by policy (storage.managed): locked in options, synced on every startup. */
  policy: boolean;
}

/** Policy feeds first; a user feed with the same URL as a policy feed is dropped. */
export function mergeFeeds(
  user: readonly FeedConfig[],
  policy: readonly FeedConfig[],
): ConfiguredFeed[] {
  const out: ConfiguredFeed[] = policy.map((feed) => ({ ...feed, policy: true }));
  const urls = new Set(out.map((f) => f.url));
  for (const feed of user) {
    if (urls.has(feed.url)) continue;
    urls.add(feed.url);
    out.push({ ...feed, policy: false });
  }
  return out;
}
