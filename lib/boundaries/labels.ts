// Where the map writes community names: greedily, most important first (search hits, then the
// largest communities), each at the first of eight spots around its circle — below, above,
// right, left, then the four corners — where it overlaps no circle and no name already placed
// and stays inside the map's frame (a name cut off at the edge reads as a wrong name); the
// first few (landmarks) may instead lie over smaller circles. Names that fit
// nowhere are left out (the circle's tooltip and the selection still name them); zooming in
// shrinks names relative to the map, so more of them fit (issue 17: labels used to sit under
// circles and on top of each other).

export interface LabelCandidate {
  community: number;
  x: number;
  y: number;
  radius: number;
  text: string;
  /** Higher is placed first. */
  priority: number;
  /**
   * The name's width in map units, measured where it is drawn (a canvas's `measureText`);
   * without it, estimated from `charWidth`.
   */
  width?: number;
}

export interface PlacedLabel {
  community: number;
  /** Offset of the text's anchor point from the circle's centre, on its baseline. */
  dx: number;
  dy: number;
  anchor: 'middle' | 'start' | 'end';
  /** The space the name takes, in map units (what collisions were checked against). */
  box: Box;
  /** Placed over smaller circles (see `LabelOptions.landmarks`). */
  landmark: boolean;
}

export interface LabelOptions {
  /** Font size in map units. */
  fontSize: number;
  /** Average glyph width as a share of the font size (0.55 suits sans-serif names). */
  charWidth?: number;
  /**
   * The font's extent above and below the baseline as shares of its size (0.85 and 0.3 by
   * default); the drawing passes its font's measured metrics, so each box is what is drawn.
   */
  ascent?: number;
  descent?: number;
  /** Space between circle and name. */
  gap?: number;
  /** The drawn area: a name must lie wholly inside it. */
  frame?: Box;
  /**
   * While fewer names than this are placed, a name that fits nowhere clear may lie over
   * circles smaller than its own (never over a name, nor a circle as large as its own), where
   * it covers least: on a dense map of 500 the largest communities sit where no gap is wide
   * enough for a name, and a map whose landmarks are unnamed reads as a hairball. Default 0.
   */
  landmarks?: number;
}

export interface Box {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

function overlaps(a: Box, b: Box): boolean {
  return a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1;
}

function someOf<T>(items: Iterable<T>, test: (item: T) => boolean): boolean {
  for (const item of items) if (test(item)) return true;
  return false;
}

function hitsCircle(box: Box, x: number, y: number, r: number): boolean {
  const nx = Math.max(box.x0, Math.min(x, box.x1));
  const ny = Math.max(box.y0, Math.min(y, box.y1));
  return (nx - x) ** 2 + (ny - y) ** 2 < r * r;
}

/**
 * Boxes bucketed in a uniform grid, so a collision test looks at its neighbourhood only: the
 * plain scan over every circle and name made placing 500 names cost a quarter second.
 */
class BoxGrid<T extends Box> {
  private readonly cells = new Map<string, T[]>();
  constructor(private readonly size: number) {}

  private *keys(box: Box): Generator<string> {
    const s = this.size;
    for (let i = Math.floor(box.x0 / s); i <= Math.floor(box.x1 / s); i++)
      for (let j = Math.floor(box.y0 / s); j <= Math.floor(box.y1 / s); j++) yield `${i},${j}`;
  }

  add(box: T): void {
    for (const key of this.keys(box)) {
      const cell = this.cells.get(key);
      if (cell) cell.push(box);
      else this.cells.set(key, [box]);
    }
  }

