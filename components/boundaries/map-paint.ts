// Paints the constellation map on a 2D canvas: lines, circles, names, the selection and the
// keyboard focus, in the same colours, widths and dash patterns as the SVG drawing the export
// writes (MapDrawing.tsx with boundaries.css). Everything is drawn in layout units under one
// transform (the fit of the view box, then the user's zoom), so widths scale with zoom exactly
// as they do in the SVG. One call paints the whole frame; MapCanvas calls it only on change.
import type { LayoutNode } from '../../lib/boundaries/layout';
import type { PlacedLabel } from '../../lib/boundaries/labels';
import type { MapModel } from '../../lib/boundaries/map-model';
import type { BoundaryReport } from '../../lib/boundaries/report';
import { STAGES, type Stage, type Standing } from '../../lib/model/vocabulary';

/** The page's colours and font, read from CSS custom properties (light or dark theme). */
export interface MapStyle {
  fg: string;
  ground: string;
  accent: string;
  danger: string;
  stages: Record<Stage, string>;
  fontFamily: string;
}

export function readMapStyle(element: Element): MapStyle {
  const computed = getComputedStyle(element);
  const read = (name: string, fallback: string) =>
    computed.getPropertyValue(name).trim() || fallback;
  const fg = read('--fg', '#1f2328');
  return {
    fg,
    ground: read('--canvas', '#ffffff'),
    accent: read('--accent', '#0969da'),
    danger: read('--danger-fg', '#d1242f'),
    stages: Object.fromEntries(STAGES.map((s) => [s, read(`--stage-${s}`, fg)])) as Record<
      Stage,
      string
    >,
    fontFamily: computed.fontFamily || 'sans-serif',
  };
}

/** Outline width and dashes by standing (boundaries.css `.standing-*`). */
const OUTLINE: Record<Standing, { width: number; dash: number[] }> = {
  unrecognized: { width: 1.6, dash: [1.5, 2.5] },
  bootlegged: { width: 1.6, dash: [6, 3] },
  legitimized: { width: 1.2, dash: [] },
  strategic: { width: 3, dash: [] },
  transformative: { width: 1.6, dash: [] },
};
/** Line opacity: every line, with a selection the others, and the selection's own. */
const EDGE_ALPHA = 0.22;
const EDGE_ALPHA_DIMMED = 0.08;
const EDGE_ALPHA_SELECTED = 0.7;
/** Circles that are neither the selection nor its neighbours, while there is a selection. */
const DIMMED = 0.3;

export interface MapScene {
  report: BoundaryReport;
  model: MapModel;
  nodes: readonly LayoutNode[];
  hits: ReadonlySet<number> | null;
  selected: number | null;
  hover: number | null;
  /** The community focused in the list of communities (keyboard), ringed on the map. */
  focus: number | null;
  labels: readonly PlacedLabel[];
  /** Names' font size in layout units. */
  labelSize: number;
  /** Every line and circle dimmed, as around a selection (the layer a selection starts from). */
  dimAll?: boolean;
}

/**
 * Copies the lines and circles from an earlier frame: as painted with no selection, or all
 * dimmed (`dimmed`), under the same transform.
 */
export type MapBackground = (ctx: CanvasRenderingContext2D, dimmed: boolean) => void;

/** The font of a name at `size` layout units. */
export function labelFont(style: MapStyle, size: number, landmark: boolean): string {
  return `${landmark ? '600' : '400'} ${size}px ${style.fontFamily}`;
}

/** Lines that meet the selected community, and the communities at their other ends. */
export function selectionNeighbours(model: MapModel, selected: number | null) {
  const edges = new Set<number>();
  const neighbours = new Set<number>();
  if (selected === null) return { edges, neighbours };
  model.edges.forEach((edge, i) => {
    if (edge.a !== selected && edge.b !== selected) return;
    edges.add(i);
    neighbours.add(edge.a === selected ? edge.b : edge.a);
  });
  return { edges, neighbours };
}

/**
 * Paints one frame. `transform` maps layout units to device pixels ([a, e, f]: x' = a·x + e),
 * `pixel` is one CSS pixel in layout units (for the focus ring's fixed width); `names` draws
 * the placed names over the circles (paintNames, or a copy of them from an earlier frame).
 */
