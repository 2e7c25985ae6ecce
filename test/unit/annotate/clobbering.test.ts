// DOM clobbering: a <form> exposes its controls as properties by name, shadowing the DOM's
// own — <input name="parentNode"> makes form.parentNode that input — and real Chromium does
// so in a content script's isolated world too (test/e2e/annotate-hostile.e2e.test.ts shows it
// with a real hover). happy-dom does not, so these tests define the properties on the form
// as Chromium exposes them. A walk up the tree that trusts them cycles between the form and
// its control forever (each clobbered property here throws after many reads instead, so a
// regression fails rather than hanging the test run); a skip test that trusts them misreads
// the form's id or throws.
import { describe, expect, it } from 'vitest';
import { startAnnotator } from '../../../lib/annotate/annotator';
import { isEditableNode } from '../../../lib/annotate/editable';
import { annotateDocument } from '../../../lib/annotate/page';
import { scanPeople } from '../../../lib/annotate/people-scan';
import { createTopicHost } from '../../../lib/annotate/hosts';
import { isOwnNode } from '../../../lib/annotate/registry';
import { proseTextNodes, TOPIC_SKIP } from '../../../lib/annotate/scan';
import { compileSkip } from '../../../lib/annotate/skip';
import { annotateVocabulary } from '../../../lib/background/annotate';
import { generic } from '../../../lib/sites/generic/adapter';
import { ADAPTERS } from '../../../lib/sites';
import { demoPages, personBadges, recordingClient, topicHighlights } from './support';
import { CLOBBERED_MEMBERS } from '../../fixtures/clobbered-members';

const URL_ = 'http://intranet.northwind.test/news/form';

const pages = demoPages();

function open(html: string): Document {
  return pages.open(URL_, `<!doctype html><html><body>${html}</body></html>`);
}

/** The DOM's own value of `name` for `node`, from the prototype chain (an accessor or a method). */
function ownValue(node: object, name: string): (this: unknown) => unknown {
  for (let p = Object.getPrototypeOf(node); p; p = Object.getPrototypeOf(p)) {
    const descriptor = Object.getOwnPropertyDescriptor(p, name);
    if (descriptor?.get) return descriptor.get;
    if (descriptor) return () => descriptor.value as unknown;
  }
  return () => undefined;
}

/** Whether the property read is happy-dom's own (past this getter and the form's proxy). */
function readByHappyDom(): boolean {
  const frames = (new Error().stack ?? '').split('\n').slice(1);
  const caller = frames.find(
    (frame) => !/clobbering\.test|html-form-element[\\/]HTMLFormElement/.test(frame),
  );
  return !!caller && /happy-dom/.test(caller);
}

/**
 * Shadows `form[name]` by a control of that name, as the HTML standard has browsers do.
 * happy-dom's own code reads such properties in JavaScript where a browser follows its
 * internal pointers; it is given the DOM's own value.
 */
function clobber(form: HTMLFormElement, name: string): HTMLInputElement {
  // The form's own members, as earlier calls may have shadowed them.
  const document = ownValue(form, 'ownerDocument').call(form) as Document;
  const control = document.createElement('input');
  control.name = name;
  (ownValue(form, 'prepend').call(form) as Element['prepend']).call(form, control);
  const real = ownValue(form, name);
  let reads = 0;
  Object.defineProperty(form, name, {
    configurable: true,
    get(this: unknown) {
      if (readByHappyDom()) return real.call(this);
      if (++reads > 1000) throw new Error(`form.${name} read ${reads} times: the walk never ends`);
      return control;
    },
  });
  return control;
}

/**
 * The DOM members a content script reads of elements that can be forms (the list the e2e test
 * shadows with real controls in Chromium), and `id` and `classList`, each shadowed by a control
 * of that name.
 */
const CLOBBERED = [...CLOBBERED_MEMBERS, 'id', 'classList'];

function clobberAll(form: HTMLFormElement): void {
  for (const name of CLOBBERED) clobber(form, name);
}

const emails = (mentions: { identity: { emails: string[] } }[] | undefined) =>
  (mentions ?? []).flatMap((m) => m.identity.emails);

