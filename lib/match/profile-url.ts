// Profile URL patterns: which links name a person's account, and on which host. Used by the
// site adapters for links on their own host and for links to other well-known hosts found on
// any page (an intranet page linking to https://github.com/alice names alice on github.com).
// The returned login is as the site spells it in URLs, decoded; keys fold case later.

export interface Handle {
  host: string;
  login: string;
}

/** First path segments on GitHub/GitLab that are site pages, never a user. */
const RESERVED_CODE_HOST = new Set([
  'about',
  'account',
  'admin',
  'api',
  'apps',
  'blog',
  'collections',
  'contact',
  'customer-stories',
  'dashboard',
  'enterprise',
  'events',
  'explore',
  'features',
  'groups',
  'help',
  'issues',
  'join',
  'login',
  'logout',
  'marketplace',
  'new',
  'notifications',
  'orgs',
  'organizations',
  'pricing',
  'projects',
  'pulls',
  'search',
  'security',
  'sessions',
  'settings',
  'signup',
  'site',
  'sponsors',
  'stars',
  'topics',
  'trending',
  'users',
  'watching',
  'codespaces',
  'copilot',
  'readme',
  'assets',
  'user',
  'repo',
  'snippets',
  '-',
]);

/** A login segment as code hosts allow it (letters, digits, -, _, .), decoded. */
const LOGIN = /^[\p{L}\p{N}][\p{L}\p{N}._-]{0,99}$/u;

function segments(url: URL): string[] {
  try {
    return url.pathname
      .split('/')
      .filter(Boolean)
      .map((part) => decodeURIComponent(part));
  } catch {
    return [];
  }
}

/** `https://github.com/alice` (one path segment, not a site page) → alice. */
export function codeHostLogin(url: URL): string | undefined {
  const parts = segments(url);
  if (parts.length !== 1 || url.search) return undefined;
  const login = parts[0]!;
  if (RESERVED_CODE_HOST.has(login.toLowerCase()) || !LOGIN.test(login)) return undefined;
  return login;
}

/** MediaWiki user pages: `/wiki/User:Zoë_Okafor`, `/w/index.php?title=User:X` → Zoë_Okafor. */
export function wikiUserLogin(url: URL): string | undefined {
  let title: string | undefined;
  const path = url.pathname;
  try {
    if (path.startsWith('/wiki/')) title = decodeURIComponent(path.slice(6));
    else if (path.endsWith('/index.php')) title = url.searchParams.get('title') ?? undefined;
    else {
      // Path info (`$wgArticlePath = "$wgScript/$1"`, MediaWiki's default without short URLs).
      const pathInfo = path.match(/\/index\.php\/(.+)$/);
      if (pathInfo) title = decodeURIComponent(pathInfo[1]!);
    }
  } catch {
    return undefined;
  }
  const match = title?.match(/^User:([^/#?]+)$/i);
  if (!match) return undefined;
  // MediaWiki treats "_" and " " alike; feeds spell wiki logins with underscores.
  return match[1]!.trim().replace(/ /g, '_') || undefined;
}

/** Directory-style profile paths: /people/x, /users/x, /user/x, /profile/x, /u/x, /~x, /display/~x. */
export function directoryLogin(url: URL): string | undefined {
  const parts = segments(url);
  if (parts.length === 1 && parts[0]!.startsWith('~')) return loginOrUndefined(parts[0]!.slice(1));
  if (parts.length === 2 && parts[0] === 'display' && parts[1]!.startsWith('~'))
    return loginOrUndefined(parts[1]!.slice(1));
  if (parts.length === 2 && ['people', 'users', 'user', 'profile', 'u'].includes(parts[0]!))
    return loginOrUndefined(parts[1]!);
  return undefined;
}

function loginOrUndefined(login: string): string | undefined {
  return LOGIN.test(login) ? login : undefined;
}

/** Well-known public hosts whose profile URLs identify a person from any page. */
const PUBLIC_CODE_HOSTS = new Set(['github.com', 'gitlab.com', 'codeberg.org']);

/**
 * The account a link points to, if it is a profile link: on the page's own host with
 * directory or wiki patterns, or on a well-known public code host.
 */
export function profileHandle(href: string, base: URL): Handle | undefined {
  let url: URL;
  try {
    url = new URL(href, base);
  } catch {
    return undefined;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return undefined;
  const host = url.host.toLowerCase().replace(/^www\./, '');
  if (PUBLIC_CODE_HOSTS.has(host)) {
    const login = codeHostLogin(url);
    return login ? { host, login } : undefined;
  }
  const login = wikiUserLogin(url) ?? directoryLogin(url);
  return login ? { host, login } : undefined;
}
