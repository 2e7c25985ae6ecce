// When hovercards open and close: ~300 ms after the pointer rests on (or keyboard focus
// reaches) a badge or topic, immediately on Enter/Space (then focus moves into the card),
// closed by Esc (focus returns to the badge), by leaving both badge and card, or when the
// site's own hovercard appears (ours never stacks over it). The Preact UI is loaded lazily on
// the first open (`loadUi`), so pages that are only read never pay for it. Listeners are
// passive and never cancel the page's events: clicks always reach the page.
//
// Only the user opens a card (docs/security.md): an anchor counts only when the extension
// created it (registry.ts — a page-made lookalike is not there), and only trusted events
// count, so a page script's click(), dispatchEvent or synthetic keys do nothing. What to
// show is read from the registry, never from the page's DOM.
import type { Card } from './cards';
import type { AnnotateClient } from './client';
import type { Theme } from './hosts';
import { anchorHost, ownHost, type PersonHost, type TopicHost } from './registry';
import { parentNodeOf } from './tree';

export type CardState =
  { status: 'loading' } | { status: 'ready'; card: Card } | { status: 'error'; error: string };

export interface HovercardUi {
  show(
    anchor: Element,
    state: CardState,
    options: { theme: Theme; focus: boolean; onClose: (restoreFocus: boolean) => void },
  ): void;
  hide(): void;
  /** Is this node inside the card? */
  contains(node: Node | null): boolean;
  destroy(): void;
}

export type HovercardUiFactory = (document: Document) => HovercardUi;

export interface HovercardOptions {
  document: Document;
  client: AnnotateClient;
  loadUi: () => Promise<HovercardUiFactory>;
  signal: AbortSignal;
  theme: Theme;
  /** The site's own hovercards; ours closes (and will not open) while one is visible. */
  siteHovercards: string;
  delayMs?: number;
}

/** The badge or topic the extension made that this (retargeted) event target is, or is in. */
function anchorOf(target: EventTarget | null): HTMLElement | null {
  // Up through the DOM's own accessor: a form's controls can shadow its properties (tree.ts).
  for (let node = target as Node | null; node; node = parentNodeOf(node)) {
    if (anchorHost(node)) return node as HTMLElement;
    if (node.nodeType !== 1) return null;
  }
  return null;
}

function setExpanded(anchor: HTMLElement | null, expanded: boolean): void {
  anchorHost(anchor)?.button.setAttribute('aria-expanded', String(expanded));
}

function isVisible(element: Element): boolean {
  const box = element.getBoundingClientRect();
  return box.width > 0 && box.height > 0 && !element.closest('[hidden]');
}