export function paintMap(
  ctx: CanvasRenderingContext2D,
  scene: MapScene,
  style: MapStyle,
  transform: { a: number; e: number; f: number },
  pixel: number,
  names: (ctx: CanvasRenderingContext2D) => void,
  background?: MapBackground,
): void {
  const { report, model, nodes, hits, selected } = scene;
  const dimAll = scene.dimAll === true;
  ctx.setTransform(1, 0, 0, 1, 0, 0);
  ctx.clearRect(0, 0, ctx.canvas.width, ctx.canvas.height);
  ctx.setTransform(transform.a, 0, 0, transform.a, transform.e, transform.f);
  ctx.miterLimit = 4;
  const at = new Map<number, LayoutNode>();
  for (const node of nodes) at.set(node.community, node);
  const marked = selected !== null && at.has(selected) ? selected : null;
  const { edges: selectedEdges, neighbours } = selectionNeighbours(model, marked);

  // Lines first, the selection's last so they lie on top of the dimmed ones.
  const strongest = Math.max(
    Number.MIN_VALUE,
    ...model.edges.filter((e) => e.kind === 'members').map((e) => e.strength),
  );
  // `base`: as in the background layer (MapBackground) this frame copies: no selection
  // marked, every line and circle dimmed while there is one, no hover.
  const line = (i: number, base = false) => {
    const edge = model.edges[i]!;
    const a = at.get(edge.a);
    const b = at.get(edge.b);
    if (!a || !b) return;
    const strength = edge.kind === 'members' ? Math.sqrt(edge.strength / strongest) : 0.25;
    ctx.lineWidth =
      edge.kind === 'members' ? 0.6 + 3.4 * strength : 0.6 + 0.4 * Math.min(edge.weight, 4);
    ctx.strokeStyle = edge.kind === 'members' ? style.fg : style.accent;
    ctx.setLineDash(edge.kind === 'members' ? [] : [4, 3]);
    ctx.globalAlpha =
      dimAll || (base && marked !== null)
        ? EDGE_ALPHA_DIMMED
        : marked === null || base
          ? EDGE_ALPHA
          : selectedEdges.has(i)
            ? EDGE_ALPHA_SELECTED
            : EDGE_ALPHA_DIMMED;
    ctx.beginPath();
    ctx.moveTo(a.x, a.y);
    ctx.lineTo(b.x, b.y);
    ctx.stroke();
  };
  const circle = (node: LayoutNode, base = false) => {
    const c = report.communities[node.community]!;
    const dim =
      dimAll ||
      (marked !== null && (base || (node.community !== marked && !neighbours.has(node.community))));
    const alpha = dim ? DIMMED : 1;
    if (c.standing === 'transformative') {
      ctx.globalAlpha = alpha;
      ctx.setLineDash([]);
      ctx.lineWidth = 1.6;
      ctx.strokeStyle = style.fg;
      ctx.beginPath();
      ctx.arc(node.x, node.y, node.radius + 3, 0, 2 * Math.PI);
      ctx.stroke();
    }
    ctx.beginPath();
    ctx.arc(node.x, node.y, node.radius, 0, 2 * Math.PI);
    ctx.globalAlpha = alpha;
    ctx.fillStyle = style.stages[c.stage];
    ctx.fill();
    // The outline's cascade in boundaries.css: standing, then selected, then hit, then hover.
    let { width, dash } = OUTLINE[c.standing];
    let stroke = style.fg;
    if (!base && node.community === marked) [width, dash, stroke] = [4, [], style.accent];
    if (hits?.has(node.community)) [width, stroke] = [3, style.danger];
    if (!base && node.community === scene.hover) width = 3;
    ctx.lineWidth = width;
    ctx.setLineDash(dash);
    ctx.strokeStyle = stroke;
    ctx.stroke();
  };
  // With a background (a selection or a hover on a settled map), only what they change is
  // painted over it: the selection's lines and circles (opaque, so they cover their copies).
  if (background) background(ctx, marked !== null);
  else for (let i = 0; i < model.edges.length; i++) if (!selectedEdges.has(i)) line(i);
  for (const i of selectedEdges) line(i);
  const over = background ? new Set([marked, ...neighbours]) : null;
  for (const node of nodes) if (!over || over.has(node.community)) circle(node);
  // A hovered circle may be dimmed (translucent): painted over its copy it would darken. Its
  // patch of the canvas is cleared and painted again as the layers and the selection paint
  // it, with the hovered circle left out of the layer's part and painted once, last.
  const hovered = background && scene.hover !== null ? at.get(scene.hover) : undefined;
  if (hovered) {
    // The transformative ring (radius + 3, 1.6 wide) and the hover outline (3 wide) fit in +6.
    const reach = hovered.radius + 6;
    const x0 = Math.floor(transform.a * (hovered.x - reach) + transform.e);
    const y0 = Math.floor(transform.a * (hovered.y - reach) + transform.f);
    const x1 = Math.ceil(transform.a * (hovered.x + reach) + transform.e);
    const y1 = Math.ceil(transform.a * (hovered.y + reach) + transform.f);
    // The patch in layout units, widened by the widest line's half width.
    const box = {
      x0: (x0 - transform.e) / transform.a - 2,
      y0: (y0 - transform.f) / transform.a - 2,
      x1: (x1 - transform.e) / transform.a + 2,
      y1: (y1 - transform.f) / transform.a + 2,
    };
    const crosses = (i: number) => {
      const edge = model.edges[i]!;
      const a = at.get(edge.a);
      const b = at.get(edge.b);
      return (
        !!a &&
        !!b &&
        Math.max(a.x, b.x) >= box.x0 &&
        Math.min(a.x, b.x) <= box.x1 &&
        Math.max(a.y, b.y) >= box.y0 &&
        Math.min(a.y, b.y) <= box.y1
      );
    };
    const inPatch = (node: LayoutNode) => {
      const r = node.radius + 4;
      return (
        node !== hovered &&
        node.x + r >= box.x0 &&
        node.x - r <= box.x1 &&
        node.y + r >= box.y0 &&
        node.y - r <= box.y1
      );
    };
    ctx.save();
    // Whole device pixels: the clip has no soft edge, so the patch joins its copy seamlessly.
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    ctx.beginPath();
    ctx.rect(x0, y0, x1 - x0, y1 - y0);
    ctx.clip();
    ctx.clearRect(x0, y0, x1 - x0, y1 - y0);
    ctx.setTransform(transform.a, 0, 0, transform.a, transform.e, transform.f);
    for (let i = 0; i < model.edges.length; i++) if (crosses(i)) line(i, true);
    for (const node of nodes) if (inPatch(node)) circle(node, true);
    for (const i of selectedEdges) if (crosses(i)) line(i);
    for (const node of nodes) if (over!.has(node.community) && inPatch(node)) circle(node);
    circle(hovered);
    ctx.restore();
  }
  ctx.globalAlpha = 1;
  ctx.setLineDash([]);

  const focused = scene.focus === null ? undefined : at.get(scene.focus);
  if (focused) {
    // The keyboard focus: a ring in the page's focus colour, 2 screen pixels wide.
    ctx.lineWidth = 2 * pixel;
    ctx.strokeStyle = style.accent;
    ctx.beginPath();
    ctx.arc(focused.x, focused.y, focused.radius + 6 * pixel, 0, 2 * Math.PI);
    ctx.stroke();
  }

  // Names on top of every circle: the placed ones (drawn by the caller, who may reuse them
  // from an earlier frame), then the selected and the focused community's, below its circle.
  ctx.globalAlpha = 1;
  names(ctx);
  const named = new Set(scene.labels.map((l) => l.community));
  for (const community of new Set([marked, scene.focus])) {
    const node = community === null ? undefined : at.get(community);
    if (!node || named.has(node.community)) continue;
    const text = report.communities[node.community]!.name;
    const size = scene.labelSize;
    paintName(ctx, style, size, node.x, node.y + node.radius + 2 + size, text, 'center', false);
  }
}

