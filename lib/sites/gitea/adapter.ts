// Gitea and Forgejo (codeberg.org and self-hosted), after go-gitea/gitea's templates
// (1.21–1.25; Forgejo keeps the same markup):
// - author links `a.author` (templates/shared/user/authorlink.tmpl), @mentions `a.mention`
//   from the markdown renderer, comment avatars `a.timeline-avatar`, the avatar in a comment
//   header `a.inline-timeline-avatar` and beside timeline events `a.avatar`
//   (shared/user/avatarlink.tmpl);
// - commit authors: `a.author-wrapper` (repo/latest_commit.tmpl on the repository home,
//   repo/commit_author.tmpl) and the author cell `#commits-table td.author a`
//   (repo/commits_list.tmpl);
// - the sidebar `.issue-content-right`: reviewer and assignee lists (name links after a
//   dropdown whose `<strong>` names the list — the dropdown's menu of candidates is not a
//   list of people on the page), participants as avatar-only links;
// - the contributors page (`/activity/contributors`, RepoContributors.vue): an avatar link
//   and a name link per contributor in `.contributor-grid`;
// - a user's profile: `.profile-avatar-name` (shared/user/profile_big_avatar.tmpl).
// Comment bodies are `.render-content.markup`, diffs `.diff-file-box`.
import { codeHostLogin } from '../../match/profile-url';
import { badgeLoneAvatars } from '../avatars';
import { isFullName } from '../names';
import {
  MentionList,
  handleOnPageHost,
  keepContent,
  mailtoMentions,
  mention,
  metaContent,
  sameHostTarget,
  text,
  within,
  insideAnother,
} from '../dom';
import type { PageKind, PersonRole, SiteAdapter } from '../types';

const EXCLUDED = [
  '.diff-file-box',
  // A file view is code, except a rendered README or markup file (`.file-view.markup`).
  '.file-view:not(.markup)',
  '.code-view',
  'table.chroma',
  '.lines-code',
  '.code-inner',
  '.edit-content-zone',
  '.comment-editor',
  '.combo-markdown-editor',
  '.tippy-box',
  // Dropdown menus (reviewer/assignee candidates, user menus) are hidden pickers.
  '.ui.dropdown .menu',
].join(',');

// The signed-in viewer's avatar sits beside the new-comment form.
const CHROME = [
  '#navbar',
  '.page-footer',
  'footer',
  '.secondary-nav',
  '.timeline-item.form',
  '#comment-form',
].join(',');

/**
 * The sidebar list a link sits in, named by the heading just before the list (its `<strong>`:
 * a dropdown's heading also holds the menu of candidates).
 */
function sidebarRole(link: Element): PersonRole {
  const list = link.closest('.ui.list, .list, .flex-items-block');
  let heading = list?.previousElementSibling;
  while (heading && !(heading.textContent ?? '').trim()) heading = heading.previousElementSibling;
  const title = heading?.querySelector('strong') ?? heading;
  const label = `${title?.textContent ?? ''} ${list?.closest('[id]')?.id ?? ''}`;
  if (/review/i.test(label)) return 'reviewer';
  if (/assign/i.test(label)) return 'assignee';
  return 'participant';
}

/** Avatar links of comments and timeline events (shared/user/avatarlink.tmpl and friends). */
const AVATAR_LINKS = 'a.timeline-avatar, a.inline-timeline-avatar, a.avatar';

/** Links that name a person, and avatar-only links, in the markup listed above. */
const PERSON_LINKS = [
  'a.author',
  'a.mention',
  'a.timeline-avatar',
  'a.inline-timeline-avatar',
  'a.avatar',
  'a.author-wrapper',
  '#commits-table td.author a[href]',
  '.contributor-grid a[href]',
  '.issue-content-right a[href]',
].join(',');

function roleOf(link: Element): PersonRole {
  if (link.matches('a.mention')) return 'mention';
  if (link.closest('.contributor-grid')) return 'member';
  if (link.matches('.author-wrapper') || link.closest('td.author')) return 'author';
  if (link.matches('a.author')) return authorRole(link);
  if (link.closest('.issue-content-right')) return sidebarRole(link);
  return 'participant';
}

