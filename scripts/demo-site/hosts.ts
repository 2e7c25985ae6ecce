// The demo site's host names. They belong to the demo site, not to the feed: the demo feed
// keys people's handles by the same hosts, so pages on a host show that host's logins.
// All of them live under one reserved `.test` domain (RFC 2606), so a single
// `--host-resolver-rules` pattern sends them to the local server (see scripts/chromium.ts).

export const DEMO_DOMAIN = 'northwind.test';

export const DEMO_HOSTS = {
  intranet: `intranet.${DEMO_DOMAIN}`,
  wiki: `wiki.${DEMO_DOMAIN}`,
  code: `git.${DEMO_DOMAIN}`,
  feeds: `feeds.${DEMO_DOMAIN}`,
} as const;

/** Matches every demo host; the form Chromium's host resolver rules and the guard expect. */
export const DEMO_HOST_PATTERN = `*.${DEMO_DOMAIN}`;

/** The path of the feed on the feeds host and on the loopback origin. */
export const FEED_PATH = '/demo-feed.json';

/** Absolute URL on a demo host (http: the demo site speaks plain HTTP on loopback). */
export function demoUrl(host: string, path: string): string {
  return `http://${host}${path}`;
}
