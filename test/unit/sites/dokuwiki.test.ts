// The DokuWiki adapter beyond the captured pages (test/fixtures/pages/dokuwiki-*.html, run by
// contract.test.ts): the URL spellings of user pages under each `userewrite`/`useslash`
// setting, signatures, editors shown as logins, names or addresses, the viewer in the user
// tools, and page kinds from DokuWiki's mode class or `?do=`.
import { Window } from 'happy-dom';
import { describe, expect, it } from 'vitest';
import { dokuwiki } from '../../../lib/sites/dokuwiki/adapter';
import type { PersonMention } from '../../../lib/sites/types';

const BASE = 'https://wiki.acme.example/doku.php?id=projects:x';

/** A page in DokuWiki's default template around `content` (the wiki text's HTML). */
function page(content: string, options: { url?: string; mode?: string; info?: string } = {}) {
  const url = options.url ?? BASE;
  const window = new Window({ url, settings: { disableJavaScriptEvaluation: true } });
  window.document
    .write(`<!DOCTYPE html><html><head><meta name="generator" content="DokuWiki"/></head>
<body><div id="dokuwiki__site"><div id="dokuwiki__top" class="site dokuwiki mode_${options.mode ?? 'show'} tpl_dokuwiki">
<header id="dokuwiki__header"><div id="dokuwiki__usertools"><ul><li class="user">Logged in as: <bdi>Zoë Okafor</bdi> (<bdi>zokafor</bdi>)</li></ul></div>
<div class="breadcrumbs"><a href="/doku.php?id=user:zokafor" class="breadcrumbs">zokafor</a></div></header>
<main id="dokuwiki__content"><div class="pageId"><span>${new URL(url).searchParams.get('id') ?? ''}</span></div>
<div class="page group">${content}</div>
<div class="docInfo">${options.info ?? ''}</div></main></div></div></body></html>`);
  return { document: window.document as unknown as Document, url: new URL(url) };
}

function who(mentions: PersonMention[]): string[] {
  return mentions.map((m) => {
    const { handles, emails, names } = m.identity;
    const id = handles[0] ? `${handles[0].host} ${handles[0].login}` : (emails[0] ?? '');
    return [m.role, id, ...names].join('|');
  });
}

