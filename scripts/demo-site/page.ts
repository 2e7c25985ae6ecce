// What every demo page is: a host, a path as linked, a title, and a renderer. Page modules
// (pages/*.ts) list their pages; the server finds one by `pageKey`, which folds the
// spellings real sites accept (MediaWiki's `_` for space, percent-encoding, a trailing `/`).
import { markup, join, type Html, type Interpolation } from './html';
import { DEMO_HOSTS } from './hosts';

export type DemoPageKind =
  | 'intranet-home'
  | 'intranet-team'
  | 'intranet-person'
  | 'wiki-main'
  | 'wiki-article'
  | 'wiki-history'
  | 'wiki-talk'
  | 'wiki-user'
  | 'code-home'
  | 'code-pull'
  | 'code-issue'
  | 'code-user';

export interface DemoPage {
  kind: DemoPageKind;
  host: string;
  /** Path and query exactly as pages link to it, e.g. `/w/index.php?title=X&action=history`. */
  path: string;
  title: string;
  /** One of the few pages a visitor should open first (the index lists them on top). */
  featured?: boolean;
  render(): Html;
}

/** The lookup key of a URL; `undefined` when its path is not valid percent-encoding. */
export function pageKey(url: URL): string | undefined {
  const host = url.hostname.toLowerCase();
  let path: string;
  try {
    path = decodeURIComponent(url.pathname);
  } catch {
    return undefined;
  }
  if (path.length > 1) path = path.replace(/\/+$/, '');
  if (host === DEMO_HOSTS.wiki) {
    path = path.replace(/_/g, ' ');
    if (path === '/w/index.php') {
      const title = (url.searchParams.get('title') ?? '').replace(/_/g, ' ');
      const action = url.searchParams.get('action') ?? 'view';
      return action === 'view' ? `${host}/wiki/${title}` : `${host}${path}?${title}&${action}`;
    }
  }
  return `${host}${path}`;
}

/** `a, b and c` */
export function listPhrase(items: Interpolation[]): Html {
  if (items.length <= 1) return join(items);
  return markup`${join(items.slice(0, -1), ', ')} and ${items[items.length - 1]}`;
}
