// Force layout of the map (d3-force), run in bounded slices so the page never blocks: the map
// renders at once from starting positions and settles over the next frames. Communities
// linked by shared members pull together, everyone repels everyone (Barnes–Hut, so cost grows
// as n log n), circles never overlap, and a weak pull to the centre keeps islands in view.
// The layout is deterministic: d3-force's random source is seeded, circles start on a fixed
// spiral (or, for a filtered map, where the unfiltered map put them) and run until the
// simulation cools, so the same data always gives the same picture (see LayoutEngine).
import {
  forceCollide,
  forceLink,
  forceManyBody,
  forceSimulation,
  forceX,
  forceY,
  type Simulation,
  type SimulationLinkDatum,
  type SimulationNodeDatum,
} from 'd3-force';
import type { MapModel } from './map-model';

export interface LayoutNode extends SimulationNodeDatum {
  community: number;
  radius: number;
  x: number;
  y: number;
}

/** `weight`: the link's strength relative to the strongest drawn member link (0–1]. */
type LayoutLink = SimulationLinkDatum<LayoutNode> & { weight: number; kind: string };

export type Positions = Map<number, { x: number; y: number }>;

export class MapLayout {
  readonly nodes: LayoutNode[];
  private readonly simulation: Simulation<LayoutNode, LayoutLink>;

  constructor(model: MapModel, previous: Positions = new Map()) {
    const byCommunity = new Map<number, LayoutNode>();
    // Start new nodes next to a placed neighbour when there is one, else on a spiral.
    const neighbours = new Map<number, number[]>();
    for (const edge of model.edges) {
      (neighbours.get(edge.a) ?? neighbours.set(edge.a, []).get(edge.a)!).push(edge.b);
      (neighbours.get(edge.b) ?? neighbours.set(edge.b, []).get(edge.b)!).push(edge.a);
    }
    this.nodes = model.nodes.map((node, i) => {
      const known = previous.get(node.community);
      const angle = i * 2.399963; // golden angle
      const distance = 12 * Math.sqrt(i + 0.5);
      const placed: LayoutNode = {
        community: node.community,
        radius: node.radius,
        x: known?.x ?? distance * Math.cos(angle),
        y: known?.y ?? distance * Math.sin(angle),
      };
      if (!known) {
        const anchor = (neighbours.get(node.community) ?? [])
          .map((c) => previous.get(c))
          .find(Boolean);
        if (anchor) {
          placed.x = anchor.x + 20 * Math.cos(angle);
          placed.y = anchor.y + 20 * Math.sin(angle);
        }
      }
      byCommunity.set(node.community, placed);
      return placed;
    });
    const maxStrength = Math.max(
      Number.MIN_VALUE,
      ...model.edges.filter((e) => e.kind === 'members').map((e) => e.strength),
    );
    const links: LayoutLink[] = model.edges.map((edge) => ({
      source: byCommunity.get(edge.a)!,
      target: byCommunity.get(edge.b)!,
      weight: edge.strength / maxStrength,
      kind: edge.kind,
    }));
    const count = this.nodes.length;
    // A small map gets room for every name beside its circle; a map of hundreds names its
    // landmarks and the rest on zoom, so it stays compact.
    const clearance = count > 100 ? 12 : 18;
    const linkGap = count > 100 ? 70 : 90;
    this.simulation = forceSimulation<LayoutNode, LayoutLink>(this.nodes)
      .stop()
      .force(
        'link',
        forceLink<LayoutNode, LayoutLink>(links)
          .distance(
            (l) => (l.source as LayoutNode).radius + (l.target as LayoutNode).radius + linkGap,
          )
          .strength((l) => (l.kind === 'members' ? 0.05 + 0.5 * Math.sqrt(l.weight) : 0.03)),
      )
      .force(
        'charge',
        forceManyBody<LayoutNode>()
          .strength((n) => -50 - 5 * n.radius)
          .theta(0.9)
          .distanceMax(800),
      )
      // A clear ring around every circle (about a name's height) so names have somewhere to go
      // and lines between neighbours stay visible (issue 17: the centre piled up).
      .force('collide', forceCollide<LayoutNode>((n) => n.radius + clearance).iterations(2))
      .force('x', forceX<LayoutNode>(0).strength(count > 200 ? 0.06 : 0.025))
      .force('y', forceY<LayoutNode>(0).strength(count > 200 ? 0.06 : 0.025));
    // Known positions need only a gentle settle; a fresh layout starts hot.
    if (previous.size > 0 && this.nodes.every((n) => previous.has(n.community)))
      this.simulation.alpha(0.05);
    else if (previous.size > 0) this.simulation.alpha(0.5);
  }

