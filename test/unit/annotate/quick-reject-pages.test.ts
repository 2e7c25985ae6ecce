// The topic matcher's quick rejection (lib/match/tokens.ts, firstTermStart) changes no result on
// real pages: every prose text node of every saved page (the walk the annotator runs, with
// the page's adapter) gives the same hits with it as with the full scan, for a 2,000-topic
// synthetic vocabulary, real-world terms and communities' names.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TOPIC_SKIP, proseTextNodes } from '../../../lib/annotate/scan';
import { compileSkip } from '../../../lib/annotate/skip';
import { generateSyntheticFeed } from '../../../lib/demo/synthetic';
import { compileTopicMatcher } from '../../../lib/match/topic-matcher';
import type { VocabularyTopic } from '../../../lib/match/vocabulary';
import { detectSite } from '../../../lib/sites';
import { loadPage, type LoadedPage } from '../sites/load-page';
import { TEST_PAGES } from '../sites/pages';

const feed = generateSyntheticFeed({ people: 100, topics: 2_000, seed: 7 });
const TOPICS: VocabularyTopic[] = [
  ...feed.topics.map((t) => ({
    feedId: feed.feedId,
    id: t.id,
    label: t.label,
    terms: [t.label, ...(t.aliases ?? [])],
    communities: [],
  })),
  ...[
    ['Redis'],
    ['Windows', 'Win32'],
    ['Azure', 'Microsoft Azure'],
    ['Kubernetes', 'k8s'],
    ['Docker'],
    ['Linux'],
    ['Go', 'golang'],
    ['GitHub'],
    ['pull request'],
  ].map((terms, i) => ({
    feedId: 'f',
    id: `extra-${i}`,
    label: terms[0]!,
    terms,
    communities: [],
  })),
  {
    feedId: 'f',
    id: 'c-sre',
    label: 'SRE Guild',
    terms: ['SRE Guild', 'Microsoft Research'],
    communities: [],
    kind: 'community',
  },
];
const quick = compileTopicMatcher(TOPICS);
const full = compileTopicMatcher(TOPICS, { quickReject: false });
let pagesWithHits = 0;

for (const page of TEST_PAGES) {
  describe(page.name, () => {
    let loaded: LoadedPage;
    beforeAll(() => {
      loaded = loadPage(page.file, page.url);
    });
    afterAll(() => loaded.close());

    it('gives the full scan’s hits on every prose text node, in prose and label areas', () => {
      const { adapter } = detectSite(loaded.url, loaded.document);
      const skip = compileSkip([TOPIC_SKIP, adapter.excluded].filter(Boolean).join(','));
      const texts = adapter
        .proseRegions(loaded.document)
        .flatMap((region) => proseTextNodes(region, skip))
        .map((node) => node.data);
      let hits = 0;
      for (const text of texts)
        for (const labelArea of [false, true]) {
          const expected = full.find(text, { labelArea });
          hits += expected.length;
          expect(quick.find(text, { labelArea })).toEqual(expected);
        }
      if (hits > 0) pagesWithHits++;
    });
  });
}

describe('the saved pages', () => {
  it('hold terms of the vocabulary (the comparison above is not vacuous)', () => {
    expect(pagesWithHits).toBeGreaterThan(TEST_PAGES.length / 3);
  });
});
