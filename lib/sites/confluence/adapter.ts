// Confluence (Server/Data Center and Cloud). Server marks every user link with
// `a.confluence-userlink[data-username]` (page metadata author/editor, @mentions with
// `.user-mention`, comment authors) and avatars with `a.userLogoLink[data-username]`;
// page text is `#main-content.wiki-content`, comments `.comment-content.wiki-content`,
// code macros `.code.panel` / `.codeContent` (never touched).
import { directoryLogin } from '../../match/profile-url';
import {
  MentionList,
  handleOnPageHost,
  keepContent,
  mailtoMentions,
  mention,
  metaContent,
  text,
  within,
} from '../dom';
import type { PageKind, PersonRole, SiteAdapter } from '../types';

const EXCLUDED = [
  '.code.panel',
  '.codeContent',
  '.syntaxhighlighter',
  '.preformatted',
  '.confluence-embedded-file-wrapper',
  '#editor-precursor',
  '.aui-inline-dialog',
].join(',');

const CHROME = [
  '#header',
  '.aui-header',
  '#footer',
  '#navigation',
  '.ia-fixed-sidebar',
  '#breadcrumb-section',
].join(',');

function roleOf(link: Element): PersonRole {
  if (link.matches('.user-mention') || link.closest('.user-mention')) return 'mention';
  if (link.closest('.comment-header, .comment-user-logo, .comment-actions')) return 'commenter';
  if (link.closest('.page-metadata .author, .author, .created-by')) return 'author';
  if (link.closest('.last-modified, .editor, .page-metadata-modification-info')) return 'editor';
  if (link.closest('.contributors, .contributor-list')) return 'editor';
  return 'participant';
}

export const confluence: SiteAdapter = {
  id: 'confluence',
  label: 'Confluence',
  detect(url, document) {
    if (
      document.querySelector(
        'meta[name="ajs-version-number"], meta[name="confluence-base-url"], meta[name="confluence-space-key"]',
      )
    )
      return 0.95;
    if (document.body?.id === 'com-atlassian-confluence') return 0.9;
    if (/\.atlassian\.net$/i.test(url.hostname) && url.pathname.startsWith('/wiki/')) return 0.9;
    if (/Confluence/.test(metaContent(document, 'application-name'))) return 0.8;
    return 0;
  },
  pageKind(url): PageKind {
    const path = url.pathname;
    if (/\/display\/~[^/]+\/?$/.test(path) || /\/people\//.test(path)) return 'user-page';
    if (/dosearchsite\.action|\/search/.test(path)) return 'search-results';
    if (/\/display\/|\/pages\/|viewpage\.action|\/spaces\/[^/]+\/pages\//.test(path))
      return 'wiki-article';
    return 'other';
  },
  people(root, url) {
    const list = new MentionList();
    for (const link of within(root, 'a.confluence-userlink, a.userLogoLink, a[data-username]')) {
      let login = link.getAttribute('data-username') ?? '';
      if (!login) {
        try {
          login = directoryLogin(new URL(link.getAttribute('href') ?? '', url)) ?? '';
        } catch {
          login = '';
        }
      }
      if (!login) continue;
      const label = text(link).replace(/^@/, '');
      const avatar = link.matches('.userLogoLink') || (!label && link.querySelector('img'));
      list.add(
        mention(link, avatar ? 'avatar' : roleOf(link), {
          handles: [handleOnPageHost(url, login)],
          names: label && label !== login ? [label] : [],
        }),
      );
    }
    list.add(mailtoMentions(root, list.seen));
    return keepContent(list.sorted(), CHROME, EXCLUDED);
  },
  proseRegions(root) {
    return within(root, '#title-text, .wiki-content, [data-testid="renderer-page"]').filter(
      (el) => !el.parentElement?.closest('.wiki-content'),
    );
  },
  excluded: EXCLUDED,
  chrome: CHROME,
  // Page labels: <ul class="label-list"><li><a class="aui-label-split-main" href="/label/map">map</a></li></ul>
  labels: '.label-list, .labels-section-content',
  navigationEvents: [],
};