describe('dokuwiki adapter', () => {
  it('reads user pages under every URL spelling DokuWiki writes', () => {
    const { document, url } = page(`<p>
      <a href="/doku.php?id=user:alee" class="wikilink1">alee</a>
      <a href="/doku.php/user:bkim" class="wikilink1">bkim</a>
      <a href="/doku.php/user/cdiaz" class="wikilink1">cdiaz</a>
      <a href="/user:dnovak" class="wikilink1">dnovak</a>
      <a href="/user/eberg" class="wikilink1">Erik Berg</a>
      <a href="/doku.php?id=user%3Afmoss" class="wikilink2">fmoss</a>
      <a href="/doku.php?id=user:alee:notes" class="wikilink1">notes</a>
      <a href="/doku.php?id=user:alee&amp;do=revisions">old revisions</a>
      <a href="https://other.example/doku.php?id=user:gwu" class="urlextern">gwu</a>
      <a href="/doku.php?id=projects:user" class="wikilink1">user</a>
    </p>`);
    expect(who(dokuwiki.people(document, url))).toEqual([
      'mention|wiki.acme.example alee',
      'mention|wiki.acme.example bkim',
      'mention|wiki.acme.example cdiaz',
      'mention|wiki.acme.example dnovak',
      'mention|wiki.acme.example eberg|Erik Berg',
      'mention|wiki.acme.example fmoss',
    ]);
  });

  it('prefers the link’s data-wiki-id and keeps a differing link text as a name', () => {
    const { document, url } = page(
      `<p><a href="/doku.php?id=user:zokafor" data-wiki-id="user:zokafor">Zoë Okafor</a>
       <a href="/doku.php?id=user:jmuller" data-wiki-id="user:jmuller">user:jmuller</a></p>`,
    );
    expect(who(dokuwiki.people(document, url))).toEqual([
      'mention|wiki.acme.example zokafor|Zoë Okafor',
      'mention|wiki.acme.example jmuller',
    ]);
  });

  it('tells signatures (mail or user page after an em dash) from other e-mail links', () => {
    const { document, url } =
      page(`<p>Agreed. — <em><a href="mailto:zoe@acme.example" class="mail">Zoë Okafor</a> 2026/11/02 10:15</em></p>
      <p>Custom signature — <em><a href="/doku.php?id=user:jmuller" data-wiki-id="user:jmuller">José</a> 2026/11/02 10:16</em></p>
      <p>Write to <a href="mailto:team@acme.example" class="mail">the team</a> or <em>see <a href="mailto:ops@acme.example">ops</a></em>.</p>`);
    expect(who(dokuwiki.people(document, url))).toEqual([
      'commenter|zoe@acme.example|Zoë Okafor',
      'commenter|wiki.acme.example jmuller|José',
      'email|team@acme.example|the team',
      'email|ops@acme.example|ops',
    ]);
  });

  it('reads editors shown as logins or names, skips addresses and the file name', () => {
    const { document, url } = page(
      `<form id="page__revisions" class="changes"><ul>
        <li><div class="li"><span class="sum"> – fix</span> <span class="user"><bdi>alee</bdi></span></div></li>
        <li><div class="li"><span class="user"><bdi>Bo Kim</bdi></span></div></li>
        <li><div class="li"><span class="user"><bdi>192.168.1.20</bdi></span></div></li>
        <li><div class="li"><span class="user"><bdi>2001:db8::7</bdi></span></div></li>
        <li><div class="li"><span class="user"><bdi><a href="/doku.php?id=user:cdiaz" class="interwiki iw_user wikilink1">Carla Díaz</a></bdi></span></div></li>
      </ul></form>`,
      {
        mode: 'revisions',
        url: 'https://wiki.acme.example/doku.php?id=projects:x&do=revisions',
        info: '<bdi>projects/x.txt</bdi> · Last modified: 2026/11/02 10:15 by <bdi>alee</bdi>',
      },
    );
    expect(who(dokuwiki.people(document, url))).toEqual([
      'editor|wiki.acme.example alee',
      'editor||Bo Kim',
      'editor|wiki.acme.example cdiaz|Carla Díaz',
      'editor|wiki.acme.example alee',
    ]);
    expect(dokuwiki.pageKind(url, document)).toBe('wiki-history');
  });

  it('never counts the signed-in viewer, breadcrumbs or the edit box', () => {
    const { document, url } = page(
      `<div class="editBox"><form id="dw__editform"><a href="/doku.php?id=user:hidden">hidden</a><textarea>[[user:zokafor]]</textarea></form></div>`,
      { mode: 'edit' },
    );
    expect(dokuwiki.people(document, url)).toEqual([]);
  });

  it('takes a user page itself as its person (first heading, else the page id)', () => {
    const withHeading = page('<h1 id="zoe_okafor">Zoë Okafor</h1><p>Hello.</p>', {
      url: 'https://wiki.acme.example/doku.php?id=user:zokafor',
    });
    const profile = dokuwiki.people(withHeading.document, withHeading.url);
    expect(who(profile)).toEqual(['profile|wiki.acme.example zokafor']);
    expect(profile[0]!.element.tagName).toBe('H1');
    expect(dokuwiki.pageKind(withHeading.url, withHeading.document)).toBe('user-page');

    const bare = page('<p>Hello.</p>', {
      url: 'https://wiki.acme.example/doku.php?id=user:zokafor',
    });
    expect(dokuwiki.people(bare.document, bare.url)[0]!.element.textContent).toBe('user:zokafor');
    // The revisions of a user page are not the person's page.
    const revisions = page('<p>Hello.</p>', {
      url: 'https://wiki.acme.example/doku.php?id=user:zokafor&do=revisions',
      mode: 'revisions',
    });
    expect(dokuwiki.people(revisions.document, revisions.url)).toEqual([]);
  });

  it('detects DokuWiki by generator, template root or script path, and nothing else', () => {
    const { document, url } = page('');
    expect(dokuwiki.detect(url, document)).toBe(0.95);
    const bare = new Window({ url: 'https://x.example/doku.php' });
    bare.document.write('<html><body><p>hi</p></body></html>');
    expect(
      dokuwiki.detect(new URL('https://x.example/doku.php'), bare.document as unknown as Document),
    ).toBe(0.5);
    expect(
      dokuwiki.detect(new URL('https://x.example/wiki'), bare.document as unknown as Document),
    ).toBe(0);
    bare.document.body.innerHTML = '<div class="dokuwiki"></div>';
    expect(
      dokuwiki.detect(new URL('https://x.example/wiki'), bare.document as unknown as Document),
    ).toBe(0.9);
  });

  it('reads page kinds from the mode class, else from ?do=', () => {
    const search = page('', { mode: 'search' });
    expect(dokuwiki.pageKind(search.url, search.document)).toBe('search-results');
    const window = new Window({ url: 'https://x.example/doku.php?id=a&do=recent' });
    window.document.write('<html><body><div class="page"></div></body></html>');
    expect(
      dokuwiki.pageKind(
        new URL('https://x.example/doku.php?id=a&do=recent'),
        window.document as unknown as Document,
      ),
    ).toBe('wiki-history');
  });

  it('has one prose region, the page text, and only inside DokuWiki’s template', () => {
    const { document } = page('<p>Kubernetes</p>');
    expect(dokuwiki.proseRegions(document).map((r) => r.className)).toEqual(['page group']);
    const window = new Window({ url: 'https://x.example/' });
    window.document.write('<html><body><div class="page">elsewhere</div></body></html>');
    expect(dokuwiki.proseRegions(window.document as unknown as Document)).toEqual([]);
  });
});
