// Where the canvas map puts circles, and which circle a pointer is on: the view box fitted as
// SVG's `xMidYMid meet` fits it, the zoom applied as translate · scale, and back again.
import { describe, expect, it } from 'vitest';
import {
  circleAt,
  fitOf,
  layoutTransform,
  toLayout,
  toViewBox,
  unitsPerPixel,
  viewBoxOf,
  type MapView,
} from '../../../lib/boundaries/map-view';

const view = (zoom = { k: 1, x: 0, y: 0 }): MapView => ({
  box: { x: -100, y: -50, width: 200, height: 100 },
  width: 400,
  height: 400,
  zoom,
});

describe('map view', () => {
  it('fits the view box into the drawing area, centred, keeping its aspect ratio', () => {
    // 200 × 100 into 400 × 400: scale 2 (the width decides), 100 px left over above and below.
    expect(fitOf(view())).toEqual({ scale: 2, dx: 200, dy: 200 });
    // The box's corners land on the area's edges (left, right) and centred vertically.
    const t = layoutTransform(view());
    expect([t.a * -100 + t.e, t.a * 100 + t.e]).toEqual([0, 400]);
    expect([t.a * -50 + t.f, t.a * 50 + t.f]).toEqual([100, 300]);
    expect(unitsPerPixel(view())).toBe(0.5);
  });

  it('applies the zoom as translate then scale, and inverts it exactly', () => {
    const zoomed = view({ k: 2.5, x: 30, y: -12 });
    const t = layoutTransform(zoomed);
    for (const [x, y] of [
      [0, 0],
      [17, -40],
      [-100, 50],
    ] as const) {
      const px = t.a * x + t.e;
      const py = t.a * y + t.f;
      const back = toLayout(zoomed, px, py);
      expect(back.x).toBeCloseTo(x, 9);
      expect(back.y).toBeCloseTo(y, 9);
      // In view-box units the point is the zoomed one: k · p + pan.
      const inBox = toViewBox(zoomed, px, py);
      expect(inBox.x).toBeCloseTo(2.5 * x + 30, 9);
      expect(inBox.y).toBeCloseTo(2.5 * y - 12, 9);
    }
  });

  it('does not divide by zero while the area has no size (a hidden tab)', () => {
    const hidden = { ...view(), width: 0, height: 0 };
    expect(unitsPerPixel(hidden)).toBe(1);
    expect(Number.isFinite(layoutTransform(hidden).a)).toBe(true);
  });

  it('pads the view box for names beside the outermost circles', () => {
    const box = viewBoxOf(() => ({ x: 0, y: 0, width: 1000, height: 600 }));
    expect(box).toEqual({ x: -90, y: -24, width: 1180, height: 648 });
    // A large map gets proportionally more room.
    expect(viewBoxOf(() => ({ x: 0, y: 0, width: 4000, height: 3000 })).x).toBe(-240);
  });

  it('finds the circle under a point: the last drawn on top, outlines included', () => {
    const circles = [
      { x: 0, y: 0, radius: 10 },
      { x: 12, y: 0, radius: 5 },
    ];
    expect(circleAt(circles, 0, 0)).toBe(0);
    // Where both overlap, the one painted later (on top) is hit.
    expect(circleAt(circles, 8, 0)).toBe(1);
    expect(circleAt(circles, 0, 10.5)).toBe(-1);
    expect(circleAt(circles, 0, 10.5, 1)).toBe(0);
    expect(circleAt(circles, 40, 40)).toBe(-1);
    expect(circleAt([], 0, 0)).toBe(-1);
  });
});
