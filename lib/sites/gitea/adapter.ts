// Gitea and Forgejo (codeberg.org and self-hosted), after go-gitea/gitea's templates:
// author links `a.author` (templates/shared/user/authorlink.tmpl), @mentions `a.mention`
// from the markdown renderer, the sidebar `.issue-content-right` with its reviewer and
// assignee lists, comment bodies `.render-content.markup`, diffs `.diff-file-box`.
import { codeHostLogin } from '../../match/profile-url';
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
} from '../dom';
import type { PageKind, PersonRole, SiteAdapter } from '../types';

const EXCLUDED = [
  '.diff-file-box',
  '.file-view',
  '.code-view',
  'table.chroma',
  '.lines-code',
  '.code-inner',
  '.edit-content-zone',
  '.comment-editor',
  '.combo-markdown-editor',
  '.tippy-box',
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

/** The sidebar list a link sits in, named by the heading just before the list. */
function sidebarRole(link: Element): PersonRole {
  const list = link.closest('.ui.list, .list, .flex-items-block');
  let heading = list?.previousElementSibling;
  while (heading && !(heading.textContent ?? '').trim()) heading = heading.previousElementSibling;
  const label = `${heading?.textContent ?? ''} ${list?.closest('[id]')?.id ?? ''}`;
  if (/review/i.test(label)) return 'reviewer';
  if (/assign/i.test(label)) return 'assignee';
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
    for (const link of within(
      root,
      'a.author, a.mention, a.timeline-avatar, .issue-content-right a[href]',
    )) {
      const target = sameHostTarget(link, url);
      const login = target && codeHostLogin(target);
      if (!login) continue;
      let role: PersonRole;
      if (link.matches('a.mention')) role = 'mention';
      else if (link.matches('a.timeline-avatar')) role = 'avatar';
      else if (link.matches('a.author')) role = authorRole(link);
      else role = text(link) ? sidebarRole(link) : 'avatar';
      const label = text(link).replace(/^@/, '');
      const names = role !== 'avatar' && label && label !== login ? [label] : [];
      list.add(mention(link, role, { handles: [handleOnPageHost(url, login)], names }));
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
    return keepContent(list.sorted(), CHROME, EXCLUDED);
  },
  proseRegions(root) {
    return within(
      root,
      '.render-content.markup, #issue-title, .markup.markdown, .commit-summary',
    ).filter((el) => !el.parentElement?.closest('.render-content, .markup'));
  },
  excluded: EXCLUDED,
  chrome: CHROME,
  // Issue labels: <div class="labels-list"><a class="item ui label">bug</a></div>
  labels: '.labels-list',
  // Gitea renders on the server; htmx swaps fragments in newer versions.
  navigationEvents: ['htmx:afterSettle'],
};