export function startHovercards(options: HovercardOptions): {
  open(anchor: HTMLElement, focus: boolean): Promise<void>;
} {
  const { document, client, signal } = options;
  const delay = options.delayMs ?? 300;
  let ui: Promise<HovercardUi> | undefined;
  let openAnchor: HTMLElement | null = null;
  let openTimer: ReturnType<typeof setTimeout> | undefined;
  let closeTimer: ReturnType<typeof setTimeout> | undefined;
  let generation = 0;
  const cards = new Map<string, Promise<Card>>();

  const siteCardVisible = () =>
    !!options.siteHovercards &&
    Array.from(document.querySelectorAll(options.siteHovercards)).some(isVisible);

  const cardFor = (anchor: PersonHost | TopicHost): Promise<Card> => {
    const ref =
      anchor.kind === 'person'
        ? { feedId: anchor.person.feedId, id: anchor.person.id }
        : { feedId: anchor.topic.feedId, id: anchor.topic.id };
    const kind =
      anchor.kind === 'person'
        ? 'person'
        : anchor.topic.kind === 'community'
          ? 'community'
          : 'topic';
    const key = `${kind}\u0000${ref.feedId}\u0000${ref.id}`;
    let card = cards.get(key);
    if (!card) {
      card =
        kind === 'person'
          ? client.personCard(ref)
          : kind === 'community'
            ? client.communityCard(ref)
            : client.topicCard(ref);
      card.catch(() => cards.delete(key));
      cards.set(key, card);
    }
    return card;
  };

  function close(restoreFocus = false): void {
    clearTimeout(openTimer);
    clearTimeout(closeTimer);
    generation++;
    const anchor = openAnchor;
    openAnchor = null;
    setExpanded(anchor, false);
    void ui?.then((loaded) => loaded.hide());
    if (restoreFocus) {
      anchorHost(anchor)?.button.focus();
      // Focus coming back to the badge (its focusin runs inside focus()) is not a request to
      // open the card again: without this, Escape closed it and the hover delay reopened it.
      clearTimeout(openTimer);
    }
  }

  async function open(anchor: HTMLElement, focus: boolean): Promise<void> {
    clearTimeout(openTimer);
    clearTimeout(closeTimer);
    const host = anchorHost(anchor);
    if (signal.aborted || !host || !anchor.isConnected) return;
    if (siteCardVisible()) return;
    const mine = ++generation;
    if (openAnchor && openAnchor !== anchor) setExpanded(openAnchor, false);
    openAnchor = anchor;
    setExpanded(anchor, true);
    ui ??= options.loadUi().then((factory) => factory(document));
    let loaded: HovercardUi;
    try {
      loaded = await ui;
    } catch {
      ui = undefined;
      return;
    }
    if (mine !== generation) return;
    const show = (state: CardState, moveFocus: boolean) =>
      loaded.show(anchor, state, { theme: options.theme, focus: moveFocus, onClose: close });
    show({ status: 'loading' }, false);
    try {
      const card = await cardFor(host);
      if (mine === generation) show({ status: 'ready', card }, focus);
    } catch (error) {
      if (mine === generation)
        show(
          { status: 'error', error: error instanceof Error ? error.message : String(error) },
          focus,
        );
    }
  }

  const scheduleOpen = (anchor: HTMLElement) => {
    clearTimeout(closeTimer);
    if (openAnchor === anchor) return;
    clearTimeout(openTimer);
    openTimer = setTimeout(() => void open(anchor, false), delay);
  };
  const scheduleClose = () => {
    clearTimeout(openTimer);
    clearTimeout(closeTimer);
    closeTimer = setTimeout(() => close(false), 200);
  };
  // Events from inside the card's closed root reach the document retargeted to its host.
  const insideCard = (node: EventTarget | null) => ownHost(node as Element)?.kind === 'card';

  // Synthetic events (a page script's click(), dispatchEvent) are never acted on.
  const listen = <K extends keyof DocumentEventMap>(
    type: K,
    handler: (event: DocumentEventMap[K]) => void,
  ) =>
    document.addEventListener(
      type,
      (event) => {
        if (event.isTrusted) handler(event);
      },
      { capture: true, passive: true, signal },
    );

  listen('pointerover', (event) => {
    const anchor = anchorOf(event.target);
    if (anchor) scheduleOpen(anchor);
    else if (insideCard(event.target)) clearTimeout(closeTimer);
    else if (openAnchor && siteCardVisible()) close(false);
  });
  listen('pointerout', (event) => {
    const from = anchorOf(event.target) ?? (insideCard(event.target) ? openAnchor : null);
    if (!from && !openTimer) return;
    const to = event.relatedTarget;
    if (to && (anchorOf(to) === openAnchor || insideCard(to))) return;
    scheduleClose();
  });
  listen('focusin', (event) => {
    const anchor = anchorOf(event.target);
    if (anchor) scheduleOpen(anchor);
    else if (insideCard(event.target)) clearTimeout(closeTimer);
  });
  listen('focusout', (event) => {
    const to = event.relatedTarget;
    if (!anchorOf(event.target) && !insideCard(event.target)) return;
    if (to && (anchorOf(to) === openAnchor || insideCard(to))) return;
    scheduleClose();
  });
  // Not passive: Space on our own badge must not scroll the page (it is a button).
  document.addEventListener(
    'keydown',
    (event) => {
      if (!event.isTrusted) return;
      if (event.key === 'Escape' && (openAnchor || openTimer)) {
        const focusInside = insideCard(document.activeElement);
        close(focusInside || anchorOf(document.activeElement) !== null);
        return;
      }
      const anchor = anchorOf(event.target);
      if (anchor && (event.key === 'Enter' || event.key === ' ')) {
        if (event.key === ' ') event.preventDefault();
        void open(anchor, true);
      }
    },
    { capture: true, signal },
  );
  listen('click', (event) => {
    const anchor = anchorOf(event.target);
    if (!anchor) return;
    if (openAnchor === anchor) close(false);
    else void open(anchor, false);
  });
  signal.addEventListener('abort', () => {
    clearTimeout(openTimer);
    clearTimeout(closeTimer);
    void ui?.then((loaded) => loaded.destroy());
  });
  return { open };
}
