// Bitbucket Cloud (bitbucket.org) and Bitbucket Server/Data Center. Server marks users with
// `data-username` on avatars and links them as `/users/<slug>`; the pull request author is
// `.author .name`, reviewers are avatars in `.reviewers`, comments carry `.author` too.
// Cloud's React UI names people by display name only: profile-card triggers
// (`[data-testid="profileCardTrigger"]`, around a name or an avatar whose `alt`/`aria-label`
// is the name; the PR author under `[data-qa="pr-header-author-styles"]`, reviewers under
// `[data-qa="pr-reviewers"]`), and @mentions of the document renderer (`[data-mention-id]`).
// Avatar-only links and triggers get a badge when no name of theirs stands beside them
// (lib/sites/avatars.ts).
//
// Data Center 7.6+ (React pull request page; checked for issue 14 against fixtures written
// from public sources, test/fixtures/pages/PROVENANCE.md): the author's Atlaskit avatar
// `[data-testid="pull-request-author--image"]` named by its `aria-label`; reviewers,
// participants, commit authors and the pull request table's people as `UserAvatar`s
// (`.user-avatar[data-username]`) decided like every lone avatar; a profile's page-header
// avatar; dialogs (the merge dialog shows the viewer as committer) are site UI.
import { directoryLogin } from '../../match/profile-url';
import { badgeLoneAvatars } from '../avatars';
import { isFullName } from '../names';
import {
  MentionList,
  handleOnPageHost,
  keepContent,
  mailtoMentions,
  mention,
  shownName,
  text,
  within,
  sameHostTarget,
  insideAnother,
} from '../dom';
import type { PageKind, PersonRole, SiteAdapter } from '../types';

const EXCLUDED = [
  '.diff-view',
  '.diff-segment',
  '.diff-hunk',
  '.side-by-side-diff',
  '.code-mirror',
  '.source-view',
  '.file-content',
  '[data-qa="bk-file__content"]',
  '.comment-editor',
].join(',');

const CHROME = [
  '#header',
  '.aui-header',
  'header[role="banner"]',
  '#footer',
  'footer',
  '#navigation',
  // Server/Data Center dialogs: the merge dialog's committer is the viewer.
  '.aui-dialog2',
  // Cloud: the top navigation and the repository sidebar.
  '[data-testid="page-layout.top-nav"]',
  '[data-testid="page-layout.sidebar"]',
].join(',');

/** Server/Data Center user avatars (`UserAvatar`: `span.user-avatar.aui-avatar[data-username]`). */
const SERVER_AVATARS = [
  '.user-avatar[data-username]',
  '.aui-avatar[data-username]',
  'img[data-username]',
].join(',');

function roleOf(element: Element): PersonRole {
  if (element.matches('.mention, .user-mention, [data-mention-id]')) return 'mention';
  if (element.closest('.reviewers, .reviewer-avatar-list, [data-qa="pr-reviewers"]'))
    return 'reviewer';
  if (
    element.closest(
      '.pull-request-author, .pull-request-metadata .author, .pull-request-header .author, [data-qa="pr-header-author-styles"], [data-testid^="pull-request-author"]',
    )
  )
    return 'author';
  // The pull request table: the author's avatar sits in the title (or summary) cell.
  if (
    element.closest(
      '#bitbucket-pull-request-table td.title, #bitbucket-pull-request-table td.summary',
    )
  )
    return 'author';
  // A profile's page header (/users/<slug>): the person the page is about.
  if (element.closest('.aui-page-header-image')) return 'profile';
  if (element.closest('.comment, .comment-author, .activity-item, [data-qa="pr-comment"]'))
    return 'commenter';
  if (element.closest('.author')) return 'author';
  return 'participant';
}

