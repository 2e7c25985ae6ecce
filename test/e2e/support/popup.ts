// Opening the popup page in a tab of the test browser, past the first-run identity question.
import type { Page } from 'playwright-core';
import type { LaunchedChromium } from '../../../scripts/chromium';

export async function openPopup(browser: LaunchedChromium): Promise<Page> {
  const page = await browser.context.newPage();
  await page.setViewportSize({ width: 400, height: 600 });
  await page.goto(`chrome-extension://${browser.extensionId}/popup.html`);
  return page;
}

/** Waits until the demo data is loaded (the people count is shown). */
export async function waitForData(page: Page, people: number): Promise<void> {
  await page.locator(`[data-count="people"]:text-is("${people}")`).waitFor({ timeout: 30_000 });
}
