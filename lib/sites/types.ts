// The one interface every site adapter implements (docs/annotation.md explains how to add a
// site). An adapter knows a site's page kinds, where people appear on its pages and in which
// role, which regions hold prose for topic detection, and which regions must never be
// touched (code, diffs, editors). Adapters are pure functions of a URL and a DOM: they read,
// they never write, and they hold no state, so one adapter serves every page and test.
import type { PersonIdentity } from '../match/identity';

export const SITE_IDS = [
  'github',
  'gitlab',
  'gitea',
  'bitbucket',
  'confluence',
  'mediawiki',
  'dokuwiki',
  'generic',
] as const;

export type SiteId = (typeof SITE_IDS)[number];

export type PageKind =
  | 'pull-request'
  | 'issue'
  | 'commit'
  | 'file'
  | 'repository'
  | 'profile'
  | 'wiki-article'
  | 'wiki-history'
  | 'wiki-talk'
  | 'user-page'
  | 'search-results'
  | 'team'
  | 'home'
  | 'other';

/** Why a person appears on the page. */
export type PersonRole =
  | 'author'
  | 'owner'
  | 'reviewer'
  | 'assignee'
  | 'commenter'
  | 'participant'
  | 'editor'
  | 'mention'
  | 'profile'
  | 'member'
  | 'email'
  | 'avatar';

export interface PersonMention {
  /** The element that names the person; a badge goes right after it. */
  element: Element;
  role: PersonRole;
  identity: PersonIdentity;
  /** False for avatars: annotated (attribute, hovercard) without a visible badge. */
  badge: boolean;
  /**
   * An avatar-only link the adapter decided on (lib/sites/avatars.ts): the role it takes
   * when it is the only sign of its person nearby. Kept so the decision can be made again
   * over a larger list (the annotator asks adapters subtree by subtree).
   */
  avatarRole?: PersonRole;
  /**
   * A name found in prose (the "full names in prose" option): the text node that ends with
   * the name, inside `element`; the badge goes right after it.
   */
  textEnd?: Text;
}

export interface SiteAdapter {
  id: SiteId;
  /** Shown in the options page when the user picks an adapter for a site. */
  label: string;
  /**
   * Pure: how sure this adapter is that the page belongs to its site, 0 (not at all) to 1
   * (certain). Reads the URL and the document's markers (meta generator, body classes);
   * never mutates, never depends on state.
   */
  detect(url: URL, document: Document): number;
  pageKind(url: URL, document: Document): PageKind;
  /** People within `root` (the document, or a subtree that was added), in document order. */
  people(root: ParentNode, url: URL): PersonMention[];
  /** Elements whose text is prose for topic detection (comment bodies, article text). */
  proseRegions(root: ParentNode): Element[];
  /**
   * Selector of regions never touched, beyond the shared NEVER_TOUCH list: code views, diff
   * tables, editors, the site's own hovercards.
   */
  excluded: string;
  /**
   * Selector of the site's label/topic areas (issue labels, repository topics, tags,
   * categories): scanned for topics like prose, links included, and a common word matches
   * there in any case (lib/match/terms.ts). Absent: the site has none worth reading.
   */
  labels?: string;
  /** Site chrome (header, signed-in user menu) where people are the viewer, not the page. */
  chrome: string;
  /** DOM events on `document` that mean the page content changed in place (SPA navigation). */
  navigationEvents: readonly string[];
}
