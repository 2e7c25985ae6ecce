// Builds the whole demo site from one validated feed: the cast, then every page of every
// host, indexed by `pageKey` so the server answers a request with one map lookup.
import type { Feed } from '../../lib/model/feed';
import { castFromFeed, type DemoCast } from './cast';
import { pageKey, type DemoPage } from './page';
import { codePages } from './pages/code';
import { intranetPages } from './pages/intranet';
import { wikiPages } from './pages/wiki';
import { demoUrl } from './hosts';

export interface DemoSite {
  cast: DemoCast;
  /** Every page, in a stable order: intranet, wiki, code host. */
  pages: DemoPage[];
  find(url: URL): DemoPage | undefined;
}

export function buildDemoSite(feed: Feed): DemoSite {
  const cast = castFromFeed(feed);
  const pages = [...intranetPages(cast), ...wikiPages(cast), ...codePages(cast)];
  const byKey = new Map<string, DemoPage>();
  for (const page of pages) {
    const key = pageKey(new URL(demoUrl(page.host, page.path)));
    // The first page wins a clash (e.g. a login that spells like another page's path).
    if (key !== undefined && !byKey.has(key)) byKey.set(key, page);
  }
  return {
    cast,
    pages,
    find(url) {
      const key = pageKey(url);
      return key === undefined ? undefined : byKey.get(key);
    },
  };
}
