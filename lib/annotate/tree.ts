// Reading the page's elements without trusting their own properties. A <form> exposes its
// controls as properties by name that shadow the DOM's own, and it does so in the content
// script's isolated world too (DOM clobbering; HTMLFormElement is [LegacyOverrideBuiltIns]:
// https://html.spec.whatwg.org/multipage/forms.html#htmlformelement). In
// `<form><input name="parentNode"></form>` the form's parentNode is that input, whose parent is
// the form again: a walk up `.parentNode` never ends, and the page hangs. DokuWiki's forms hold
// `<input name="id">`, so such a form's `id` is an element. These read the accessors and
// methods the DOM defines on the prototypes instead, which no control can shadow.

type Member = 'parentNode' | 'parentElement' | 'matches';

/** The member's descriptor found for each prototype (one per element interface and realm). */
const members: Record<Member, WeakMap<object, PropertyDescriptor | undefined>> = {
  parentNode: new WeakMap(),
  parentElement: new WeakMap(),
  matches: new WeakMap(),
};

function own(node: Node, name: Member): PropertyDescriptor | undefined {
  const prototype = Object.getPrototypeOf(node) as object | null;
  if (!prototype) return undefined;
  const known = members[name];
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

/** `node.parentNode` as the DOM defines it. */
export function parentNodeOf(node: Node): Node | null {
  return (own(node, 'parentNode')?.get?.call(node) ?? null) as Node | null;
}

/** `node.parentElement` as the DOM defines it. */
export function parentElementOf(node: Node): Element | null {
  return (own(node, 'parentElement')?.get?.call(node) ?? null) as Element | null;
}

/** `element.matches(selector)` as the DOM defines it. */
export function matchesSelector(element: Element, selector: string): boolean {
  const matches = own(element, 'matches')?.value as Element['matches'] | undefined;
  return matches ? matches.call(element, selector) : false;
}
