// Per-site choices kept in storage.local under SITE_SETTINGS_KEY: which sites the user
// enabled (with the match pattern they granted) and which adapter to use when detection is
// ambiguous. Parsed by hand, leniently (bad entries dropped): the content script reads this
// and must not bundle zod.
import { SITE_IDS, type SiteId } from './types';

export const SITE_SETTINGS_KEY = 'annotate.sites';

export interface SiteSetting {
  /** Match pattern granted and registered, e.g. "http://wiki.northwind.test/*". */
  pattern: string;
  /** Which adapter to use: "auto" lets detect() decide. */
  adapter: SiteId | 'auto';
  enabledAt: string;
}

export function parseSiteSettings(stored: unknown): SiteSetting[] {
  if (!Array.isArray(stored)) return [];
  const out: SiteSetting[] = [];
  for (const entry of stored.slice(0, 500)) {
    if (!entry || typeof entry !== 'object') continue;
    const { pattern, adapter, enabledAt } = entry as Record<string, unknown>;
    if (typeof pattern !== 'string' || !/^https?:\/\/[^/*\s]+\/\*$/.test(pattern)) continue;
    out.push({
      pattern,
      adapter:
        typeof adapter === 'string' && (SITE_IDS as readonly string[]).includes(adapter)
          ? (adapter as SiteId)
          : 'auto',
      enabledAt: typeof enabledAt === 'string' ? enabledAt : '',
    });
  }
  return out;
}

/** The setting whose pattern covers this URL. */
export function settingFor(settings: SiteSetting[], url: URL): SiteSetting | undefined {
  const pattern = `${url.protocol}//${url.hostname.toLowerCase()}/*`;
  return settings.find((s) => s.pattern === pattern);
}
