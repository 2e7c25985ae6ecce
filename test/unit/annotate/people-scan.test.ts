// The sliced people scan (lib/annotate/people-scan.ts) finds what one adapter call over the
// whole document finds, on every saved real page and fixture — elements, roles, identities
// and badges — and it yields to the page between subtrees.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { peopleChunks, scanPeople, PEOPLE_CHUNK_ELEMENTS } from '../../../lib/annotate/people-scan';
import { ADAPTERS } from '../../../lib/sites';
import type { PersonMention } from '../../../lib/sites/types';
import { loadPage, type LoadedPage } from '../sites/load-page';
import { TEST_PAGES } from '../sites/pages';

const NO_PAUSE = () => Promise.resolve();

/** A mention as comparable data: the element by its document-order index. */
function described(document: Document, mentions: PersonMention[]) {
  const all = Array.from(document.getElementsByTagName('*'));
  return mentions.map((m) => ({
    at: all.indexOf(m.element),
    tag: m.element.tagName,
    role: m.role,
    badge: m.badge,
    identity: m.identity,
  }));
}

for (const page of TEST_PAGES) {
  describe(`${page.name}`, () => {
    let loaded: LoadedPage;
    beforeAll(() => {
      loaded = loadPage(page.file, page.url);
    });
    afterAll(() => loaded.close());

    it('subtree by subtree finds exactly what one call over the document finds', async () => {
      const adapter = ADAPTERS.find((a) => a.id === page.adapter)!;
      const whole = adapter.people(loaded.document, loaded.url);
      // The production limit, and a small one that splits even short pages many times.
      for (const limit of [PEOPLE_CHUNK_ELEMENTS, 120]) {
        const sliced = await scanPeople(
          adapter,
          loaded.document,
          loaded.url,
          NO_PAUSE,
          new AbortController().signal,
          limit,
        );
        expect(described(loaded.document, sliced!)).toEqual(described(loaded.document, whole));
      }
    });
  });
}

describe('peopleChunks', () => {
  it('splits only subtrees over the limit, in document order, covering every leaf', () => {
    const loaded = loadPage(TEST_PAGES[0]!.file, TEST_PAGES[0]!.url);
    const { document } = loaded;
    const chunks = peopleChunks(document, 50) as Element[];
    expect(chunks.length).toBeGreaterThan(1);
    for (const chunk of chunks)
      expect(chunk.getElementsByTagName('*').length <= 50 || chunk.children.length === 0).toBe(
        true,
      );
    // Disjoint, in document order.
    for (let i = 1; i < chunks.length; i++) {
      expect(chunks[i - 1]!.contains(chunks[i]!)).toBe(false);
      expect(chunks[i - 1]!.compareDocumentPosition(chunks[i]!) & 4).toBe(4);
    }
    // Every element without children lies in some chunk.
    const leaves = Array.from(document.getElementsByTagName('*')).filter(
      (el) => el.children.length === 0,
    );
    expect(leaves.every((leaf) => chunks.some((chunk) => chunk.contains(leaf)))).toBe(true);
    expect(peopleChunks(document, 1e9)).toEqual([document]);
    void loaded.close();
  });

  it('splits a chain nested deeper than the call stack reaches, counting it once', () => {
    // happy-dom's own element count recurses and overflows first, so the chain is a stand-in
    // with the two members peopleChunks reads (the e2e test nests real elements in Chromium),
    // on its prototype as the DOM has them (peopleChunks reads the prototype's: tree.ts).
    let counts = 0;
    class Level {
      constructor(
        private readonly below: number,
        private readonly levels: Level[],
      ) {}
      get children(): Level[] {
        return this.levels;
      }
      getElementsByTagName(): { length: number } {
        counts++;
        return { length: this.below };
      }
    }
    const level = (below: number, children: Level[]) => new Level(below, children);
    let top = level(0, []);
    const levels = [top];
    for (let below = 1; below < 20_000; below++) levels.push((top = level(below, [top])));
    expect(peopleChunks(top as unknown as ParentNode, 50)).toEqual([levels[50]]);
    expect(counts).toBe(1);
  });

  it('pauses after each subtree and stops when aborted', async () => {
    const loaded = loadPage(TEST_PAGES[0]!.file, TEST_PAGES[0]!.url);
    const adapter = ADAPTERS.find((a) => a.id === TEST_PAGES[0]!.adapter)!;
    const chunks = peopleChunks(loaded.document, 100).length;
    let pauses = 0;
    await scanPeople(
      adapter,
      loaded.document,
      loaded.url,
      async () => void pauses++,
      new AbortController().signal,
      100,
    );
    expect(pauses).toBe(chunks);
    const controller = new AbortController();
    let calls = 0;
    const result = await scanPeople(
      adapter,
      loaded.document,
      loaded.url,
      async () => {
        if (++calls === 2) controller.abort();
      },
      controller.signal,
      100,
    );
    expect(result).toBeUndefined();
    expect(calls).toBe(2);
    void loaded.close();
  });
});