/** One name over a halo of the background (the SVG's `paint-order: stroke`). */
function paintName(
  ctx: CanvasRenderingContext2D,
  style: MapStyle,
  size: number,
  x: number,
  y: number,
  text: string,
  align: CanvasTextAlign,
  landmark: boolean,
): void {
  ctx.font = labelFont(style, size, landmark);
  ctx.textAlign = align;
  ctx.textBaseline = 'alphabetic';
  ctx.lineWidth = size / 4;
  ctx.miterLimit = 4;
  ctx.strokeStyle = style.ground;
  ctx.strokeText(text, x, y);
  ctx.fillStyle = style.fg;
  ctx.fillText(text, x, y);
}

/** The placed names (labels.ts), in layout units under the context's current transform. */
export function paintNames(
  ctx: CanvasRenderingContext2D,
  scene: Pick<MapScene, 'report' | 'nodes' | 'labels' | 'labelSize'>,
  style: MapStyle,
): void {
  const at = new Map<number, LayoutNode>();
  for (const node of scene.nodes) at.set(node.community, node);
  for (const label of scene.labels) {
    const node = at.get(label.community);
    if (!node) continue;
    paintName(
      ctx,
      style,
      scene.labelSize,
      node.x + label.dx,
      node.y + label.dy,
      scene.report.communities[label.community]!.name,
      ALIGN[label.anchor],
      label.landmark,
    );
  }
}

export const ALIGN: Record<PlacedLabel['anchor'], CanvasTextAlign> = {
  middle: 'center',
  start: 'left',
  end: 'right',
};
