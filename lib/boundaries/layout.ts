// Force layout of the map (d3-force), run in bounded slices so the page never blocks: the map
// renders at once from starting positions and settles over the next frames. Communities
// linked by shared members pull together, everyone repels everyone (Barnes–Hut, so cost grows
// as n log n), circles never overlap, and a weak pull to the centre keeps islands in view.
// Positions are kept between layouts, so filtering moves only what changed.
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
    const maxWeight = Math.max(
      1,
      ...model.edges.filter((e) => e.kind === 'members').map((e) => e.weight),
    );
    const links: LayoutLink[] = model.edges.map((edge) => ({
      source: byCommunity.get(edge.a)!,
      target: byCommunity.get(edge.b)!,
      weight: edge.weight,
      kind: edge.kind,
    }));
    const count = this.nodes.length;
    this.simulation = forceSimulation<LayoutNode, LayoutLink>(this.nodes)
      .stop()
      .force(
        'link',
        forceLink<LayoutNode, LayoutLink>(links)
          .distance((l) => (l.source as LayoutNode).radius + (l.target as LayoutNode).radius + 70)
          .strength((l) =>
            l.kind === 'members' ? 0.05 + 0.5 * Math.sqrt(l.weight / maxWeight) : 0.03,
          ),
      )
      .force(
        'charge',
        forceManyBody<LayoutNode>()
          .strength((n) => -30 - 4 * n.radius)
          .theta(0.9)
          .distanceMax(800),
      )
      .force('collide', forceCollide<LayoutNode>((n) => n.radius + 6).iterations(1))
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

/** A layout job for a worker: the map model and the positions to start from. */
export interface LayoutRequest {
  id: number;
  model: MapModel;
  /**
   * Report positions after every slice (a map drawn from nothing settles visibly), or only
   * once at the end (a map that only changed a little: one update instead of dozens).
   */
  progressive: boolean;
  /** [community, x, y] */
  start: [number, number, number][];
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

/**
 * Runs a layout job to the end in slices, reporting positions after each slice; a newer job
 * (see `isCurrent`) stops an older one. Shared by the worker and the main-thread fallback.
 */
export function runLayoutJob(
  request: LayoutRequest,
  report: (update: LayoutUpdate) => void,
  isCurrent: () => boolean,
  sliceMs: number,
  schedule: (next: () => void) => void,
): void {
  const layout = new MapLayout(
    request.model,
    new Map(request.start.map(([community, x, y]) => [community, { x, y }])),
  );
  const run = () => {
    if (!isCurrent()) return;
    const moving = layout.step(sliceMs);
    if (request.progressive || !moving)
      report({ id: request.id, positions: positionsOf(layout), settled: !moving });
    if (moving) schedule(run);
  };
  run();
}
