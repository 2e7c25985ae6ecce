// Screenshot comparison for the visual regression test. A screenshot is reduced before it is
// stored or compared: halved (2×2 box filter) and turned to grey. Halving smooths away the
// sub-pixel anti-aliasing that differs between runs while a moved or resized element still
// changes hundreds of pixels; grey keeps the baselines small (a few hundred KB in all) and
// still shows a broken theme (light on light reads as a change of luminance). pixelmatch then
// counts the pixels that differ beyond its perceptual threshold, ignoring anti-aliased ones.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import pixelmatch from 'pixelmatch';
import { PNG } from 'pngjs';

/** pixelmatch's per-pixel colour threshold (0–1); 0.1 is its default. */
export const PIXEL_THRESHOLD = 0.12;
/** The share of pixels that may differ before a screen counts as changed. */
export const MAX_DIFF_SHARE = 0.002;

/** The stored form of a screenshot: half size, grey, opaque. */
export function reduce(screenshot: Buffer): PNG {
  const source = PNG.sync.read(screenshot);
  const width = Math.floor(source.width / 2);
  const height = Math.floor(source.height / 2);
  const out = new PNG({ width, height });
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      let sum = 0;
      for (const [dx, dy] of [
        [0, 0],
        [1, 0],
        [0, 1],
        [1, 1],
      ] as const) {
        const i = ((2 * y + dy) * source.width + 2 * x + dx) * 4;
        // Rec. 709 luma: what the eye reads as lightness.
        sum +=
          0.2126 * source.data[i]! + 0.7152 * source.data[i + 1]! + 0.0722 * source.data[i + 2]!;
      }
      const o = (y * width + x) * 4;
      const grey = Math.round(sum / 4);
      out.data[o] = out.data[o + 1] = out.data[o + 2] = grey;
      out.data[o + 3] = 255;
    }
  }
  return out;
}

export function writeGrey(path: string, image: PNG): void {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, PNG.sync.write(image, { colorType: 0, deflateLevel: 9 }));
}

export function readBaseline(path: string): PNG | undefined {
  return existsSync(path) ? PNG.sync.read(readFileSync(path)) : undefined;
}

export interface Comparison {
  /** Pixels that differ (all of them when the sizes differ). */
  differing: number;
  share: number;
  sameSize: boolean;
  diff: PNG;
}

export function compare(actual: PNG, baseline: PNG): Comparison {
  const { width, height } = actual;
  const diff = new PNG({ width, height });
  if (baseline.width !== width || baseline.height !== height)
    return { differing: width * height, share: 1, sameSize: false, diff };
  const differing = pixelmatch(actual.data, baseline.data, diff.data, width, height, {
    threshold: PIXEL_THRESHOLD,
    includeAA: false,
  });
  return { differing, share: differing / (width * height), sameSize: true, diff };
}
