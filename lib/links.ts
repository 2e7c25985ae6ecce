// Links built from feed data. Feed data is untrusted: a URL becomes a link only when it is
// acceptable under the one URL rule (lib/model/safe-url.ts), and profile links are built only
// for hosts whose profile URL pattern is known; anything else is shown as text.
import { isSafeUrl, type LinkOrigin } from './model/safe-url';

/**
 * The URL when it may be a link, otherwise undefined. Without the feed's origin, links to
 * this computer and private networks are refused (as for a remote feed).
 */
export function safeHref(
  url: string | undefined,
  origin: LinkOrigin = 'remote-feed',
): string | undefined {
  return url !== undefined && isSafeUrl(url, origin) ? url : undefined;
}

const PROFILE_PATTERNS: Record<string, (login: string) => string> = {
  'github.com': (login) => `https://github.com/${encodeURIComponent(login)}`,
  'gitlab.com': (login) => `https://gitlab.com/${encodeURIComponent(login)}`,
  'bitbucket.org': (login) => `https://bitbucket.org/${encodeURIComponent(login)}/`,
};

/** A profile URL for a handle on a host, when the host's pattern is known. */
export function profileUrl(host: string, login: string): string | undefined {
  const pattern = PROFILE_PATTERNS[host.toLowerCase()];
  return pattern ? pattern(login) : undefined;
}

/** mailto: for an address that looks like one (feed emails are validated already). */
export function mailto(email: string): string {
  return `mailto:${encodeURIComponent(email).replace('%40', '@')}`;
}
