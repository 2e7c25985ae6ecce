// Which page elements the extension created, and what each one stands for. This knowledge
// lives only here, in the content script's isolated world (docs/security.md): the elements
// themselves are plain <span>/<div> hosts with closed shadow roots and no attributes naming
// a person, a topic, a feed or the viewer, so a page script can neither read what a badge
// means nor forge one — an element it made is simply not in this map.
import type { ResolvedPerson } from '../match/identity';
import type { VocabularyTopic } from '../match/vocabulary';
import type { PersonRole } from '../sites/types';
import { parentNodeOf } from './tree';

interface HostBase {
  /** The closed shadow root: only the extension holds this reference. */
  root: ShadowRoot;
}

export interface PersonHost extends HostBase {
  kind: 'person';
  person: ResolvedPerson;
  role: PersonRole;
  /** The focusable button inside the root (keyboard and screen-reader access). */
  button: HTMLElement;
}

export interface TopicHost extends HostBase {
  kind: 'topic';
  topic: VocabularyTopic;
  button: HTMLElement;
}

export interface CardHost extends HostBase {
  kind: 'card';
}

export type OwnHost = PersonHost | TopicHost | CardHost;

interface Registry {
  hosts: WeakMap<Element, OwnHost>;
  /** Live hosts, for teardown and for the isolated-world inspector (tests, DevTools). */
  live: Set<Element>;
}

// One registry per isolated world, shared by the content script and the lazily loaded
// hovercard chunk (two bundles, so two copies of this module): it hangs on the isolated
// world's global object, which the page's main world has no way to reach.
const KEY = Symbol.for('constellation.registry');
const global = globalThis as unknown as Record<symbol, Registry | undefined>;
const registry = (global[KEY] ??= { hosts: new WeakMap(), live: new Set() });
const { hosts, live } = registry;

export function registerHost(element: Element, host: OwnHost): void {
  hosts.set(element, host);
  live.add(element);
}

export function forgetHost(element: Element): void {
  hosts.delete(element);
  live.delete(element);
}

/** What this element stands for, when the extension created it; undefined for any other. */
export function ownHost(element: Element | null | undefined): OwnHost | undefined {
  return element ? hosts.get(element) : undefined;
}

/** The badge or topic host the extension created, if `node` is one. */
export function anchorHost(
  node: EventTarget | null | undefined,
): (PersonHost | TopicHost) | undefined {
  const host = hosts.get(node as Element);
  return host && host.kind !== 'card' ? host : undefined;
}

/** Is this node (or an ancestor, across our shadow roots) something the extension inserted? */
export function isOwnNode(node: Node | null): boolean {
  for (let current = node; current;) {
    if (current.nodeType === 1 && hosts.has(current as Element)) return true;
    // Up through the DOM's own accessors: a form's controls can shadow its properties (tree.ts).
    current =
      parentNodeOf(current) ?? (current.nodeType === 11 ? (current as ShadowRoot).host : null);
  }
  return false;
}

/** Every host currently registered (tests and the inspector; never exposed to the page). */
export function liveHosts(): Element[] {
  return [...live];
}
