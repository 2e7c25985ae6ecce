// The map's canvas: keeps what is drawn (the scene), the view (view box, size, zoom) and the
// names placed for them, and repaints in the next animation frame only when one of them
// changed. Sharp on any screen (the backing store follows devicePixelRatio and the element's
// size), repainted in the new colours when the colour scheme changes. Hit-testing maps a
// pointer to the circle under it. `drawnMap()` (also on the element, for tests and the
// benchmark) reports what the last frame showed in client pixels: circles, names, lines.
import type { MapLayout } from '../../lib/boundaries/layout';
import { placeLabels, type PlacedLabel } from '../../lib/boundaries/labels';
import type { MapModel } from '../../lib/boundaries/map-model';
import {
  circleAt,
  layoutTransform,
  toLayout,
  toViewBox,
  unitsPerPixel,
  viewBoxOf,
  type MapView,
  type ViewBox,
  type ZoomState,
} from '../../lib/boundaries/map-view';
import type { BoundaryReport } from '../../lib/boundaries/report';
import {
  labelFont,
  paintMap,
  paintNames,
  readMapStyle,
  selectionNeighbours,
  type MapBackground,
  type MapStyle,
} from './map-paint';
import { markStep } from './marks';

/** Draws a layer the size of the canvas over it, pixel for pixel. */
function copyLayer(target: CanvasRenderingContext2D, layer: HTMLCanvasElement): void {
  target.save();
  target.setTransform(1, 0, 0, 1, 0, 0);
  target.globalAlpha = 1;
  target.drawImage(layer, 0, 0);
  target.restore();
}

/** The names' size on screen, in pixels, at any map size and zoom. */
export const LABEL_SIZE = 12;
/**
 * How many of the first names may lie over smaller circles (labels.ts `landmarks`), on maps of
 * more than LANDMARKS_FROM communities; a smaller map has room beside its circles (the layout
 * leaves it), where a name is never mistaken for a neighbour's.
 */
const LANDMARK_NAMES = 12;
const LANDMARKS_FROM = 100;
/** Font size the names' widths are measured at (then scaled: widths grow linearly). */
const MEASURE_SIZE = 100;

export interface MapContent {
  report: BoundaryReport;
  model: MapModel;
  layout: MapLayout;
  hits: ReadonlySet<number> | null;
  /** Names are placed once the circles stop moving. */
  settled: boolean;
  /** The zoom names are placed for (useZoomPan's `labelZoom`). */
  namesZoom: number;
  selected: number | null;
}

interface Rect {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

/** What the last frame showed, in client pixels (see `MapCanvas.drawnMap`). */
export interface DrawnMap {
  frame: Rect;
  circles: { index: number; key: string; x: number; y: number; r: number; dimmed: boolean }[];
  names: (Rect & { index: number; text: string; landmark: boolean; fontPx: number })[];
  lines: { members: number; topics: number };
  zoom: ZoomState;
  /** The community focused in the list, ringed on the canvas. */
  focused: number | null;
  /** The community under the pointer, outlined. */
  hover: number | null;
}

export class MapCanvas {
  private content: MapContent | null = null;
  private zoomState: ZoomState = { k: 1, x: 0, y: 0 };
  private box: ViewBox = { x: 0, y: 0, width: 1, height: 1 };
  private width = 0;
  private height = 0;
  private style: MapStyle | null = null;
  private labels: PlacedLabel[] = [];
  private labelSize = LABEL_SIZE;
  private labelsStale = true;
  private hover: number | null = null;
  private focus: number | null = null;
  private frame = 0;
  private readonly widths = new Map<string, number>();
  private metrics: { ascent: number; descent: number } | null = null;
  private readonly resize: ResizeObserver;
  private readonly scheme: MediaQueryList;
  private readonly onScheme = () => {
    this.style = null;
    this.widths.clear();
    this.metrics = null;
    this.schedule();
  };

  /** Matches while devicePixelRatio is what the backing store was sized for. */
  private resolution: MediaQueryList | null = null;
  private readonly onResolution = () => {
    this.watchResolution();
    this.measure();
  };

  constructor(readonly canvas: HTMLCanvasElement) {
    this.resize = new ResizeObserver(() => this.measure());
    this.resize.observe(canvas);
    this.scheme = matchMedia('(prefers-color-scheme: dark)');
    this.scheme.addEventListener('change', this.onScheme);
    this.watchResolution();
    Object.assign(canvas, { drawnMap: () => this.drawnMap() });
  }

