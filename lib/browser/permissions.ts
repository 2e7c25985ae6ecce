// The host-permission adapter: a feed's origin is an optional host permission, asked for on
// the user's click in options (permissions.request needs a user gesture). Loopback feeds are
// covered by static host permissions (wxt.config.ts) so local feeds work without a prompt.
import { browser } from 'wxt/browser';

/** The match pattern of a feed URL's origin, e.g. "https://feeds.acme.example/*". */
function originPattern(url: string): string {
  const { protocol, hostname } = new URL(url);
  return `${protocol}//${hostname}/*`;
}

/** Must be called from a user gesture (a click handler), before any other await. */
export async function requestFeedPermission(url: string): Promise<boolean> {
  return browser.permissions.request({ origins: [originPattern(url)] });
}

export async function hasFeedPermission(url: string): Promise<boolean> {
  return browser.permissions.contains({ origins: [originPattern(url)] });
}
