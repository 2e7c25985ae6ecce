// The one rule for which URLs from a feed may become links, and which URLs may be feeds
// (docs/security.md). Feed data is untrusted (DESIGN.md §5):
// - only https, plus plain http on a loopback host (local feeds, the feed tool's `serve`);
//   never javascript:, data:, file: …;
// - never a URL with a user name or password in it (`https://user:pw@host/` shows one host
//   and can carry credentials);
// - never a link to a loopback or private-network address (localhost, 127/8, 10/8,
//   172.16/12, 192.168/16, 169.254/16, ::1, fc00::/7, fe80::/10) unless the feed itself is
//   served from loopback: a remote feed must not point the user's browser at their own
//   machine or network devices.
// Validation (lib/model/feed.ts) cannot know where a feed came from, so it applies the rule
// as for a loopback feed; display applies it with the feed's real origin (`LinkOrigin`).

/** Where the feed holding a link was served from: decides whether local hosts may be linked. */
export type LinkOrigin = 'loopback-feed' | 'remote-feed';

export type UrlProblemCode = 'not-url' | 'no-host' | 'userinfo' | 'scheme' | 'plain-http' | 'local';

export interface UrlProblem {
  code: UrlProblemCode;
  reason: string;
}

const IPV4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/;

/** localhost, *.localhost, 127.0.0.0/8, [::1]. */
export function isLoopbackHost(hostname: string): boolean {
  const host = hostname.toLowerCase();
  if (host === 'localhost' || host.endsWith('.localhost') || host === '[::1]') return true;
  const v4 = IPV4.exec(host);
  return !!v4 && Number(v4[1]) === 127;
}

/** Loopback, or an address of a private, link-local or unspecified network. */
export function isLocalHost(hostname: string): boolean {
  if (isLoopbackHost(hostname)) return true;
  const host = hostname.toLowerCase();
  const v4 = IPV4.exec(host);
  if (v4) {
    const [a, b] = [Number(v4[1]), Number(v4[2])];
    return (
      a === 10 ||
      a === 0 ||
      (a === 172 && b >= 16 && b <= 31) ||
      (a === 192 && b === 168) ||
      (a === 169 && b === 254) ||
      (a === 100 && b >= 64 && b <= 127)
    );
  }
  if (host.startsWith('[')) {
    const v6 = host.slice(1, -1);
    return (
      v6 === '::' ||
      /^f[cd][0-9a-f]{0,2}:/.test(v6) ||
      /^fe[89ab][0-9a-f]?:/.test(v6) ||
      // IPv4-mapped addresses are never needed in a link; they can name any of the above.
      v6.startsWith('::ffff:')
    );
  }
  return false;
}

/** What is wrong with `value` as a link (or a feed URL), or null when it is acceptable. */
export function urlProblem(value: string, origin: LinkOrigin): UrlProblem | null {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return { code: 'not-url', reason: 'is not an absolute URL' };
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:')
    return {
      code: 'scheme',
      reason: `uses the ${url.protocol} scheme; only https links are allowed`,
    };
  if (!url.hostname) return { code: 'no-host', reason: 'has no host' };
  if (url.username || url.password)
    return { code: 'userinfo', reason: 'contains a user name or password' };
  if (url.protocol === 'http:' && !isLoopbackHost(url.hostname))
    return {
      code: 'plain-http',
      reason: 'must use https (plain http is allowed only for localhost)',
    };
  if (origin === 'remote-feed' && isLocalHost(url.hostname))
    return {
      code: 'local',
      reason: 'points to this computer or a private network, and the feed is not local',
    };
  return null;
}

/** Why a URL is not acceptable as a link, or null when it is (validation: any origin). */
export function unsafeUrlReason(
  value: string,
  origin: LinkOrigin = 'loopback-feed',
): string | null {
  return urlProblem(value, origin)?.reason ?? null;
}

export function isSafeUrl(value: string, origin: LinkOrigin): boolean {
  return urlProblem(value, origin) === null;
}

/** The origin class of a feed fetched from `feedUrl` (demo and file feeds count as local). */
export function originOfFeed(feedUrl: string | undefined): LinkOrigin {
  if (feedUrl === undefined) return 'loopback-feed';
  try {
    return isLoopbackHost(new URL(feedUrl).hostname) ? 'loopback-feed' : 'remote-feed';
  } catch {
    return 'remote-feed';
  }
}
