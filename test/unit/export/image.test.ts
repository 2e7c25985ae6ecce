// @vitest-environment happy-dom
// The map as a standalone SVG document: namespaced, framed by the given box, the on-screen
// zoom removed, a title and the legend in words added, feed text escaped as text.
import { describe, expect, it } from 'vitest';
import { serializeMapSvg } from '../../../lib/export/image';

describe('map SVG export', () => {
  it('writes a standalone, well-formed SVG of the map', () => {
    document.body.innerHTML = `
      <svg class="constellation-map" viewBox="0 0 10 10">
        <g data-zoom transform="translate(5 5) scale(3)">
          <g class="node"><circle class="dot" r="4"></circle><text>R&amp;D &lt;Guild&gt;</text></g>
        </g>
        <g data-export="skip"><text>toolbar</text></g>
      </svg>`;
    const svg = document.querySelector('svg')!;
    const image = serializeMapSvg(svg, {
      title: 'Acme: constellation',
      viewBox: { x: -50, y: -40, width: 300, height: 200 },
      caption: ['Fill by stage: potential, coalescing'],
    });
    expect(image.width).toBe(300);
    expect(image.height).toBeGreaterThan(200);
    expect(image.text.startsWith('<?xml version="1.0" encoding="UTF-8"?>')).toBe(true);
    const doc = new DOMParser().parseFromString(
      image.text.replace(/^<\?xml[^>]*>\s*/, ''),
      'image/svg+xml',
    );
    const root = doc.documentElement;
    expect(root.getAttribute('xmlns')).toBe('http://www.w3.org/2000/svg');
    expect(root.getAttribute('viewBox')!.split(' ').map(Number)[2]).toBe(300);
    expect(doc.querySelector('[data-zoom]')!.getAttribute('transform')).toBeNull();
    expect(doc.querySelector('[data-export="skip"]')).toBeNull();
    expect(image.text).toContain('R&amp;D &lt;Guild&gt;');
    const texts = [...doc.querySelectorAll('text')].map((t) => t.textContent);
    expect(texts).toContain('Acme: constellation');
    expect(texts).toContain('Fill by stage: potential, coalescing');
    // The page's own svg is untouched.
    expect(svg.querySelector('[data-zoom]')!.getAttribute('transform')).toBe(
      'translate(5 5) scale(3)',
    );
  });
});
