// The compiled skip test (lib/annotate/skip.ts) answers as Element.matches does for every
// adapter's skip list, on every element of every saved real page and fixture, and it steps
// over the extension's own hosts without any selector naming them.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TOPIC_SKIP } from '../../../lib/annotate/scan';
import { compileSkip } from '../../../lib/annotate/skip';
import { registerHost, forgetHost } from '../../../lib/annotate/registry';
import { ADAPTERS } from '../../../lib/sites';
import { NEVER_TOUCH } from '../../../lib/sites/dom';
import { loadPage, type LoadedPage } from '../sites/load-page';
import { TEST_PAGES } from '../sites/pages';

const lists = ADAPTERS.flatMap((adapter) => [
  {
    name: `${adapter.id} prose`,
    selector: [TOPIC_SKIP, adapter.chrome, adapter.excluded].filter(Boolean).join(','),
  },
  {
    name: `${adapter.id} labels`,
    selector: [NEVER_TOUCH, adapter.excluded].filter(Boolean).join(','),
  },
]);

for (const page of TEST_PAGES) {
  describe(page.name, () => {
    let loaded: LoadedPage;
    beforeAll(() => {
      loaded = loadPage(page.file, page.url);
    });
    afterAll(() => loaded.close());

    it('skips exactly the elements each skip list matches', () => {
      const elements = Array.from(loaded.document.getElementsByTagName('*'));
      for (const { name, selector } of lists) {
        const skip = compileSkip(selector);
        const differ = elements.filter((el) => skip(el) !== el.matches(selector));
        expect(differ.map((el) => `${name}: ${el.outerHTML.slice(0, 120)}`)).toEqual([]);
      }
    });
  });
}

describe('compileSkip', () => {
  it('skips our own hosts (registered span or div), not a look-alike the page made', () => {
    const { document, close } = loadPage(TEST_PAGES[0]!.file, TEST_PAGES[0]!.url);
    const skip = compileSkip(NEVER_TOUCH);
    const host = document.createElement('span');
    const card = document.createElement('div');
    const lookalike = document.createElement('span');
    document.body.append(host, card, lookalike);
    registerHost(host, { kind: 'topic', root: host.attachShadow({ mode: 'closed' }) } as never);
    registerHost(card, { kind: 'card', root: card.attachShadow({ mode: 'closed' }) });
    expect([skip(host), skip(card), skip(lookalike)]).toEqual([true, true, false]);
    forgetHost(host);
    forgetHost(card);
    expect(skip(host)).toBe(false);
    void close();
  });

  it('tries selectors with combinators only on their last tag, and on every element otherwise', () => {
    const { document, close } = loadPage(TEST_PAGES[0]!.file, TEST_PAGES[0]!.url);
    document.body.insertAdjacentHTML(
      'beforeend',
      '<header id="t1">x</header><section><header id="t2">y</header><p class="a"><b>z</b></p></section>',
    );
    const byTag = compileSkip('body > header');
    expect(byTag(document.getElementById('t1')!)).toBe(true);
    expect(byTag(document.getElementById('t2')!)).toBe(false);
    const anyTag = compileSkip('section .a');
    expect(anyTag(document.querySelector('p.a')!)).toBe(true);
    expect(anyTag(document.querySelector('p.a b')!)).toBe(false);
    void close();
  });
});
