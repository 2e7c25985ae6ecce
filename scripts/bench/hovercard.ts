// Hovercard open cost of the closed shadow root (issue 13, docs/security.md): the shipped
// card (closed root) against the same card in an open root, in the same page and run.
// `npm run bench -- --suite hovercard [--runs N]`.
import { ms, numberOption, printTable, ratio, runPageBenchmark } from './harness';
import type { HovercardResult } from '../../test/bench/hovercard.page';

export async function benchHovercard(): Promise<void> {
  const runs = numberOption('runs', 41);
  console.log('\n## Hovercard open: closed shadow root vs open shadow root');
  const { result: r, browserVersion } = await runPageBenchmark<HovercardResult>({
    entry: 'test/bench/hovercard.page.tsx',
    exportName: 'runHovercardBench',
    args: [runs],
  });
  console.log(`Chromium ${browserVersion}, ${r.samples} alternated samples each (medians)\n`);
  printTable([
    ['measure', 'time', 'baseline', 'ratio', 'goal'],
    [
      'render + layout of a person card (8 communities), closed root vs open root',
      ms(r.closedMs),
      ms(r.openMs),
      ratio(r.closedMs, r.openMs),
      '≤ 1.2',
    ],
  ]);
}
