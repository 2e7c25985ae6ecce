// Shared reading helpers for site adapters: the never-touch list, profile links, mailto
// links, and element queries that tolerate a root that is itself a match.
import { profileHandle, type Handle } from '../match/profile-url';
import type { PersonIdentity } from '../match/identity';
import type { PersonMention, PersonRole } from './types';
import {
  closestOf,
  matchesSelector,
  nodeTypeOf,
  ownerDocumentOf,
  parentElementOf,
  querySelectorAllOf,
} from '../annotate/tree';

/**
 * Never annotated on any site: code, editors, form fields, scripts. The extension's own
 * elements are plain `span`/`div` hosts without attributes, known only to the registry of the
 * isolated world (lib/annotate/registry.ts): walks and scans step over them by asking it
 * (`ownHost`, `isOwnNode`), not by a selector — a page may make elements of any name.
 */
export const NEVER_TOUCH = [
  'pre',
  'code',
  'kbd',
  'samp',
  // Obsolete, but MoinMoin still renders `inline code` as <tt class="backtick">.
  'tt',
  'textarea',
  'input',
  'select',
  'button',
  'script',
  'style',
  'noscript',
  'template',
  'svg',
  'math',
  'iframe',
  '[contenteditable]:not([contenteditable="false"])',
  '[role="textbox"]',
  '.CodeMirror',
  '.cm-editor',
  '.monaco-editor',
  '.ProseMirror',
].join(',');

/**
 * Elements matching `selector` within root, including root itself. The root can be a form
 * (a subtree the people scan was given, an added one), so it is read through the DOM's own
 * methods (lib/annotate/tree.ts).
 */
export function within(root: ParentNode, selector: string): Element[] {
  const found = querySelectorAllOf(root, selector);
  if (isElement(root) && matchesSelector(root, selector)) found.unshift(root);
  return found;
}

export function isElement(node: unknown): node is Element {
  return typeof node === 'object' && node !== null && nodeTypeOf(node as Node) === 1;
}

/** The document `root` is in (itself, for a document); a form's own ownerDocument is not read. */
export function documentOf(root: ParentNode): Document {
  return ownerDocumentOf(root) ?? (root as Document);
}

/**
 * Whether `element` sits inside another element matching `selector`, for keeping only the
 * outermost of nested prose regions. Regions are found by selectors a form can match too (a
 * `<form class="markdown-body">`), so the walk reads through the DOM's own members (tree.ts).
 */
export function insideAnother(element: Element, selector: string): boolean {
  const parent = parentElementOf(element);
  return !!parent && !!closestOf(parent, selector);
}

export function text(element: Element): string {
  return (element.textContent ?? '').replace(/\s+/g, ' ').trim();
}

export function identity(parts: Partial<PersonIdentity>): PersonIdentity {
  return { handles: parts.handles ?? [], emails: parts.emails ?? [], names: parts.names ?? [] };
}

/**
 * What a link's relative href is resolved against: the document's base URL when a `<base
 * href>` sets one (a wiki that serves its pages under a base path, or from another host), else
 * the page's URL. Read live, so a single-page app's navigations count.
 */
export function linkBase(link: Element, page: URL): URL {
  const document = link.ownerDocument;
  const base = document.baseURI;
  if (!base || base === document.URL || base === page.href) return page;
  try {
    return new URL(base, page);
  } catch {
    return page;
  }
}

/** Where a link points, when that is on the page's own host (undefined otherwise or unparsable). */
export function sameHostTarget(link: Element, page: URL): URL | undefined {
  const href = link.getAttribute('href');
  if (!href) return undefined;
  try {
    const target = new URL(href, linkBase(link, page));
    return target.host === page.host ? target : undefined;
  } catch {
    return undefined;
  }
}

export function handleOnPageHost(url: URL, login: string): Handle {
  return { host: url.host.toLowerCase().replace(/^www\./, ''), login };
}

export function mention(
  element: Element,
  role: PersonRole,
  parts: Partial<PersonIdentity>,
  badge = role !== 'avatar',
): PersonMention {
  return { element, role, identity: identity(parts), badge };
}

