// The fallback for intranet pages and anything without a dedicated adapter: only markup
// that says "this is a person" counts — mailto: links, profile links (directory paths such as
// /people/<login> on the page's host, public code-host profiles), schema.org Person and
// h-card names, author links. Never free text: a capitalised word is not a person.
import {
  MentionList,
  keepContent,
  mailtoMentions,
  mention,
  profileLinkMentions,
  text,
  within,
} from './dom';
import type { PageKind, SiteAdapter } from './types';

const EXCLUDED = ['nav', '[role="navigation"]', '.breadcrumb', '.breadcrumbs'].join(',');
const CHROME = [
  'header[role="banner"]',
  'body > header',
  '.site-header',
  'footer',
  '[role="contentinfo"]',
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
    list.add(profileLinkMentions(root, url, 'member', list.seen));
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
    return keepContent(list.sorted(), CHROME, EXCLUDED);
  },
  proseRegions(root) {
    const articles = within(root, 'article, [role="article"], .news-item');
    if (articles.length > 0)
      return articles.filter(
        (el) => !el.parentElement?.closest('article, [role="article"], .news-item'),
      );
    const main = within(root, 'main, [role="main"], #main-content, #content');
    if (main.length > 0)
      return main.filter(
        (el) => !el.parentElement?.closest('main, [role="main"], #main-content, #content'),
      );
    // No landmark at all: the whole body, but only when scanning the whole document.
    const body = (root as Document).body;
    return (root as Node).nodeType === 9 && body ? [body] : [];
  },
  excluded: EXCLUDED,
  chrome: CHROME,
  navigationEvents: [],
};
