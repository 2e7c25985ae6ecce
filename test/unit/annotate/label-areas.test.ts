// A common-word topic ("map") is never marked in prose, but is inside the site's label/topic
// areas (here a generic tag list, whose entries are links prose scanning skips).
import { Window } from 'happy-dom';
import { expect, it } from 'vitest';
import { startAnnotator } from '../../../lib/annotate/annotator';
import { liveHosts, ownHost } from '../../../lib/annotate/registry';
import type { AnnotateClient } from '../../../lib/annotate/client';
import { generic } from '../../../lib/sites/generic/adapter';

it('marks a common word only in label areas', async () => {
  const window = new Window({ url: 'http://intranet.northwind.test/news/2' });
  window.document.write(
    `<!doctype html><html><body><main><p>We drew a map of the teams. The map is on the wall.</p></main>
     <ul class="tags"><li><a rel="tag" href="/tags/map">map</a></li></ul></body></html>`,
  );
  const document = window.document as unknown as Document;
  const client: AnnotateClient = {
    vocabulary: async () => ({
      version: 'v',
      topics: [
        {
          feedId: 'f',
          id: 't-map',
          label: 'map',
          terms: ['map'],
          communities: [],
          commonTerms: ['map'],
        },
      ],
    }),
    resolve: async () => ({ handles: {}, emails: {}, names: {}, people: {} }),
    personCard: () => Promise.reject(new Error('unused')),
    topicCard: () => Promise.reject(new Error('unused')),
    communityCard: () => Promise.reject(new Error('unused')),
  };
  const annotator = startAnnotator({
    document,
    url: new URL(document.location.href),
    adapter: generic,
    client,
    signal: new AbortController().signal,
  });
  await annotator.idle();
  const marks = liveHosts()
    .filter((el) => ownHost(el)?.kind === 'topic' && document.contains(el))
    .sort((a, b) => (a.compareDocumentPosition(b) & 4 ? -1 : 1))
    .map((el) => `${el.closest('main') ? 'prose' : 'tags'}:${el.textContent}`);
  expect(marks).toEqual(['tags:map']);
  await window.happyDOM.close();
});
