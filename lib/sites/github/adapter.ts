// GitHub and GitHub Enterprise Server. People: links GitHub marks as user hovercards (classic
// `data-hovercard-type="user"`, React/Primer `data-hovercard-url="/users/…"`), @mentions
// (`a.user-mention`), avatars (`img.avatar`, `img[data-component=Avatar]` with "@login" alt).
// Roles come from where the link sits: PR/issue header and first comment → author,
// timeline comment headers → commenter, sidebar sections → reviewer/assignee, React's
// "· edited by <login>" line under a comment header → editor, a contributor or member list →
// member. Avatar-only links count (lib/sites/avatars.ts). The repository or organisation
// owner in the page head (classic `a[rel=author]`, the 2023 header's context items, React's
// `a.prc-Breadcrumbs-Item`) is read although the head is otherwise chrome.
//
// GitHub Enterprise Server runs on any host: detected by what its pages carry (og:site_name
// "GitHub Enterprise", the `github-*` asset bundles, GitHub's own meta tags), not by name.
import { codeHostLogin } from '../../match/profile-url';
import { badgeLoneAvatars } from '../avatars';
import {
  AVATAR,
  CHROME,
  EDITED_BY,
  EXCLUDED,
  LABELS,
  OWNER,
  PROFILE_LOGIN,
  USER_LINK,
} from './selectors';
import {
  MentionList,
  handleOnPageHost,
  keepContent,
  mailtoMentions,
  linkBase,
  mention,
  metaContent,
  text,
  within,
  documentOf,
  insideAnother,
} from '../dom';
import { closestOf } from '../../annotate/tree';
import type { PersonRole, SiteAdapter } from '../types';

function loginOf(link: Element, url: URL): string | undefined {
  const href = link.getAttribute('href');
  if (href) {
    try {
      const target = new URL(href, linkBase(link, url));
      if (target.host !== url.host) return undefined;
      // "View all commits by x" links carry the login as ?author=.
      const author = target.searchParams.get('author');
      if (author && (link.matches('.commit-author') || /\/commits\/?/.test(target.pathname)))
        return author;
      return codeHostLogin(target);
    } catch {
      return undefined;
    }
  }
  const fromCard = link.getAttribute('data-hovercard-url')?.match(/^\/users\/([^/]+)\/hovercard/);
  return fromCard?.[1];
}

function sidebarRole(element: Element): PersonRole | undefined {
  // Repository home: the sidebar's "Contributors" cell (classic and React alike).
  const cell = element.closest('.BorderGrid-cell, [data-testid="contributors"], .contributors');
  if (cell && /^\s*contributors\b/i.test(cell.querySelector('h2, h3')?.textContent ?? ''))
    return 'member';
  if (element.closest('.member-list-item, .table-list-item.member-list-item, .team-members'))
    return 'member';
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

/**
 * GitHub Enterprise Server on its own host: how sure, from what its pages carry. The site
 * name says it outright ("GitHub Enterprise", or "GitHub" on older releases); otherwise
 * GitHub's own meta tags and asset bundles (`/assets/github-<hash>.js`, `…/light-<hash>.css`
 * under `assets/`) must agree, two signals at least.
 */
function enterpriseScore(document: Document): number {
  const site = metaContent(document, 'og:site_name').trim();
  if (/^GitHub( Enterprise)?$/i.test(site)) return 0.9;
  let signals = 0;
  if (document.querySelector('meta[name="expected-hostname"], meta[name="octolytics-host"]'))
    signals += 2;
  if (
    document.querySelector(
      'script[src*="/assets/github-"], link[href*="/assets/github-"], link[href*="/assets/primer-"], script[src*="/assets/environment-"]',
    )
  )
    signals++;
  if (
    document.querySelector(
      'meta[name="github-keyboard-shortcuts"], meta[name="hovercard-subject-tag"], meta[name="route-pattern"], meta[name="current-catalog-service"], meta[name="enabled-features"]',
    )
  )
    signals++;
  if (document.querySelector('[data-hovercard-type="user"], [data-hovercard-url^="/users/"]'))
    signals++;
  return signals >= 2 ? 0.8 : 0;
}

export const github: SiteAdapter = {
  id: 'github',
  label: 'GitHub / GitHub Enterprise',
  detect(url, document) {
    const host = url.hostname.toLowerCase();
    if (host === 'github.com' || host === 'www.github.com') return 1;
    return enterpriseScore(document);
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
    for (const link of within(root, OWNER)) {
      const login = loginOf(link, url);
      if (login && !link.closest(EXCLUDED))
        list.add(mention(link, 'owner', { handles: [handleOnPageHost(url, login)] }));
    }
    const owners = [...list.items];
    if (github.pageKind(url, documentOf(root)) === 'profile') {
      const login = url.pathname.split('/').filter(Boolean)[0]!;
      for (const element of within(root, PROFILE_LOGIN))
        if (text(element).replace(/^@/, '').toLowerCase() === login.toLowerCase())
          owners.push(mention(element, 'profile', { handles: [handleOnPageHost(url, login)] }));
    }
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
    const ownerSet = new Set(owners);
    const content = keepContent(
      list.sorted().filter((m) => !ownerSet.has(m)),
      CHROME,
      EXCLUDED,
    );
    const all = new MentionList();
    all.add(owners);
    all.add(content);
    return badgeLoneAvatars(all.sorted(), roleOf);
  },
  proseRegions(root) {
    return within(
      root,
      '.comment-body, .markdown-body, [data-testid="markdown-body"], .js-issue-title, [data-testid="issue-title"], .commit-desc, .commit-title',
    ).filter(
      (el) =>
        !insideAnother(el, '.comment-body, .markdown-body, [data-testid="markdown-body"]') &&
        !closestOf(el, EXCLUDED),
    );
  },
  excluded: EXCLUDED,
  chrome: CHROME,
  labels: LABELS,
  navigationEvents: ['turbo:render', 'pjax:end', 'soft-nav:end'],
};