describe('a form whose controls shadow its properties', () => {
  it('isOwnNode walks up through it to the end', () => {
    const document = open('<main><form><p id="inside">text</p></form></main>');
    const form = document.querySelector('form')!;
    clobber(form, 'parentNode');
    clobber(form, 'parentElement');
    const inside = document.getElementById('inside')!;
    expect(isOwnNode(inside.firstChild)).toBe(false);
    expect(isOwnNode(form)).toBe(false);
    // Our own host inside such a form is still ours, and what is inside it.
    const host = createTopicHost(document, { feedId: 'f', id: 't', label: 'T' } as never, 'light');
    host.append(document.createTextNode('T'));
    inside.append(host);
    expect(isOwnNode(host.firstChild)).toBe(true);
  });

  it('isOwnNode ends on a detached form with a control named "host"', () => {
    const document = open('<main></main>');
    const form = document.createElement('form');
    clobber(form, 'host');
    // A page that adds a form and takes it away before the mutation observer runs.
    expect(isOwnNode(form)).toBe(false);
  });

  it('people and full names inside it are badged', async () => {
    const document = open(`<main><article><form>
      <p>Write to <a href="mailto:zoe.okafor@northwind.example">Zoë Okafor</a> or ask José Müller.</p>
    </form></article></main>`);
    const form = document.querySelector('form')!;
    clobber(form, 'parentNode');
    clobber(form, 'parentElement');
    const client = recordingClient(pages.db());
    client.vocabulary = async () =>
      (await annotateVocabulary(pages.db(), undefined, { namesInProse: true })).vocabulary!;
    const annotator = startAnnotator({
      document,
      url: new URL(URL_),
      adapter: generic,
      client,
      signal: new AbortController().signal,
    });
    await annotator.idle();
    expect(personBadges(document)).toEqual(['p-zoe-okafor:email', 'p-jose-muller:mention']);
  });

  it('is skipped by its id, class and tag, and the walk goes on after it', () => {
    // DokuWiki's edit and search forms carry <input type="hidden" name="id">.
    const document = open(`<div class="page"><p>before</p>
      <form id="dw__editform" class="doku_form"><label>inside the form</label></form>
      <p>after</p></div>`);
    const form = document.querySelector('form')!;
    const texts = (skip: string) =>
      proseTextNodes(document.querySelector('.page')!, compileSkip(skip))
        .map((node) => node.data.trim())
        .filter(Boolean);
    clobber(form, 'id');
    expect(texts(`${TOPIC_SKIP},#dw__editform`)).toEqual(['before', 'after']);
    for (const name of ['classList', 'localName', 'hasAttributes', 'getAttribute', 'matches'])
      clobber(form, name);
    expect(texts(`${TOPIC_SKIP},#dw__editform`)).toEqual(['before', 'after']);
    expect(texts(`${TOPIC_SKIP},.doku_form`)).toEqual(['before', 'after']);
    expect(texts(`${TOPIC_SKIP},form`)).toEqual(['before', 'after']);
    expect(texts(`${TOPIC_SKIP},[data-x]`)).toEqual(['before', 'inside the form', 'after']);
    expect(texts(TOPIC_SKIP)).toEqual(['before', 'inside the form', 'after']);
  });

  it('the people scan splits a page around it, and reads it as a subtree of its own', async () => {
    const document = open(`<main>
      <p><a href="mailto:zoe.okafor@northwind.example">Zoë Okafor</a></p>
      <form><p><a href="mailto:jose.muller@northwind.example">José Müller</a></p></form>
      <p><a href="mailto:meilin.chen@northwind.example">Mei-Lin Chen</a></p>
    </main>`);
    const form = document.querySelector('form')!;
    clobberAll(form);
    const signal = new AbortController().signal;
    const scan = (root: ParentNode, limit: number) =>
      scanPeople(generic, root, new URL(URL_), async () => undefined, signal, limit);
    const all = [
      'zoe.okafor@northwind.example',
      'jose.muller@northwind.example',
      'meilin.chen@northwind.example',
    ];
    // Split into subtrees of at most 2 elements: the form is counted and split too.
    expect(emails(await scan(document, 2))).toEqual(all);
    expect(emails(await scan(document, 10_000))).toEqual(all);
    // The form itself as the root (a subtree the page added), whole and split.
    expect(emails(await scan(form, 10_000))).toEqual(['jose.muller@northwind.example']);
    expect(emails(await scan(form, 2))).toEqual(['jose.muller@northwind.example']);
  });

  it('an added form is annotated inside, and the page around it too', async () => {
    const document = open(`<main><article><p>Kubernetes at Northwind.</p></article></main>`);
    const session = annotateDocument({
      document,
      client: recordingClient(pages.db()),
      loadUi: () => Promise.reject(new Error('no UI in unit tests')),
      signal: new AbortController().signal,
      batchMs: 10,
    });
    await session.idle();
    expect(topicHighlights(document)).toEqual(['t-kubernetes:Kubernetes']);
    // A form that is itself an article, its text directly inside it, and an article in it.
    const form = document.createElement('form');
    form.setAttribute('role', 'article');
    form.innerHTML = `Observability of the cluster
      <article><p>Ask <a href="mailto:zoe.okafor@northwind.example">Zoë Okafor</a>
      about Site Reliability Engineering.</p></article>`;
    clobberAll(form);
    const after = document.createElement('article');
    after.innerHTML = '<p>Incident Response drills.</p>';
    document.body.append(form, after);
    // Polled: on a loaded machine the batch's timer can fire after idle()'s own.
    await expect
      .poll(() => topicHighlights(document))
      .toEqual([
        't-kubernetes:Kubernetes',
        't-observability:Observability',
        't-sre:Site Reliability Engineering',
        't-incident-response:Incident Response',
      ]);
    expect(personBadges(document)).toEqual(['p-zoe-okafor:email']);
  });

  it('made editable, it loses our marks, and text in it counts as editable', async () => {
    const document = open(`<main><form id="reply">Kubernetes is what we run.
      <p>Write to <a href="mailto:zoe.okafor@northwind.example">Zoë Okafor</a>.</p></form></main>`);
    const form = document.querySelector('form')!;
    clobberAll(form);
    const annotator = startAnnotator({
      document,
      url: new URL(URL_),
      adapter: generic,
      client: recordingClient(pages.db()),
      signal: new AbortController().signal,
    });
    await annotator.idle();
    expect(topicHighlights(document)).toEqual(['t-kubernetes:Kubernetes']);
    expect(personBadges(document)).toEqual(['p-zoe-okafor:email']);
    form.setAttribute('contenteditable', 'true');
    const text = Array.from(form.childNodes).find(
      (n) => n.nodeType === 3 && /what/.test((n as Text).data),
    )!;
    expect(isEditableNode(document, text)).toBe(true);
    expect(isEditableNode(document, form)).toBe(true);
    annotator.strip(form);
    expect(topicHighlights(document)).toEqual([]);
    expect(personBadges(document)).toEqual([]);
  });

  it("is every adapter's prose region when it matches a region selector, and nothing throws", () => {
    // One form carrying each adapter's region classes (DokuWiki's region is a div.page only).
    const classes =
      'comment-body markdown-body md render-content markup mw-parser-output wiki-content';
    const document = open(`<div class="dokuwiki mode_show"><div id="mw-content-text">
      <form class="${classes}" role="article">Prose in a form</form></div></div>`);
    const form = document.querySelector('form')!;
    clobberAll(form);
    const holding = ADAPTERS.filter((adapter) => adapter.proseRegions(document).includes(form));
    expect(holding.map((adapter) => adapter.id).sort()).toEqual(
      ADAPTERS.map((adapter) => adapter.id)
        .filter((id) => id !== 'dokuwiki')
        .sort(),
    );
    // The form as the root (added to the page); its regions listed by adapter id, not as elements.
    const asRoot = ADAPTERS.filter((adapter) => adapter.proseRegions(form).includes(form));
    expect(asRoot.map((adapter) => adapter.id).sort()).toEqual(
      holding.map((adapter) => adapter.id).sort(),
    );
  });
});
