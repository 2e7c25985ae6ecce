// A page's <base href> decides where its relative links point, as the browser follows them: a
// profile link is read where it leads, not where it would lead from the page's own address.
import { Window } from 'happy-dom';
import { describe, expect, it } from 'vitest';
import { detectSite } from '../../../lib/sites';

function people(url: string, head: string, body: string) {
  const window = new Window({ url, settings: { disableJavaScriptEvaluation: true } });
  window.document.write(`<!doctype html><html><head>${head}</head><body>${body}</body></html>`);
  const document = window.document as unknown as Document;
  const page = new URL(url);
  return detectSite(page, document)
    .adapter.people(document, page)
    .flatMap((m) => m.identity.handles.map((h) => `${h.host} ${h.login}`));
}

describe('links under a <base href>', () => {
  const link = '<p>Ask <a href="/people/ana">Ana Lima</a>.</p>';

  it("resolve against a base on another host: the account is that host's", () => {
    const url = 'https://intranet.example/page.html';
    expect(people(url, '', link)).toEqual(['intranet.example ana']);
    expect(people(url, '<base href="https://people.example/">', link)).toEqual([
      'people.example ana',
    ]);
  });

  it("on a code host, a link that the base sends to another host names none of the page's users", () => {
    const url = 'https://github.com/o/r/pull/1';
    const author = '<a class="author" href="octocat">octocat</a>';
    expect(people(url, '<base href="https://github.com/">', author)).toContain(
      'github.com octocat',
    );
    expect(people(url, '<base href="https://mirror.example/">', author)).not.toContain(
      'github.com octocat',
    );
  });
});
