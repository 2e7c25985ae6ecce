// A page that changes while a region's topics are being highlighted: the text nodes of a
// region are collected first and wrapped one by one with pauses between them, and in a pause
// the page may take some of them away (a framework re-rendering a comment). What left the
// page is neither wrapped, nor counted against the cap, nor reported as read, and the topic
// stays free for its next occurrence in what is still there.
import { describe, expect, it } from 'vitest';
import { compileSkip } from '../../../lib/annotate/skip';
import { TOPIC_SKIP } from '../../../lib/annotate/scan';
import { createTopicAnnotator } from '../../../lib/annotate/topics';
import { demoPages, ownHostsIn, recordingClient, topicHighlights } from './support';

const pages = demoPages();

describe('a region that changes while it is highlighted', () => {
  it('wraps only what is still on the page', async () => {
    const document = pages.open(
      'http://intranet.northwind.test/news/x',
      `<!doctype html><html><body><article>
      <p>Kubernetes first.</p><p id="gone">Observability, soon gone.</p><p>Observability stays.</p>
    </article></body></html>`,
    );
    const client = recordingClient(pages.db());
    const inserted = new Set<HTMLElement>();
    const topics = createTopicAnnotator({
      document,
      client,
      signal: new AbortController().signal,
      theme: 'light',
      skip: compileSkip(TOPIC_SKIP),
      inserted,
      cap: 40,
      yieldToPage: () => Promise.resolve(),
      sliceMs: 8,
    });
    const compiled = (await topics.matcher())!;
    const gone = document.getElementById('gone')!;
    // The page re-renders in the first pause: the second paragraph leaves.
    let pauses = 0;
    const pause = async () => {
      if (++pauses === 1) gone.remove();
    };
    await topics.annotateRegion(document.querySelector('article')!, compiled, pause);
    topics.reportTopics();
    expect(topicHighlights(document)).toEqual([
      't-kubernetes:Kubernetes',
      't-observability:Observability',
    ]);
    expect(ownHostsIn(gone)).toEqual([]);
    expect(gone.textContent).toBe('Observability, soon gone.');
    expect(inserted.size).toBe(2);
    expect([...inserted].every((host) => host.isConnected)).toBe(true);
    expect(client.notedTopics).toEqual([['t-kubernetes', 't-observability']]);
  });
});
