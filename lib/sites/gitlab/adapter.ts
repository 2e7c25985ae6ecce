// GitLab (gitlab.com and self-managed). People: `a.js-user-link[data-username]` and
// `a.author-link` (author, note authors, participants), `a.gfm-project_member` (@mentions),
// sidebar assignee/reviewer blocks. The body's `data-page` names the page kind exactly.
// Avatar-only links (the participants list, reviewer and assignee avatars when collapsed) get
// a badge unless the same person is named right beside them (a note's avatar beside its
// author link): lib/sites/avatars.ts.
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
  sameHostTarget,
  insideAnother,
} from '../dom';
import { closestOf } from '../../annotate/tree';
import { badgeLoneAvatars } from '../avatars';
import type { PageKind, PersonRole, SiteAdapter } from '../types';

const USER_LINK =
  'a.js-user-link, a.author-link, a[data-user-id][data-username], a.gfm-project_member, a[data-reference-type="user"]';

const EXCLUDED = [
  '.diff-file',
  '.diffs',
  '.file-holder',
  '.blob-viewer',
  '.diff-content',
  '.line_content',
  '.code',
  '.md-area',
  '.note-edit-form',
  '.js-vue-markdown-field',
  '.popover',
].join(',');

const CHROME = [
  '.navbar-gitlab',
  'header.navbar',
  '.header-content',
  '.super-sidebar',
  '.nav-sidebar',
  '.js-header-wrapper',
  '.header-user',
  'footer',
].join(',');

function loginOf(link: Element, url: URL): string | undefined {
  const data = link.getAttribute('data-username') ?? link.getAttribute('data-user');
  if (data && !/^\d+$/.test(data)) return data;
  const target = sameHostTarget(link, url);
  return target && codeHostLogin(target);
}

function roleOf(link: Element): PersonRole {
  if (link.matches('.gfm-project_member, [data-reference-type="user"]')) return 'mention';
  if (link.closest('.assignee, [data-testid="assignee"], .js-assignee-list, .block.assignee'))
    return 'assignee';
  if (link.closest('.reviewer, [data-testid="reviewer"], .block.reviewer')) return 'reviewer';
  if (link.closest('.participants, .participants-list')) return 'participant';
  if (link.closest('.detail-page-header, .merge-request-details .detail-page-description'))
    return 'author';
  if (link.closest('.note-header, .note-header-info, .discussion-header')) return 'commenter';
  if (link.closest('.commit-author-link, .commit-detail')) return 'author';
  return 'participant';
}

const KINDS: Record<string, PageKind> = {
  'projects:merge_requests:show': 'pull-request',
  'projects:issues:show': 'issue',
  'projects:commit:show': 'commit',
  'projects:blob:show': 'file',
  'projects:show': 'repository',
  'projects:wikis:show': 'wiki-article',
  'users:show': 'profile',
  'search:show': 'search-results',
};

export const gitlab: SiteAdapter = {
  id: 'gitlab',
  label: 'GitLab',
  detect(url, document) {
    const host = url.hostname.toLowerCase();
    if (host === 'gitlab.com') return 1;
    if (metaContent(document, 'og:site_name') === 'GitLab') return 0.9;
    const page = document.body?.getAttribute('data-page') ?? '';
    if (/^(projects|groups|users|dashboard|search):/.test(page)) return 0.7;
    return 0;
  },
  pageKind(url, document) {
    const page = document.body?.getAttribute('data-page') ?? '';
    if (KINDS[page]) return KINDS[page];
    const path = url.pathname;
    if (/\/merge_requests\/\d+/.test(path)) return 'pull-request';
    if (/\/issues\/\d+/.test(path)) return 'issue';
    if (/\/commit\/[0-9a-f]{7,}/.test(path)) return 'commit';
    if (/\/blob\//.test(path)) return 'file';
    if (/\/wikis\//.test(path)) return 'wiki-article';
    return path.split('/').filter(Boolean).length === 1 ? 'profile' : 'other';
  },
  people(root, url) {
    const list = new MentionList();
    for (const link of within(root, USER_LINK)) {
      const login = loginOf(link, url);
      if (!login) continue;
      const avatarOnly = !text(link) && link.querySelector('img');
      const name = link.getAttribute('data-name') ?? '';
      const label = text(link).replace(/^@/, '');
      const names = [name, label !== login ? label : ''].filter(Boolean);
      list.add(
        mention(link, avatarOnly ? 'avatar' : roleOf(link), {
          handles: [handleOnPageHost(url, login)],
          names: [...new Set(names)],
        }),
      );
    }
    list.add(mailtoMentions(root, list.seen));
    return badgeLoneAvatars(keepContent(list.sorted(), CHROME, EXCLUDED), roleOf);
  },
  proseRegions(root) {
    return within(
      root,
      '.md, .title.qa-title, [data-testid="title-content"], .commit-title',
    ).filter((el) => !insideAnother(el, '.md') && !closestOf(el, '.md-preview-holder, .md-area'));
  },
  excluded: EXCLUDED,
  chrome: CHROME,
  // Labels on issues and merge requests: <span class="gl-label"><a class="gl-link gl-label-link"><span class="gl-label-text">bug</span></a></span>
  labels: '.gl-label, .issuable-labels, .labels-select-wrapper .gl-label',
  navigationEvents: ['turbolinks:load', 'turbo:render'],
};
