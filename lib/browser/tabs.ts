// The small adapter that opens the extension's own full-page views in a browser tab.
import { browser } from 'wxt/browser';

/** Opens the boundaries view (entrypoints/boundaries) in a new tab. */
export async function openBoundariesView(): Promise<void> {
  await browser.tabs.create({ url: browser.runtime.getURL('/boundaries.html') });
}

/** Opens the options page (settings, feeds, local data). */
export async function openOptions(): Promise<void> {
  await browser.runtime.openOptionsPage();
}
