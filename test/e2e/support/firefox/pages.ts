// Small page steps for the Firefox e2e tests, over puppeteer's BiDi page API: reading text and
// counts, clicking a button by its visible name, typing into a field, and the feed set-up the
// Chromium sync tests use, in Firefox's own words (`browser.*` in extension pages).
import type { ElementHandle, Page } from 'puppeteer-core';
import { until } from './launch';

/** The text of the first element matching `selector`, or null when there is none. */
export function textOf(page: Page, selector: string): Promise<string | null> {
  return page.evaluate((css) => document.querySelector(css)?.textContent ?? null, selector);
}

export function attributeOf(page: Page, selector: string, name: string): Promise<string | null> {
  return page.evaluate(
    (css, attribute) => document.querySelector(css)?.getAttribute(attribute) ?? null,
    selector,
    name,
  );
}

export function countOf(page: Page, selector: string): Promise<number> {
  return page.evaluate((css) => document.querySelectorAll(css).length, selector);
}

/** Every match's `name` attribute, in document order. */
export function attributesOf(page: Page, selector: string, name: string): Promise<string[]> {
  return page.evaluate(
    (css, attribute) =>
      Array.from(document.querySelectorAll(css), (el) => el.getAttribute(attribute) ?? ''),
    selector,
    name,
  );
}

/** The button (inside `scope`, a CSS selector) whose trimmed text is exactly `name`. */
export async function buttonNamed(
  page: Page,
  name: string,
  scope = 'body',
): Promise<ElementHandle<HTMLButtonElement>> {
  let found: ElementHandle<HTMLButtonElement> | null = null;
  await until(async () => {
    const handle = await page.evaluateHandle(
      (css, text) =>
        Array.from(document.querySelectorAll(`${css} button`)).find(
          (button) => button.textContent?.trim() === text,
        ) ?? null,
      scope,
      name,
    );
    found = handle.asElement() as ElementHandle<HTMLButtonElement> | null;
    if (!found) await handle.dispose();
    return found !== null;
  }, `a button named "${name}" in ${scope}`);
  return found!;
}

/** Clicks the element with real pointer input, as a user would. */
export async function clickOn(page: Page, selector: string): Promise<void> {
  await until(async () => (await countOf(page, selector)) > 0, `${selector} to appear`);
  await page.click(selector);
}

/** Types into a field with real key input (the field is emptied first). */
export async function typeInto(page: Page, selector: string, text: string): Promise<void> {
  await until(async () => (await countOf(page, selector)) > 0, `${selector} to appear`);
  await page.evaluate((css) => {
    const field = document.querySelector<HTMLInputElement>(css)!;
    field.select();
  }, selector);
  await page.type(selector, text);
}
