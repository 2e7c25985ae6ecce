// The constellation map: communities as circles (size by core + active members, fill by stage,
// outline by standing), lines for shared members (solid, thicker for more) and shared topics
// (dashed). A short layout pass on the main thread gives the first picture at once; a web
// worker settles the rest (lib/boundaries/layout.ts), always to the same picture for the
// same data. Zoom and pan move one transform. Click a
// circle to select it.
import type { TargetedMouseEvent } from 'preact';
import {
  useCallback,
  useContext,
  useEffect,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
} from 'preact/hooks';
import {
  MapLayout,
  applyPositions,
  layoutSignature,
  positionsByCommunity,
  type Positions,
} from '../../lib/boundaries/layout';
import { TOPIC_EDGES_UP_TO, mapModel } from '../../lib/boundaries/map-model';
import type { ViewProps } from './BoundaryTabs';
import { LayoutWorkerContext, createLayoutRunner, type LayoutRunner } from './layout-runner';
import { MapDrawing, drawLabels, markSelection, moveElements, showTooltip } from './MapDrawing';
import { MapLegend } from './MapLegend';
import { labelZoom, useZoomPan, type ZoomState } from './useZoomPan';

/**
 * The main thread's head start before the first picture, in ticks × communities (about 50 ms
 * of work on a laptop; the worker does the rest). A fixed amount of work, not of time, so the
 * same data always gives the same map, on any machine and under any load.
 */
const FIRST_NODE_TICKS = 12_000;
/** The smallest area the map frames, in layout units (about one screen pixel each). */
const MIN_FRAME = 640;

function viewBoxOf(layout: MapLayout): string {
  const box = layout.bounds(MIN_FRAME);
  // Room beside the outermost circles for their names (placed left or right of a circle, or
  // centred under it), so no name is cut off at the map's edge.
  // Grows with the map: names keep their size on screen, so a map of 500 needs more room.
  const padX = Math.max(90, box.width * 0.06);
  const padY = Math.max(24, box.height * 0.03);
  return `${box.x - padX} ${box.y - padY} ${box.width + 2 * padX} ${box.height + 2 * padY}`;
}

interface Props extends ViewProps {
  hits: ReadonlySet<number> | null;
  /** False while another tab is shown: the layout pauses. */
  active: boolean;
}

/** Settled layouts the page remembers by signature (the worker keeps its own). */
const REMEMBERED_LAYOUTS = 8;

