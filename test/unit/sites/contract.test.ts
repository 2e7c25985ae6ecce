// The shared contract every site adapter must keep, run over every adapter and every test
// page (real corpus captures read in place, and fixtures for hosts the corpus lacks):
// detection picks the right adapter; detections match the hand-checked expectations;
// people and prose never come from code, editors, site chrome or our own nodes; adapters
// are pure (same answer twice, DOM untouched); a foreign container yields nothing.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADAPTERS, detectSite } from '../../../lib/sites';
import { NEVER_TOUCH } from '../../../lib/sites/dom';
import { detections, type Detections } from './detections';
import { corpusAvailable, loadPage, type LoadedPage } from './load-page';
import { TEST_PAGES } from './pages';

const PAGE_KINDS = [
  'pull-request',
  'issue',
  'commit',
  'file',
  'repository',
  'profile',
  'wiki-article',
  'wiki-history',
  'wiki-talk',
  'user-page',
  'search-results',
  'team',
  'home',
  'other',
];

it('the shared corpus is beside the checkout (../shared/corpus/pages)', () => {
  expect(corpusAvailable()).toBe(true);
});

for (const page of TEST_PAGES) {
  describe(`${page.name} (${page.corpus ? 'corpus' : 'fixture'})`, () => {
    let loaded: LoadedPage;
    beforeAll(() => {
      loaded = loadPage(page.file, page.url);
    });
    afterAll(() => loaded.close());

    it(`is detected as ${page.adapter}`, () => {
      expect(detectSite(loaded.url, loaded.document).adapter.id).toBe(page.adapter);
    });

    it('matches the expected detections', () => {
      const expected = JSON.parse(
        readFileSync(new URL(`../../fixtures/expected/${page.name}.json`, import.meta.url), 'utf8'),
      ) as Detections & { page: string; url: string };
      const adapter = ADAPTERS.find((a) => a.id === page.adapter)!;
      expect({
        page: page.name,
        url: page.url,
        ...detections(adapter, loaded.url, loaded.document),
      }).toEqual(expected);
    });

    for (const adapter of ADAPTERS) {
      it(`${adapter.id}: keeps the adapter contract`, () => {
        const { document, url } = loaded;
        const before = document.documentElement.outerHTML;
        const people = adapter.people(document, url);
        const regions = adapter.proseRegions(document);
        // Pure: the same answer twice, and the page untouched.
        expect(adapter.people(document, url).map((m) => m.element)).toEqual(
          people.map((m) => m.element),
        );
        expect(adapter.proseRegions(document)).toEqual(regions);
        expect(document.documentElement.outerHTML).toBe(before);
        expect(PAGE_KINDS).toContain(adapter.pageKind(url, document));
        const blocked = [NEVER_TOUCH, adapter.excluded, adapter.chrome].filter(Boolean).join(',');
        // The owner in the page head is the one person read inside site chrome.
        const ownerBlocked = [NEVER_TOUCH, adapter.excluded].filter(Boolean).join(',');
        for (const mention of people) {
          expect(mention.element.isConnected).toBe(true);
          expect(
            mention.element.closest(mention.role === 'owner' ? ownerBlocked : blocked),
            mention.element.outerHTML.slice(0, 120),
          ).toBeNull();
          const { handles, emails, names } = mention.identity;
          expect(handles.length + emails.length + names.length).toBeGreaterThan(0);
          if (mention.role === 'avatar') expect(mention.badge).toBe(false);
        }
        // Document order, no element twice.
        const elements = people.map((m) => m.element);
        expect(new Set(elements).size).toBe(elements.length);
        for (let i = 1; i < elements.length; i++) {
          expect(elements[i - 1]!.compareDocumentPosition(elements[i]!) & 4).toBe(4);
        }
        for (const region of regions) {
          expect(
            region.closest([adapter.excluded, 'pre', 'code', 'textarea'].filter(Boolean).join(',')),
          ).toBeNull();
          expect(regions.filter((other) => other !== region && other.contains(region))).toEqual([]);
        }
      });
    }
  });
}

describe('a foreign container', () => {
  it('yields no people and no prose for any adapter', async () => {
    const page = loadPage(TEST_PAGES[0]!.file, TEST_PAGES[0]!.url);
    const foreign = page.document.createElement('div');
    foreign.innerHTML = '<p>Plain words about nothing in particular.</p><span>42</span>';
    page.document.body.append(foreign);
    for (const adapter of ADAPTERS) {
      expect(adapter.people(foreign, page.url), adapter.id).toEqual([]);
      expect(adapter.proseRegions(foreign), adapter.id).toEqual([]);
    }
    await page.close();
  });
});
