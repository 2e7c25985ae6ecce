// The fallback for intranet pages and anything without a dedicated adapter: only markup
// that says "this is a person" counts — mailto: links, profile links (directory paths such as
// /people/<login> on the page's host, public code-host profiles), schema.org Person and
// h-card names, author links. Never free text: a capitalised word is not a person.
//
// Two self-hosted tools without an adapter of their own are common on intranets and name
// people in markup only they use, so the fallback reads that markup too (each rule follows a
// real capture in ../shared/corpus/pages/):
// - Phabricator: person links `a.phui-link-person` to /p/<username>/ ("Authored by" in the
//   revision's subheader, the actor of each timeline transaction, "Author:" of related
//   revisions, reviewers in the details' property list); avatars are text-less links
//   (`a.phui-timeline-image`, `a.phui-head-thing-image`) with a background image.
// - MoinMoin: the page footer's "(last edited … by <span title="Login @ host[ip]"><a
//   href="/moin/Login">Login</a></span>)": user homepages are ordinary wiki pages, so only
//   that title marks the link as a person.
//
// Avatar-only links (a profile link holding only a picture, Phabricator's text-less avatar
// links) get a visible badge when no name of theirs stands beside them, as on the code hosts
// (lib/sites/avatars.ts).
import {
  MentionList,
  handleOnPageHost,
  keepContent,
  mailtoMentions,
  mention,
  profileLinkMentions,
  text,
  within,
  insideAnother,
} from '../dom';
import { badgeLoneAvatars } from '../avatars';
import { nameMentions } from '../names';
import type { PageKind, PersonMention, PersonRole, SiteAdapter } from '../types';

const EXCLUDED = [
  'nav',
  '[role="navigation"]',
  '.breadcrumb',
  '.breadcrumbs',
  // Phabricator: a revision's diff (changesets load into it) and its comment form.
  '.differential-changeset',
  '.phui-comment-form-view',
].join(',');
const CHROME = [
  'header[role="banner"]',
  'body > header',
  '.site-header',
  'footer',
  '[role="contentinfo"]',
  // Phabricator's top bar holds the signed-in viewer's menu (/p/<viewer>/).
  '.phabricator-main-menu',
].join(',');

/** Elements whose text is a person's display name by markup convention. */
const NAME_ELEMENTS = [
  '[itemtype$="schema.org/Person"] [itemprop="name"]',
  '[itemprop="author"]:not([itemscope])',
  '.h-card .p-name',
  '.vcard .fn',
  '[rel="author"]',
  'address.author',
  '.profile-name',
].join(',');

const PHABRICATOR_PEOPLE = [
  'a.phui-link-person[href^="/p/"]',
  'a.phui-timeline-image[href^="/p/"]',
  'a.phui-head-thing-image[href^="/p/"]',
].join(',');

/** `/p/<username>/` → username. */
function phabricatorLogin(href: string): string | undefined {
  return /^\/p\/([A-Za-z0-9._-]+)\/?$/.exec(href)?.[1];
}

function phabricatorRole(link: Element): PersonRole {
  if (link.closest('.phui-head-thing-view')) return 'author';
  if (link.closest('.phui-timeline-title')) {
    // The actor of a transaction; a transaction with a comment makes them a commenter.
    const transaction = link.closest('.phui-timeline-shell');
    return transaction?.querySelector('.transaction-comment') ? 'commenter' : 'participant';
  }
  const key = link.closest('dd')?.previousElementSibling;
  if (key?.matches('dt')) {
    if (/^\s*reviewers?\b/i.test(key.textContent ?? '')) return 'reviewer';
    if (/^\s*assigned to\b/i.test(key.textContent ?? '')) return 'assignee';
  }
  return 'member';
}

function phabricatorMentions(root: ParentNode, url: URL): PersonMention[] {
  const out: PersonMention[] = [];
  for (const link of within(root, PHABRICATOR_PEOPLE)) {
    const login = phabricatorLogin(link.getAttribute('href')!);
    if (!login) continue;
    const avatar = !text(link).replace(/^•\s*/, '');
    out.push(
      mention(link, avatar ? 'avatar' : phabricatorRole(link), {
        handles: [handleOnPageHost(url, login)],
      }),
    );
  }
  return out;
}

/** A link that shows only a picture (an avatar), no text a reader could take for a name. */
function avatarOnly(link: Element): boolean {
  return !text(link) && !!link.querySelector('img, svg, [role="img"]');
}

/** The role a lone avatar takes: Phabricator's by where it sits; any other is a member. */
function genericRole(element: Element): PersonRole {
  return element.matches(PHABRICATOR_PEOPLE) ? phabricatorRole(element) : 'member';
}

function moinMoinEditors(root: ParentNode, url: URL): PersonMention[] {
  const out: PersonMention[] = [];
  for (const link of within(root, '#pageinfo a[href][title]')) {
    const login = text(link);
    // MoinMoin writes "<login> @ <host>[<ip>]" into the title of an editor's link only.
    if (!/^[\p{L}\p{N}._-]+$/u.test(login)) continue;
    if (!link.getAttribute('title')!.startsWith(`${login} @ `)) continue;
    out.push(mention(link, 'editor', { handles: [handleOnPageHost(url, login)] }));
  }
  return out;
}

export const generic: SiteAdapter = {
  id: 'generic',
  label: 'Generic page (intranet)',
  detect() {
    // Always applicable, always last.
    return 0.1;
  },
  pageKind(url, document): PageKind {
    if (document.querySelector('.profile, .h-card.profile, [itemtype$="schema.org/ProfilePage"]'))
      return 'profile';
    if (document.querySelector('table.staff, .team-members, [itemtype$="schema.org/Organization"]'))
      return 'team';
    return url.pathname === '/' ? 'home' : 'other';
  },
  people(root, url) {
    const list = new MentionList();
    list.add(phabricatorMentions(root, url));
    list.add(moinMoinEditors(root, url));
    for (const link of profileLinkMentions(root, url, 'member', list.seen))
      list.add(avatarOnly(link.element) ? { ...link, role: 'avatar', badge: false } : link);
    list.add(mailtoMentions(root, list.seen));
    for (const element of within(root, NAME_ELEMENTS)) {
      if (list.seen.has(element) || element.querySelector('a[href]')) continue;
      const name = text(element);
      if (!name || name.length > 80) continue;
      const role = element.matches('.profile-name')
        ? 'profile'
        : element.closest('[itemprop="author"], [rel="author"], address.author, .byline')
          ? 'author'
          : 'member';
      list.add(mention(element, role, { names: [name] }));
    }
    list.add(nameMentions(root, new Set(list.seen)));
    return badgeLoneAvatars(keepContent(list.sorted(), CHROME, EXCLUDED), genericRole);
  },
  proseRegions(root) {
    const articles = within(root, 'article, [role="article"], .news-item');
    if (articles.length > 0)
      return articles.filter((el) => !insideAnother(el, 'article, [role="article"], .news-item'));
    const main = within(root, 'main, [role="main"], #main-content, #content');
    if (main.length > 0)
      return main.filter(
        (el) => !insideAnother(el, 'main, [role="main"], #main-content, #content'),
      );
    // No landmark at all: the whole body, but only when scanning the whole document.
    const body = (root as Document).body;
    return (root as Node).nodeType === 9 && body ? [body] : [];
  },
  excluded: EXCLUDED,
  chrome: CHROME,
  // Tag lists: <a rel="tag" href="/tags/map">map</a>, <ul class="tags">…</ul>
  labels: '[rel="tag"], .tags, .post-tags, .tag-list',
  navigationEvents: [],
};