  destroy(): void {
    cancelAnimationFrame(this.frame);
    this.resize.disconnect();
    this.scheme.removeEventListener('change', this.onScheme);
    this.resolution?.removeEventListener('change', this.onResolution);
  }

  /**
   * devicePixelRatio changes without a resize (the window dragged to another screen, browser
   * zoom on some platforms, an emulated ratio): a query for the current ratio stops matching,
   * and a new one is made for the next ratio (there is no event for the ratio itself).
   */
  private watchResolution(): void {
    this.resolution?.removeEventListener('change', this.onResolution);
    this.resolution = matchMedia(`(resolution: ${window.devicePixelRatio || 1}dppx)`);
    this.resolution.addEventListener('change', this.onResolution);
  }

  /** New data, selection or state of the layout; names are placed again when they depend on it. */
  show(next: MapContent): void {
    const before = this.content;
    this.content = next;
    if (
      !before ||
      before.layout !== next.layout ||
      before.hits !== next.hits ||
      before.settled !== next.settled ||
      before.namesZoom !== next.namesZoom
    ) {
      this.labelsStale = true;
      this.box = viewBoxOf((min) => next.layout.bounds(min));
    }
    this.schedule();
  }

  /** The layout moved its circles (a worker update). */
  moved(): void {
    if (!this.content) return;
    this.box = viewBoxOf((min) => this.content!.layout.bounds(min));
    this.labelsStale = true;
    this.schedule();
  }

  set zoom(state: ZoomState) {
    this.zoomState = state;
    this.schedule();
  }

  get zoom(): ZoomState {
    return this.zoomState;
  }

  setHover(community: number | null): void {
    if (community === this.hover) return;
    this.hover = community;
    this.schedule();
  }

  setFocus(community: number | null): void {
    if (community === this.focus) return;
    this.focus = community;
    this.schedule();
  }

  view(): MapView {
    return { box: this.box, width: this.width, height: this.height, zoom: this.zoomState };
  }

  /** The names as last placed, with their font size in layout units (for the SVG export). */
  placedNames(): { labels: readonly PlacedLabel[]; size: number } {
    this.placeNames();
    return { labels: this.labels, size: this.labelSize };
  }

  /** A client point in view-box units (outside the zoom), for zooming about the pointer. */
  toViewBox(clientX: number, clientY: number): { x: number; y: number } {
    const rect = this.canvas.getBoundingClientRect();
    return toViewBox(this.view(), clientX - rect.left, clientY - rect.top);
  }

  /** The community whose circle is under a client point, or null. */
  communityAt(clientX: number, clientY: number): number | null {
    const nodes = this.content?.layout.nodes;
    if (!nodes || this.width === 0) return null;
    const rect = this.canvas.getBoundingClientRect();
    const p = toLayout(this.view(), clientX - rect.left, clientY - rect.top);
    // The outline (up to 4 units wide, half outside) is part of the circle, as in the SVG.
    const i = circleAt(nodes, p.x, p.y, 2);
    return i < 0 ? null : nodes[i]!.community;
  }

  private measure(): void {
    const width = this.canvas.clientWidth;
    const height = this.canvas.clientHeight;
    const ratio = window.devicePixelRatio || 1;
    const backing = [Math.round(width * ratio), Math.round(height * ratio)];
    if (
      width === this.width &&
      height === this.height &&
      this.canvas.width === backing[0] &&
      this.canvas.height === backing[1]
    )
      return;
    this.width = width;
    this.height = height;
    this.canvas.width = backing[0]!;
    this.canvas.height = backing[1]!;
    this.labelsStale = true;
    this.schedule();
  }

  private schedule(): void {
    if (this.frame) return;
    this.frame = requestAnimationFrame(() => {
      this.frame = 0;
      this.paint();
    });
  }

