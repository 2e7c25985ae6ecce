// One page's annotation session: picks the adapter (the user's per-site choice, else
// detection), runs the annotator and hovercards, watches the page with one batched
// MutationObserver, and restarts from scratch on SPA navigation (GitHub Turbo, GitLab,
// Gitea/htmx, history changes) or a new page-type choice after tearing everything down
// through an AbortSignal.
import { detectSite, type SiteDetection } from '../sites';
import type { SiteId } from '../sites/types';
import { startAnnotator, type Annotator } from './annotator';
import type { AnnotateClient } from './client';
import { watchEditable } from './editable';
import { isOwnNode } from './registry';
import { startHovercards, type HovercardUiFactory } from './hovercard-controller';
import type { PageSummary } from './summary';
import { containsNode, nodeTypeOf } from './tree';

export interface PageOptions {
  document: Document;
  client: AnnotateClient;
  loadUi: () => Promise<HovercardUiFactory>;
  /** The user's adapter choice for this site. */
  siteChoice?: SiteId | 'auto';
  signal: AbortSignal;
  /** Milliseconds to collect mutations before scanning them (default 150). */
  batchMs?: number;
}

export interface PageSession {
  summary(): PageSummary | undefined;
  detection(): SiteDetection;
  /**
   * The user chose another page type for this site (in the options, while the page is open):
   * the page is annotated again from scratch with it. The same choice again does nothing.
   */
  choose(siteChoice: SiteId | 'auto'): void;
  /** Resolves when queued work is done (tests). */
  idle(): Promise<void>;
}

/** Site hovercards ours must never stack over. */
const SITE_HOVERCARDS = [
  '.Popover.js-hovercard-content:not([hidden]) .Popover-message',
  '[data-testid="hovercard"]',
  '.popover.show',
  '.gl-popover',
  '.tippy-box',
  '.aui-inline-dialog-contents',
].join(',');

const MAX_ROOTS_PER_BATCH = 200;

export function annotateDocument(options: PageOptions): PageSession {
  const { document, signal } = options;
  const batchMs = options.batchMs ?? 150;
  const window = document.defaultView!;
  let siteChoice = options.siteChoice ?? 'auto';
  let detection = detectSite(new URL(document.location.href), document, siteChoice);
  let run: { controller: AbortController; annotator: Annotator; href: string } | undefined;

  const start = () => {
    run?.controller.abort();
    if (signal.aborted) return;
    const controller = new AbortController();
    signal.addEventListener('abort', () => controller.abort(), { signal: controller.signal });
    const url = new URL(document.location.href);
    detection = detectSite(url, document, siteChoice);
    const annotator = startAnnotator({
      document,
      url,
      adapter: detection.adapter,
      client: options.client,
      signal: controller.signal,
    });
    startHovercards({
      document,
      // Topic cards list first the communities this page names (issue 14).
      client: {
        ...options.client,
        topicCard: (ref) =>
          options.client.topicCard(ref, { namedOnPage: annotator.communitiesOnPage() }),
      },
      loadUi: options.loadUi,
      signal: controller.signal,
      theme: annotator.theme,
      siteHovercards: SITE_HOVERCARDS,
    });
    run = { controller, annotator, href: url.href };
  };

  // One MutationObserver for the page, batched: added subtrees are collected and scanned
  // together; our own nodes and plain text changes never trigger work.
  const added = new Set<Element>();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const flush = () => {
    timer = undefined;
    if (signal.aborted || !run) return;
    if (document.location.href !== run.href) {
      added.clear();
      start();
      return;
    }
    // Added forms are common; their own members are read through the DOM's (tree.ts).
    const roots = [...added].filter(
      (el) =>
        el.isConnected && ![...added].some((other) => other !== el && containsNode(other, el)),
    );
    added.clear();
    if (roots.length > MAX_ROOTS_PER_BATCH) run.annotator.scan(document);
    else for (const root of roots) run.annotator.scan(root);
  };
  // Editors: what becomes editable loses our markup at once; what stops being editable is
  // annotated again.
  watchEditable({
    document,
    signal,
    onEditable: (root) => run?.annotator.strip(root),
    onReadOnly: (root) => run?.annotator.scan(root),
  });

  const observer = new window.MutationObserver((records) => {
    for (const record of records) {
      for (const node of Array.from(record.addedNodes)) {
        if (nodeTypeOf(node) === 1 && !isOwnNode(node)) added.add(node as Element);
      }
    }
    if (added.size > 0 && timer === undefined) timer = setTimeout(flush, batchMs);
  });
  observer.observe(document.documentElement, { childList: true, subtree: true });

  const onNavigation = () => {
    clearTimeout(timer);
    timer = setTimeout(flush, batchMs);
  };
  const navigationEvents = new Set([
    'popstate',
    'hashchange',
    ...detection.adapter.navigationEvents,
  ]);
  for (const type of navigationEvents) {
    (type === 'popstate' || type === 'hashchange' ? window : document).addEventListener(
      type,
      onNavigation,
      { signal },
    );
  }
  signal.addEventListener('abort', () => {
    observer.disconnect();
    clearTimeout(timer);
  });

  start();
  return {
    summary: () => run?.annotator.summary(),
    detection: () => detection,
    choose(choice) {
      if (choice === siteChoice || signal.aborted) return;
      siteChoice = choice;
      // The new run scans the whole page: a waiting batch is dropped, and the observer may
      // start the next one.
      clearTimeout(timer);
      timer = undefined;
      added.clear();
      start();
    },
    async idle() {
      await new Promise((resolve) => setTimeout(resolve, batchMs + 10));
      await run?.annotator.idle();
    },
  };
}
