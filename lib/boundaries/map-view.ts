// Where the map's circles land on screen: the layout's box fitted into the drawing area the way
// an SVG viewBox is with `preserveAspectRatio="xMidYMid meet"`, then the user's zoom and pan.
// Pure arithmetic, shared by the canvas drawing, its hit-testing and the SVG export, so the
// screen, the pointer and the exported file agree on every position.

export interface ViewBox {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** The user's zoom `k` and pan (`x`, `y`, in view-box units), applied as translate · scale. */
export interface ZoomState {
  k: number;
  x: number;
  y: number;
}

export interface MapView {
  box: ViewBox;
  /** The drawing area in CSS pixels. */
  width: number;
  height: number;
  zoom: ZoomState;
}

/** The smallest area the map frames, in layout units (about one screen pixel each). */
const MIN_FRAME = 640;

/** The map's view box: every circle, with room beside the outermost ones for their names. */
export function viewBoxOf(bounds: (minSize: number) => ViewBox): ViewBox {
  const box = bounds(MIN_FRAME);
  // Names are placed left or right of a circle, or centred under it, so no name is cut off at
  // the map's edge. Grows with the map: names keep their size on screen, so a map of 500
  // needs more room.
  const padX = Math.max(90, box.width * 0.06);
  const padY = Math.max(24, box.height * 0.03);
  return {
    x: box.x - padX,
    y: box.y - padY,
    width: box.width + 2 * padX,
    height: box.height + 2 * padY,
  };
}

/** View-box units to CSS pixels: one scale (the smaller ratio, "meet") and a centring offset. */
export function fitOf(view: Pick<MapView, 'box' | 'width' | 'height'>) {
  const { box, width, height } = view;
  if (box.width <= 0 || box.height <= 0 || width <= 0 || height <= 0)
    return { scale: 1, dx: -box.x, dy: -box.y };
  const scale = Math.min(width / box.width, height / box.height);
  return {
    scale,
    dx: (width - box.width * scale) / 2 - box.x * scale,
    dy: (height - box.height * scale) / 2 - box.y * scale,
  };
}

/** Map units per CSS pixel at zoom 1 (1 while the area has no size, e.g. a hidden tab). */
export function unitsPerPixel(view: Pick<MapView, 'box' | 'width' | 'height'>): number {
  const { box, width, height } = view;
  if (width === 0 || height === 0 || box.width === 0) return 1;
  return Math.max(box.width / width, box.height / height);
}

/** The affine transform from layout units to CSS pixels: [a, e, f] of x' = a·x + e, y' = a·y + f. */
export function layoutTransform(view: MapView): { a: number; e: number; f: number } {
  const { scale, dx, dy } = fitOf(view);
  const { k, x, y } = view.zoom;
  return { a: scale * k, e: scale * x + dx, f: scale * y + dy };
}

/** A point of the drawing area (CSS pixels from its top left) in view-box units. */
export function toViewBox(view: MapView, px: number, py: number): { x: number; y: number } {
  const { scale, dx, dy } = fitOf(view);
  return { x: (px - dx) / scale, y: (py - dy) / scale };
}

/** A point of the drawing area in layout units (where the circles are). */
export function toLayout(view: MapView, px: number, py: number): { x: number; y: number } {
  const { a, e, f } = layoutTransform(view);
  return { x: (px - e) / a, y: (py - f) / a };
}

/**
 * The circle under a point, in layout units: the last drawn wins, as on screen (later circles
 * are painted over earlier ones). `slack` widens every circle by its outline. -1 for none.
 */
export function circleAt(
  circles: readonly { x: number; y: number; radius: number }[],
  x: number,
  y: number,
  slack = 0,
): number {
  for (let i = circles.length - 1; i >= 0; i--) {
    const c = circles[i]!;
    const r = c.radius + slack;
    if ((c.x - x) ** 2 + (c.y - y) ** 2 <= r * r) return i;
  }
  return -1;
}