  private paint(): void {
    const content = this.content;
    if (!content || this.width === 0 || this.height === 0) return;
    const ctx = this.canvas.getContext('2d');
    if (!ctx) return;
    this.style ??= readMapStyle(this.canvas);
    this.placeNames();
    const ratio = this.canvas.width / this.width;
    const t = layoutTransform(this.view());
    const device = { a: t.a * ratio, e: t.e * ratio, f: t.f * ratio };
    const scene = {
      report: content.report,
      model: content.model,
      nodes: content.layout.nodes,
      hits: content.hits,
      selected: content.selected,
      hover: this.hover,
      focus: this.focus,
      labels: this.labels,
      labelSize: this.labelSize,
    };
    const style = this.style;
    const key = [device.a, device.e, device.f, this.canvas.width, this.canvas.height].join();
    // Layers pay off only when the next frame has the same transform: while zooming or
    // panning every frame moves, and painting into a layer and copying it costs more.
    const still = key === this.lastKey;
    this.lastKey = key;
    const names = (target: CanvasRenderingContext2D) => {
      // Names are the costliest part of a frame (a halo stroke per glyph); a selection or a
      // hover does not move them, so they are painted once into a layer and copied after.
      if (this.labels.length === 0) return;
      if (!still) return paintNames(target, scene, style);
      const layer = (this.namesLayer ??= document.createElement('canvas'));
      if (
        this.namesKey.labels !== this.labels ||
        this.namesKey.style !== style ||
        this.namesKey.key !== key
      ) {
        const names = this.layerContext(layer, device);
        if (!names) return paintNames(target, scene, style);
        paintNames(names, scene, style);
        this.namesKey = { labels: this.labels, style, key };
      }
      copyLayer(target, layer);
    };
    // Once the circles stop moving, the lines and circles are painted once without a
    // selection and once all dimmed, and a selection or hover paints only what it changes
    // over a copy: a software canvas rasterises on the main thread, 500 circles and their
    // lines each time.
    const background: MapBackground | undefined =
      content.settled && still
        ? (target, dimmed) => {
            const base = { ...scene, selected: null, hover: null, focus: null, labels: [] };
            const layers = this.backgrounds;
            if (
              layers.layout !== content.layout ||
              layers.model !== content.model ||
              layers.hits !== content.hits ||
              layers.style !== style ||
              layers.key !== key
            )
              this.backgrounds = {
                layout: content.layout,
                model: content.model,
                hits: content.hits,
                style,
                key,
                plain: null,
                dimmed: null,
              };
            const which = dimmed ? 'dimmed' : 'plain';
            let layer = this.backgrounds[which];
            if (!layer) {
              layer = document.createElement('canvas');
              const layerCtx = this.layerContext(layer, device);
              if (!layerCtx) return;
              paintMap(layerCtx, { ...base, dimAll: dimmed }, style, device, 1 / t.a, () => {});
              this.backgrounds[which] = layer;
            }
            copyLayer(target, layer);
          }
        : undefined;
    paintMap(ctx, scene, style, device, 1 / t.a, names, background);
    if (this.painted !== content.report) {
      this.painted = content.report;
      markStep('painted');
    }
  }
  /** The report of the last frame: its first frame is marked for the benchmark. */
  private painted: BoundaryReport | null = null;

  /** A canvas the size of the map's, cleared, drawing under the map's transform. */
  private layerContext(
    layer: HTMLCanvasElement,
    device: { a: number; e: number; f: number },
  ): CanvasRenderingContext2D | null {
    layer.width = this.canvas.width;
    layer.height = this.canvas.height;
    const ctx = layer.getContext('2d');
    ctx?.setTransform(device.a, 0, 0, device.a, device.e, device.f);
    return ctx;
  }
  private backgrounds: {
    layout: MapLayout | null;
    model: MapModel | null;
    hits: ReadonlySet<number> | null;
    style: MapStyle | null;
    key: string;
    plain: HTMLCanvasElement | null;
    dimmed: HTMLCanvasElement | null;
  } = { layout: null, model: null, hits: null, style: null, key: '', plain: null, dimmed: null };
  private lastKey = '';
  private namesLayer: HTMLCanvasElement | null = null;
  private namesKey: { labels: PlacedLabel[] | null; style: MapStyle | null; key: string } = {
    labels: null,
    style: null,
    key: '',
  };

  /** Places the names that fit (lib/boundaries/labels.ts), if anything they depend on changed. */
  private placeNames(): void {
    const content = this.content;
    if (!this.labelsStale || !content || this.width === 0) return;
    this.labelsStale = false;
    const { report, layout, hits } = content;
    this.labelSize = (LABEL_SIZE * unitsPerPixel(this.view())) / Math.max(1, content.namesZoom);
    if (!content.settled) {
      this.labels = [];
      return;
    }
    this.style ??= readMapStyle(this.canvas);
    const landmarks = layout.nodes.length > LANDMARKS_FROM ? LANDMARK_NAMES : 0;
    const metrics = this.fontMetrics();
    const facts = report.communities;
    const box = this.box;
    this.labels = placeLabels(
      layout.nodes.map((n) => ({
        community: n.community,
        x: n.x,
        y: n.y,
        radius: n.radius,
        text: facts[n.community]!.name,
        priority: (hits?.has(n.community) ? 1e9 : 0) + facts[n.community]!.activeMembers,
        // Any of the first names may become a landmark, drawn heavier: measured as such.
        width:
          (this.textWidth(facts[n.community]!.name, landmarks > 0) * this.labelSize) / MEASURE_SIZE,
      })),
      {
        fontSize: this.labelSize,
        landmarks,
        ...metrics,
        frame: { x0: box.x, y0: box.y, x1: box.x + box.width, y1: box.y + box.height },
      },
    );
  }

