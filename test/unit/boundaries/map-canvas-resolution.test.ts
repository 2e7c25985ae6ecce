// @vitest-environment happy-dom
// The map canvas follows a devicePixelRatio change that comes without a resize (a window
// dragged to a screen of another density): it watches a `(resolution: Ndppx)` media query for
// the current ratio and sizes its backing store again when that query stops matching.
// Chromium's emulated ratio (CDP Emulation.setDeviceMetricsOverride) changes
// devicePixelRatio without telling media query listeners, so a real-browser test cannot make
// the event; here matchMedia and ResizeObserver are stand-ins that the test drives.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { MapCanvas } from '../../../components/boundaries/map-canvas';

class FakeQuery {
  readonly listeners = new Set<() => void>();
  constructor(readonly media: string) {}
  addEventListener(_type: 'change', listener: () => void) {
    this.listeners.add(listener);
  }
  removeEventListener(_type: 'change', listener: () => void) {
    this.listeners.delete(listener);
  }
  change() {
    for (const listener of [...this.listeners]) listener();
  }
}

const queries: FakeQuery[] = [];
let resized: (() => void) | null = null;

function setRatio(ratio: number) {
  Object.defineProperty(window, 'devicePixelRatio', { value: ratio, configurable: true });
}

/** The live query watching the resolution (the last one made that still has a listener). */
function resolutionQuery(): FakeQuery | undefined {
  return queries.filter((q) => q.media.includes('resolution') && q.listeners.size > 0).at(-1);
}

describe('MapCanvas and devicePixelRatio', () => {
  beforeEach(() => {
    queries.length = 0;
    vi.stubGlobal('matchMedia', (media: string) => {
      const query = new FakeQuery(media);
      queries.push(query);
      return query;
    });
    vi.stubGlobal(
      'ResizeObserver',
      class {
        constructor(callback: () => void) {
          resized = callback;
        }
        observe() {}
        disconnect() {}
      },
    );
    setRatio(1);
  });

  afterEach(() => {
    vi.unstubAllGlobals();
    resized = null;
  });

  it('sizes the backing store again when the ratio changes and the size does not', () => {
    const canvas = document.createElement('canvas');
    Object.defineProperty(canvas, 'clientWidth', { value: 400 });
    Object.defineProperty(canvas, 'clientHeight', { value: 250 });
    const map = new MapCanvas(canvas);
    resized!();
    expect([canvas.width, canvas.height]).toEqual([400, 250]);
    expect(resolutionQuery()?.media).toBe('(resolution: 1dppx)');

    setRatio(2);
    resolutionQuery()!.change();
    expect([canvas.width, canvas.height]).toEqual([800, 500]);
    // The next change is watched from the new ratio, and only one query is listened to.
    expect(resolutionQuery()?.media).toBe('(resolution: 2dppx)');
    expect(
      queries.filter((q) => q.media.includes('resolution') && q.listeners.size > 0),
    ).toHaveLength(1);

    setRatio(1.5);
    resolutionQuery()!.change();
    expect([canvas.width, canvas.height]).toEqual([600, 375]);

    map.destroy();
    expect(resolutionQuery()).toBeUndefined();
  });
});
