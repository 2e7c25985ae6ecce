// Notices when part of the page becomes editable, so badges and topic highlights leave it
// before an editor can save them (docs/security.md): a `contenteditable` attribute added or
// changed anywhere (seen by a MutationObserver, i.e. before the page's next task), and
// `document.designMode = "on"`, which changes no attribute and fires no event of its own —
// it is checked on every input-ish event (focus, pointer, key, selection, beforeinput; all
// run before an edit can happen) and on a slow timer for editors that save programmatically.
// It also reports when editing ends, so the region can be annotated again.

import { isContentEditableElement, nodeTypeOf, parentElementOf } from './tree';

export interface EditableWatch {
  /** Is this node in editable content now (attribute, inherited, or design mode)? */
  isEditable(node: Node): boolean;
}

export interface EditableOptions {
  document: Document;
  signal: AbortSignal;
  /** `root` (an element, or the whole document in design mode) became editable. */
  onEditable: (root: Element | Document) => void;
  /** `root` is no longer editable. */
  onReadOnly: (root: Element | Document) => void;
  /** Design-mode poll interval in ms (default 250). */
  pollMs?: number;
}

const INPUT_EVENTS = [
  'focusin',
  'pointerdown',
  'keydown',
  'beforeinput',
  'selectionchange',
] as const;

export function isEditableNode(document: Document, node: Node): boolean {
  if (document.designMode === 'on') return true;
  // Through the DOM's own accessors: the element can be a form, and a control named
  // "isContentEditable" would make editable text look read-only (tree.ts).
  const element = nodeTypeOf(node) === 1 ? (node as Element) : parentElementOf(node);
  return !!element && isContentEditableElement(element);
}

export function watchEditable(options: EditableOptions): EditableWatch {
  const { document, signal } = options;
  const window = document.defaultView!;
  let designMode = document.designMode === 'on';

  const checkDesignMode = () => {
    const now = document.designMode === 'on';
    if (now === designMode) return;
    designMode = now;
    (now ? options.onEditable : options.onReadOnly)(document);
  };

  const observer = new window.MutationObserver((records) => {
    checkDesignMode();
    for (const record of records) {
      const target = record.target as Element;
      if (!target.isConnected) continue;
      if (isContentEditableElement(target) || designMode) options.onEditable(target);
      else options.onReadOnly(target);
    }
  });
  observer.observe(document.documentElement, {
    attributes: true,
    attributeFilter: ['contenteditable'],
    subtree: true,
  });
  for (const type of INPUT_EVENTS)
    document.addEventListener(type, checkDesignMode, { capture: true, passive: true, signal });
  const timer = window.setInterval(checkDesignMode, options.pollMs ?? 250);
  signal.addEventListener('abort', () => {
    observer.disconnect();
    window.clearInterval(timer);
  });
  return { isEditable: (node) => isEditableNode(document, node) };
}
