// A classic script in popup.html's head (components/popup/early-read.ts): the popup's first
// screen is read through raw IndexedDB as soon as the page is parsed, while the popup's modules
// are still being fetched and evaluated. A failure is an undefined screen: the popup then reads
// through Dexie, as when no early read ran.
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { leaveEarlyRead } from '../components/popup/early-read';
import { POPUP_MARKS } from '../components/popup-marks';
import { readFirstScreenRaw } from '../lib/db/first-screen-raw';

export default defineUnlistedScript(() => {
  performance.mark(POPUP_MARKS.readStart);
  leaveEarlyRead(readFirstScreenRaw().catch(() => undefined));
});
