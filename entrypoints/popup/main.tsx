// Popup entrypoint: mounts the Preact app; the popup reads Dexie directly (same origin). The
// first screen (counts, who I am) is read before anything renders, so the first frame already
// has content; if that read fails, the app renders anyway and shows the error from its live
// queries. The marks let the popup-open benchmark say where the time goes.
import { render } from 'preact';
import { PopupApp, readFirstScreen } from '../../components/PopupApp';
import { POPUP_MARKS } from '../../components/popup-marks';
import { openDatabase } from '../../lib/db/database';
import '../../components/popup.css';

performance.mark(POPUP_MARKS.start);
const db = openDatabase();
const root = document.getElementById('app')!;
readFirstScreen(db).then(
  (first) => {
    performance.mark(POPUP_MARKS.data);
    render(<PopupApp db={db} first={first} />, root);
  },
  () => render(<PopupApp db={db} />, root),
);
