// Mounts the hovercard UI in a page: one plain <div> host on the document element with a
// *closed* shadow root, rendered by Preact from the content script's isolated world: page
// CSS cannot restyle it and page scripts cannot read it (host.shadowRoot is null; the host
// carries no attributes). Measured against an open root in docs/benchmarks.md; why not an
// extension-origin frame: docs/security.md. Placed
// below the anchor, or above when there is no room; never over the anchor, so the page's
// own controls stay clickable. This module is the lazily loaded chunk (entrypoints/hovercard.ts).
import { render } from 'preact';
import type { HovercardUi } from '../../lib/annotate/hovercard-controller';
import { forgetHost, registerHost } from '../../lib/annotate/registry';
import { Hovercard } from './Hovercard';
import { HOVERCARD_CSS } from './styles';

const WIDTH = 340;
const GAP = 6;
const ROOM_BELOW = 260;

export function createHovercardUi(document: Document): HovercardUi {
  const host = document.createElement('div');
  const root = host.attachShadow({ mode: 'closed' });
  registerHost(host, { kind: 'card', root });
  const style = document.createElement('style');
  // The host is a plain <div>: page rules for `div` must not move or hide it (important
  // declarations of a shadow root's :host win over the page's).
  style.textContent = `${HOVERCARD_CSS}\n:host{all:initial !important;display:block !important;position:static !important}`;
  const container = document.createElement('div');
  root.append(style, container);
  const attach = () => {
    // Pages that rebuild <body> (SPA shells) keep it: the host lives on <html>.
    if (!host.isConnected) document.documentElement.append(host);
  };

  return {
    show(anchor, state, options) {
      attach();
      const view = document.defaultView!;
      const box = anchor.getBoundingClientRect();
      const below = view.innerHeight - box.bottom > ROOM_BELOW || box.top < ROOM_BELOW;
      const top = below ? box.bottom + GAP : Math.max(8, box.top - GAP - ROOM_BELOW);
      const left = Math.max(8, Math.min(box.left, view.innerWidth - WIDTH - 8));
      render(
        <Hovercard
          state={state}
          theme={options.theme}
          position={{ top, left }}
          focus={options.focus}
          onClose={options.onClose}
        />,
        container,
      );
    },
    hide() {
      render(null, container);
    },
    contains(node) {
      return node === host || (node !== null && root.contains(node));
    },
    destroy() {
      render(null, container);
      host.remove();
      forgetHost(host);
    },
  };
}
