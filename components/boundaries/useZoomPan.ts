// Zoom and pan of the map canvas: one transform kept in MapCanvas, which repaints in the next
// frame (no re-render). Wheel zooms about the pointer; drag on the background pans (a press on
// a circle is a click, which selects it); + − 0 and arrow keys do the same from the keyboard.
// The zoom is also written to the canvas's `data-zoom`, which tests and the benchmark read.
import type { RefObject } from 'preact';
import { useCallback, useEffect, useRef } from 'preact/hooks';
import type { ZoomState } from '../../lib/boundaries/map-view';
import type { MapCanvas } from './map-canvas';

export type { ZoomState };

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

export function useZoomPan(map: RefObject<MapCanvas | null>, onZoom?: (state: ZoomState) => void) {
  const state = useRef<ZoomState>({ k: 1, x: 0, y: 0 });

  const apply = useCallback(() => {
    const canvas = map.current;
    if (canvas) {
      canvas.zoom = state.current;
      canvas.canvas.dataset.zoom = String(Number(state.current.k.toFixed(4)));
    }
    onZoom?.(state.current);
  }, [map, onZoom]);

  const zoomAbout = useCallback(
    (factor: number, at?: { x: number; y: number }) => {
      const { k, x, y } = state.current;
      const next = Math.min(MAX_ZOOM, Math.max(MIN_ZOOM, k * factor));
      const box = map.current?.view().box;
      const centre =
        at ?? (box ? { x: box.x + box.width / 2, y: box.y + box.height / 2 } : { x: 0, y: 0 });
      state.current = {
        k: next,
        x: centre.x - ((centre.x - x) * next) / k,
        y: centre.y - ((centre.y - y) * next) / k,
      };
      apply();
    },
    [apply, map],
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
    const canvas = map.current;
    if (!canvas) return;
    const element = canvas.canvas;
    const onWheel = (event: WheelEvent) => {
      event.preventDefault();
      zoomAbout(Math.exp(-event.deltaY * 0.002), canvas.toViewBox(event.clientX, event.clientY));
    };
    let drag: { id: number; x: number; y: number } | null = null;
    const onDown = (event: PointerEvent) => {
      if (event.button !== 0 || canvas.communityAt(event.clientX, event.clientY) !== null) return;
      drag = { id: event.pointerId, ...canvas.toViewBox(event.clientX, event.clientY) };
      element.setPointerCapture(event.pointerId);
      element.classList.add('panning');
    };
    const onMove = (event: PointerEvent) => {
      if (!drag || drag.id !== event.pointerId) return;
      const here = canvas.toViewBox(event.clientX, event.clientY);
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
  }, [map, zoomAbout, panBy]);

  const onKeyDown = useCallback(
    (event: KeyboardEvent) => {
      const box = map.current?.view().box;
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
    [map, zoomAbout, panBy, reset],
  );

  return { zoomIn: () => zoomAbout(1.25), zoomOut: () => zoomAbout(0.8), reset, onKeyDown, state };
}
