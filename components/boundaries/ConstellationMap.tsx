// The constellation map: communities as circles (size by core + active members, fill by stage,
// outline by standing), lines for shared members (solid, thicker for more) and shared topics
// (dashed). A short layout pass on the main thread gives the first picture at once; a web
// worker settles the rest (lib/boundaries/layout.ts), always to the same picture for the
// same data. The map is painted on a canvas (MapCanvas: redrawn only on change, names placed
// by lib/boundaries/labels.ts), so a selection, search or filter costs one repaint, not a
// restyle of hundreds of SVG elements (issue 19 goal 5); the SVG is built only for export
// (map-export.ts). Zoom and pan move one transform. Click a circle to select it; the list
// after the canvas (MapCommunityList) gives keyboard and screen reader users the same.
import type { TargetedMouseEvent, TargetedPointerEvent } from 'preact';
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
import { MapCanvas } from './map-canvas';
import { MapCommunityList, communitySummary, markListSelection } from './MapCommunityList';
import { MapSvgContext, mapSvgSource, type MapSvgContent } from './map-export';
import { MapLegend } from './MapLegend';
import { labelZoom, useZoomPan, type ZoomState } from './useZoomPan';

/**
 * The main thread's head start before the first picture, in ticks × communities (about 50 ms
 * of work on a laptop; the worker does the rest). A fixed amount of work, not of time, so the
 * same data always gives the same map, on any machine and under any load.
 */
const FIRST_NODE_TICKS = 12_000;
interface Props extends ViewProps {
  hits: ReadonlySet<number> | null;
  /** False while another tab is shown: the layout pauses. */
  active: boolean;
}

/** Settled layouts the page remembers by signature (the worker keeps its own). */
const REMEMBERED_LAYOUTS = 8;

export function ConstellationMap({ report, filtered, selected, onSelect, hits, active }: Props) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const list = useRef<HTMLDivElement>(null);
  const painter = useRef<MapCanvas | null>(null);
  // Made before any other effect runs (layout effects run in order), so they can use it.
  useLayoutEffect(() => {
    const made = new MapCanvas(canvas.current!);
    painter.current = made;
    return () => made.destroy();
  }, []);
  const jobs = useRef(0);
  const remembered = useRef(new Map<string, Float64Array>());
  const [namesZoom, setNamesZoom] = useState(1);
  // Only crossing a doubling re-renders (Preact skips an unchanged state).
  const onZoom = useCallback((state: ZoomState) => setNamesZoom(labelZoom(state.k)), []);
  const zoom = useZoomPan(painter, onZoom);

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
      // Positions go straight to the canvas: a full re-render per layout update would
      // compete with the user's clicks for the main thread.
      painter.current?.moved();
      if (update.settled) setSettledSignature(signature);
    });
  }, [layout, active]);

  // What the canvas shows; it repaints in the next frame, and places names once settled.
  useLayoutEffect(() => {
    painter.current?.show({ report, model, layout, hits, settled, namesZoom, selected });
  }, [report, model, layout, hits, settled, namesZoom, selected]);
  // The export builds its SVG from what is shown now.
  const content = useRef<MapSvgContent>({ report, model, layout, hits, selected, settled });
  content.current = { report, model, layout, hits, selected, settled };
  const svgSource = useContext(MapSvgContext);
  useEffect(() => {
    if (!painter.current) return;
    svgSource.current = mapSvgSource(painter.current, () => content.current);
    return () => {
      svgSource.current = null;
    };
  }, [svgSource]);

  const onFocusCommunity = useCallback((c: number | null) => painter.current?.setFocus(c), []);
  // The list is rendered with the map it names, in the same commit: a screen reader never
  // reads the communities of the map before (issue 19 goal 5). Buttons are keyed by place and
  // laid out only when focused (boundaries.css), so a new model rewrites their text.
  const communities = useMemo(
    () => (
      <MapCommunityList
        report={report}
        model={model}
        hits={hits}
        onSelect={onSelect}
        onFocusCommunity={onFocusCommunity}
      />
    ),
    [report, model, hits, onSelect, onFocusCommunity],
  );
  // Selection presses one button: the list itself is not re-rendered.
  useLayoutEffect(() => markListSelection(list.current, selected), [selected, communities]);

  const at = (event: { clientX: number; clientY: number }) =>
    painter.current?.communityAt(event.clientX, event.clientY) ?? null;
  const onClick = (event: TargetedMouseEvent<HTMLCanvasElement>) => {
    const community = at(event);
    if (community !== null) onSelect(community);
  };
  // The circle under the pointer: outlined, with its tooltip (the canvas's title).
  const onHover = (event: TargetedPointerEvent<HTMLCanvasElement>) => {
    const community = at(event);
    painter.current?.setHover(community);
    const element = event.currentTarget;
    element.classList.toggle('over-node', community !== null);
    const title = community === null ? '' : communitySummary(report, community);
    if (element.title !== title) element.title = title;
  };
  const onLeave = (event: TargetedPointerEvent<HTMLCanvasElement>) => {
    painter.current?.setHover(null);
    event.currentTarget.title = '';
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
      <div class="constellation-map" data-settled={settled ? 'true' : 'false'} ref={list}>
        <canvas
          ref={canvas}
          role="img"
          aria-label={`Constellation map of ${model.nodes.length} communities. The list after it names each one; the Table tab lists every community. Arrow keys pan, + and − zoom.`}
          tabindex={0}
          data-zoom="1"
          onClick={onClick}
          onPointerMove={onHover}
          onPointerLeave={onLeave}
          onKeyDown={zoom.onKeyDown}
        />
        {communities}
      </div>
      <MapLegend />
    </div>
  );
}
