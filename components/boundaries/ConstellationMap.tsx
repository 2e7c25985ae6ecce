// The constellation map: communities as circles (size by core + active members, fill by stage,
// outline by standing), lines for shared members (solid, thicker for more) and shared topics
// (dashed). A short layout pass on the main thread gives the first picture at once; a web
// worker settles the rest (lib/boundaries/layout.ts). Zoom and pan move one transform. Click a
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
import { MapLayout, applyPositions, type Positions } from '../../lib/boundaries/layout';
import { mapModel } from '../../lib/boundaries/map-model';
import type { ViewProps } from './BoundaryTabs';
import { LayoutWorkerContext, createLayoutRunner, type LayoutRunner } from './layout-runner';
import { MapDrawing, drawLabels, markSelection, moveElements } from './MapDrawing';
import { MapLegend } from './MapLegend';
import { LABEL_ZOOM, useZoomPan, type ZoomState } from './useZoomPan';

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
  const pad = 20;
  return `${box.x - pad} ${box.y - pad} ${box.width + 2 * pad} ${box.height + 2 * pad}`;
}

interface Props extends ViewProps {
  hits: ReadonlySet<number> | null;
  /** False while another tab is shown: the layout pauses. */
  active: boolean;
}

export function ConstellationMap({ report, filtered, selected, onSelect, hits, active }: Props) {
  const svg = useRef<SVGSVGElement>(null);
  const zoomGroup = useRef<SVGGElement>(null);
  const positions = useRef<Positions>(new Map());
  const jobs = useRef(0);
  /** Communities that had a position before the current layout. */
  const known = useRef<Set<number>>(new Set());
  const [zoomedIn, setZoomedIn] = useState(false);
  // Only crossing the label threshold re-renders (Preact skips an unchanged state).
  const onZoom = useCallback((state: ZoomState) => setZoomedIn(state.k >= LABEL_ZOOM), []);
  const zoom = useZoomPan(svg, zoomGroup, onZoom);

  const base = useMemo(
    () => mapModel(report, filtered, hits ?? new Set()),
    [report, filtered, hits],
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
  const layout = useMemo(() => {
    const first = positions.current.size === 0;
    known.current = new Set(positions.current.keys());
    const next = new MapLayout(model, positions.current);
    // Only a map drawn from nothing needs a head start; later layouts start from where the
    // circles already are, and the worker moves them from there.
    if (first)
      next.step(
        Number.POSITIVE_INFINITY,
        undefined,
        Math.max(10, Math.floor(FIRST_NODE_TICKS / Math.max(1, model.nodes.length))),
      );
    positions.current = next.positions();
    return next;
  }, [model]);
  const [settled, setSettled] = useState(false);
  const runner = useRef<LayoutRunner | null>(null);
  const createWorker = useContext(LayoutWorkerContext);
  useEffect(() => {
    runner.current = createLayoutRunner(createWorker);
    return () => runner.current?.stop();
  }, [createWorker]);

  // The rest of the layout runs off the main thread; each update moves the circles.
  useEffect(() => {
    if (!active || !runner.current) return;
    const id = ++jobs.current;
    setSettled(layout.settled());
    if (layout.settled()) return;
    runner.current.run(
      {
        id,
        model,
        progressive:
          layout.nodes.filter((n) => !known.current.has(n.community)).length * 2 >
          layout.nodes.length,
        start: layout.nodes.map((n) => [n.community, n.x, n.y]),
      },
      (update) => {
        if (update.id !== jobs.current) return;
        applyPositions(layout, update.positions);
        positions.current = layout.positions();
        // Positions go straight to the elements: a full re-render per layout update would
        // compete with the user's clicks for the main thread.
        if (svg.current) {
          moveElements(svg.current, layout, model);
          svg.current.setAttribute('viewBox', viewBoxOf(layout));
        }
        if (update.settled) setSettled(true);
      },
    );
  }, [layout, model, active]);

  const drawing = useMemo(
    () => (
      <MapDrawing report={report} model={model} layout={layout} hits={hits} zoomGroup={zoomGroup} />
    ),
    [report, model, layout, hits],
  );
  // Names where they fit, once circles stop moving; again on zoom and on a new search.
  useLayoutEffect(() => {
    if (!svg.current) return;
    if (settled) drawLabels(svg.current, report, layout, hits, zoomedIn ? LABEL_ZOOM : 1);
    else for (const text of svg.current.querySelectorAll('text.label.placed')) text.remove();
  }, [settled, drawing, zoomedIn]);
  // Selection changes a few classes, not the drawing (which Preact then skips).
  useLayoutEffect(() => {
    if (svg.current)
      markSelection(
        svg.current,
        selected,
        selected === null ? null : report.communities[selected]!.name,
      );
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
        onKeyDown={zoom.onKeyDown}
        data-settled={settled ? 'true' : 'false'}
      >
        {drawing}
      </svg>
      <MapLegend />
    </div>
  );
}
