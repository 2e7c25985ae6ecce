// Zoom and pan of the map by an SVG transform on one group, set directly on the element (not
// through a re-render), so wheel, drag and keys stay fast with hundreds of circles drawn.
// Wheel zooms about the pointer; drag on the background pans; + − 0 and arrow keys do the same
// from the keyboard.
import type { RefObject } from 'preact';
import { useCallback, useEffect, useRef } from 'preact/hooks';

export interface ZoomState {
  k: number;
  x: number;
  y: number;
}

const MIN_ZOOM = 0.5;
const MAX_ZOOM = 12;
/**
 * The zoom the names are placed for: the zoom rounded down to a power of two (1, 2, 4, 8), so
 * names are placed again, with room for more of them, at each doubling rather than on every
 * wheel step.
 */
export function labelZoom(k: number): number {
  return 2 ** Math.floor(Math.log2(Math.max(1, k)));
}
/** How long after the last zoom or pan step the lines reappear. */
const MOVE_REST_MS = 150;

export function useZoomPan(
  svg: RefObject<SVGSVGElement | null>,
  group: RefObject<SVGGElement | null>,
  onZoom?: (state: ZoomState) => void,
) {
  const state = useRef<ZoomState>({ k: 1, x: 0, y: 0 });

  const settling = useRef(0);
  const apply = useCallback(() => {
    const { k, x, y } = state.current;
    group.current?.setAttribute('transform', `translate(${x} ${y}) scale(${k})`);
    const element = svg.current;
    if (element) {
      // Lines are hidden while the view moves (hundreds of them cost most of each frame's
      // paint) and come back once it rests.
      element.classList.add('moving');
      clearTimeout(settling.current);
      settling.current = window.setTimeout(() => element.classList.remove('moving'), MOVE_REST_MS);
    }
    onZoom?.(state.current);
  }, [svg, group, onZoom]);

  /** A client point in the map's coordinates (the viewBox), outside the zoom transform. */
  const toMap = useCallback(
    (clientX: number, clientY: number) => {
      const matrix = svg.current?.getScreenCTM();
      if (!matrix) return { x: 0, y: 0 };
      const inverse = matrix.inverse();
      return {
        x: inverse.a * clientX + inverse.c * clientY + inverse.e,
        y: inverse.b * clientX + inverse.d * clientY + inverse.f,
      };
    },
    [svg],
  );

  const zoomAbout = useCallback(
    (factor: number, at?: { x: number; y: number }) => {
      const { k, x, y } = state.current;
      const next = Math.min(MAX_ZOOM, Math.max(MIN_ZOOM, k * factor));
      const box = svg.current?.viewBox.baseVal;
      const centre =
        at ?? (box ? { x: box.x + box.width / 2, y: box.y + box.height / 2 } : { x: 0, y: 0 });
      state.current = {
        k: next,
        x: centre.x - ((centre.x - x) * next) / k,
        y: centre.y - ((centre.y - y) * next) / k,
      };
      apply();
    },
    [apply, svg],
  );

  const panBy = useCallback(
    (dx: number, dy: number) => {
      state.current = { ...state.current, x: state.current.x + dx, y: state.current.y + dy };
      apply();
    },
    [apply],
  );

  const reset = useCallback(() => {
    state.current = { k: 1, x: 0, y: 0 };
    apply();
  }, [apply]);

  useEffect(() => {
    const element = svg.current;
    if (!element) return;
    const onWheel = (event: WheelEvent) => {
      event.preventDefault();
      zoomAbout(Math.exp(-event.deltaY * 0.002), toMap(event.clientX, event.clientY));
    };
    let drag: { id: number; x: number; y: number } | null = null;
    const onDown = (event: PointerEvent) => {
      if (event.button !== 0 || (event.target as Element).closest('[data-index]')) return;
      drag = { id: event.pointerId, ...toMap(event.clientX, event.clientY) };
      element.setPointerCapture(event.pointerId);
      element.classList.add('panning');
    };
    const onMove = (event: PointerEvent) => {
      if (!drag || drag.id !== event.pointerId) return;
      const here = toMap(event.clientX, event.clientY);
      panBy(here.x - drag.x, here.y - drag.y);
      drag = { ...drag, ...here };
    };
    const onUp = (event: PointerEvent) => {
      if (!drag || drag.id !== event.pointerId) return;
      drag = null;
      element.classList.remove('panning');
    };
    element.addEventListener('wheel', onWheel, { passive: false });
    element.addEventListener('pointerdown', onDown);
    element.addEventListener('pointermove', onMove);
    element.addEventListener('pointerup', onUp);
    element.addEventListener('pointercancel', onUp);
    return () => {
      element.removeEventListener('wheel', onWheel);
      element.removeEventListener('pointerdown', onDown);
      element.removeEventListener('pointermove', onMove);
      element.removeEventListener('pointerup', onUp);
      element.removeEventListener('pointercancel', onUp);
    };
  }, [svg, zoomAbout, panBy, toMap]);

  const onKeyDown = useCallback(
    (event: KeyboardEvent) => {
      const box = svg.current?.viewBox.baseVal;
      const step = box ? box.width / 10 : 50;
      const actions: Record<string, () => void> = {
        '+': () => zoomAbout(1.25),
        '=': () => zoomAbout(1.25),
        '-': () => zoomAbout(0.8),
        '0': reset,
        ArrowLeft: () => panBy(step, 0),
        ArrowRight: () => panBy(-step, 0),
        ArrowUp: () => panBy(0, step),
        ArrowDown: () => panBy(0, -step),
      };
      const action = actions[event.key];
      if (!action) return;
      event.preventDefault();
      action();
    },
    [svg, zoomAbout, panBy, reset],
  );

  return { zoomIn: () => zoomAbout(1.25), zoomOut: () => zoomAbout(0.8), reset, onKeyDown, state };
}
