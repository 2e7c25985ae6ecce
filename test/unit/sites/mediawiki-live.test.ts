// The MediaWiki adapter on the shapes a live MediaWiki 1.39 (Debian's package, no short URLs)
// showed beyond Wikipedia's: user pages under path info (`/mediawiki/index.php/User:X`),
// signatures rendered as user link + " (" + talk link, category listings, Special:Search
// with an encoded title and its snippets, and the edit form. The captured pages themselves
// are test/fixtures/pages/mediawiki-live-*.html (contract.test.ts).
import { Window } from 'happy-dom';
import { describe, expect, it } from 'vitest';
import { mediawiki } from '../../../lib/sites/mediawiki/adapter';
import type { PersonMention } from '../../../lib/sites/types';

const ORIGIN = 'http://mediawiki.wiki.test';

function page(content: string, options: { path?: string; bodyClass?: string } = {}) {
  const url = `${ORIGIN}${options.path ?? '/mediawiki/index.php/Some_Page'}`;
  const window = new Window({ url, settings: { disableJavaScriptEvaluation: true } });
  window.document
    .write(`<!DOCTYPE html><html><head><meta name="generator" content="MediaWiki 1.39.17"/></head>
<body class="mediawiki ${options.bodyClass ?? 'ns-0'}"><div id="content"><h1 id="firstHeading">Some Page</h1>
<div id="mw-content-text">${content}</div></div>
<div id="mw-navigation"><div id="mw-head"><a href="/mediawiki/index.php/User:Viewer">Viewer</a></div></div></body></html>`);
  return { document: window.document as unknown as Document, url: new URL(url) };
}

function who(mentions: PersonMention[]): string[] {
  return mentions.map((m) =>
    [m.role, m.identity.handles.map((h) => `${h.host} ${h.login}`)[0], ...m.identity.names].join(
      '|',
    ),
  );
}

