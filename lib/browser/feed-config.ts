// Where the configured feeds come from: the user's settings and, through managed storage, the
// feeds an administrator deploys by browser policy
// (storage.managed, schema in public/managed-schema.json). Each entry is checked like a user's
// feed; a broken entry is skipped and reported, never fatal. Browsers without a policy (or
// without managed storage, e.g. Firefox without enterprise policies) give no feeds.
import { browser } from 'wxt/browser';
import { feedConfigSchema, type FeedConfig } from '../settings';

export interface PolicyFeeds {
  feeds: FeedConfig[];
  problems: string[];
}

function parsePolicyFeeds(value: unknown): PolicyFeeds {
  if (value === undefined) return { feeds: [], problems: [] };
  if (!Array.isArray(value)) return { feeds: [], problems: ['policy "feeds" is not an array'] };
  const feeds: FeedConfig[] = [];
  const problems: string[] = [];
  value.slice(0, 20).forEach((entry, index) => {
    const parsed = feedConfigSchema.safeParse(entry);
    if (parsed.success) feeds.push(parsed.data);
    else {
      const issue = parsed.error.issues[0]!;
      problems.push(`policy feeds[${index}].${issue.path.join('.')}: ${issue.message}`);
    }
  });
  return { feeds, problems };
}

export async function loadPolicyFeeds(): Promise<PolicyFeeds> {
  try {
    const stored = await browser.storage.managed.get('feeds');
    return parsePolicyFeeds(stored.feeds);
  } catch {
    return { feeds: [], problems: [] };
  }
}

/** Calls `listener` when the user's settings or the policy change; returns an unsubscribe. */
export function onFeedConfigChanged(listener: () => void): () => void {
  const onChanged = (changes: Record<string, unknown>, area: string) => {
    if (area === 'managed' || (area === 'local' && 'settings' in changes)) listener();
  };
  browser.storage.onChanged.addListener(onChanged);
  return () => browser.storage.onChanged.removeListener(onChanged);
}
