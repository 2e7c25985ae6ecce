// The lazily loaded hovercard chunk (Preact + card views). The content script imports this
// file from the extension on the first hover or focus; it runs in the content script's
// isolated world and hands over its factory through that world's global object.
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { createHovercardUi } from '../components/hovercard/mount';
import { HOVERCARD_FACTORY_KEY } from '../lib/annotate/lazy';

export default defineUnlistedScript(() => {
  Object.assign(globalThis, { [HOVERCARD_FACTORY_KEY]: createHovercardUi });
});
