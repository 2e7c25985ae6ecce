// Gitea look-alike chrome for git.northwind.test: Gitea's class names for author links
// (a.author), mentions (a.mention), comment bodies (.render-content.markup), the sidebar
// (.issue-content-right) and diffs (.diff-file-box > table.chroma td.lines-code code.code-inner),
// after go-gitea/gitea templates/repo/issue/view_content/*.tmpl and templates/repo/diff/*.tmpl.
import type { Feed } from '../../../lib/model/feed';
import { markup, raw, type Html } from '../html';

const STYLE = raw(`
body{margin:0;font:14px/1.5 -apple-system,"Segoe UI",sans-serif;color:#181c21;background:#fff}
#navbar{display:flex;gap:16px;padding:8px 16px;background:#f8f9fb;border-bottom:1px solid #d0d7de}
#navbar a{color:#181c21;font-weight:600;text-decoration:none}
.ui.container{max-width:1100px;margin:0 auto;padding:0 16px}
.repo-header{padding:12px 0;font-size:18px}.repo-header a{color:#181c21}
a{color:#4183c4;text-decoration:none}
.issue-title h1{font-weight:400;margin:16px 0 4px}.index{color:#808080}
.issue-content{display:flex;gap:24px;margin-top:16px}.issue-content-left{flex:1;min-width:0}
.issue-content-right{width:240px;font-size:13px}
.timeline-item{display:flex;gap:12px;margin:12px 0}.timeline-item.event{color:#57606a;padding-left:52px}
.comment-container{flex:1;border:1px solid #d0d7de;border-radius:6px}
.comment-header{background:#f6f8fa;padding:6px 12px;border-bottom:1px solid #d0d7de}
.render-content{padding:4px 12px}
.ui.avatar{display:inline-flex;align-items:center;justify-content:center;width:40px;height:40px;border-radius:50%;background:#dde4ee;font-size:13px;flex:none}
.ui.label{display:inline-block;background:#e8e8e8;border-radius:4px;padding:1px 6px;margin:2px}
.ui.label.issue-state-label{background:#21ba45;color:#fff;padding:2px 8px}
.diff-file-box{border:1px solid #d0d7de;border-radius:6px;margin:16px 0}
.diff-file-header{margin:0;padding:6px 12px;background:#f6f8fa;font:13px monospace}
table.chroma{border-collapse:collapse;width:100%;font:12px/1.6 monospace}
td.lines-num{color:#999;padding:0 8px;text-align:right;width:1%}
td.lines-num::before{content:attr(data-line-num)}[data-type-marker]::before{content:attr(data-type-marker)}
tr.add-code{background:#e6ffec}tr.del-code{background:#ffebe9}
.profile .card{border:1px solid #d0d7de;border-radius:6px;padding:16px;width:260px}
.page-footer{margin-top:32px;padding:12px;background:#f8f9fb;color:#57606a;font-size:12px}
`);

/** Initials stand in for avatars: the demo makes no request for images. */
export function avatar(login: string): Html {
  return markup`<span class="ui avatar tw-align-middle" aria-hidden="true"
    >${login.slice(0, 2).toUpperCase()}</span
  >`;
}

export function userPath(login: string): string {
  return `/${encodeURIComponent(login)}`;
}

/** Gitea's templates/shared/user/authorlink.tmpl. */
export function authorLink(login: string): Html {
  return markup`<a class="author" href="${userPath(login)}">${login}</a>`;
}

/** An @mention as Gitea's markdown renderer emits it. */
export function mention(login: string): Html {
  return markup`<a href="${userPath(login)}" class="mention" rel="nofollow">@${login}</a>`;
}

export function timeSince(date: Date): Html {
  const text = date.toLocaleDateString('en-US', {
    month: 'short',
    day: 'numeric',
    year: 'numeric',
    timeZone: 'UTC',
  });
  return markup`<relative-time
    class="time-since"
    prefix=""
    tense="past"
    datetime="${date.toISOString()}"
    >${text}</relative-time
  >`;
}

export type DiffLine = { kind: 'same' | 'add' | 'del'; text: string };

/** A unified diff of one file, shaped like templates/repo/diff/section_unified.tmpl. */
export function diffFileBox(fileName: string, lines: DiffLine[]): Html {
  let oldLine = 0;
  let newLine = 0;
  const marker = { same: ' ', add: '+', del: '-' } as const;
  const rows = lines.map((line, index) => {
    const left = line.kind === 'add' ? '' : String(++oldLine);
    const right = line.kind === 'del' ? '' : String(++newLine);
    return markup`<tr class="${line.kind}-code nl-${index} ol-${index}" data-line-type="${line.kind}">
      <td class="lines-num lines-num-old" data-line-num="${left}">
        <span rel="diff-L${left}"></span>
      </td>
      <td class="lines-num lines-num-new" data-line-num="${right}">
        <span rel="diff-R${right}"></span>
      </td>
      <td class="lines-escape"></td>
      <td class="lines-type-marker">
        <span class="mono" data-type-marker="${marker[line.kind]}"></span>
      </td>
      <td class="chroma lines-code${right ? '' : ' lines-code-old'}">
        <code class="code-inner">${line.text}</code>
      </td>
    </tr>`;
  });
  return markup`<div
    class="diff-file-box diff-box file-content"
    data-new-filename="${fileName}"
    data-old-filename="${fileName}"
  >
    <h4 class="diff-file-header"><span class="file tw-font-mono">${fileName}</span></h4>
    <div class="diff-file-body ui attached unstackable table segment">
      <div class="file-body file-code code-diff code-diff-unified unicode-escaped">
        <table class="chroma">
          <tbody>
            ${rows}
          </tbody>
        </table>
      </div>
    </div>
  </div>`;
}

export interface CodeLayout {
  feed: Feed;
  /** The document title before the site name, e.g. `Fix x #12 - org/repo`. */
  title: string;
  /** Classes of Gitea's `div.page-content`, e.g. `repository view issue pull`. */
  pageClass: string;
  content: Html;
}

export function codeLayout(page: CodeLayout): Html {
  const site = `${page.feed.organization.name} Git`;
  return markup`<!DOCTYPE html>
    <html lang="en-US" data-theme="gitea-auto">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>${page.title} - ${site}</title>
        <meta name="author" content="Gitea - Git with a cup of tea" />
        <style>
          ${STYLE}
        </style>
      </head>
      <body>
        <div class="full height">
          <nav id="navbar" aria-label="Navigation Bar">
            <a class="item" id="navbar-logo" href="/">${site}</a
            ><a class="item" href="/">Explore</a>
          </nav>
          <div role="main" aria-label="${page.title}" class="page-content ${page.pageClass}">
            ${page.content}
          </div>
        </div>
        <footer class="page-footer" role="group">Powered by Gitea (demo)</footer>
      </body>
    </html>`;
}