  /**
   * Runs ticks for at most `budgetMs` and at most `maxTicks`; returns true while the layout is
   * still moving. A tick limit makes the result the same on every run and machine (the time
   * budget alone made the map's head start, and so its final picture, depend on CPU speed).
   */
  step(
    budgetMs: number,
    now: () => number = () => performance.now(),
    maxTicks = Number.POSITIVE_INFINITY,
  ): boolean {
    const start = now();
    let ticks = 0;
    do {
      if (this.settled() || ticks >= maxTicks) return !this.settled();
      this.simulation.tick();
      ticks++;
    } while (now() - start < budgetMs);
    return !this.settled();
  }

  settled(): boolean {
    return this.simulation.alpha() < this.simulation.alphaMin();
  }

  /** Puts the circles at settled positions (a layout computed before) and stops. */
  settleAt(positions: Float64Array): void {
    applyPositions(this, positions);
    this.simulation.alpha(0);
  }

  positions(): Positions {
    return new Map(this.nodes.map((n) => [n.community, { x: n.x, y: n.y }]));
  }

  /**
   * The box around every circle, for fitting the view; never smaller than `minSize` across,
   * so a map of a few communities is not blown up to giant circles and letters.
   */
  bounds(minSize = 0): { x: number; y: number; width: number; height: number } {
    if (this.nodes.length === 0)
      return { x: -minSize / 2, y: -minSize / 2, width: minSize, height: minSize };
    let x0 = Infinity;
    let y0 = Infinity;
    let x1 = -Infinity;
    let y1 = -Infinity;
    for (const n of this.nodes) {
      x0 = Math.min(x0, n.x - n.radius);
      y0 = Math.min(y0, n.y - n.radius);
      x1 = Math.max(x1, n.x + n.radius);
      y1 = Math.max(y1, n.y + n.radius);
    }
    const width = Math.max(minSize, x1 - x0);
    const height = Math.max(minSize * 0.6, y1 - y0);
    return {
      x: (x0 + x1) / 2 - width / 2,
      y: (y0 + y1) / 2 - height / 2,
      width,
      height,
    };
  }
}

/**
 * What a layout depends on, as one string: the communities, their sizes and the drawn links.
 * Equal signatures give equal positions (see `LayoutEngine`), so a re-read of unchanged data
 * finds its settled layout again instead of moving the circles.
 */
export function layoutSignature(model: MapModel): string {
  const parts: string[] = [];
  for (const node of model.nodes) parts.push(`${node.community}:${node.radius}`);
  parts.push('|');
  for (const edge of model.edges) parts.push(`${edge.kind[0]}${edge.a}-${edge.b}:${edge.weight}`);
  return parts.join(' ');
}

/**
 * A layout job for a worker: the map to lay out and the organisation's home map (every
 * community, no filters), whose settled positions a filtered map starts from. The result is
 * a function of these two models only — never of what was on screen before, of timing, or of
 * which jobs were cut short — so the same data always gives the same picture.
 */