export function ConstellationMap({ report, filtered, selected, onSelect, hits, active }: Props) {
  const svg = useRef<SVGSVGElement>(null);
  const zoomGroup = useRef<SVGGElement>(null);
  const jobs = useRef(0);
  const remembered = useRef(new Map<string, Float64Array>());
  const [namesZoom, setNamesZoom] = useState(1);
  // Only crossing a doubling re-renders (Preact skips an unchanged state).
  const onZoom = useCallback((state: ZoomState) => setNamesZoom(labelZoom(state.k)), []);
  const zoom = useZoomPan(svg, zoomGroup, onZoom);

  // The home map: every community, no filters. Filtered maps start from its positions.
  const home = useMemo(
    () =>
      mapModel(
        report,
        report.communities.map((c) => c.index),
      ),
    [report],
  );
  const base = useMemo(
    () =>
      hits === null && filtered.length === report.communities.length
        ? home
        : mapModel(report, filtered, hits ?? new Set()),
    [home, report, filtered, hits],
  );
  // A selection made elsewhere (table, lists) joins the map if the node limit had left it off.
  const model = useMemo(
    () =>
      selected === null ||
      base.nodes.some((n) => n.community === selected) ||
      !filtered.includes(selected)
        ? base
        : mapModel(report, filtered, new Set([...(hits ?? []), selected])),
    [base, selected, report, filtered, hits],
  );
  const homeSignature = useMemo(() => layoutSignature(home), [home]);
  const signature = useMemo(
    () => (model === home ? homeSignature : layoutSignature(model)),
    [model, home, homeSignature],
  );
  // What is drawn first: the settled layout if this map was laid out before; else where the
  // worker starts (the home map's positions, or the seeded spiral plus a short head start).
  // The worker's result depends only on the models (LayoutEngine), never on this preview.
  const { layout, progressive } = useMemo(() => {
    const known = remembered.current.get(signature);
    const homePositions = model === home ? undefined : remembered.current.get(homeSignature);
    const start: Positions = homePositions
      ? positionsByCommunity(home, homePositions)
      : new Map<number, { x: number; y: number }>();
    const next = new MapLayout(model, start);
    if (known) next.settleAt(known);
    else if (!homePositions)
      next.step(
        Number.POSITIVE_INFINITY,
        undefined,
        Math.max(10, Math.floor(FIRST_NODE_TICKS / Math.max(1, model.nodes.length))),
      );
    const fresh = model.nodes.filter((n) => !start.has(n.community)).length;
    return { layout: next, progressive: fresh * 2 > model.nodes.length };
  }, [signature]);
  const [settledSignature, setSettledSignature] = useState<string | null>(null);
  const settled = settledSignature === signature || layout.settled();
  const runner = useRef<LayoutRunner | null>(null);
  const createWorker = useContext(LayoutWorkerContext);
  useEffect(() => {
    runner.current = createLayoutRunner(createWorker);
    return () => runner.current?.stop();
  }, [createWorker]);

  // The layout runs off the main thread; each update moves the circles.
  useEffect(() => {
    if (!active || !runner.current || layout.settled()) return;
    const id = ++jobs.current;
    runner.current.run({ id, model, home: model === home ? null : home, progressive }, (update) => {
      if (update.id !== jobs.current) return;
      if (update.settled) {
        layout.settleAt(update.positions);
        const memory = remembered.current;
        memory.set(signature, update.positions);
        for (const key of memory.keys()) {
          if (memory.size <= REMEMBERED_LAYOUTS) break;
          if (key !== homeSignature) memory.delete(key);
        }
      } else applyPositions(layout, update.positions);
      // Positions go straight to the elements: a full re-render per layout update would
      // compete with the user's clicks for the main thread.
      if (svg.current) {
        moveElements(svg.current, layout, model);
        svg.current.setAttribute('viewBox', viewBoxOf(layout));
      }
      if (update.settled) setSettledSignature(signature);
    });
  }, [layout, active]);

  const drawing = useMemo(
    () => <MapDrawing report={report} model={model} layout={layout} hits={hits} />,
    [report, model, layout, hits],
  );
  // Names where they fit, once circles stop moving; again on zoom and on a new search.
  useLayoutEffect(() => {
    if (!svg.current) return;
    if (settled) drawLabels(svg.current, report, layout, hits, namesZoom);
    else for (const text of svg.current.querySelectorAll('text.label.placed')) text.remove();
  }, [settled, drawing, namesZoom]);
  // Selection changes a few classes, not the drawing (which Preact then skips).
  useLayoutEffect(() => {
    const name = selected === null ? null : report.communities[selected]!.name;
    if (svg.current) markSelection(svg.current, selected, name);
  }, [selected, drawing]);
  const viewBox = viewBoxOf(layout);

  const onClick = (event: TargetedMouseEvent<SVGSVGElement>) => {
    const node = (event.target as Element).closest('[data-index]');
    if (node) onSelect(Number(node.getAttribute('data-index')));
  };

  return (
    <div class="map-wrap">
      <div class="map-toolbar">
        <button type="button" onClick={zoom.zoomIn} aria-label="Zoom in">
          +
        </button>
        <button type="button" onClick={zoom.zoomOut} aria-label="Zoom out">
          −
        </button>
        <button type="button" onClick={zoom.reset}>
          Fit
        </button>
        <p class="map-note" aria-live="polite" data-map-nodes={model.nodes.length}>
          {model.omitted > 0
            ? `Showing the ${model.nodes.length} largest of ${filtered.length} communities; search or filter to bring others onto the map. The Table lists them all.`
            : `${model.nodes.length} ${model.nodes.length === 1 ? 'community' : 'communities'} on the map.`}{' '}
          {model.nodes.length > TOPIC_EDGES_UP_TO &&
            'Shared-topic lines are left off a map this size (Missing bridges lists them). '}
          Drag to pan, wheel or + − to zoom.
        </p>
      </div>
      <svg
        ref={svg}
        class="constellation-map"
        viewBox={viewBox}
        preserveAspectRatio="xMidYMid meet"
        role="group"
        aria-label={`Constellation map of ${model.nodes.length} communities. The Table tab lists the same communities for keyboard and screen reader use.`}
        // Lower case: on SVG elements attribute names are case-sensitive.
        tabindex={0}
        onClick={onClick}
        onMouseOver={(event) => showTooltip(event.target, report)}
        onKeyDown={zoom.onKeyDown}
        data-settled={settled ? 'true' : 'false'}
      >
        <g data-zoom ref={zoomGroup}>
          {drawing}
        </g>
      </svg>
      <MapLegend />
    </div>
  );
}
