// The only hosts where the content script runs from install, by manifest. Each is a
// well-known public host where an organisation's people have accounts and feeds name them
// (handles are keyed by these hosts) or whose prose is full of topics; everything else —
// intranets, self-hosted GitLab/Gitea/Confluence/MediaWiki, the demo hosts — is enabled per
// site by the user (optional host permissions, scripts registered at run time).
export const STATIC_HOSTS = [
  // Public code hosting where most organisations' engineers have handles.
  'https://github.com/*',
  'https://gitlab.com/*',
  'https://bitbucket.org/*',
  // The public Forgejo most open-source Gitea users know.
  'https://codeberg.org/*',
  // The largest MediaWiki: topic detection on articles people read for work.
  'https://*.wikipedia.org/*',
] as const;

/** Is this URL covered by the static content script? */
export function isStaticHost(url: URL): boolean {
  const host = url.hostname.toLowerCase();
  if (url.protocol !== 'https:') return false;
  return (
    ['github.com', 'gitlab.com', 'bitbucket.org', 'codeberg.org'].includes(host) ||
    host === 'wikipedia.org' ||
    host.endsWith('.wikipedia.org')
  );
}

/** The match pattern that enables one site (all paths, any port, same scheme). */
export function sitePattern(url: URL): string | undefined {
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return undefined;
  return `${url.protocol}//${url.hostname.toLowerCase()}/*`;
}
