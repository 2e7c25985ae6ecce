// The map as a picture: a standalone SVG document (styles inlined, the page's background and a
// title, so it renders the same outside the page) and a PNG drawn from that SVG on a canvas.
// Uses only DOM APIs (XMLSerializer, Image, canvas), no extension APIs.

const SVG_NS = 'http://www.w3.org/2000/svg';
const MAX_CANVAS_SIDE = 8192;

/** Properties that carry the map's look; copied from computed style onto the clone. */
const STYLE_PROPERTIES = [
  'fill',
  'fill-opacity',
  'stroke',
  'stroke-width',
  'stroke-dasharray',
  'stroke-opacity',
  'opacity',
  'font-size',
  'font-family',
  'font-weight',
  'paint-order',
  'text-anchor',
  'dominant-baseline',
  'display',
  'visibility',
] as const;

function inlineStyles(source: Element, target: Element, view: Window): void {
  const computed = view.getComputedStyle(source);
  const style = STYLE_PROPERTIES.map((p) => `${p}:${computed.getPropertyValue(p)}`).join(';');
  target.setAttribute('style', style);
  const from = source.children;
  const to = target.children;
  for (let i = 0; i < from.length && i < to.length; i++) inlineStyles(from[i]!, to[i]!, view);
}

export interface SvgExportOptions {
  title: string;
  /** The viewBox of the exported picture (what is visible now, or the whole map). */
  viewBox: { x: number; y: number; width: number; height: number };
  /** Drawn below the map, e.g. the legend in words. */
  caption?: string[];
}

export interface SerializedSvg {
  text: string;
  width: number;
  height: number;
}

/** A standalone SVG document of the map element, framed by `options.viewBox`. */
export function serializeMapSvg(svg: SVGSVGElement, options: SvgExportOptions): SerializedSvg {
  const view = svg.ownerDocument.defaultView;
  const clone = svg.cloneNode(true) as SVGSVGElement;
  if (view) inlineStyles(svg, clone, view);
  const { x, y, width, height } = options.viewBox;
  const captionLines = options.caption ?? [];
  const lineHeight = Math.max(12, width / 60);
  // Two lines above for the title; the caption below, with room for its last line.
  const extra = (captionLines.length + 3) * lineHeight;
  clone.setAttribute('xmlns', SVG_NS);
  clone.setAttribute('viewBox', `${x} ${y - 2 * lineHeight} ${width} ${height + extra}`);
  clone.setAttribute('width', String(Math.round(width)));
  clone.setAttribute('height', String(Math.round(height + extra)));
  clone.removeAttribute('class');
  clone.removeAttribute('style');
  const doc = svg.ownerDocument;
  const background = doc.createElementNS(SVG_NS, 'rect');
  background.setAttribute('x', String(x));
  background.setAttribute('y', String(y - 2 * lineHeight));
  background.setAttribute('width', String(width));
  background.setAttribute('height', String(height + extra));
  // The page's own colours (light or dark theme), so lines and names stay readable.
  const pageStyle = view?.getComputedStyle(svg);
  const ground = pageStyle?.backgroundColor;
  const ink = pageStyle?.color || '#111827';
  background.setAttribute(
    'fill',
    ground && ground !== 'rgba(0, 0, 0, 0)' && ground !== 'transparent' ? ground : '#ffffff',
  );
  clone.insertBefore(background, clone.firstChild);
  const text = (content: string, at: number, size: number, weight = 'normal') => {
    const node = doc.createElementNS(SVG_NS, 'text');
    node.setAttribute('x', String(x + lineHeight / 2));
    node.setAttribute('y', String(at));
    node.setAttribute(
      'style',
      `font: ${weight} ${size}px system-ui, sans-serif; fill: ${ink}; stroke: none`,
    );
    node.textContent = content;
    clone.appendChild(node);
  };
  text(options.title, y - lineHeight * 0.7, lineHeight * 1.1, '600');
  captionLines.forEach((line, i) =>
    text(line, y + height + lineHeight * (i + 1.2), lineHeight * 0.8),
  );
  // The viewBox frames the map in layout coordinates, so the on-screen zoom and pan go.
  clone.querySelectorAll('[data-zoom]').forEach((node) => node.removeAttribute('transform'));
  clone.querySelectorAll('[data-export="skip"]').forEach((node) => node.remove());
  return {
    text: `<?xml version="1.0" encoding="UTF-8"?>\n${new XMLSerializer().serializeToString(clone)}`,
    width: Math.round(width),
    height: Math.round(height + extra),
  };
}

/** Draws SVG text onto a canvas and returns a PNG blob. */
export async function svgToPng(svgText: string, width: number, height: number, scale = 2) {
  const url = URL.createObjectURL(new Blob([svgText], { type: 'image/svg+xml' }));
  try {
    const image = new Image();
    image.decoding = 'async';
    image.src = url;
    await image.decode();
    // Canvases larger than about 8k pixels a side fail silently in some browsers.
    const fit = Math.min(scale, MAX_CANVAS_SIDE / width, MAX_CANVAS_SIDE / height);
    const canvas = document.createElement('canvas');
    canvas.width = Math.max(1, Math.round(width * fit));
    canvas.height = Math.max(1, Math.round(height * fit));
    const context = canvas.getContext('2d');
    if (!context) throw new Error('this browser cannot draw on a canvas');
    context.drawImage(image, 0, 0, canvas.width, canvas.height);
    return await new Promise<Blob>((resolve, reject) =>
      canvas.toBlob(
        (blob) => (blob ? resolve(blob) : reject(new Error('the map could not be drawn as PNG'))),
        'image/png',
      ),
    );
  } finally {
    URL.revokeObjectURL(url);
  }
}

/** Offers a file to the user through a temporary link (no downloads permission needed). */
export function downloadFile(name: string, content: Blob | string, type: string): void {
  const blob = typeof content === 'string' ? new Blob([content], { type }) : content;
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.style.display = 'none';
  document.body.appendChild(link);
  link.click();
  link.remove();
  // Revoking at once can cancel the download in some browsers; a minute is plenty.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
