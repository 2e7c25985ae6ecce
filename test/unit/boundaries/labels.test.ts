// Map names: never on a circle, never on each other; the most important placed first.
import { describe, expect, it } from 'vitest';
import { placeLabels, type LabelCandidate } from '../../../lib/boundaries/labels';

describe('map labels', () => {
  it('places a lone name below its circle', () => {
    const placed = placeLabels(
      [{ community: 0, x: 0, y: 0, radius: 10, text: 'SRE Guild', priority: 1 }],
      { fontSize: 11 },
    );
    expect(placed).toMatchObject([{ community: 0, dx: 0, anchor: 'middle' }]);
    // Below the circle (radius 10, gap 2), centred on it.
    expect(placed[0]!.box).toMatchObject({ y0: 12, x0: -placed[0]!.box.x1 });
  });

  it('moves a name to a free side, and leaves out one that fits nowhere', () => {
    // B sits right under A: A's name cannot go below, so it goes above.
    const a = { community: 0, x: 0, y: 0, radius: 10, text: 'Alpha', priority: 2 };
    const b = { community: 1, x: 0, y: 24, radius: 10, text: 'Beta', priority: 1 };
    const placed = placeLabels([a, b], { fontSize: 11 });
    expect(placed.find((p) => p.community === 0)!.dy).toBeLessThan(0);
    // A ring of circles around C leaves no room for C's long name.
    const c = {
      community: 9,
      x: 500,
      y: 500,
      radius: 8,
      text: 'A very long community name',
      priority: 0,
    };
    const ring = [0, 1, 2, 3, 4, 5, 6, 7].map((i) => ({
      community: 10 + i,
      x: 500 + 22 * Math.cos((i * Math.PI) / 4),
      y: 500 + 22 * Math.sin((i * Math.PI) / 4),
      radius: 10,
      text: '',
      priority: 5,
    }));
    expect(placeLabels([c, ...ring], { fontSize: 11 }).some((p) => p.community === 9)).toBe(false);
  });

  it('never overlaps circles or names on a dense map of 500, and fits more when zoomed in', () => {
    // A deterministic pseudo-random scatter.
    let seed = 7;
    const random = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
    const nodes: LabelCandidate[] = Array.from({ length: 500 }, (_, i) => ({
      community: i,
      x: random() * 1400,
      y: random() * 1000,
      radius: 4 + random() * 16,
      text: `Community number ${i}`,
      priority: random(),
    }));
    for (const fontSize of [11, 5.5]) {
      const placed = placeLabels(nodes, { fontSize });
      const boxes = placed.map((p) => p.box);
      const clashes: string[] = [];
      for (let i = 0; i < boxes.length; i++) {
        const a = boxes[i]!;
        for (let j = i + 1; j < boxes.length; j++) {
          const b = boxes[j]!;
          if (a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1) clashes.push(`${i}/${j}`);
        }
        for (const n of nodes) {
          const nx = Math.max(a.x0, Math.min(n.x, a.x1));
          const ny = Math.max(a.y0, Math.min(n.y, a.y1));
          if ((nx - n.x) ** 2 + (ny - n.y) ** 2 < n.radius ** 2)
            clashes.push(`${i}@${n.community}`);
        }
      }
      expect(clashes).toEqual([]);
      expect(placed.length).toBeGreaterThan(50);
    }
    expect(placeLabels(nodes, { fontSize: 5.5 }).length).toBeGreaterThan(
      placeLabels(nodes, { fontSize: 11 }).length,
    );
  });

  it('keeps every name inside the frame, moving one off the edge to another side', () => {
    // A circle at the frame's left edge: its long name cannot be centred under it.
    const edge = {
      community: 0,
      x: 12,
      y: 50,
      radius: 10,
      text: 'A long community name',
      priority: 1,
    };
    const frame = { x0: 0, y0: 0, x1: 400, y1: 100 };
    const placed = placeLabels([edge], { fontSize: 11, frame });
    expect(placed).toHaveLength(1);
    const { box, anchor } = placed[0]!;
    expect(anchor).toBe('start');
    expect(box.x0).toBeGreaterThanOrEqual(frame.x0);
    expect(box.x1).toBeLessThanOrEqual(frame.x1);
    // With no room anywhere inside, the name is left out rather than cut off.
    expect(placeLabels([edge], { fontSize: 11, frame: { x0: 0, y0: 0, x1: 60, y1: 100 } })).toEqual(
      [],
    );
  });

  it('lets the first few names lie over smaller circles only, never over a name', () => {
    // A large circle ringed by small ones: its name fits nowhere clear.
    const hub = { community: 0, x: 500, y: 500, radius: 20, text: 'Kubernetes Guild', priority: 9 };
    const ring = Array.from({ length: 16 }, (_, i) => ({
      community: 1 + i,
      x: 500 + 32 * Math.cos((i * Math.PI) / 8),
      y: 500 + 32 * Math.sin((i * Math.PI) / 8),
      radius: 5,
      text: `Small ${i}`,
      priority: 1,
    }));
    const strict = placeLabels([hub, ...ring], { fontSize: 11 });
    expect(strict.some((p) => p.community === 0)).toBe(false);
    const relaxed = placeLabels([hub, ...ring], { fontSize: 11, landmarks: 1 });
    const landmark = relaxed.find((p) => p.community === 0)!;
    expect(landmark.landmark).toBe(true);
    expect(relaxed.filter((p) => p.landmark)).toHaveLength(1);
    // It covers some small circles, but no other name.
    for (const other of relaxed.filter((p) => p !== landmark)) {
      const a = landmark.box;
      const b = other.box;
      expect(a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1).toBe(false);
    }
    // A ring of circles as large as its own: no landmark place either.
    const big = ring.map((c) => ({
      ...c,
      radius: 20,
      x: 500 + 2 * (c.x - 500),
      y: 500 + 2 * (c.y - 500),
    }));
    expect(
      placeLabels([hub, ...big], { fontSize: 11, landmarks: 1 }).some((p) => p.community === 0),
    ).toBe(false);
  });

  it('uses a measured width and the font’s own ascent and descent when given', () => {
    const lone = { community: 0, x: 0, y: 0, radius: 10, text: 'SRE Guild', priority: 1 };
    // Measured: the box is exactly that wide, centred under the circle.
    const [measured] = placeLabels([{ ...lone, width: 80 }], { fontSize: 10 });
    expect(measured!.box).toMatchObject({ x0: -40, x1: 40 });
    // The font's metrics decide where the baseline sits in its box, on every side.
    const [below] = placeLabels([lone], { fontSize: 10, ascent: 0.9, descent: 0.25 });
    expect(below!.box.y0).toBe(12);
    expect(below!.dy).toBeCloseTo(12 + 9, 9);
    expect(below!.box.y1).toBeCloseTo(12 + 11.5, 9);
    // A circle right below pushes the name beside it: its box is centred on the circle's
    // middle, with the baseline `ascent` below the box's top.
    const blocker = { community: 1, x: 0, y: 24, radius: 10, text: '', priority: 0 };
    const blockerAbove = { community: 2, x: 0, y: -24, radius: 10, text: '', priority: 0 };
    const side = placeLabels([lone, blocker, blockerAbove], {
      fontSize: 10,
      ascent: 0.9,
      descent: 0.25,
    }).find((p) => p.community === 0)!;
    expect(side.anchor).toBe('start');
    expect(side.box.y0).toBeCloseTo(-5.75, 9);
    expect(side.dy).toBeCloseTo(side.box.y0 + 9, 9);
  });
});