export interface LayoutRequest {
  id: number;
  model: MapModel;
  /** The unfiltered map of the same data, or null when `model` is that map. */
  home: MapModel | null;
  /**
   * Report positions after every slice (a map drawn from nothing settles visibly), or only
   * once at the end (a map that only changed a little: one update instead of dozens).
   */
  progressive: boolean;
}

/** Positions in the order of `model.nodes`: x0, y0, x1, y1, … */
export interface LayoutUpdate {
  id: number;
  positions: Float64Array;
  settled: boolean;
}

export function positionsOf(layout: MapLayout): Float64Array {
  const out = new Float64Array(layout.nodes.length * 2);
  layout.nodes.forEach((node, i) => {
    out[2 * i] = node.x;
    out[2 * i + 1] = node.y;
  });
  return out;
}

export function applyPositions(layout: MapLayout, positions: Float64Array): void {
  if (positions.length !== layout.nodes.length * 2) return;
  layout.nodes.forEach((node, i) => {
    node.x = positions[2 * i]!;
    node.y = positions[2 * i + 1]!;
  });
}

/** Positions by community from positions in `model.nodes` order. */
export function positionsByCommunity(model: MapModel, positions: Float64Array): Positions {
  return new Map(
    model.nodes.map((node, i) => [
      node.community,
      { x: positions[2 * i]!, y: positions[2 * i + 1]! },
    ]),
  );
}

/** Layouts kept by signature: the home map and the last few filtered maps. */
const CACHED_LAYOUTS = 8;

/**
 * Runs layout jobs to the end in slices (a newer job stops an older one) and remembers
 * settled layouts by signature. The start of every layout is fixed by the request: the home
 * map starts from the seeded spiral, any other map from the home map's settled positions
 * (computed here first if needed), so filtering moves circles only a little and the result
 * never depends on history. Shared by the worker and the main-thread fallback.
 */
export class LayoutEngine {
  private readonly settledLayouts = new Map<string, Float64Array>();
  /** The home map's signature: kept when older layouts are let go. */
  private home = '';
  private current = -1;

  constructor(
    private readonly sliceMs: number,
    private readonly schedule: (next: () => void) => void,
  ) {}

  run(request: LayoutRequest, report: (update: LayoutUpdate) => void): void {
    this.current = request.id;
    const signature = layoutSignature(request.model);
    this.home = request.home ? layoutSignature(request.home) : signature;
    const known = this.settledLayouts.get(signature);
    if (known) {
      report({ id: request.id, positions: known.slice(), settled: true });
      return;
    }
    const layout = new MapLayout(request.model, this.startOf(request));
    const run = () => {
      if (this.current !== request.id) return;
      const moving = layout.step(this.sliceMs);
      const positions = positionsOf(layout);
      if (!moving) this.remember(signature, positions.slice());
      if (request.progressive || !moving) report({ id: request.id, positions, settled: !moving });
      if (moving) this.schedule(run);
    };
    run();
  }

  stop(): void {
    this.current = -1;
  }

  /** The settled positions of a model, computed in one go if not known yet. */
  settle(model: MapModel): Float64Array {
    const signature = layoutSignature(model);
    const known = this.settledLayouts.get(signature);
    if (known) return known;
    const layout = new MapLayout(model);
    while (layout.step(Number.POSITIVE_INFINITY));
    const positions = positionsOf(layout);
    this.remember(signature, positions);
    return positions;
  }

  private startOf(request: LayoutRequest): Positions {
    if (!request.home) return new Map();
    return positionsByCommunity(request.home, this.settle(request.home));
  }

  private remember(signature: string, positions: Float64Array): void {
    this.settledLayouts.delete(signature);
    this.settledLayouts.set(signature, positions);
    // Oldest first out, but not the home map: every filtered map starts from it.
    for (const key of this.settledLayouts.keys()) {
      if (this.settledLayouts.size <= CACHED_LAYOUTS) break;
      if (key !== this.home) this.settledLayouts.delete(key);
    }
  }
}
