// Popup entrypoint. Its first scripts are small (no Dexie, no zod; the popup e2e test checks):
// the first screen is read through raw IndexedDB (lib/db/first-screen-raw.ts), a read started
// by a classic script in the page's head before these modules have loaded (early-read.ts),
// while the full popup (Dexie, the database, every view: ./full.tsx) loads as a chunk of its
// own, and this module paints the home screen from that read as soon as it has it; the full
// popup then takes the screen over, with what was typed meanwhile. When the raw read declines
// (no database yet, another schema version, …), the full popup reads the first screen through
// Dexie before its first render, as before. The marks let the popup-open benchmark say where
// the time goes.
import { render } from 'preact';
import { POPUP_MARKS } from '../../components/popup-marks';
import { FIRST_HOME, FirstScreenHome, showsAlone } from '../../components/popup/FirstScreenHome';
import type { HomeState } from '../../components/popup/PopupHome';
import { takeEarlyRead } from '../../components/popup/early-read';
import '../../components/popup.css';

performance.mark(POPUP_MARKS.start);
const root = document.getElementById('app')!;
const full = import('./full');
let loaded = false;
void full.then(() => (loaded = true));
const first = takeEarlyRead() ?? readHere();

/** The first screen's read when popup.html's classic script did not start it (its own chunk). */
function readHere() {
  performance.mark(POPUP_MARKS.readStart);
  return import('../../lib/db/first-screen-raw')
    .then(({ readFirstScreenRaw }) => readFirstScreenRaw())
    .catch(() => undefined);
}

/** The home screen painted from the raw read, while the full popup loads. */
let home: HomeState | undefined;
void first.then((screen) => {
  if (!screen) return;
  performance.mark(POPUP_MARKS.data);
  if (loaded || !showsAlone(screen)) return;
  home = FIRST_HOME;
  render(<FirstScreenHome first={screen} onHome={(next) => (home = next)} />, root);
});
Promise.all([full, first]).then(
  ([popup, screen]) => popup.startPopup(root, screen, home),
  (error: unknown) => {
    root.textContent = `Could not load the popup: ${error instanceof Error ? error.message : String(error)}. Reload the extension.`;
  },
);
