// GitHub and GitHub Enterprise Server. People: links GitHub marks as user hovercards (classic
// `data-hovercard-type="user"`, React/Primer `data-hovercard-url="/users/…"`), @mentions
// (`a.user-mention`), avatars (`img.avatar`, `img[data-component=Avatar]` with "@login" alt).
// Roles come from where the link sits: PR/issue header and first comment → author,
// timeline comment headers → commenter, sidebar sections → reviewer/assignee, React's
// "· edited by <login>" line under a comment header → editor.
import { codeHostLogin } from '../../match/profile-url';
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
import type { PersonRole, SiteAdapter } from '../types';

/** The "edited by" line of a comment header (CSS-module class, hash suffix varies). */
const EDITED_BY = '[class*="MarkdownLastEditedBy-module__lastEditInfoContainer"]';

const USER_LINK = [
  'a[data-hovercard-type="user"]',
  'a[data-hovercard-url^="/users/"]',
  'a[data-hovercard-url*="user_id="]',
  'a.user-mention',
  'a.author',
  'a.commit-author',
  // Classic sidebar: the reviewer/assignee name beside the avatar carries no hovercard.
  '.sidebar-assignee a.assignee',
  // React/Primer "· edited by <login>" (MarkdownLastEditedBy-module__mutedEditorLink--<hash>):
  // a plain profile link without hovercard attributes.
  `${EDITED_BY} a[href]`,
].join(',');

const AVATAR = 'img.avatar[alt], img.avatar-user[alt], img[data-component="Avatar"][alt]';

function loginOf(link: Element, url: URL): string | undefined {
  const href = link.getAttribute('href');
  if (href) {
    try {
      const target = new URL(href, url);
      if (target.host !== url.host) return undefined;
      // "View all commits by x" links carry the login as ?author=.
      const author = target.searchParams.get('author');
      if (link.matches('.commit-author') && author) return author;
      return codeHostLogin(target);
    } catch {
      return undefined;
    }
  }
  const fromCard = link.getAttribute('data-hovercard-url')?.match(/^\/users\/([^/]+)\/hovercard/);
  return fromCard?.[1];
}

function sidebarRole(element: Element): PersonRole | undefined {
  const section = element.closest(
    '.discussion-sidebar-item, [data-testid="sidebar-section"], [data-testid="issue-viewer-metadata-pane"] > *',
  );
  if (!section) return undefined;
  if (
    section.querySelector('form[aria-label="Select reviewers"]') ||
    /^\s*reviewers/i.test(section.textContent ?? '')
  )
    return 'reviewer';
  if (
    section.matches('.sidebar-assignee') ||
    section.querySelector('form[aria-label="Select assignees"]') ||
    /^\s*assignees/i.test(section.textContent ?? '')
  )
    return 'assignee';
  if (section.matches('[data-testid="sidebar-participants-section"]')) return 'participant';
  return 'participant';
}

function roleOf(link: Element): PersonRole {
  if (link.matches('.user-mention:not(.commit-author)')) return 'mention';
  // Before the author rule: the issue body's header also holds its "edited by" line.
  if (link.closest(EDITED_BY)) return 'editor';
  const sidebar = sidebarRole(link);
  if (sidebar) return sidebar;
  if (
    link.closest(
      '.gh-header-meta, #partial-discussion-header, [data-testid="issue-body-header-author"], [data-testid="issue-body"]',
    ) ||
    link.matches('[data-testid="issue-body-header-author"]')
  )
    return 'author';
  if (
    link.closest(
      '.js-discussion > .timeline-comment-wrapper:first-child, .js-command-palette-pull-body',
    )
  )
    return 'author';
  if (
    link.matches('.commit-author, [rel="contributor"]') ||
    link.closest('.commit-meta, .commit-author-section, .commit-tease, [data-testid="author-link"]')
  )
    return 'author';
  if (
    link.closest(
      '.timeline-comment-header, .review-comment, [data-testid="comment-header"], .TimelineItem-body, .timeline-comment',
    )
  )
    return link.closest('.TimelineItem-body:not(.timeline-comment)') ? 'participant' : 'commenter';
  return 'participant';
}