/** The email of a mailto: link (first address, without query). */
export function mailtoAddress(link: Element): string | undefined {
  const href = link.getAttribute('href') ?? '';
  if (!/^mailto:/i.test(href)) return undefined;
  let address = href.slice(7).split('?')[0]!.split(',')[0]!;
  try {
    address = decodeURIComponent(address);
  } catch {
    return undefined;
  }
  // DokuWiki's `mailguard = visible` writes "zoe [dot] okafor [at] northwind [dot] example"
  // into the link itself (inc/common.php obfuscate()); a reader sees the address either way.
  address = address
    .replace(/\s*\[at\]\s*/gi, '@')
    .replace(/\s*\[dot\]\s*/gi, '.')
    .replace(/\s*\[dash\]\s*/gi, '-')
    .trim();
  return /^[^\s@]+@[^\s@]+$/.test(address) ? address : undefined;
}

/** mailto: links in root, as email mentions (the link text may be a name, too). */
export function mailtoMentions(root: ParentNode, skip: Set<Element>): PersonMention[] {
  const out: PersonMention[] = [];
  for (const link of within(root, 'a[href^="mailto:" i]')) {
    if (skip.has(link)) continue;
    const email = mailtoAddress(link);
    if (!email) continue;
    const label = text(link);
    const names = label && !label.includes('@') ? [label] : [];
    out.push(mention(link, 'email', { emails: [email], names }));
  }
  return out;
}

/** Links that can be profiles (see lib/match/profile-url.ts); pages have many other links. */
const PROFILE_LINKS = [
  '/people/',
  '/users/',
  '/user/',
  '/profile/',
  '/u/',
  '/~',
  '/display/~',
  'User:',
  'User%3A',
  'github.com/',
  'gitlab.com/',
  'codeberg.org/',
]
  .map((part) => `a[href*="${part}" i]`)
  .join(',');

/** Links to profiles (own host directory/wiki patterns, public code hosts). */
export function profileLinkMentions(
  root: ParentNode,
  url: URL,
  role: PersonRole,
  skip: Set<Element>,
): PersonMention[] {
  const out: PersonMention[] = [];
  for (const link of within(root, PROFILE_LINKS)) {
    if (skip.has(link)) continue;
    const handle = profileHandle(link.getAttribute('href')!, linkBase(link, url));
    if (!handle) continue;
    // The account identifies the person; the link's text ("Zoë's profile") is not a name.
    out.push(mention(link, role, { handles: [handle] }));
  }
  return out;
}

/**
 * The name a person element shows: its text (without a leading "@"), else its picture's
 * `alt` or its `aria-label` (Atlassian's profile-card triggers around an avatar).
 */
export function shownName(element: Element): string {
  const shown = text(element).replace(/^@/, '');
  if (shown) return shown;
  const labelled = element.matches('[aria-label]')
    ? element
    : element.querySelector('[aria-label], img[alt]');
  return (labelled?.getAttribute('aria-label') ?? labelled?.getAttribute('alt') ?? '').trim();
}

/** Drops mentions inside the site chrome or inside never-touch regions. */
export function keepContent(
  mentions: PersonMention[],
  chrome: string,
  excluded: string,
): PersonMention[] {
  const blocked = [chrome, excluded].filter(Boolean).join(',');
  return mentions.filter((m) => !(blocked && m.element.closest(blocked)));
}

/** The document's <meta name=…> content, or ''. */
export function metaContent(document: Document, name: string): string {
  return (
    document.querySelector(`meta[name="${name}"]`)?.getAttribute('content') ??
    document.querySelector(`meta[property="${name}"]`)?.getAttribute('content') ??
    ''
  );
}

/** Collects mentions in order without listing an element twice. */
export class MentionList {
  readonly items: PersonMention[] = [];
  readonly seen = new Set<Element>();
  add(found: PersonMention | PersonMention[]): void {
    for (const m of Array.isArray(found) ? found : [found]) {
      if (this.seen.has(m.element)) continue;
      this.seen.add(m.element);
      this.items.push(m);
    }
  }
  /** In document order, as adapters promise. */
  sorted(): PersonMention[] {
    return this.items.sort((a, b) =>
      a.element === b.element
        ? 0
        : a.element.compareDocumentPosition(b.element) & 4 /* FOLLOWING */
          ? -1
          : 1,
    );
  }
}
