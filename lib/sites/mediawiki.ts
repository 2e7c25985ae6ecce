// MediaWiki (Wikipedia and company wikis). People are user pages: `a.mw-userlink` in
// histories and change lists, `[[User:X]]` links in signatures and articles, and on a user
// page (namespace 2) its title. Article text is `#mw-content-text .mw-parser-output`;
// edit links, tables of contents, references and code blocks are never touched.
import { wikiUserLogin } from '../match/profile-url';
import {
  MentionList,
  handleOnPageHost,
  keepContent,
  mailtoMentions,
  mention,
  metaContent,
  text,
  within,
} from './dom';
import type { PageKind, PersonRole, SiteAdapter } from './types';

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

function roleOf(link: Element): PersonRole {
  if (link.closest('#pagehistory, .mw-changeslist, .mw-contributions-list, .history-user'))
    return 'editor';
  // A link followed by "(talk)" and a timestamp is a talk-page signature.
  if (/^\s*\((talk|discussion)/i.test(link.nextSibling?.textContent ?? '')) return 'commenter';
  return 'mention';
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
    if (/Special:Search/i.test(url.pathname + url.search)) return 'search-results';
    const ns = namespace(document);
    if (ns === 2) return 'user-page';
    if (ns !== undefined && ns % 2 === 1) return 'wiki-talk';
    return 'wiki-article';
  },
  people(root, url) {
    const list = new MentionList();
    // Only links that can be user pages: a long article has thousands of other links.
    for (const link of within(root, USER_LINKS)) {
      let target: URL;
      try {
        target = new URL(link.getAttribute('href')!, url);
      } catch {
        continue;
      }
      if (target.host !== url.host) continue;
      const login = wikiUserLogin(target);
      if (!login) continue;
      const label = text(link);
      list.add(
        mention(link, roleOf(link), {
          handles: [handleOnPageHost(url, login)],
          names: label && label.replace(/ /g, '_') !== login ? [label] : [],
        }),
      );
    }
    // On a user page the page itself is the person.
    const ownerDocument = (root as Node).ownerDocument ?? (root as Document);
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
    return keepContent(list.sorted(), CHROME, EXCLUDED);
  },
  proseRegions(root) {
    return within(
      root,
      '#mw-content-text .mw-parser-output, #mw-content-text > .mw-parser-output',
    ).filter((el) => !el.parentElement?.closest('.mw-parser-output'));
  },
  excluded: EXCLUDED,
  chrome: CHROME,
  navigationEvents: [],
};
