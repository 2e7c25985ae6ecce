// Mounts the hovercard UI in a page: one <constellation-hovercard> host on the document
// element with an open shadow root (page CSS cannot reach it), rendered by Preact. Placed
// below the anchor, or above when there is no room; never over the anchor, so the page's
// own controls stay clickable. This module is the lazily loaded chunk (entrypoints/hovercard.ts).
import { render } from 'preact';
import { HOVERCARD_TAG } from '../../lib/annotate/hosts';
import type { HovercardUi } from '../../lib/annotate/hovercard-controller';
import { Hovercard } from './Hovercard';
import { HOVERCARD_CSS } from './styles';

const WIDTH = 340;
const GAP = 6;
const ROOM_BELOW = 260;

export function createHovercardUi(document: Document): HovercardUi {
  const host = document.createElement(HOVERCARD_TAG);
  const root = host.attachShadow({ mode: 'open' });
  const style = document.createElement('style');
  style.textContent = HOVERCARD_CSS;
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
    },
  };
}