export const bitbucket: SiteAdapter = {
  id: 'bitbucket',
  label: 'Bitbucket (Cloud and Server)',
  detect(url, document) {
    if (url.hostname.toLowerCase() === 'bitbucket.org') return 1;
    if (document.querySelector('meta[name="bb-view-name"]')) return 0.9;
    const application = document
      .querySelector('meta[name="application-name"]')
      ?.getAttribute('content');
    if (application === 'Bitbucket') return 0.9;
    if (/ - Bitbucket$/.test(document.title.trim())) return 0.8;
    if (document.querySelector('body.bitbucket-theme, #bitbucket-navigation')) return 0.7;
    return 0;
  },
  pageKind(url): PageKind {
    const path = url.pathname;
    if (/\/pull-requests\/\d+/.test(path)) return 'pull-request';
    if (/\/issues\/\d+/.test(path)) return 'issue';
    if (/\/commits?\/[0-9a-f]{7,}/.test(path)) return 'commit';
    if (/\/(browse|src)\//.test(path)) return 'file';
    if (/^\/users\/[^/]+\/?$/.test(path)) return 'profile';
    if (/\/repos\/[^/]+\/?$/.test(path)) return 'repository';
    return 'other';
  },
  people(root, url) {
    const list = new MentionList();
    // Server: profile links /users/<slug>.
    for (const link of within(root, 'a[href*="/users/"]')) {
      const target = sameHostTarget(link, url);
      const login = target && directoryLogin(target);
      if (!login) continue;
      const label = text(link).replace(/^@/, '');
      const avatarOnly = !label && link.querySelector('img');
      list.add(
        mention(link, avatarOnly ? 'avatar' : roleOf(link), {
          handles: [handleOnPageHost(url, login)],
          names: label && label !== login ? [label] : [],
        }),
      );
    }
    // Server avatars carry the user slug; the picture's alt is the display name. Only avatars:
    // a table cell may carry the author's slug too (the pull request table's `.summary`).
    for (const avatar of within(root, SERVER_AVATARS)) {
      const login = avatar.getAttribute('data-username');
      if (!login || (avatar.closest('a') && list.seen.has(avatar.closest('a')!))) continue;
      const image = avatar.matches('img') ? avatar : avatar.querySelector('img');
      const alt = image?.getAttribute('alt') ?? '';
      list.add(
        mention(avatar, 'avatar', {
          handles: [handleOnPageHost(url, login)],
          names: alt && !/logged in as/i.test(alt) ? [alt] : [],
        }),
      );
    }
    // Data Center's React pull request page: the author's Atlaskit avatar, named by its label.
    for (const avatar of within(root, '[data-testid="pull-request-author--image"]')) {
      const name = shownName(avatar);
      if (isFullName(name)) list.add(mention(avatar, 'avatar', { names: [name] }));
    }
    // Cloud mentions render as display names.
    for (const element of within(root, '[data-mention-id], .ak-renderer-mention')) {
      if (insideAnother(element, '[data-mention-id], .ak-renderer-mention')) continue;
      const name = text(element).replace(/^@/, '');
      if (name) list.add(mention(element, 'mention', { names: [name] }));
    }
    // Cloud profile-card triggers: a name, or an avatar named by its picture.
    for (const trigger of within(root, '[data-testid="profileCardTrigger"]')) {
      if (trigger.querySelector('[data-testid="profileCardTrigger"], [data-mention-id]')) continue;
      const name = shownName(trigger);
      if (!isFullName(name)) continue;
      list.add(mention(trigger, text(trigger) ? roleOf(trigger) : 'avatar', { names: [name] }));
    }
    list.add(mailtoMentions(root, list.seen));
    return badgeLoneAvatars(keepContent(list.sorted(), CHROME, EXCLUDED), roleOf);
  },
  proseRegions(root) {
    return within(
      root,
      '.pull-request-description .markup, .comment .message.markup, .markup, [data-qa="pr-header-title"], [data-qa="pr-description"], .ak-renderer-document',
    ).filter(
      (el) => !insideAnother(el, '.markup, .ak-renderer-document, [data-qa="pr-description"]'),
    );
  },
  excluded: EXCLUDED,
  chrome: CHROME,
  navigationEvents: [],
};
