// IndexedDB's cost per value and per byte in real Chromium for values of one size each, 2 kB to
// 1 MB (the same total bytes each time): values above 64 kB read about four times faster per
// byte but cost more per single get, which is why packs stay under it (lib/db/packs.ts
// PACK_SIZE). Ratios are against the 20 kB values of the same run, about a pack of 128 people.
// `npm run bench -- --suite idb-values [--mb N] [--runs N]`
import type { ValueSizeResult } from '../../test/bench/idb-values.page';
import { ms, numberOption, printTable, ratio, runPageBenchmark } from './harness';

const SIZES = [2_000, 20_000, 40_000, 60_000, 64_500, 66_000, 70_000, 100_000, 200_000, 1_000_000];
const BASELINE = 20_000;

export async function benchIdbValues(): Promise<void> {
  const totalMb = numberOption('mb', 16);
  const runs = numberOption('runs', 5);
  console.log(`\n## IndexedDB values by size: ${totalMb} MB of text as values of one size`);
  const { result, browserVersion } = await runPageBenchmark<ValueSizeResult[]>({
    entry: 'test/bench/idb-values.page.ts',
    exportName: 'runValueSizes',
    args: [totalMb * 1e6, SIZES, runs],
  });
  const base = result.find((r) => r.bytes === BASELINE)!;
  const perMb = (r: ValueSizeResult) => r.getAllMs / ((r.bytes * r.values) / 1e6);
  console.log(`Chromium ${browserVersion}, getAll medians of ${runs} reads; one get: 60 reads.`);
  printTable([
    [
      'value size',
      'values',
      'getAll',
      'ms per MB',
      'per MB vs 20 kB',
      'write (one transaction)',
      'one get p50 / p95',
    ],
    ...result.map((r) => [
      r.label,
      String(r.values),
      ms(r.getAllMs),
      perMb(r).toFixed(1),
      ratio(perMb(r), perMb(base)),
      ms(r.writeMs),
      `${r.getP50Ms.toFixed(2)} / ${r.getP95Ms.toFixed(2)} ms`,
    ]),
  ]);
}
