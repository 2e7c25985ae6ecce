// DokuWiki (self-hosted wikis; markup of DokuWiki 2022-07-31 "Igor" with its default
// template, read from a live instance — test/fixtures/pages/dokuwiki-*.html). People are:
// - user pages `user:<login>` (DokuWiki's convention: the `user` interwiki shortcut in
//   conf/interwiki.conf points there), linked as `[[user:zokafor]]` — `a.wikilink1/2` with
//   `data-wiki-id="user:zokafor"` — or as `a.interwiki.iw_user` when `showuseras` is
//   `username_link`; URLs are `doku.php?id=user:x`, `doku.php/user:x` or `/user:x` by
//   `userewrite`, with `/` for `:` under `useslash`;
// - signatures, which the toolbar's signature button writes as ` --- //[[mail|Name]] date//`
//   and DokuWiki renders as `— <em><a class="mail" href="mailto:…">Name</a> date</em>`;
// - the editor of each change in old revisions and recent changes
//   (`.changes .user`: `<bdi>login</bdi>` by default, a full name, or a link), and the
//   "Last modified … by <bdi>login</bdi>" line (`.docInfo`, whose first `bdi` is the file);
// - on a user page, the page itself.
// Page text is `div.page`; the edit box, code blocks, the table of contents and diffs are
// never touched.
import {
  MentionList,
  handleOnPageHost,
  keepContent,
  mailtoAddress,
  mention,
  metaContent,
  text,
  within,
  sameHostTarget,
  documentOf,
  insideAnother,
} from '../dom';
import { closestOf } from '../../annotate/tree';
import type { PageKind, PersonMention, PersonRole, SiteAdapter } from '../types';

const EXCLUDED = [
  '.editBox',
  '#dw__editform',
  '#tool__bar',
  '#dw__toc',
  '.secedit',
  'pre.code',
  'pre.file',
  'table.diff',
  '.pagenav',
].join(',');

// The signed-in viewer ("Logged in as …") sits in the user tools; breadcrumbs and the
// sidebar are navigation.
const CHROME = [
  '#dokuwiki__header',
  '#dokuwiki__usertools',
  '#dokuwiki__sitetools',
  '#dokuwiki__pagetools',
  '#dokuwiki__aside',
  '#dokuwiki__footer',
  '.breadcrumbs',
].join(',');

/** Links that can be user pages (any `userewrite`/`useslash` spelling) and user e-mails. */
const USER_LINKS = [
  'a[data-wiki-id^="user:" i]',
  'a.iw_user',
  'a[href*="user:" i]',
  'a[href*="user%3A" i]',
  'a[href*="/user/" i]',
  'a[href^="mailto:" i]',
].join(',');

/** Change lists whose `.user` is the editor: old revisions, recent changes (pages and media). */
const CHANGE_LISTS = '.changes, #page__revisions, #dw__recent, #media__revisions';

/** A DokuWiki login as cleanID leaves it (letters, digits, `.`, `_`, `-`). */
const LOGIN = /^[\p{L}\p{N}][\p{L}\p{N}._-]{0,99}$/u;

