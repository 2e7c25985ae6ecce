// The configured feeds (the user's settings and the administrator's policy, merged) and their
// changes. The popup imports this lazily: reading settings needs the zod schemas, which the
// popup's first paint should not wait for.
import { mergeFeeds, type ConfiguredFeed } from '../feed/configured';
import { loadSettings } from './extension';
import { loadPolicyFeeds, onFeedConfigChanged } from './feed-config';

export { onFeedConfigChanged };

export async function loadConfiguredFeeds(): Promise<ConfiguredFeed[]> {
  const [settings, policy] = await Promise.all([loadSettings(), loadPolicyFeeds()]);
  return mergeFeeds(settings.feeds, policy.feeds);
}
