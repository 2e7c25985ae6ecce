// What the extension put on this page, as the extension alone knows it: for e2e tests and
// DevTools. It is installed on the content script's isolated-world global object, which
// page scripts cannot reach (a page's `window` is a different object in a different world),
// so it reveals nothing to the page; tests reach it through the DevTools protocol.
import { isEditableNode } from './editable';
import { liveHosts, ownHost } from './registry';
import { parentElementOf } from './tree';

export const INSPECT_KEY = '__constellationInspect';

export interface InspectedHost {
  /** A community's own mark is a topic host whose entry is the community (issue 14). */
  kind: 'person' | 'topic' | 'community';
  feedId: string;
  id: string;
  role?: string;
  /** The badge's relation to the viewer, as its closed root shows it. */
  relation?: 'me' | 'colleague' | 'other';
  /** The light-DOM text (topics: the page's own matched words). */
  text: string;
  /** The visually hidden name inside the closed root. */
  label: string;
  /** The badge's own visible text (person), e.g. "★3". */
  badge?: string;
  expanded: boolean;
  connected: boolean;
  /** The host sits in editable content (it should not: editors would save it). */
  editable: boolean;
  /** The element's own visibility (a badge follows its link's: GitLab's responsive pairs). */
  visible: boolean;
  /** The previous element sibling, as `tag.class1.class2` (the link a badge follows). */
  previous: string | null;
  /** With `inspectPage(selector)`: the nearest ancestor matching it, as `<tag class="…">`. */
  within?: string;
  /** Ancestors, nearest first: tag name (lower case), id and classes. */
  ancestors: { tag: string; id: string; classes: string[] }[];
  /** The first client rectangle, for real pointer input. */
  box: { x: number; y: number; width: number; height: number };
}

export interface InspectedCard {
  status: string | null;
  text: string;
  /** Keyboard focus is inside the card. */
  focused: boolean;
  links: string[];
}

export interface Inspection {
  hosts: InspectedHost[];
  card: InspectedCard | null;
  /** The host that holds keyboard focus inside its closed root, if any. */
  focused: { kind: string; id: string } | null;
}

function ancestorsOf(element: Element): InspectedHost['ancestors'] {
  const out: InspectedHost['ancestors'] = [];
  // Up through the DOM's own accessor: a form's controls can shadow its properties (tree.ts).
  for (let el = parentElementOf(element); el; el = parentElementOf(el))
    out.push({ tag: el.tagName.toLowerCase(), id: el.id, classes: Array.from(el.classList) });
  return out;
}

function withinOf(element: Element, selector: string): { within?: string } {
  const container = element.parentElement?.closest(selector);
  return container
    ? {
        within: `<${container.tagName.toLowerCase()} class="${container.getAttribute('class') ?? ''}">`,
      }
    : {};
}

export function inspectPage(withinSelector?: string): Inspection {
  const hosts: InspectedHost[] = [];
  let card: InspectedCard | null = null;
  let focused: Inspection['focused'] = null;
  // Document order, as a reader meets them; disconnected hosts (pages may remove ours) last.
  const elements = liveHosts().sort((a, b) =>
    a.compareDocumentPosition(b) & 4 /* FOLLOWING */ ? -1 : 1,
  );
  for (const element of elements) {
    const host = ownHost(element);
    if (!host) continue;
    if (host.kind === 'card') {
      const view = host.root.querySelector('.card');
      if (view || !card)
        card = {
          status: view?.getAttribute('data-status') ?? null,
          text: view?.textContent ?? '',
          focused: host.root.activeElement !== null,
          links: Array.from(host.root.querySelectorAll('a[href]'), (a) => a.getAttribute('href')!),
        };
      continue;
    }
    const rect = element.getClientRects()[0] ?? element.getBoundingClientRect();
    const badge = host.root.querySelector('.badge');
    const ref = host.kind === 'person' ? host.person : host.topic;
    if (host.root.activeElement) focused = { kind: host.kind, id: ref.id };
    hosts.push({
      kind: host.kind === 'topic' && host.topic.kind === 'community' ? 'community' : host.kind,
      feedId: ref.feedId,
      id: ref.id,
      ...(host.kind === 'person'
        ? {
            role: host.role,
            relation: host.person.isMe
              ? 'me'
              : host.person.sharedWithMe.length > 0
                ? 'colleague'
                : 'other',
            badge: badge?.textContent ?? '',
          }
        : {}),
      text: element.textContent ?? '',
      label: host.root.querySelector('.sr')?.textContent ?? '',
      expanded: host.button.getAttribute('aria-expanded') === 'true',
      connected: element.isConnected,
      editable: element.isConnected && isEditableNode(element.ownerDocument, element),
      visible: typeof element.checkVisibility === 'function' ? element.checkVisibility() : true,
      previous: element.previousElementSibling
        ? [
            element.previousElementSibling.tagName.toLowerCase(),
            ...Array.from(element.previousElementSibling.classList),
          ].join('.')
        : null,
      ...(withinSelector ? withinOf(element, withinSelector) : {}),
      ancestors: ancestorsOf(element),
      box: { x: rect.x, y: rect.y, width: rect.width, height: rect.height },
    });
  }
  return { hosts, card, focused };
}

export const CARD_QUERY_KEY = '__constellationCardQuery';

export interface CardElement {
  text: string;
  attributes: Record<string, string>;
  box: { x: number; y: number; width: number; height: number };
}

/** The elements matching `selector` inside the card's closed root (tests, DevTools). */
export function queryCard(selector: string): CardElement[] {
  for (const element of liveHosts()) {
    const host = ownHost(element);
    if (host?.kind !== 'card') continue;
    return Array.from(host.root.querySelectorAll(selector), (el) => {
      const rect = el.getBoundingClientRect();
      return {
        text: el.textContent ?? '',
        attributes: Object.fromEntries(Array.from(el.attributes, (a) => [a.name, a.value])),
        box: { x: rect.x, y: rect.y, width: rect.width, height: rect.height },
      };
    });
  }
  return [];
}

/** Makes the inspectors callable from the isolated world (DevTools protocol, tests). */
export function installInspector(): void {
  Object.assign(globalThis, { [INSPECT_KEY]: inspectPage, [CARD_QUERY_KEY]: queryCard });
}