describe('mediawiki adapter on a Debian install', () => {
  it('reads user pages under path info, red links and short URLs alike', () => {
    const { document, url } = page(`<div class="mw-parser-output"><p>
      <a href="/mediawiki/index.php/User:Zo%C3%AB_Okafor" title="User:Zoë Okafor">User:Zoë Okafor</a>
      <a href="/mediawiki/index.php?title=User:Mei-Lin_Chen&amp;action=edit&amp;redlink=1" class="new">Mei-Lin</a>
      <a href="/wiki/User:Kwame_Asante">Kwame</a>
      <a href="/mediawiki/index.php/User:Zo%C3%AB_Okafor/Sandbox">sandbox</a>
      <a href="/mediawiki/index.php/User_talk:Zo%C3%AB_Okafor">talk</a>
      <a href="/mediawiki/index.php/Special:Contributions/Zo%C3%AB_Okafor">contribs</a>
    </p></div>`);
    expect(who(mediawiki.people(document, url))).toEqual([
      // "[[User:X]]" without a label shows the title: not a display name.
      `mention|mediawiki.wiki.test Zoë_Okafor`,
      `mention|mediawiki.wiki.test Mei-Lin_Chen|Mei-Lin`,
      `mention|mediawiki.wiki.test Kwame_Asante|Kwame`,
    ]);
  });

  it('takes a user link followed by its talk link as a signature', () => {
    const { document, url } = page(
      `<div class="mw-parser-output"><p>Ship it. <a href="/mediawiki/index.php/User:Jos%C3%A9_M%C3%BCller">José Müller</a> (<a href="/mediawiki/index.php?title=User_talk:Jos%C3%A9_M%C3%BCller&amp;action=edit&amp;redlink=1" class="new">talk</a>) 03:55, 23 November 2026 (UTC)</p>
      <p>Ask <a href="/mediawiki/index.php/User:Priya_Raghunathan">Priya</a> (she knows) or <a href="/mediawiki/index.php/User:Kwame_Asante">Kwame</a> (<a href="/mediawiki/index.php/Pricing">pricing</a>).</p></div>`,
      { path: '/mediawiki/index.php/Talk:Some_Page', bodyClass: 'ns-1' },
    );
    expect(who(mediawiki.people(document, url))).toEqual([
      'commenter|mediawiki.wiki.test José_Müller',
      'mention|mediawiki.wiki.test Priya_Raghunathan|Priya',
      'mention|mediawiki.wiki.test Kwame_Asante|Kwame',
    ]);
    expect(mediawiki.pageKind(url, document)).toBe('wiki-talk');
  });

  it("lists a category's user pages as its members", () => {
    const { document, url } = page(
      `<div class="mw-parser-output"><p>Everyone here.</p></div><div class="mw-category-generated"><div id="mw-pages"><div class="mw-category"><ul>
        <li><a href="/mediawiki/index.php/User:Priya_Raghunathan" title="User:Priya Raghunathan">User:Priya Raghunathan</a></li>
        <li><a href="/mediawiki/index.php/Claims_Triage_Platform">Claims Triage Platform</a></li></ul></div></div></div>`,
      { path: '/mediawiki/index.php/Category:People', bodyClass: 'ns-14' },
    );
    expect(who(mediawiki.people(document, url))).toEqual([
      'member|mediawiki.wiki.test Priya_Raghunathan',
    ]);
  });

  it('knows Special:Search by its encoded title or body class, with snippets as prose', () => {
    const { document, url } = page(
      `<div class="searchresults"><ul class="mw-search-results">
        <li class="mw-search-result"><div class="mw-search-result-heading"><a href="/mediawiki/index.php/User:Zo%C3%AB_Okafor">User:Zoë Okafor</a></div><div class="searchresult">I look after our <span class="searchmatch">Kubernetes</span> clusters</div></li>
        <li class="mw-search-result"><div class="mw-search-result-heading"><a href="/mediawiki/index.php/Claims">Claims</a></div><div class="searchresult">Runs on <span class="searchmatch">Kubernetes</span></div></li>
      </ul></div>`,
      {
        path: '/mediawiki/index.php?search=Kubernetes&title=Special%3ASearch&fulltext=1',
        bodyClass: 'ns--1',
      },
    );
    expect(mediawiki.pageKind(url, document)).toBe('search-results');
    expect(mediawiki.proseRegions(document).map((r) => r.textContent)).toEqual([
      'I look after our Kubernetes clusters',
      'Runs on Kubernetes',
    ]);
    expect(who(mediawiki.people(document, url))).toEqual([
      'mention|mediawiki.wiki.test Zoë_Okafor',
    ]);
    const byClass = page('', {
      path: '/mediawiki/index.php/Spezial:Suche',
      bodyClass: 'ns--1 page-Special_Search',
    });
    expect(mediawiki.pageKind(byClass.url, byClass.document)).toBe('search-results');
  });

  it('never reads the edit form; its preview is the page text', () => {
    const { document, url } = page(
      `<div id="wikiPreview"><div class="mw-content-ltr"><div class="mw-parser-output"><p><a href="/mediawiki/index.php/User:Zo%C3%AB_Okafor">Zoë</a> on Kubernetes</p></div></div></div>
       <form id="editform" class="mw-editform"><textarea id="wpTextbox1">[[User:Zoë Okafor]] Kubernetes</textarea>
       <div id="editpage-copywarn"><a href="/mediawiki/index.php/User:Wiki_Admin">Wiki Admin</a></div></form>`,
      { path: '/mediawiki/index.php?title=Some_Page&action=submit' },
    );
    expect(who(mediawiki.people(document, url))).toEqual([
      'mention|mediawiki.wiki.test Zoë_Okafor|Zoë',
    ]);
    expect(mediawiki.proseRegions(document).map((r) => r.textContent)).toEqual([
      'Zoë on Kubernetes',
    ]);
  });
});
