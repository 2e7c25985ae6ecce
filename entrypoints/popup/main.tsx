// Popup entrypoint. Its first script is small (no Dexie, no zod; the popup e2e test checks):
// it reads the first screen through raw IndexedDB (lib/db/first-screen-raw.ts) while the full
// popup (Dexie, the database, every view: ./full.tsx) loads as a chunk of its own, and paints
// the home screen from that read as soon as it has it; the full popup then takes the screen
// over, with what was typed meanwhile. When the raw read declines (no database yet, another
// schema version, …), the full popup reads the first screen through Dexie before its first
// render, as before. The marks let the popup-open benchmark say where the time goes.
import { render } from 'preact';
import { POPUP_MARKS } from '../../components/popup-marks';
import { FIRST_HOME, FirstScreenHome, showsAlone } from '../../components/popup/FirstScreenHome';
import type { HomeState } from '../../components/popup/PopupHome';
import { readFirstScreenRaw } from '../../lib/db/first-screen-raw';
import '../../components/popup.css';

performance.mark(POPUP_MARKS.start);
const root = document.getElementById('app')!;
const full = import('./full');
let loaded = false;
void full.then(() => (loaded = true));
const first = readFirstScreenRaw().catch(() => undefined);
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
