// Confluence (Server/Data Center and Cloud). Server marks every user link with
// `a.confluence-userlink[data-username]` (page metadata author/editor, @mentions with
// `.user-mention`, comment authors) and avatars with `a.userLogoLink[data-username]`;
// page text is `#main-content.wiki-content`, comments `.comment-content.wiki-content`,
// code macros `.code.panel` / `.codeContent` (never touched). Avatar-only links get a badge
// when no name of theirs stands beside them (lib/sites/avatars.ts).
//
// Confluence Cloud (`<site>.atlassian.net/wiki/…`, a React app) names people by display name
// only: profile links `/wiki/people/<accountId>` whose text is the name, @mentions from the
// document renderer (`[data-mention-id]`, text "@Name"), profile-card triggers around
// avatars (`[data-testid="profileCardTrigger"]`, the picture's `alt` or `aria-label` is the
// name) and the byline ("Owned by Zoë Okafor", "Last updated … by …"), read by the shared
// name rules (lib/sites/names.ts). The page body is `[data-testid="renderer-page"]`, code
// blocks are `.code-block` (and `pre`/`code`).
import { directoryLogin } from '../../match/profile-url';
import { badgeLoneAvatars } from '../avatars';
import { isFullName, nameMentions } from '../names';
import {
  MentionList,
  handleOnPageHost,
  keepContent,
  linkBase,
  mailtoMentions,
  mention,
  metaContent,
  shownName,
  text,
  within,
  insideAnother,
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
  // Cloud: code blocks and the editor.
  '.code-block',
  '[data-testid="code-block"]',
  '.ak-editor-content-area',
].join(',');

const CHROME = [
  '#header',
  '.aui-header',
  '#footer',
  '#navigation',
  '.ia-fixed-sidebar',
  '#breadcrumb-section',
  // Cloud: the top navigation (the viewer's avatar) and the space sidebar.
  '[data-testid="page-layout.top-nav"]',
  'header[role="banner"]',
  '[data-testid="page-layout.sidebar"]',
  'nav[aria-label="Breadcrumbs"]',
].join(',');

/** Cloud's display-name people: mentions, profile links, profile-card triggers. */
const CLOUD_PEOPLE = [
  '[data-mention-id]',
  'a[href*="/wiki/people/"]',
  '[data-testid="profileCardTrigger"]',
].join(',');

function roleOf(link: Element): PersonRole {
  if (link.matches('.user-mention, [data-mention-id]') || link.closest('.user-mention'))
    return 'mention';
  if (link.closest('[data-testid*="byline" i], [data-testid*="contributors" i]')) return 'author';
  if (link.closest('[data-testid*="comment" i]')) return 'commenter';
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
          login =
            directoryLogin(new URL(link.getAttribute('href') ?? '', linkBase(link, url))) ?? '';
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
    for (const element of within(root, CLOUD_PEOPLE)) {
      // A trigger around a link already read (or inside one) is that link.
      if (list.seen.has(element) || element.closest('a.confluence-userlink, a[data-username]'))
        continue;
      if (element.querySelector('[data-mention-id], a[href*="/wiki/people/"]')) continue;
      const name = shownName(element);
      if (!isFullName(name)) continue;
      const avatarOnly = !text(element);
      list.add(mention(element, avatarOnly ? 'avatar' : roleOf(element), { names: [name] }));
    }
    list.add(mailtoMentions(root, list.seen));
    // Bylines ("Owned by …", "Created by …"), author fields and signatures by name; not
    // "links about a person": a Confluence page link's text is its title, which can look
    // like a name ("Incident Response Runbook").
    list.add(nameMentions(root, new Set(list.seen), { linksAboutPeople: false }));
    return badgeLoneAvatars(keepContent(list.sorted(), CHROME, EXCLUDED), roleOf);
  },
  proseRegions(root) {
    return within(root, '#title-text, .wiki-content, [data-testid="renderer-page"]').filter(
      (el) => !insideAnother(el, '.wiki-content'),
    );
  },
  excluded: EXCLUDED,
  chrome: CHROME,
  // Page labels: <ul class="label-list"><li><a class="aui-label-split-main" href="/label/map">map</a></li></ul>
  labels: '.label-list, .labels-section-content',
  navigationEvents: [],
};
