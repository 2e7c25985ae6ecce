// Visual regression and accessibility of the tour's screens (scripts/demo-site/tour.ts), in
// light and dark, in real Chromium with the built extension on the demo organisation:
// - each screenshot is compared with its committed baseline in test/e2e/visual-baselines/
//   (reduced and compared as described in test/e2e/support/visual.ts); a changed screen fails
//   with the share of pixels that changed and a diff image in out/visual-diff/;
// - axe (@axe-core/playwright) finds no serious or critical violation on the screen.
// The screens are split over two test files (test/e2e/visual-*.e2e.test.ts), each with its own
// demo browser, so the e2e run can take them side by side.
//
// After an intended change of a screen, regenerate the baselines (and look at them):
//   npm run build && UPDATE_BASELINES=1 npx vitest run --config vitest.e2e.config.ts test/e2e/visual-
//
// Rendering is made deterministic: fixed data (the bundled demo feed, dated), fixed viewport
// sizes, the font stack of components/theme/tokens.css (Liberation Sans on Debian), reduced
// motion, no caret, animations stopped by Playwright.
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TourScreen } from '../../../scripts/demo-site/tour';
import { TOUR, closeOthers } from '../../../scripts/demo-site/tour';
import { ROOT, startDemoBrowser, type DemoBrowser } from './demo-browser';
import { MAX_DIFF_SHARE, compare, readBaseline, reduce, writeGrey } from './visual';

const BASELINES = join(ROOT, 'test/e2e/visual-baselines');
const DIFFS = join(ROOT, 'out/visual-diff');
const UPDATE = process.env.UPDATE_BASELINES === '1';

/** axe findings at these impacts fail the screen. */
const BLOCKING = new Set(['serious', 'critical']);

async function axeProblems(page: Page, demoPage: boolean): Promise<string[]> {
  // A demo site page stands in for any intranet: its own markup is not ours to answer for,
  // and what Constellation adds lives in closed shadow roots that axe cannot enter
  // (docs/security.md). Those are checked through Chromium's accessibility tree in
  // page-isolation.e2e.test.ts and keyboard.e2e.test.ts instead.
  if (demoPage) return [];
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations
    .filter((v) => BLOCKING.has(v.impact ?? ''))
    .map(
      (v) =>
        `${v.impact} ${v.id}: ${v.help} — ${v.nodes
          .slice(0, 3)
          .map((n) => n.target.join(' '))
          .join(', ')}`,
    );
}

/** Declares the visual tests of the tour's screens that `include` accepts. */
export function describeScreens(title: string, include: (screen: TourScreen) => boolean): void {
  describe(title, () => {
    let demo: DemoBrowser;

    beforeAll(async () => {
      demo = await startDemoBrowser();
    });

    afterAll(async () => {
      await demo?.close();
    });

    for (const screen of TOUR.filter(include)) {
      it(`${screen.name}: ${screen.title}`, async () => {
        const page = await screen.show(demo.tour);
        try {
          await page.bringToFront();
          const problems: string[] = [];
          for (const scheme of screen.themed
            ? (['light', 'dark'] as const)
            : (['light'] as const)) {
            await page.emulateMedia({ colorScheme: scheme, reducedMotion: 'reduce' });
            const name = screen.themed ? `${screen.name}-${scheme}` : screen.name;
            // The map is compared too: its layout settles to the same positions for the same
            // data (test/unit/boundaries/map.test.ts).
            const shot = reduce(await page.screenshot({ animations: 'disabled', caret: 'hide' }));
            const file = join(BASELINES, `${name}.png`);
            const baseline = readBaseline(file);
            if (UPDATE || !baseline) {
              if (!UPDATE)
                problems.push(`${name}: no baseline yet (written now; run again to compare)`);
              writeGrey(file, shot);
            } else {
              const result = compare(shot, baseline);
              if (!result.sameSize || result.share > MAX_DIFF_SHARE) {
                writeGrey(join(DIFFS, `${name}-actual.png`), shot);
                writeGrey(join(DIFFS, `${name}-diff.png`), result.diff);
                problems.push(
                  `${name}: ${result.sameSize ? `${(result.share * 100).toFixed(2)}% of pixels changed` : 'size changed'} (diff in out/visual-diff/${name}-diff.png)`,
                );
              }
            }
            for (const finding of await axeProblems(page, !screen.themed))
              problems.push(`${name}: ${finding}`);
          }
          expect(problems).toEqual([]);
        } finally {
          await closeOthers(demo.tour, demo.blank);
        }
      });
    }
  });
}

/**
 * The screens of test/e2e/visual-pages.e2e.test.ts; every other screen of the tour is in
 * test/e2e/visual-popup.e2e.test.ts, so a screen added to the tour is never left out.
 */
export function isPagesScreen(screen: TourScreen): boolean {
  return (
    ['intranet', 'wiki', 'code', 'person-card', 'topic-card'].includes(screen.name) ||
    screen.name.startsWith('boundaries-')
  );
}
