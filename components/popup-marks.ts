// Performance marks the popup sets while it opens, read by the popup-open benchmark
// (scripts/bench/popup-open.ts). No imports: the benchmark loads this in Node.
export const POPUP_MARKS = {
  /**
   * The first screen's IndexedDB read starts: in popup.html's classic script, before the
   * module below (components/popup/early-read.ts); in the module when that script did not run.
   */
  readStart: 'constellation:first-read-start',
  /** The popup's module starts running (its dependencies are loaded and evaluated). */
  start: 'constellation:popup-start',
  /** The first screen (counts, who I am) has been read from IndexedDB. */
  data: 'constellation:popup-data',
  /** Just after the first frame with that content was painted. */
  firstUsefulPaint: 'constellation:first-useful-paint',
  /** The search box's small lists have been read ahead (detail: the lists read whole). */
  searchWarmed: 'constellation:search-warmed',
} as const;
