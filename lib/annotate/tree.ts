// Walking up the page's tree without trusting its elements' own properties. A <form> exposes
// its controls as properties by name that shadow the DOM's own, and it does so in the content
// script's isolated world too (DOM clobbering; HTMLFormElement is [LegacyOverrideBuiltIns]:
// https://html.spec.whatwg.org/multipage/forms.html#htmlformelement). In
// `<form><input name="parentNode"></form>` the form's parentNode is that input, whose parent is
// the form again: a walk up `.parentNode` never ends, and the page hangs. These read the
// accessor the DOM defines on Node.prototype instead, which no control can shadow.

/** The accessor's descriptor found for each prototype (one per element interface and realm). */
const accessors = {
  parentNode: new WeakMap<object, PropertyDescriptor | undefined>(),
  parentElement: new WeakMap<object, PropertyDescriptor | undefined>(),
};

function read(node: Node, name: keyof typeof accessors): unknown {
  const prototype = Object.getPrototypeOf(node) as object | null;
  if (!prototype) return null;
  const known = accessors[name];
  let accessor = known.get(prototype);
  if (!known.has(prototype)) {
    for (
      let p: object | null = prototype;
      p && !accessor?.get;
      p = Object.getPrototypeOf(p) as object | null
    )
      accessor = Object.getOwnPropertyDescriptor(p, name);
    known.set(prototype, accessor);
  }
  return accessor?.get ? accessor.get.call(node) : null;
}

/** `node.parentNode` as the DOM defines it. */
export function parentNodeOf(node: Node): Node | null {
  return read(node, 'parentNode') as Node | null;
}

/** `node.parentElement` as the DOM defines it. */
export function parentElementOf(node: Node): Element | null {
  return read(node, 'parentElement') as Element | null;
}
