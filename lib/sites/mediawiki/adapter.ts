// MediaWiki (Wikipedia and company wikis). People are user pages: `a.mw-userlink` in
// histories and change lists, `[[User:X]]` links in signatures and articles, user pages
// listed on a category page, and on a user page (namespace 2) its title. User-page URLs
// come as `/wiki/User:X`, `index.php?title=User:X` (red links) and, on installs without
// short URLs such as Debian's package, `/mediawiki/index.php/User:X` (path info). Article
// text is `#mw-content-text .mw-parser-output`, plus the snippets on Special:Search; edit
// links, the edit form, tables of contents, references and code blocks are never touched.
// Checked against live MediaWiki 1.39 (Debian bookworm, Vector legacy skin) in
// test/e2e/live-wikis.e2e.test.ts.
import { wikiUserLogin } from '../../match/profile-url';
import {
  MentionList,
  handleOnPageHost,
  keepContent,
  mailtoMentions,
  mention,
  metaContent,
  text,
  within,
  sameHostTarget,
  documentOf,
  insideAnother,
} from '../dom';
import { nameMentions } from '../names';
import type { PageKind, PersonRole, SiteAdapter } from '../types';

const EXCLUDED = [
  '.mw-editsection',
  '#toc',
  '.toc',
  '.mw-highlight',
  '.mw-code',
  '.catlinks',
  '.reflist',
  '.references',
  '.mw-references-wrap',
  'sup.reference',
  '.navbox',
  '.printfooter',
  '.mw-jump-link',
  '.mw-usertoollinks',
  '.mw-history-histlinks',
  '#editform',
].join(',');

const CHROME = [
  '#mw-head',
  '#mw-panel',
  '.vector-header',
  '.mw-header',
  '#footer',
  '.mw-footer',
  '#p-personal',
  '.vector-user-links',
  '#siteSub',
  '.vector-column-start',
].join(',');

/** User-page links: English "User:" (also percent-encoded) and MediaWiki's own user-link class. */
const USER_LINKS = 'a.mw-userlink[href], a[href*="User:" i], a[href*="User%3A" i]';

/** A link to a user talk page (`User talk:X` in any URL spelling). */
function isUserTalkLink(element: Element | null): boolean {
  if (!element || element.localName !== 'a') return false;
  let href = element.getAttribute('href') ?? '';
  try {
    href = decodeURIComponent(href);
  } catch {
    // Keep the raw href: the test below still works on unencoded titles.
  }
  return /User[_ ]talk:/i.test(href);
}

function roleOf(link: Element): PersonRole {
  if (link.closest('#pagehistory, .mw-changeslist, .mw-contributions-list, .history-user'))
    return 'editor';
  // A talk-page signature: `[[User:X|X]] ([[User talk:X|talk]]) 10:02, 3 November 2026 (UTC)`,
  // rendered as the user link, " (", the talk link.
  const after = link.nextSibling?.textContent ?? '';
  if (/^\s*\((talk|discussion)/i.test(after)) return 'commenter';
  if (/^\s*\(\s*$/.test(after) && isUserTalkLink(link.nextElementSibling)) return 'commenter';
  // Category pages list their member pages; user pages there are the category's people.
  if (link.closest('.mw-category-generated')) return 'member';
  return 'mention';
}

function safeDecode(value: string): string {
  try {
    return decodeURIComponent(value.replace(/\+/g, ' '));
  } catch {
    return value;
  }
}

function namespace(document: Document): number | undefined {
  const match = document.body?.className.match(/\bns-(-?\d+)\b/);
  return match ? Number(match[1]) : undefined;
}

export const mediawiki: SiteAdapter = {
  id: 'mediawiki',
  label: 'MediaWiki',
  detect(url, document) {
    if (/(^|\.)wikipedia\.org$|(^|\.)wikimedia\.org$/i.test(url.hostname)) return 1;
    if (metaContent(document, 'generator').startsWith('MediaWiki')) return 0.95;
    if (document.body?.classList.contains('mediawiki')) return 0.9;
    return 0;
  },
  pageKind(url, document): PageKind {
    const action = url.searchParams.get('action') ?? '';
    if (action === 'history' || document.body?.classList.contains('action-history'))
      return 'wiki-history';
    if (
      document.body?.classList.contains('page-Special_Search') ||
      /Special:Search/i.test(safeDecode(url.pathname + url.search))
    )
      return 'search-results';
    const ns = namespace(document);
    if (ns === 2) return 'user-page';
    if (ns !== undefined && ns % 2 === 1) return 'wiki-talk';
    return 'wiki-article';
  },
  people(root, url) {
    const list = new MentionList();
    // Only links that can be user pages: a long article has thousands of other links.
    for (const link of within(root, USER_LINKS)) {
      const target = sameHostTarget(link, url);
      const login = target && wikiUserLogin(target);
      if (!login) continue;
      // "[[User:X]]" without a label shows the title itself, which is no display name.
      const label = text(link).replace(/^User:/i, '');
      list.add(
        mention(link, roleOf(link), {
          handles: [handleOnPageHost(url, login)],
          names: label && label.replace(/ /g, '_') !== login ? [label] : [],
        }),
      );
    }
    // On a user page the page itself is the person.
    const ownerDocument = documentOf(root);
    if (namespace(ownerDocument) === 2) {
      for (const heading of within(root, '#firstHeading')) {
        const title = text(heading)
          .replace(/^User:/i, '')
          .trim();
        if (title && !title.includes('/'))
          list.add(
            mention(heading, 'profile', {
              handles: [handleOnPageHost(url, title.replace(/ /g, '_'))],
            }),
          );
      }
    }
    list.add(mailtoMentions(root, list.seen));
    // Links to the article about a person ("[[Bill Gates]]"), signatures: by full name.
    list.add(
      nameMentions(root, new Set(list.seen)).filter(
        (m) =>
          m.element.closest('.mw-parser-output') && !m.element.closest('.mw-category-generated'),
      ),
    );
    return keepContent(list.sorted(), CHROME, EXCLUDED);
  },
  proseRegions(root) {
    return within(
      root,
      '#mw-content-text .mw-parser-output, #mw-content-text > .mw-parser-output, .mw-search-results .searchresult',
    ).filter((el) => !insideAnother(el, '.mw-parser-output'));
  },
  excluded: EXCLUDED,
  chrome: CHROME,
  navigationEvents: [],
};