const EXCLUDED = [
  '.blob-wrapper',
  '.blob-code',
  '.diff-table',
  '.js-file-line-container',
  '.highlight',
  '.react-code-view',
  '.react-blob-print-hide',
  '.js-blob-code-container',
  '.js-comment-update',
  '.comment-form-textarea',
  '.Popover',
  '.js-hovercard-content',
  '.file-header',
  '.js-preview-body',
  '.preview-content',
].join(',');

const CHROME = [
  'header.Header',
  '.Header',
  '.js-header-wrapper',
  '.AppHeader',
  'footer.footer',
  '.footer',
  '.pagehead',
  '#repository-container-header',
  '.Layout-sidebar .BorderGrid-cell .contributors',
  '[data-testid="top-nav"]',
  '.repohead',
  // The signed-in viewer's avatar beside the new-comment box is not on the page's thread.
  '.timeline-new-comment',
  '.js-new-comment-form',
  '.js-inline-comment-form-container',
].join(',');

export const github: SiteAdapter = {
  id: 'github',
  label: 'GitHub / GitHub Enterprise',
  detect(url, document) {
    const host = url.hostname.toLowerCase();
    if (host === 'github.com' || host === 'www.github.com') return 1;
    if (metaContent(document, 'og:site_name') === 'GitHub') return 0.9;
    // GitHub Enterprise Server pages carry GitHub's own markers on a company host.
    if (document.querySelector('meta[name="expected-hostname"], meta[name="octolytics-host"]'))
      return 0.8;
    return 0;
  },
  pageKind(url) {
    const parts = url.pathname.split('/').filter(Boolean);
    if (parts[0] === 'search' || parts[2] === 'search') return 'search-results';
    if (parts.length === 1) return 'profile';
    switch (parts[2]) {
      case 'pull':
        return 'pull-request';
      case 'issues':
        return parts.length > 3 ? 'issue' : 'search-results';
      case 'commit':
        return 'commit';
      case 'blob':
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
    for (const link of within(root, USER_LINK)) {
      const login = loginOf(link, url);
      if (!login) continue;
      // An avatar-only link (the picture beside a comment) is annotated without a badge.
      const avatarOnly = !text(link) && link.querySelector('img');
      const role = avatarOnly ? 'avatar' : roleOf(link);
      const label = text(link);
      const names = label && label.replace(/^@/, '') !== login ? [label] : [];
      list.add(mention(link, role, { handles: [handleOnPageHost(url, login)], names }));
    }
    for (const image of within(root, AVATAR)) {
      if (image.closest('a') && list.seen.has(image.closest('a')!)) continue;
      const login = (image.getAttribute('alt') ?? '').trim().replace(/^@/, '');
      if (!/^[A-Za-z0-9][A-Za-z0-9-]{0,38}$/.test(login)) continue;
      list.add(mention(image, 'avatar', { handles: [handleOnPageHost(url, login)] }));
    }
    list.add(mailtoMentions(root, list.seen));
    return keepContent(list.sorted(), CHROME, EXCLUDED);
  },
  proseRegions(root) {
    return within(
      root,
      '.comment-body, .markdown-body, [data-testid="markdown-body"], .js-issue-title, [data-testid="issue-title"], .commit-desc, .commit-title',
    ).filter(
      (el) =>
        !el.parentElement?.closest(
          '.comment-body, .markdown-body, [data-testid="markdown-body"]',
        ) && !el.closest(EXCLUDED),
    );
  },
  excluded: EXCLUDED,
  chrome: CHROME,
  navigationEvents: ['turbo:render', 'pjax:end', 'soft-nav:end'],
};
