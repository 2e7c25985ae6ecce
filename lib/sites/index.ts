// Chooses the site adapter for a page by a pure `detect(url, document)`: every adapter scores
// the page, the highest wins, the generic adapter is the fallback. The user's per-site choice
// (options → Sites) overrides detection; when two dedicated adapters score close, the page is
// reported as ambiguous so the options page can offer the choice.
import { bitbucket } from './bitbucket/adapter';
import { confluence } from './confluence/adapter';
import { dokuwiki } from './dokuwiki/adapter';
import { generic } from './generic/adapter';
import { gitea } from './gitea/adapter';
import { github } from './github/adapter';
import { gitlab } from './gitlab/adapter';
import { mediawiki } from './mediawiki/adapter';
import type { SiteAdapter, SiteId } from './types';

export type { PageKind, PersonMention, PersonRole, SiteAdapter, SiteId } from './types';
export { SITE_IDS } from './types';

/** Every adapter, the generic fallback last. */
export const ADAPTERS: readonly SiteAdapter[] = [
  github,
  gitlab,
  gitea,
  bitbucket,
  confluence,
  mediawiki,
  dokuwiki,
  generic,
];

export function adapterById(id: SiteId): SiteAdapter {
  return ADAPTERS.find((adapter) => adapter.id === id) ?? generic;
}

export interface SiteDetection {
  adapter: SiteAdapter;
  /** Every adapter's score, best first. */
  scores: { id: SiteId; score: number }[];
  /** Two dedicated adapters scored within AMBIGUITY of each other. */
  ambiguous: boolean;
  /** How the adapter was chosen. */
  chosenBy: 'detection' | 'user';
}

const AMBIGUITY = 0.15;

/** Pure: which adapter fits this page, unless the user chose one for the site. */
export function detectSite(url: URL, document: Document, choice?: SiteId | 'auto'): SiteDetection {
  const scores = ADAPTERS.map((adapter) => {
    let score = 0;
    try {
      score = adapter.detect(url, document);
    } catch {
      // A hostile or odd page must not stop detection; that adapter just does not apply.
      score = 0;
    }
    return { id: adapter.id, score };
  }).sort((a, b) => b.score - a.score);
  const [best, second] = scores.filter((s) => s.id !== 'generic' && s.score > 0);
  const ambiguous = !!best && !!second && best.score - second.score < AMBIGUITY;
  if (choice && choice !== 'auto') {
    return { adapter: adapterById(choice), scores, ambiguous, chosenBy: 'user' };
  }
  return {
    adapter: best && best.score >= 0.5 ? adapterById(best.id) : generic,
    scores,
    ambiguous,
    chosenBy: 'detection',
  };
}
