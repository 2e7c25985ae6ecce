// What the boundaries view's map canvas drew in its last frame, read from the drawing code
// itself (MapCanvas.drawnMap on the canvas element): circles, placed names with the boxes
// their text covers and lines, in client pixels, so tests can click a circle where it is
// drawn and judge names as the user sees them.
import type { Page } from 'playwright-core';
import type { DrawnMap } from '../../../components/boundaries/map-canvas';

export type { DrawnMap };

export function drawnMap(page: Page): Promise<DrawnMap> {
  return page.evaluate(() => {
    const canvas = document.querySelector<HTMLCanvasElement & { drawnMap?: () => DrawnMap }>(
      '.constellation-map > canvas',
    );
    if (!canvas?.drawnMap) throw new Error('the map canvas is not on the page');
    return canvas.drawnMap();
  });
}

/** The centre of a community's circle as drawn, in client pixels. */
export async function circleCentre(page: Page, key: string): Promise<{ x: number; y: number }> {
  const circle = (await drawnMap(page)).circles.find((c) => c.key === key);
  if (!circle) throw new Error(`community ${key} is not on the map`);
  return { x: circle.x, y: circle.y };
}
