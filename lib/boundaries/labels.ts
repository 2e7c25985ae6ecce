// Where the map writes community names: greedily, most important first (search hits, then the
// largest communities), each at the first of four spots around its circle — below, above,
// right, left — where it overlaps no circle and no name already placed. Names that fit
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
}

export interface PlacedLabel {
  community: number;
  /** Offset of the text's anchor point from the circle's centre (SVG baseline). */
  dx: number;
  dy: number;
  anchor: 'middle' | 'start' | 'end';
  /** The space the name takes, in map units (what collisions were checked against). */
  box: Box;
}

export interface LabelOptions {
  /** Font size in map units. */
  fontSize: number;
  /** Average glyph width as a share of the font size (0.55 suits sans-serif names). */
  charWidth?: number;
  /** Space between circle and name. */
  gap?: number;
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
  const height = size * 1.15;
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
    const width = c.text.length * size * charWidth;
    const spots: { box: Box; label: Omit<PlacedLabel, 'box'> }[] = [
      {
        box: { x0: c.x - width / 2, x1: c.x + width / 2, y0: c.y + c.radius + gap, y1: 0 },
        label: {
          community: c.community,
          dx: 0,
          dy: c.radius + gap + size * 0.85,
          anchor: 'middle',
        },
      },
      {
        box: { x0: c.x - width / 2, x1: c.x + width / 2, y0: c.y - c.radius - gap - height, y1: 0 },
        label: {
          community: c.community,
          dx: 0,
          dy: -c.radius - gap - size * 0.3,
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
        label: { community: c.community, dx: c.radius + gap, dy: size * 0.35, anchor: 'start' },
      },
      {
        box: {
          x0: c.x - c.radius - gap - width,
          x1: c.x - c.radius - gap,
          y0: c.y - height / 2,
          y1: 0,
        },
        label: { community: c.community, dx: -c.radius - gap, dy: size * 0.35, anchor: 'end' },
      },
    ];
    for (const spot of spots) {
      spot.box.y1 = spot.box.y0 + height;
      if (someOf(placed.near(spot.box), (box) => overlaps(box, spot.box))) continue;
      if (someOf(circles.near(spot.box), (o) => hitsCircle(spot.box, o.x, o.y, o.r))) continue;
      placed.add(spot.box);
      out.push({ ...spot.label, box: spot.box });
      break;
    }
  }
  return out;
}