function authorRole(link: Element): PersonRole {
  if (link.closest('.issue-title-meta, .issue-title-header')) return 'author';
  if (link.closest('.timeline-item.comment.first')) return 'author';
  if (link.closest('.timeline-item.event')) return 'participant';
  if (link.closest('.commit-header, .commit-header-row, .author-wrapper')) return 'author';
  return 'commenter';
}

export const gitea: SiteAdapter = {
  id: 'gitea',
  label: 'Gitea / Forgejo',
  detect(url, document) {
    const host = url.hostname.toLowerCase();
    if (host === 'codeberg.org' || host === 'gitea.com') return 1;
    const author = metaContent(document, 'author');
    if (/^(Gitea|Forgejo)\b/.test(author)) return 0.9;
    const theme = document.documentElement?.getAttribute('data-theme') ?? '';
    if (/^(gitea|forgejo)-/.test(theme)) return 0.8;
    if (/gitea|forgejo/i.test(metaContent(document, 'keywords'))) return 0.6;
    return 0;
  },
  pageKind(url, document): PageKind {
    const parts = url.pathname.split('/').filter(Boolean);
    if (parts.length === 1) return 'profile';
    if (parts.length === 0)
      return document.querySelector('.page-content.home') ? 'home' : 'search-results';
    if (parts[0] === 'explore') return 'search-results';
    switch (parts[2]) {
      case 'pulls':
        return parts.length > 3 ? 'pull-request' : 'search-results';
      case 'issues':
        return parts.length > 3 ? 'issue' : 'search-results';
      case 'commit':
      case 'commits':
        return 'commit';
      case 'src':
        return 'file';
      case 'wiki':
        return 'wiki-article';
      case undefined:
        return parts.length === 2 ? 'repository' : 'home';
      default:
        return 'other';
    }
  },
  people(root, url) {
    const list = new MentionList();
    for (const link of within(root, PERSON_LINKS)) {
      const target = sameHostTarget(link, url);
      const login = target && codeHostLogin(target);
      if (!login) continue;
      const label = text(link).replace(/^@/, '');
      // Avatar links by class (their text, if any, is initials), or a link holding only a picture.
      const avatarOnly = link.matches(AVATAR_LINKS) || (!label && !!link.querySelector('img'));
      const role = avatarOnly ? 'avatar' : roleOf(link);
      // An avatar's tooltip is the display name (participant_list.tmpl); a link's text is.
      const shown = avatarOnly ? (link.getAttribute('data-tooltip-content') ?? '').trim() : label;
      const names = shown && shown !== login ? [shown] : [];
      list.add(mention(link, role, { handles: [handleOnPageHost(url, login)], names }));
    }
    // Commit authors without an account on this instance: their name as plain text (the
    // commit's author name), read as a name when it is a full name.
    for (const element of within(
      root,
      '#commits-table td.author, span.author-wrapper, .contributor-grid h4.contributor-name',
    )) {
      if (element.querySelector('a[href]')) continue;
      const name = text(element);
      if (isFullName(name)) list.add(mention(element, roleOf(element), { names: [name] }));
    }
    // A user's profile page: the login under the display name.
    for (const card of within(root, '.profile-avatar-name')) {
      const login = card.querySelector('.username');
      const name = card.querySelector('.header');
      if (!login || !text(login)) continue;
      list.add(
        mention(login, 'profile', {
          handles: [handleOnPageHost(url, text(login))],
          names: name ? [text(name)] : [],
        }),
      );
    }
    list.add(mailtoMentions(root, list.seen));
    return badgeLoneAvatars(keepContent(list.sorted(), CHROME, EXCLUDED), roleOf);
  },
  proseRegions(root) {
    return within(
      root,
      '.render-content.markup, #issue-title, .markup.markdown, .commit-summary',
    ).filter((el) => !insideAnother(el, '.render-content, .markup'));
  },
  excluded: EXCLUDED,
  chrome: CHROME,
  // Issue labels: <div class="labels-list"><a class="item ui label">bug</a></div>
  labels: '.labels-list',
  // Gitea renders on the server; htmx swaps fragments in newer versions.
  navigationEvents: ['htmx:afterSettle'],
};
