// The full popup, loaded by the popup's first script (./main.tsx) as a chunk of its own:
// Dexie, the database and every view.
import { render } from 'preact';
import { PopupApp } from '../../components/PopupApp';
import { POPUP_MARKS } from '../../components/popup-marks';
import type { HomeState } from '../../components/popup/PopupHome';
import { openDatabase } from '../../lib/db/database';
import { readFirstScreen } from '../../lib/db/first-screen';
import { warmSearch } from '../../lib/db/search';
import type { FirstScreen } from '../../lib/db/viewer';

/**
 * Renders the full popup into `root`: over the first screen the raw read gave, or read now
 * through Dexie. `home` is the state of the screen the first script painted: the full popup
 * carries it on, and focus and selection stay where they were (its DOM is rebuilt in the
 * same task, before any paint).
 */
export async function startPopup(
  root: HTMLElement,
  first: FirstScreen | undefined,
  home: HomeState | undefined,
): Promise<void> {
  const db = openDatabase();
  if (!first) {
    try {
      first = await readFirstScreen(db);
      performance.mark(POPUP_MARKS.data);
    } catch {
      // The app renders anyway and shows the error from its live queries.
      render(<PopupApp db={db} />, root);
      return;
    }
  }
  const refocus = focusKeeper(root);
  render(<PopupApp db={db} first={first} home={home} />, root);
  refocus();
  // Once the popup is idle, the search box's small lists are read ahead of the first keystroke.
  // A failure costs nothing but that head start (the search reads what it needs itself).
  requestIdleCallback(
    () =>
      void warmSearch(db).then(
        (lists) => performance.mark(POPUP_MARKS.searchWarmed, { detail: lists }),
        () => undefined,
      ),
    { timeout: 1_000 },
  );
}

/** Puts focus (and a text field's selection) back on the element of the same id, once rebuilt. */
function focusKeeper(root: HTMLElement): () => void {
  const active = document.activeElement;
  if (!(active instanceof HTMLElement) || !root.contains(active) || !active.id) return () => {};
  const { id } = active;
  const selection =
    active instanceof HTMLInputElement && active.selectionStart !== null
      ? ([active.selectionStart, active.selectionEnd ?? active.selectionStart] as const)
      : undefined;
  return () => {
    const next = document.getElementById(id);
    if (!next || next === document.activeElement) return;
    next.focus();
    if (selection && next instanceof HTMLInputElement) next.setSelectionRange(...selection);
  };
}
