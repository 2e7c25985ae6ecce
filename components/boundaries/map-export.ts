// The map as SVG, built only when exported: the page draws the map on a canvas, and an SVG of
// 500 circles kept in the page cost a restyle and repaint on every selection, search and
// filter (issue 19 goal 5). The drawing (MapDrawing) is rendered into a hidden SVG element in
// the page, so boundaries.css styles it as the page's map was styled, the canvas's names and
// the selection are written in, the caller serialises it (lib/export/image.ts inlines the
// computed styles), and the element is removed again in the same task, never painted.
import { createContext, h, render } from 'preact';
import type { MapLayout } from '../../lib/boundaries/layout';
import type { MapModel } from '../../lib/boundaries/map-model';
import type { ViewBox } from '../../lib/boundaries/map-view';
import type { BoundaryReport } from '../../lib/boundaries/report';
import type { MapCanvas } from './map-canvas';
import { MapDrawing, markSelection, writeLabels } from './MapDrawing';

const SVG_NS = 'http://www.w3.org/2000/svg';

/** What the map shows now, for the export panel: hands a built SVG to `use`, then removes it. */
export interface MapSvgSource {
  withSvg<T>(use: (svg: SVGSVGElement, viewBox: ViewBox) => T): T;
}

/** Set by the map while it is mounted; read by the export panel. */
export const MapSvgContext = createContext<{ current: MapSvgSource | null }>({ current: null });

export interface MapSvgContent {
  report: BoundaryReport;
  model: MapModel;
  layout: MapLayout;
  hits: ReadonlySet<number> | null;
  selected: number | null;
  settled: boolean;
}

export function mapSvgSource(canvas: MapCanvas, content: () => MapSvgContent): MapSvgSource {
  return {
    withSvg(use) {
      const { report, model, layout, hits, selected, settled } = content();
      const view = canvas.view();
      const { box } = view;
      const doc = canvas.canvas.ownerDocument;
      const svg = doc.createElementNS(SVG_NS, 'svg');
      svg.setAttribute('class', 'constellation-map');
      svg.setAttribute('viewBox', `${box.x} ${box.y} ${box.width} ${box.height}`);
      svg.setAttribute('preserveAspectRatio', 'xMidYMid meet');
      svg.setAttribute('role', 'group');
      svg.setAttribute(
        'aria-label',
        `Constellation map of ${model.nodes.length} communities. The Table tab lists the same communities for keyboard and screen reader use.`,
      );
      svg.setAttribute('tabindex', '0');
      svg.setAttribute('data-settled', settled ? 'true' : 'false');
      // The size of the canvas, so styles sized by the view (the names) resolve the same; out
      // of sight and out of the layout, and gone before the next frame.
      svg.style.cssText = `position: fixed; left: -100000px; top: 0; width: ${view.width}px; height: ${view.height}px; pointer-events: none`;
      (canvas.canvas.parentElement ?? doc.body).appendChild(svg);
      try {
        const { k, x, y } = view.zoom;
        render(
          h(
            'g',
            { 'data-zoom': '', transform: `translate(${x} ${y}) scale(${k})` },
            h(MapDrawing, { report, model, layout, hits }),
          ),
          svg,
        );
        const names = canvas.placedNames();
        writeLabels(svg, report, layout, names.labels, names.size);
        markSelection(svg, selected, selected === null ? null : report.communities[selected]!.name);
        return use(svg, box);
      } finally {
        render(null, svg);
        svg.remove();
      }
    },
  };
}
