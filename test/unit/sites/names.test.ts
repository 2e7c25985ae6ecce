// People shown by name (lib/sites/names.ts): bylines, author/owner fields, signatures, person
// cells and links to a page about the person — full names of two tokens or more only.
import { Window } from 'happy-dom';
import { describe, expect, it } from 'vitest';
import { isFullName, nameMentions } from '../../../lib/sites/names';

function found(html: string): string[] {
  const window = new Window({ url: 'https://wiki.acme.example/wiki/Start' });
  window.document.write(`<!doctype html><html><body>${html}</body></html>`);
  const document = window.document as unknown as Document;
  return nameMentions(document, new Set()).map(
    (m) => `${m.role}:${m.identity.names.join('|')}:${m.element.tagName.toLowerCase()}`,
  );
}

describe('people by name', () => {
  it('reads bylines, with or without an element around the name', () => {
    expect(found('<p class="byline">Posted 2026-10-18 by Zoë Okafor</p>')).toEqual([
      'author:Zoë Okafor:p',
    ]);
    expect(
      found('<div class="post-byline">By <a href="#x">José Müller</a> · 3 min read</div>'),
    ).toEqual(['author:José Müller:a']);
  });

  it('reads author and owner fields', () => {
    expect(
      found('<dl><dt>Owner</dt><dd>Priya Raghunathan</dd><dt>Status</dt><dd>Done Now</dd></dl>'),
    ).toEqual(['author:Priya Raghunathan:dd']);
    expect(found('<table><tr><th>Maintainer</th><td>Siobhán O’Brien</td></tr></table>')).toEqual([
      'author:Siobhán O’Brien:td',
    ]);
    expect(found('<p><strong>Author:</strong> Hiroshi Tanaka</p>')).toEqual([
      'author:Hiroshi Tanaka:p',
    ]);
  });

  it('reads signatures and links to a page about the person', () => {
    expect(found('<p>Sounds good.</p><p>— Mei-Lin Chen</p>')).toEqual(['commenter:Mei-Lin Chen:p']);
    expect(
      found(
        '<p>Founded by <a href="/wiki/Bill_Gates">Bill Gates</a> in <a href="/wiki/Albuquerque">Albuquerque</a>; see <a href="/wiki/Windows_NT">Windows 10</a>.</p>',
      ),
    ).toEqual(['mention:Bill Gates:a']);
  });

  it('never takes single tokens, sentences or lower-case words as names', () => {
    expect(
      found(
        '<p class="byline">Posted by admin</p><p>— Zoë</p><dl><dt>Owner</dt><dd>the platform team</dd></dl>',
      ),
    ).toEqual([]);
    expect(isFullName('Zoë Okafor')).toBe(true);
    expect(isFullName('Ludwig van Beethoven')).toBe(true);
    expect(isFullName('Zoë')).toBe(false);
    expect(isFullName('the SRE Guild meets on Tuesdays at noon')).toBe(false);
  });
});
