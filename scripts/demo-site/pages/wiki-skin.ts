// MediaWiki look-alike chrome for wiki.northwind.test: the element ids and classes of
// MediaWiki's Vector 2022 skin (#firstHeading, #mw-content-text > .mw-parser-output,
// a.mw-userlink, #pagehistory), so the extension's MediaWiki adapter meets the real shapes.
import type { Feed } from '../../../lib/model/feed';
import { markup, raw, type Html, type Interpolation } from '../html';

const STYLE = raw(`
body{margin:0;font:14px/1.6 sans-serif;color:#202122;background:#f8f9fa}
.mw-header{padding:8px 24px;border-bottom:1px solid #c8ccd1;background:#fff}
.mw-logo-wordmark{font:1.4em Georgia,serif;color:#202122}
.mw-page-container-inner{display:flex}
#mw-panel{width:170px;padding:16px 24px;font-size:13px}
.mw-body{flex:1;background:#fff;padding:16px 32px;border-left:1px solid #c8ccd1;min-height:80vh}
h1.firstHeading{font:1.8em Georgia,serif;border-bottom:1px solid #a2a9b1;margin:0 0 8px}
.mw-parser-output h2{font:1.5em Georgia,serif;border-bottom:1px solid #a2a9b1}
a{color:#36c;text-decoration:none} a.new{color:#d73333}
pre{background:#f8f9fa;border:1px solid #eaecf0;padding:12px}
.infobox{float:right;border:1px solid #a2a9b1;background:#f8f9fa;margin:0 0 12px 12px;padding:4px}
#pagehistory li{margin:4px 0}.mw-footer{font-size:12px;padding:8px 200px;color:#54595d}
`);

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/** MediaWiki's default date format: `10:02, 3 November 2026`. */
export function wikiDate(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return (
    `${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())}, ` +
    `${date.getUTCDate()} ${MONTHS[date.getUTCMonth()]} ${date.getUTCFullYear()}`
  );
}

/** `/wiki/Some_Title`, percent-encoded as MediaWiki does (`:` and `/` stay readable). */
export function wikiPath(title: string): string {
  return (
    '/wiki/' +
    encodeURIComponent(title.replace(/ /g, '_')).replace(/%3A/g, ':').replace(/%2F/g, '/')
  );
}

export function historyPath(title: string): string {
  return `/w/index.php?title=${wikiPath(title).slice('/wiki/'.length)}&action=history`;
}

/** MediaWiki shows titles and user names with spaces; URLs carry underscores. */
export function displayTitle(title: string): string {
  return title.replace(/_/g, ' ');
}

/** A link to a page in the article namespace, as the parser renders `[[Title]]`. */
export function wikiLink(title: string, text: Interpolation = displayTitle(title)): Html {
  return markup`<a href="${wikiPath(title)}" title="${displayTitle(title)}">${text}</a>`;
}

/** A user link as MediaWiki's history and change lists render it. */
export function userLink(login: string): Html {
  const name = displayTitle(login);
  return markup`<a href="${wikiPath(`User:${login}`)}" class="mw-userlink" title="User:${name}"><bdi>${name}</bdi></a>`;
}

/** A talk-page signature: `[[User:X|X]] ([[User talk:X|talk]]) 10:02, 3 November 2026 (UTC)`. */
export function signature(login: string, date: Date): Html {
  const user = wikiLink(`User:${login}`, displayTitle(login));
  return markup`${user} (${wikiLink(`User talk:${login}`, 'talk')}) ${wikiDate(date)} (UTC)`;
}

export interface WikiLayout {
  feed: Feed;
  title: string;
  /** The body class MediaWiki sets for the namespace, e.g. `ns-0` (article) or `ns-2` (user). */
  namespace: number;
  action?: 'view' | 'history';
  lastEdited?: Date;
  content: Html;
}

export function wikiLayout(page: WikiLayout): Html {
  const site = `${page.feed.organization.name} Wiki`;
  const action = page.action ?? 'view';
  const heading =
    action === 'history'
      ? markup`${page.title}: Revision history`
      : markup`<span class="mw-page-title-main">${page.title}</span>`;
  return markup`<!DOCTYPE html>
    <html class="client-nojs vector-feature-zebra-design-disabled" lang="en" dir="ltr">
      <head>
        <meta charset="UTF-8" />
        <title>
          ${action === 'history' ? `${page.title}: Revision history` : page.title} - ${site}
        </title>
        <meta name="generator" content="MediaWiki 1.42.1" />
        <style>
          ${STYLE}
        </style>
      </head>
      <body
        class="mediawiki ltr sitedir-ltr ns-${page.namespace} skin-vector skin-vector-2022 action-${action}"
      >
        <div class="mw-page-container">
          <header class="vector-header mw-header">
            <a href="/wiki/Main_Page" class="mw-logo"
              ><span class="mw-logo-wordmark">${site}</span></a
            >
          </header>
          <div class="mw-page-container-inner">
            <nav id="mw-panel" aria-label="Navigation">
              <ul>
                <li id="n-mainpage-description"><a href="/wiki/Main_Page">Main page</a></li>
                <li id="n-recentchanges">
                  <a href="/wiki/Special:RecentChanges">Recent changes</a>
                </li>
              </ul>
            </nav>
            <div class="mw-content-container">
              <main id="content" class="mw-body" role="main">
                <header class="mw-body-header vector-page-titlebar">
                  <h1 id="firstHeading" class="firstHeading mw-first-heading">${heading}</h1>
                </header>
                <div id="bodyContent" class="vector-body">
                  <div id="siteSub">From ${site}</div>
                  <div id="mw-content-text" class="mw-body-content">${page.content}</div>
                </div>
              </main>
            </div>
          </div>
          <footer id="footer" class="mw-footer" role="contentinfo">
            <ul id="footer-info">
              ${page.lastEdited ? markup`<li id="footer-info-lastmod">This page was last edited on ${wikiDate(page.lastEdited).replace(/^(\d+:\d+), (.*)$/, '$2, at $1')}.</li>` : ''}
            </ul>
          </footer>
        </div>
      </body>
    </html>`;
}