/** The wiki id a link points to, from `?id=`, `doku.php/<id>` or a rewritten path. */
function wikiIdOf(target: URL): string | undefined {
  let id = target.searchParams.get('id') ?? undefined;
  if (!id) {
    let path: string;
    try {
      path = decodeURIComponent(target.pathname);
    } catch {
      return undefined;
    }
    const afterScript = path.match(/\/doku\.php\/(.+)$/);
    if (afterScript) id = afterScript[1];
    else {
      // userewrite=1: the id is the path; only its `user:x` / `user/x` tail matters here.
      const tail = path.match(/(?:^|\/)(user[:/][^/:]+)\/?$/i);
      id = tail?.[1];
    }
  }
  return id?.replace(/\//g, ':');
}

/** `user:zokafor` → zokafor; sub-pages (`user:zokafor:notes`) and other ids → undefined. */
function userPageLogin(id: string | undefined): string | undefined {
  const match = id?.match(/^:?user:([^:]+)$/i);
  return match && LOGIN.test(match[1]!) ? match[1] : undefined;
}

function linkLogin(link: Element, url: URL): string | undefined {
  const dataId = link.getAttribute('data-wiki-id');
  if (dataId) return userPageLogin(dataId);
  const target = sameHostTarget(link, url);
  if (!target) return undefined;
  // A link that acts on the page (edit, revisions, backlinks) is a tool, not the person.
  if (target.searchParams.has('do')) return undefined;
  return userPageLogin(wikiIdOf(target));
}

/**
 * A signature: the link opens the `<em>` that follows an em dash (DokuWiki's typography
 * turns the signature's ` --- ` into "—").
 */
function isSignature(link: Element): boolean {
  const em = link.parentElement;
  if (!em || em.localName !== 'em' || em.firstElementChild !== link) return false;
  if ((link.previousSibling?.textContent ?? '').trim()) return false;
  return /(—|--)\s*$/.test(em.previousSibling?.textContent ?? '');
}

function roleOf(element: Element): PersonRole {
  // In change lists only the `.user` column is the editor; a changed page that is a user
  // page (`user:zokafor` in recent changes) just names its person.
  if (element.closest('.docInfo') || (element.closest('.user') && element.closest(CHANGE_LISTS)))
    return 'editor';
  if (isSignature(element)) return 'commenter';
  return 'mention';
}

/** Text that is an IP address (anonymous edits list the editor's address). */
const ADDRESS = /^(?:[\d.]+|[\da-f]*:[\da-f:.]*)$/i;

/**
 * The editor shown as plain text (`<bdi>`): a login by default (`showuseras = loginname`),
 * a full name with `username`. Logins never contain white space, names usually do.
 */
function editorText(bdi: Element, url: URL): PersonMention | undefined {
  const label = text(bdi);
  if (!label || ADDRESS.test(label)) return undefined;
  if (/\s/.test(label)) return mention(bdi, 'editor', { names: [label] });
  if (!LOGIN.test(label)) return undefined;
  return mention(bdi, 'editor', { handles: [handleOnPageHost(url, label)] });
}

function pageId(document: Document, url: URL): string {
  const shown = document.querySelector('.pageId')?.textContent?.trim();
  return shown || url.searchParams.get('id') || '';
}

/** Actions whose screen is about the page `id` names (its text, history, diff, editor, source). */
const PAGE_MODES = new Set(['show', 'revisions', 'diff', 'edit', 'preview', 'draft', 'source']);

/** DokuWiki's action (`mode_show`, `mode_revisions`… on the template root, else `?do=`). */
function mode(document: Document, url: URL): string {
  const root = document.querySelector('.dokuwiki[class*="mode_"]');
  const match = root?.className.match(/\bmode_(\w+)/);
  return match ? match[1]! : url.searchParams.get('do') || 'show';
}

export const dokuwiki: SiteAdapter = {
  id: 'dokuwiki',
  label: 'DokuWiki',
  detect(url, document) {
    if (metaContent(document, 'generator').startsWith('DokuWiki')) return 0.95;
    if (document.querySelector('#dokuwiki__site, .dokuwiki')) return 0.9;
    if (/\/doku\.php$/.test(url.pathname)) return 0.5;
    return 0;
  },
  pageKind(url, document): PageKind {
    const action = mode(document, url);
    if (action === 'revisions' || action === 'recent') return 'wiki-history';
    if (action === 'search') return 'search-results';
    if (action === 'show' && userPageLogin(pageId(document, url))) return 'user-page';
    return 'wiki-article';
  },
  people(root, url) {
    const list = new MentionList();
    for (const link of within(root, USER_LINKS)) {
      const email = mailtoAddress(link);
      const login = email ? undefined : linkLogin(link, url);
      if (!email && !login) continue;
      // The link text is a name when it is neither the login nor the page id.
      const label = text(link);
      const plain = label.toLowerCase().replace(/^:?user:/, '');
      const names = label && plain !== login?.toLowerCase() && !label.includes('@') ? [label] : [];
      const role = roleOf(link);
      list.add(
        mention(link, email && role === 'mention' ? 'email' : role, {
          handles: login ? [handleOnPageHost(url, login)] : [],
          emails: email ? [email] : [],
          names,
        }),
      );
    }
    // Editors shown as text: change lists and the "Last modified … by" line (its first
    // `bdi` is the page's file name). That line is about the page `id` names, which on the
    // wiki-wide screens (search, recent changes, the index) is only where the user came from.
    const ownerDocument = documentOf(root);
    const action = mode(ownerDocument, url);
    const editors = PAGE_MODES.has(action)
      ? '.changes .user bdi, .docInfo bdi'
      : '.changes .user bdi';
    for (const bdi of within(root, editors)) {
      // Shown as a link (`username_link`, `email_link`): the link above already counts.
      if (bdi.closest('a') || bdi.querySelector('a')) continue;
      const info = bdi.closest('.docInfo');
      if (info && (info.firstElementChild === bdi || /\.txt$/.test(text(bdi)))) continue;
      const found = editorText(bdi, url);
      if (found) list.add(found);
    }
    // On a user page the page itself is the person: its first heading, else the page id.
    const login = action === 'show' ? userPageLogin(pageId(ownerDocument, url)) : undefined;
    if (login) {
      const heading = within(root, 'div.page h1').concat(within(root, '.pageId span'))[0];
      if (heading)
        list.add(mention(heading, 'profile', { handles: [handleOnPageHost(url, login)] }));
    }
    return keepContent(list.sorted(), CHROME, EXCLUDED);
  },
  proseRegions(root) {
    return within(root, 'div.page').filter(
      (el) => !!closestOf(el, '.dokuwiki') && !insideAnother(el, 'div.page'),
    );
  },
  excluded: EXCLUDED,
  chrome: CHROME,
  navigationEvents: [],
};
