// The annotator on the hand-written intranet page with the demo organisation answered by the
// real background handlers: which people get badges, which topics are highlighted (first
// per region, acronyms exact, never in code/links/editors/nav), idempotence, teardown,
// the per-page cap, and what crosses to the background (keys only, never page text).
import { Window } from 'happy-dom';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startAnnotator } from '../../../lib/annotate/annotator';
import type { ConstellationDB } from '../../../lib/db/database';
import { generic } from '../../../lib/sites/generic/adapter';
import { FIXTURE_DIR, loadPage, type LoadedPage } from '../sites/load-page';
import { ownHost } from '../../../lib/annotate/registry';
import {
  badgeOf,
  demoTestDb,
  ownHostsIn,
  personBadges,
  recordingClient,
  topicHighlights,
} from './support';

const URL_ = 'http://intranet.northwind.test/news/data-protection-week';

let db: ConstellationDB;
let page: LoadedPage;
beforeAll(async () => {
  db = await demoTestDb();
});
afterEach(async () => {
  await page?.close();
});

function open() {
  page = loadPage(`${FIXTURE_DIR}/intranet-page.html`, URL_);
  return page;
}

const people = (document: Document) => personBadges(document);
const topics = (document: Document) => topicHighlights(document);

describe('annotating the intranet page', () => {
  it('badges the people the page names and highlights first occurrences of topics', async () => {
    const { document, url } = open();
    const client = recordingClient(db);
    const annotator = startAnnotator({
      document,
      url,
      adapter: generic,
      client,
      signal: new AbortController().signal,
    });
    await annotator.idle();
    expect(people(document)).toEqual([
      'p-priya-raghunathan:author',
      'p-siobhan-obrien:email',
      'p-priya-raghunathan:member',
      'p-jose-muller:member',
      'p-zoe-okafor:member',
    ]);
    expect(topics(document)).toEqual([
      't-gdpr:Data Protection',
      't-machine-learning:Machine Learning',
      't-responsible-ai:model fairness',
      't-kubernetes:Kubernetes',
      't-gdpr:GDPR',
      't-claims-automation:Claims Automation',
    ]);
    // Never in the header (the viewer), nav, code, form fields or editable regions.
    expect(ownHostsIn(document.querySelector('header')!)).toEqual([]);
    expect(ownHostsIn(document.querySelector('nav')!)).toEqual([]);
    expect(document.querySelector('pre')!.textContent).toBe(
      'config: gdpr_retention_days=30  # GDPR, Kubernetes',
    );
    expect(document.querySelector('[contenteditable]')!.innerHTML).toBe(
      'Editable Kubernetes notes',
    );
    expect(document.querySelector('textarea')!.value).toBe('GDPR draft');

    const summary = annotator.summary();
    expect(summary).toMatchObject({
      site: 'generic',
      people: 4,
      topics: 5,
      colleagues: 0,
      includesMe: false,
    });
    expect(summary.units).toBe(
      new Set(['actuarial', 'customer-service', 'claims', 'data-platform']).size,
    );
    expect(summary.communities.length).toBeGreaterThan(3);
  });

  it('sends the background only identity keys, once per batch, never page text', async () => {
    const { document, url } = open();
    const client = recordingClient(db);
    await startAnnotator({
      document,
      url,
      adapter: generic,
      client,
      signal: new AbortController().signal,
    }).idle();
    expect(client.queries).toHaveLength(1);
    const [query] = client.queries;
    expect(query!.emails).toEqual(['siobhan.obrien@northwind.example']);
    expect(query!.handles.sort()).toEqual([
      'github.com nw-zoeokafor',
      'intranet.northwind.test priya.raghunathan',
    ]);
    // The hostile "name" is one token: never looked up (a name is two tokens or more).
    expect(query!.names.sort()).toEqual(['jose muller', 'priya raghunathan', "siobhan o'brien"]);
    const text = document.body.textContent;
    for (const key of [...query!.names, ...query!.handles]) expect(key.length).toBeLessThan(60);
    expect(JSON.stringify(client.queries)).not.toContain(text.slice(200, 260));
  });

  it('tells the background which topics the page is about, once each', async () => {
    const { document, url } = open();
    const client = recordingClient(db);
    const annotator = startAnnotator({
      document,
      url,
      adapter: generic,
      client,
      signal: new AbortController().signal,
    });
    await annotator.idle();
    expect(client.notedTopics).toEqual([
      ['t-gdpr', 't-machine-learning', 't-responsible-ai', 't-kubernetes', 't-claims-automation'],
    ]);
    // A later change that adds a known topic and a new one reports only the new one.
    const added = document.createElement('p');
    added.textContent = 'Our Kubernetes and Observability work continues.';
    const article = document.querySelector('article')!;
    article.append(added);
    annotator.scan(article);
    await annotator.idle();
    expect(client.notedTopics.slice(1)).toEqual([['t-observability']]);
  });

  it('renders a hostile name as text and never creates markup from it', async () => {
    const { document, url } = open();
    await startAnnotator({
      document,
      url,
      adapter: generic,
      client: recordingClient(db),
      signal: new AbortController().signal,
    }).idle();
    expect(document.querySelectorAll('script').length).toBe(0);
    expect(document.body.textContent).toContain('<script>alert(1)</script>');
  });

  it('is idempotent: a second annotator adds nothing', async () => {
    const { document, url } = open();
    const client = recordingClient(db);
    await startAnnotator({
      document,
      url,
      adapter: generic,
      client,
      signal: new AbortController().signal,
    }).idle();
    const first = document.body.innerHTML;
    await startAnnotator({
      document,
      url,
      adapter: generic,
      client,
      signal: new AbortController().signal,
    }).idle();
    expect(document.body.innerHTML).toBe(first);
  });

  it('removes everything it inserted when its signal aborts', async () => {
    const { document, url } = open();
    const before = document.body.textContent;
    const controller = new AbortController();
    await startAnnotator({
      document,
      url,
      adapter: generic,
      client: recordingClient(db),
      signal: controller.signal,
    }).idle();
    expect(ownHostsIn(document).length).toBeGreaterThan(0);
    controller.abort();
    expect(ownHostsIn(document)).toEqual([]);
    expect(document.body.textContent).toBe(before);
  });

  it('stops at the per-page cap', async () => {
    const { document, url } = open();
    await startAnnotator({
      document,
      url,
      adapter: generic,
      client: recordingClient(db),
      signal: new AbortController().signal,
      topicCap: 2,
    }).idle();
    expect(topics(document)).toEqual([
      't-gdpr:Data Protection',
      't-machine-learning:Machine Learning',
    ]);
  });

  it('hides the badge of a link the page hides, and follows it when a resize swaps them', async () => {
    const { document, url } = open();
    // GitLab-style responsive duplicates: the same author twice, one hidden per width.
    const style = document.createElement('style');
    style.textContent = '.narrow { display: none }';
    document.head.append(style);
    const wide = document.querySelector('a[href="/people/priya.raghunathan"]')!;
    wide.classList.add('wide');
    const narrow = wide.cloneNode(true) as HTMLElement;
    narrow.classList.replace('wide', 'narrow');
    wide.after(narrow);
    const annotator = startAnnotator({
      document,
      url,
      adapter: generic,
      client: recordingClient(db),
      signal: new AbortController().signal,
    });
    await annotator.idle();
    const view = document.defaultView!;
    const frame = () => new Promise<void>((resolve) => view.requestAnimationFrame(() => resolve()));
    const badgeDisplay = () =>
      [wide, narrow].map((link) => {
        const host = link.nextElementSibling as HTMLElement;
        const own = ownHost(host);
        expect(own?.kind === 'person' && own.person.id).toBe('p-priya-raghunathan');
        return host.hidden ? 'none' : '';
      });
    await frame();
    expect(badgeDisplay()).toEqual(['', 'none']);
    style.textContent = '.wide { display: none }';
    view.dispatchEvent(new view.Event('resize'));
    await frame();
    expect(badgeDisplay()).toEqual(['none', '']);
  });

  it('never highlights topics in the site chrome of a page without landmarks', async () => {
    // Phabricator-like: no <main>, so the prose region is the body, top bar and footer included.
    const window = new Window({ url: 'http://phab.northwind.test/D42' });
    window.document.write(`<!doctype html><html><head><title>D42</title></head><body>
      <div class="phabricator-main-menu"><span>Kubernetes</span> <span>GDPR</span></div>
      <p>This change moves the claims service to Kubernetes.</p>
      <footer><span>GDPR</span> notice</footer></body></html>`);
    const document = window.document as unknown as Document;
    const annotator = startAnnotator({
      document,
      url: new URL('http://phab.northwind.test/D42'),
      adapter: generic,
      client: recordingClient(db),
      signal: new AbortController().signal,
    });
    await annotator.idle();
    expect(topics(document)).toEqual(['t-kubernetes:Kubernetes']);
    expect(ownHostsIn(document)[0]!.element.closest('p')).not.toBeNull();
    await window.happyDOM.close();
  });

  it('labels badges for screen readers and marks colleagues distinctly', async () => {
    const { document, url } = open();
    await startAnnotator({
      document,
      url,
      adapter: generic,
      client: recordingClient(db),
      signal: new AbortController().signal,
    }).idle();
    const badge = badgeOf(document, 'p-jose-muller')!;
    const own = ownHost(badge)!;
    if (own.kind !== 'person') throw new Error('not a badge');
    // The page sees a bare span: no attributes, no readable shadow root.
    expect(badge.tagName).toBe('SPAN');
    expect(badge.attributes.length).toBe(0);
    expect(badge.shadowRoot).toBeNull();
    // The role, focus and accessible name live inside the closed root.
    expect(own.button.getAttribute('role')).toBe('button');
    expect(own.button.getAttribute('tabindex')).toBe('0');
    expect(own.root.querySelector('.sr')!.textContent).toMatch(
      /^Constellation: José Müller; Claims Processing, Northwind Mutual; in \d+ communit/,
    );
    expect(own.root.querySelector('.badge')!.textContent).toMatch(/^◆\d+$/);
  });
});
