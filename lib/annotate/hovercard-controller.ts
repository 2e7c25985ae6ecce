// When hovercards open and close: ~300 ms after the pointer rests on (or keyboard focus
// reaches) a badge or topic, immediately on Enter/Space (then focus moves into the card),
// closed by Esc (focus returns to the badge), by leaving both badge and card, or when the
// site's own hovercard appears (ours never stacks over it). The Preact UI is loaded lazily on
// the first open (`loadUi`), so pages that are only read never pay for it. Listeners are
// passive and never cancel the page's events: clicks always reach the page.
import type { Card } from './cards';
import type { AnnotateClient } from './client';
import { HOVERCARD_TAG, PERSON_TAG, TOPIC_TAG, type Theme } from './hosts';

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

const ANCHOR = `${PERSON_TAG},${TOPIC_TAG}`;

function anchorOf(target: EventTarget | null): HTMLElement | null {
  const element = target as Element | null;
  return element && typeof element.closest === 'function'
    ? (element.closest(ANCHOR) as HTMLElement | null)
    : null;
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

  const cardFor = (anchor: HTMLElement): Promise<Card> => {
    const feedId = anchor.getAttribute('data-constellation-feed') ?? '';
    const person = anchor.getAttribute('data-constellation-person');
    const topic = anchor.getAttribute('data-constellation-topic');
    const community = anchor.getAttribute('data-constellation-community');
    const key = `${person ? 'p' : community ? 'c' : 't'}\u0000${feedId}\u0000${person ?? community ?? topic}`;
    let card = cards.get(key);
    if (!card) {
      card = person
        ? client.personCard({ feedId, id: person })
        : community
          ? client.communityCard({ feedId, id: community })
          : client.topicCard({ feedId, id: topic ?? '' });
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
    anchor?.setAttribute('aria-expanded', 'false');
    void ui?.then((loaded) => loaded.hide());
    if (restoreFocus) anchor?.focus();
  }

  async function open(anchor: HTMLElement, focus: boolean): Promise<void> {
    clearTimeout(openTimer);
    clearTimeout(closeTimer);
    if (signal.aborted || !anchor.isConnected) return;
    if (siteCardVisible()) return;
    const mine = ++generation;
    if (openAnchor && openAnchor !== anchor) openAnchor.setAttribute('aria-expanded', 'false');
    openAnchor = anchor;
    anchor.setAttribute('aria-expanded', 'true');
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
      const card = await cardFor(anchor);
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
  const insideCard = (node: EventTarget | null) =>
    (node as Element | null)?.nodeType === 1 &&
    ((node as Element).tagName === HOVERCARD_TAG.toUpperCase() ||
      !!(node as Element).closest?.(HOVERCARD_TAG));

  const listen = <K extends keyof DocumentEventMap>(
    type: K,
    handler: (event: DocumentEventMap[K]) => void,
  ) => document.addEventListener(type, handler, { capture: true, passive: true, signal });

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