  private measuring(): CanvasRenderingContext2D | null {
    return document.createElement('canvas').getContext('2d');
  }

  /** A name's width at MEASURE_SIZE px, in the drawn font (cached per name and weight). */
  private textWidth(text: string, heavy: boolean): number {
    const key = `${heavy ? 'b' : 'n'}${text}`;
    let width = this.widths.get(key);
    if (width === undefined) {
      const ctx = (this.measureContext ??= this.measuring());
      if (!ctx || !this.style) return text.length * 0.55 * MEASURE_SIZE;
      ctx.font = labelFont(this.style, MEASURE_SIZE, heavy);
      width = ctx.measureText(text).width;
      this.widths.set(key, width);
    }
    return width;
  }
  private measureContext: CanvasRenderingContext2D | null = null;

  /** The font's extent above and below the baseline, as shares of its size. */
  private fontMetrics(): { ascent?: number; descent?: number } {
    if (this.metrics) return this.metrics;
    const ctx = (this.measureContext ??= this.measuring());
    if (!ctx || !this.style) return {};
    let ascent = 0;
    let descent = 0;
    for (const heavy of [false, true]) {
      ctx.font = labelFont(this.style, MEASURE_SIZE, heavy);
      const m = ctx.measureText('Hg');
      ascent = Math.max(ascent, m.fontBoundingBoxAscent / MEASURE_SIZE);
      descent = Math.max(descent, m.fontBoundingBoxDescent / MEASURE_SIZE);
    }
    this.metrics = { ascent, descent };
    return this.metrics;
  }

  /** What the last frame showed, in client pixels: circles, placed names, lines. */
  drawnMap(): DrawnMap {
    const rect = this.canvas.getBoundingClientRect();
    const t = layoutTransform(this.view());
    const x = (v: number) => rect.left + t.a * v + t.e;
    const y = (v: number) => rect.top + t.a * v + t.f;
    const nodes = this.content?.layout.nodes ?? [];
    const report = this.content?.report;
    const at = new Map(nodes.map((n) => [n.community, n]));
    const ctx = (this.measureContext ??= this.measuring());
    const names: DrawnMap['names'] = [];
    for (const label of this.labels) {
      const node = at.get(label.community);
      if (!node || !ctx || !this.style || !report) continue;
      const text = report.communities[label.community]!.name;
      ctx.font = labelFont(this.style, this.labelSize, label.landmark);
      const m = ctx.measureText(text);
      const baseX = node.x + label.dx;
      const baseY = node.y + label.dy;
      const left =
        label.anchor === 'start'
          ? baseX
          : label.anchor === 'end'
            ? baseX - m.width
            : baseX - m.width / 2;
      names.push({
        index: label.community,
        text,
        landmark: label.landmark,
        fontPx: this.labelSize * t.a,
        x0: x(left),
        x1: x(left + m.width),
        y0: y(baseY - m.fontBoundingBoxAscent),
        y1: y(baseY + m.fontBoundingBoxDescent),
      });
    }
    const edges = this.content?.model.edges ?? [];
    // Dimmed as paintMap dims: all but the selection and its neighbours, while there is one.
    const selected = this.content?.selected ?? null;
    const marked = selected !== null && at.has(selected) ? selected : null;
    const { neighbours } = this.content
      ? selectionNeighbours(this.content.model, marked)
      : { neighbours: new Set<number>() };
    return {
      frame: { x0: rect.left, y0: rect.top, x1: rect.right, y1: rect.bottom },
      circles: nodes.map((n) => ({
        index: n.community,
        key: report?.communities[n.community]?.key ?? '',
        x: x(n.x),
        y: y(n.y),
        r: n.radius * t.a,
        dimmed: marked !== null && n.community !== marked && !neighbours.has(n.community),
      })),
      names,
      lines: {
        members: edges.filter((e) => e.kind === 'members').length,
        topics: edges.filter((e) => e.kind === 'topics').length,
      },
      zoom: this.zoomState,
      focused: this.focus,
      hover: this.hover,
    };
  }
}
