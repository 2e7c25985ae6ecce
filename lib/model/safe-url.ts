// Which URLs from a feed may ever become links. Feed data is untrusted (DESIGN.md §5): only
// https, plus plain http on the loopback host for local testing. Everything else
// (javascript:, data:, file:, http on a real host) is refused at validation time.

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

/** Why a URL is not acceptable as a link, or null when it is. */
export function unsafeUrlReason(value: string): string | null {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return 'is not an absolute URL';
  }
  if (url.protocol === 'https:') return url.hostname ? null : 'has no host';
  if (url.protocol === 'http:' && LOOPBACK_HOSTS.has(url.hostname)) return null;
  if (url.protocol === 'http:') return 'must use https (plain http is allowed only for localhost)';
  return `uses the ${url.protocol} scheme; only https links are allowed`;
}

export function isSafeUrl(value: string): boolean {
  return unsafeUrlReason(value) === null;
}
