// Boundaries view benchmark (issue 6): all analyses vs one full read of the membership table,
// time to the first map, and interaction latencies, on a large synthetic organisation in real
// Chromium. `npm run bench -- --suite boundaries [--people N] [--communities N] [--runs N]`
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { generateSyntheticFeed } from '../../lib/demo/synthetic';
import type { BoundariesResult } from '../../test/bench/boundaries.page';
import { ms, numberOption, printTable, ratio, runPageBenchmark } from './harness';

export async function benchBoundaries(): Promise<void> {
  const people = numberOption('people', 100_000);
  const communities = numberOption('communities', 5_000);
  const runs = numberOption('runs', 5);
  console.log(
    `\n## Boundaries: synthetic organisation of ${people.toLocaleString('en')} people, ` +
      `${communities.toLocaleString('en')} communities`,
  );
  const feedText = JSON.stringify(generateSyntheticFeed({ people, communities, seed: 6 }));
  // The map's layout worker, bundled as the extension build does with Vite's `?worker`.
  const worker = await build({
    entryPoints: [
      fileURLToPath(new URL('../../components/boundaries/layout.worker.ts', import.meta.url)),
    ],
    bundle: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    minify: true,
    write: false,
    logLevel: 'error',
  });
  const css = readFileSync(new URL('../../components/boundaries/boundaries.css', import.meta.url));
  // boundaries.css imports the shared tokens as '../theme/tokens.css': served where that points.
  const tokens = readFileSync(new URL('../../components/theme/tokens.css', import.meta.url));
  const { result: r, browserVersion } = await runPageBenchmark<BoundariesResult>({
    entry: 'test/bench/boundaries.page.ts',
    exportName: 'runBoundariesBench',
    args: ['/feed.json', '/boundaries.css', '/layout-worker.js', runs],
    files: {
      '/feed.json': { body: feedText, contentType: 'application/json' },
      '/boundaries.css': { body: css, contentType: 'text/css' },
      '/theme/tokens.css': { body: tokens, contentType: 'text/css' },
      '/layout-worker.js': { body: worker.outputFiles[0]!.text, contentType: 'text/javascript' },
    },
  });
  console.log(
    `Chromium ${browserVersion}, medians of ${runs} runs. Visible: ${r.communities.toLocaleString('en')} communities, ` +
      `${r.people.toLocaleString('en')} people, ${r.memberships.toLocaleString('en')} memberships ` +
      `(ingested once in ${(r.ingestMs / 1000).toFixed(1)} s). Map: ${r.mapNodes} communities drawn.\n`,
  );
  printTable([
    ['measure', 'time', 'baseline', 'ratio', 'goal'],
    [
      'all analyses vs membership table read',
      ms(r.analysesMs),
      ms(r.membershipReadMs),
      ratio(r.analysesMs, r.membershipReadMs),
      '≤ 3.0',
    ],
    [
      'bulk read of the view + analyses vs membership read',
      ms(r.loadMs + r.analysesMs),
      ms(r.membershipReadMs),
      ratio(r.loadMs + r.analysesMs, r.membershipReadMs),
      '(reported)',
    ],
    ...Object.entries(r.listReadMs).map(([list, t]) => [
      `  ${list} read alone (for comparison)`,
      ms(t),
      '',
      '',
      '',
    ]),
    ['first map render (data ready → map painted)', ms(r.firstMapRenderMs), '', '', '≤ 1000 ms'],
    [
      'first map from opening the view (read + analyses + render)',
      ms(r.firstMapFromOpenMs),
      '',
      '',
      '(reported)',
    ],
    ...Object.entries(r.openSteps).map(([step, t]) => [`  of which ${step}`, ms(t), '', '', '']),
    ['layout settled in the worker (after the first map)', ms(r.settleMs), '', '', '(reported)'],
    ['  of which DOM updated (median over all interactions)', ms(r.updateMs), '', '', ''],
    ['idle frame (nothing changes; floor under the latencies)', ms(r.idleFrameMs), '', '', ''],
    ['one text changed outside the map (floor for any change)', ms(r.trivialChangeMs), '', '', ''],
    ['select a community (click → details painted)', ms(r.selectMs), '', '', '< 100 ms'],
    ['filter by stage (change → map and count painted)', ms(r.filterMs), '', '', '< 100 ms'],
    ['search (input → map and count painted)', ms(r.searchMs), '', '', '< 100 ms'],
    ['zoom (button → transform painted)', ms(r.zoomMs), '', '', '< 100 ms'],
  ]);
}
