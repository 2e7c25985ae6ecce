// The popup's first-useful-paint mark (components/popup-marks.ts), set once per page whichever
// tree paints the first screen first: the popup's first script (before Dexie has loaded) or
// the full popup.
import { POPUP_MARKS } from '../popup-marks';

let marked = false;

/** Marks the end of the next frame's paint (rAF runs before it, the message after it). */
export function markFirstUsefulPaint(): void {
  if (marked) return;
  marked = true;
  requestAnimationFrame(() => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => performance.mark(POPUP_MARKS.firstUsefulPaint);
    channel.port2.postMessage(undefined);
  });
}
