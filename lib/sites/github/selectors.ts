// GitHub's selectors, classic (server-rendered) and React/Primer, each with the markup it
// reads. Primer React class names carry a hash suffix (`prc-Breadcrumbs-Item-abc12`), so
// they are matched by prefix (`[class*="prc-…"]`).

/** The "edited by" line of a comment header (CSS-module class, hash suffix varies). */
export const EDITED_BY = '[class*="MarkdownLastEditedBy-module__lastEditInfoContainer"]';

export const USER_LINK = [
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
  // React/Primer commit lists and headers: author links and avatar links by test id.
  'a[data-testid="author-link"]',
  'a[data-testid="avatar-icon-link"]',
  'a[data-testid="author-avatar"]',
].join(',');

/**
 * The owner in the page head, read although the head is chrome:
 * classic `<span class="author" itemprop="author"><a class="url fn" rel="author" href="/adbar">`,
 * the 2023 header `<a class="AppHeader-context-item" href="/kepano">`, React/Primer
 * `<a class="prc-Breadcrumbs-Item-…" href="/kepano">kepano</a>` (class hash suffix varies).
 */
export const OWNER = [
  'a[rel="author"].url',
  '[itemprop="author"] > a[href]',
  'a.AppHeader-context-item[href]',
  'a[class*="prc-Breadcrumbs-Item"][href]',
  'a[class*="Breadcrumbs-module__Item"][href]',
].join(',');

/** Profile page heads: `<span class="p-nickname vcard-username">login</span>`. */
export const PROFILE_LOGIN = '.vcard-username, .p-nickname';

export const AVATAR = 'img.avatar[alt], img.avatar-user[alt], img[data-component="Avatar"][alt]';

export const EXCLUDED = [
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

export const CHROME = [
  'header.Header',
  '.Header',
  '.js-header-wrapper',
  '.AppHeader',
  'footer.footer',
  '.footer',
  '.pagehead',
  '#repository-container-header',
  '[data-testid="top-nav"]',
  '.repohead',
  // The signed-in viewer's avatar beside the new-comment box is not on the page's thread.
  '.timeline-new-comment',
  '.js-new-comment-form',
  '.js-inline-comment-form-container',
].join(',');

/** Issue/PR labels and repository topics (classic and React). */
export const LABELS = [
  'a.topic-tag',
  '.IssueLabel',
  '[data-testid="issue-labels"]',
  '.js-issue-labels',
  'a[class*="prc-Label-Label"]',
  'span[class*="prc-Label-Label"]',
].join(',');
