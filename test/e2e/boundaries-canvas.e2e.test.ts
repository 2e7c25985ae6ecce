// The boundaries map's canvas in real Chromium with the built extension and the demo
// organisation in real IndexedDB: a dimmed circle keeps its dimmed fill under the pointer
// while a selection is shown, and the list of communities for the keyboard and screen readers
// names what the canvas paints in the very frame it is painted. (A devicePixelRatio change
// without a resize is test/unit/boundaries/map-canvas-resolution.test.ts: Chromium's emulated
// ratio does not reach media query listeners.)
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchWithExtension, type LaunchedChromium } from '../../scripts/chromium';
import { drawnMap } from './support/boundaries-map';
import { builtExtensionDir } from './support/extension';
import { extensionPage } from './support/sync-helpers';

const VIEWPORT = { width: 1400, height: 1000 };

/** RGBA of the canvas's pixel under a client point, read after the next two frames. */
function pixelAt(page: Page, x: number, y: number): Promise<number[]> {
  return page.evaluate(
    async ([x, y]) => {
      for (let i = 0; i < 2; i++) await new Promise((r) => requestAnimationFrame(r));
      const canvas = document.querySelector<HTMLCanvasElement>('.constellation-map > canvas')!;
      const rect = canvas.getBoundingClientRect();
      const scale = canvas.width / rect.width;
      const data = canvas
        .getContext('2d')!
        .getImageData(
          Math.floor((x! - rect.left) * scale),
          Math.floor((y! - rect.top) * scale),
          1,
          1,
        ).data;
      return [...data];
    },
    [x, y],
  );
}

describe('the boundaries map canvas', () => {
  let browser: LaunchedChromium;
  let page: Page;

  beforeAll(async () => {
    browser = await launchWithExtension({ extensionDir: builtExtensionDir(), viewport: VIEWPORT });
    page = await extensionPage(browser, 'boundaries.html');
    // The demo organisation is loaded at install; the map settles once it is read.
    await page.locator('.constellation-map[data-settled="true"]').waitFor({ timeout: 60_000 });
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('keeps a dimmed circle dimmed under the pointer while a selection is shown', async () => {
    await page.setViewportSize(VIEWPORT);
    await page.locator('.constellation-map[data-settled="true"]').waitFor();
    const circles = (await drawnMap(page)).circles;
    // A circle clear of every other, so a click and a hover reach it (the largest one).
    const clear = circles.filter((c) =>
      circles.every((o) => o === c || Math.hypot(o.x - c.x, o.y - c.y) > o.r + c.r + 8),
    );
    const selected = [...clear].sort((a, b) => b.r - a.r)[0]!;
    await page.mouse.click(selected.x, selected.y);
    await expect
      .poll(() => page.locator('section.details').getAttribute('data-selected'))
      .toBe(selected.key);
    const drawn = await drawnMap(page);
    const dimmed = drawn.circles
      .filter((c) => c.dimmed && clear.some((k) => k.key === c.key))
      .sort((a, b) => b.r - a.r)[0];
    expect(dimmed, 'a dimmed circle clear of others').toBeDefined();
    // Away from the pointer, then over the dimmed circle: its fill must not change.
    await page.mouse.move(2, 2);
    const still = await pixelAt(page, dimmed!.x, dimmed!.y);
    await page.mouse.move(dimmed!.x, dimmed!.y);
    await expect.poll(async () => (await drawnMap(page)).hover).toBe(dimmed!.index);
    const hovered = await pixelAt(page, dimmed!.x, dimmed!.y);
    for (let channel = 0; channel < 4; channel++)
      expect(Math.abs(hovered[channel]! - still[channel]!)).toBeLessThanOrEqual(2);
    // And the selected circle under the pointer keeps its full colour.
    const selectedBefore = await pixelAt(page, selected.x, selected.y);
    await page.mouse.move(selected.x, selected.y);
    await expect.poll(async () => (await drawnMap(page)).hover).toBe(selected.index);
    const selectedHovered = await pixelAt(page, selected.x, selected.y);
    for (let channel = 0; channel < 4; channel++)
      expect(Math.abs(selectedHovered[channel]! - selectedBefore[channel]!)).toBeLessThanOrEqual(2);
    await page.mouse.move(2, 2);
  });

  it('names in its list of communities what the canvas paints, in the same frame', async () => {
    // A filter changes which communities are on the map; in the animation frame that paints
    // the canvas (registered after it), the list must already name the same communities.
    const frames = await page.evaluate(async () => {
      const stage = document.querySelector<HTMLSelectElement>('#f-stage')!;
      const canvas = document.querySelector('.constellation-map > canvas') as HTMLCanvasElement & {
        drawnMap: () => { circles: { key: string }[] };
      };
      const compare = () => {
        const drawn = canvas.drawnMap().circles.map((c) => c.key);
        const listed = [
          ...document.querySelectorAll<HTMLElement>('.constellation-map .map-communities .node'),
        ].map((b) => b.dataset.community!);
        return { drawn: drawn.sort(), listed: listed.sort() };
      };
      const seen = [];
      for (const value of ['active', 'coalescing', '']) {
        stage.value = value;
        stage.dispatchEvent(new Event('change', { bubbles: true }));
        // Preact renders in a microtask; its layout effects ask the canvas for a frame.
        await Promise.resolve();
        await Promise.resolve();
        seen.push(
          await new Promise<ReturnType<typeof compare>>((resolve) =>
            requestAnimationFrame(() => resolve(compare())),
          ),
        );
      }
      return seen;
    });
    expect(frames).toHaveLength(3);
    const sizes = new Set(frames.map((f) => f.drawn.length));
    expect(sizes.size, 'the filters change what is drawn').toBeGreaterThan(1);
    for (const frame of frames) {
      expect(frame.drawn.length).toBeGreaterThan(0);
      expect(frame.listed).toEqual(frame.drawn);
    }
  });
});