  /** Boxes sharing a cell with `box` (each possibly more than once). */
  *near(box: Box): Generator<T> {
    for (const key of this.keys(box)) yield* this.cells.get(key) ?? [];
  }
}

interface Circle extends Box {
  x: number;
  y: number;
  r: number;
}

export function placeLabels(
  candidates: readonly LabelCandidate[],
  options: LabelOptions,
): PlacedLabel[] {
  const size = options.fontSize;
  const charWidth = options.charWidth ?? 0.55;
  const gap = options.gap ?? 2;
  const ascent = (options.ascent ?? 0.85) * size;
  const descent = (options.descent ?? 0.3) * size;
  const height = ascent + descent;
  const landmarks = options.landmarks ?? 0;
  const cell = Math.max(4 * size, 16);
  const placed = new BoxGrid<Box>(cell);
  const circles = new BoxGrid<Circle>(cell);
  for (const c of candidates) {
    const circle: Circle = {
      x: c.x,
      y: c.y,
      r: c.radius,
      x0: c.x - c.radius,
      y0: c.y - c.radius,
      x1: c.x + c.radius,
      y1: c.y + c.radius,
    };
    circles.add(circle);
  }
  const out: PlacedLabel[] = [];
  const order = [...candidates].sort(
    (a, b) => b.priority - a.priority || a.community - b.community,
  );
  for (const c of order) {
    const width = c.width ?? c.text.length * size * charWidth;
    const spots: { box: Box; label: Omit<PlacedLabel, 'box' | 'landmark'> }[] = [
      {
        box: { x0: c.x - width / 2, x1: c.x + width / 2, y0: c.y + c.radius + gap, y1: 0 },
        label: {
          community: c.community,
          dx: 0,
          dy: c.radius + gap + ascent,
          anchor: 'middle',
        },
      },
      {
        box: { x0: c.x - width / 2, x1: c.x + width / 2, y0: c.y - c.radius - gap - height, y1: 0 },
        label: {
          community: c.community,
          dx: 0,
          dy: -c.radius - gap - descent,
          anchor: 'middle',
        },
      },
      {
        box: {
          x0: c.x + c.radius + gap,
          x1: c.x + c.radius + gap + width,
          y0: c.y - height / 2,
          y1: 0,
        },
        label: {
          community: c.community,
          dx: c.radius + gap,
          dy: ascent - height / 2,
          anchor: 'start',
        },
      },
      {
        box: {
          x0: c.x - c.radius - gap - width,
          x1: c.x - c.radius - gap,
          y0: c.y - height / 2,
          y1: 0,
        },
        label: {
          community: c.community,
          dx: -c.radius - gap,
          dy: ascent - height / 2,
          anchor: 'end',
        },
      },
      ...corners(c, width, height, ascent, gap),
    ];
    const frame = options.frame;
    const free = spots.filter((spot) => {
      spot.box.y1 = spot.box.y0 + height;
      const outside =
        frame &&
        (spot.box.x0 < frame.x0 ||
          spot.box.x1 > frame.x1 ||
          spot.box.y0 < frame.y0 ||
          spot.box.y1 > frame.y1);
      return !outside && !someOf(placed.near(spot.box), (box) => overlaps(box, spot.box));
    });
    let chosen = free.find(
      (spot) => !someOf(circles.near(spot.box), (o) => hitsCircle(spot.box, o.x, o.y, o.r)),
    );
    let landmark = false;
    if (!chosen && out.length < landmarks) {
      // A landmark may lie over circles smaller than its own, where it covers least of them.
      let least = Number.POSITIVE_INFINITY;
      for (const spot of free) {
        let covered = 0;
        for (const o of new Set(circles.near(spot.box))) {
          if (!hitsCircle(spot.box, o.x, o.y, o.r)) continue;
          covered += o.r >= c.radius ? Number.POSITIVE_INFINITY : o.r * o.r;
        }
        if (covered < least) [least, chosen, landmark] = [covered, spot, true];
      }
    }
    if (!chosen) continue;
    placed.add(chosen.box);
    out.push({ ...chosen.label, box: chosen.box, landmark });
  }
  return out;
}

/**
 * The four diagonal spots: the name starts (or ends) level with the circle's side, its nearer
 * edge just past the circle at 45°. Tried after the four sides, so a crowded neighbourhood still
 * finds its name a place.
 */
function corners(
  c: LabelCandidate,
  width: number,
  height: number,
  ascent: number,
  gap: number,
): { box: Box; label: Omit<PlacedLabel, 'box' | 'landmark'> }[] {
  const d = c.radius * Math.SQRT1_2 + gap;
  return [
    [1, 1],
    [-1, 1],
    [1, -1],
    [-1, -1],
  ].map(([sx, sy]) => {
    const x0 = sx! > 0 ? c.x + d : c.x - d - width;
    const y0 = sy! > 0 ? c.y + d : c.y - d - height;
    return {
      box: { x0, x1: x0 + width, y0, y1: y0 + height },
      label: {
        community: c.community,
        dx: sx! * d,
        dy: (sy! > 0 ? d : -d - height) + ascent,
        anchor: sx! > 0 ? 'start' : 'end',
      },
    };
  });
}
