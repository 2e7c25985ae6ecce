// Reading the page's elements without trusting their own properties. A <form> exposes its
// controls as properties by name that shadow the DOM's own, and it does so in the content
// script's isolated world too (DOM clobbering; HTMLFormElement is [LegacyOverrideBuiltIns]:
// https://html.spec.whatwg.org/multipage/forms.html#htmlformelement). In
// `<form><input name="parentNode"></form>` the form's parentNode is that input, whose parent is
// the form again: a walk up `.parentNode` never ends, and the page hangs. DokuWiki's forms hold
// `<input name="id">`, so such a form's `id` is an element. These read the accessors and
// methods the DOM defines on the prototypes instead, which no control can shadow.
//
// Only forms do this: `document`'s named properties (`<img name="body">`) shadow its members in
// the page's main world but not in the isolated world (checked in Chromium 156), and window's
// never shadow what its prototypes define. So these are for any node that can be a form: a
// scanned root or region, an element's parent, a mutation's target, a prose name's element.
// Reads of elements a selector found as links, images or names need none of this.

type Member =
  | 'parentNode'
  | 'parentElement'
  | 'matches'
  | 'nodeType'
  | 'ownerDocument'
  | 'children'
  | 'getElementsByTagName'
  | 'querySelectorAll'
  | 'closest'
  | 'contains'
  | 'isContentEditable'
  | 'getBoundingClientRect';

/** The member's descriptor found for each prototype (one per element interface and realm). */
const members = new Map<Member, WeakMap<object, PropertyDescriptor | undefined>>();

function own(node: object, name: Member): PropertyDescriptor | undefined {
  const prototype = Object.getPrototypeOf(node) as object | null;
  if (!prototype) return undefined;
  let known = members.get(name);
  if (!known) members.set(name, (known = new WeakMap()));
  let descriptor = known.get(prototype);
  if (!known.has(prototype)) {
    for (
      let p: object | null = prototype;
      p && !descriptor;
      p = Object.getPrototypeOf(p) as object | null
    )
      descriptor = Object.getOwnPropertyDescriptor(p, name);
    known.set(prototype, descriptor);
  }
  return descriptor;
}

/** The DOM's own value of an accessor `name` of `node`. */
function read(node: object, name: Member): unknown {
  return own(node, name)?.get?.call(node);
}

/** The DOM's own method `name` of `node`, when it has one. */
function method<F>(node: object, name: Member): F | undefined {
  const value = own(node, name)?.value as unknown;
  return typeof value === 'function' ? (value as F) : undefined;
}

/** `node.parentNode` as the DOM defines it. */
export function parentNodeOf(node: Node): Node | null {
  return (read(node, 'parentNode') ?? null) as Node | null;
}

/** `node.parentElement` as the DOM defines it. */
export function parentElementOf(node: Node): Element | null {
  return (read(node, 'parentElement') ?? null) as Element | null;
}

/** `node.nodeType` as the DOM defines it (0 for something that is no node). */
export function nodeTypeOf(node: Node): number {
  const type = read(node, 'nodeType');
  return typeof type === 'number' ? type : 0;
}

/** `node.ownerDocument` as the DOM defines it (null for a document). */
export function ownerDocumentOf(node: Node): Document | null {
  return (read(node, 'ownerDocument') ?? null) as Document | null;
}

/** `root.children` as the DOM defines it. */
export function childrenOf(root: ParentNode): HTMLCollection | undefined {
  return read(root, 'children') as HTMLCollection | undefined;
}

/** `root.getElementsByTagName(tag)` as the DOM defines it; undefined for a fragment. */
export function elementsByTagName(root: ParentNode, tag: string): HTMLCollection | undefined {
  return method<Element['getElementsByTagName']>(root, 'getElementsByTagName')?.call(root, tag);
}

/** `root.querySelectorAll(selector)` as the DOM defines it. */
export function querySelectorAllOf(root: ParentNode, selector: string): Element[] {
  const all = method<ParentNode['querySelectorAll']>(root, 'querySelectorAll');
  return all ? Array.from(all.call(root, selector)) : [];
}

/** `element.matches(selector)` as the DOM defines it. */
export function matchesSelector(element: Element, selector: string): boolean {
  const matches = method<Element['matches']>(element, 'matches');
  return matches ? matches.call(element, selector) : false;
}

/** `element.closest(selector)` as the DOM defines it. */
export function closestOf(element: Element, selector: string): Element | null {
  return method<Element['closest']>(element, 'closest')?.call(element, selector) ?? null;
}

/** `node.contains(other)` as the DOM defines it. */
export function containsNode(node: Node, other: Node | null): boolean {
  return method<Node['contains']>(node, 'contains')?.call(node, other) ?? false;
}

/** `element.isContentEditable` as the DOM defines it (false where it has none, as in SVG). */
export function isContentEditableElement(element: Element): boolean {
  return read(element, 'isContentEditable') === true;
}

/** `element.getBoundingClientRect()` as the DOM defines it. */
export function boundingRectOf(element: Element): DOMRect | undefined {
  return method<Element['getBoundingClientRect']>(element, 'getBoundingClientRect')?.call(element);
}
