// Resolving a page's people against a synthetic directory in real Chromium: their records by
// email key, then their memberships, from a cold reader, against the same lookups again right
// after (answered from the packs the context remembers, as far as its memory budget holds them).
// `npm run bench -- --suite resolve [--people N] [--runs N] [--sizes 1,10,50,200]`
import { generateSyntheticFeed } from '../../lib/demo/synthetic';
import type { ResolveRow } from '../../test/bench/resolve.page';
import { listOption, ms, numberOption, printTable, ratio, runPageBenchmark } from './harness';

export async function benchResolve(): Promise<void> {
  const people = numberOption('people', 100_000);
  const runs = numberOption('runs', 5);
  const sizes = listOption(
    'sizes',
    ['1', '10', '50', '200'],
    (value): value is string => /^[1-9]\d*$/.test(value),
    '1,10,50,200',
  ).map(Number);
  console.log(`\n## Resolve a page's people: directory of ${people.toLocaleString('en')} people`);
  const feedText = JSON.stringify(generateSyntheticFeed({ people, seed: 42 }));
  const { result, browserVersion } = await runPageBenchmark<ResolveRow[]>({
    entry: 'test/bench/resolve.page.ts',
    exportName: 'runResolveBench',
    args: ['/feed.json', sizes, runs],
    files: { '/feed.json': { body: feedText, contentType: 'application/json' } },
  });
  console.log(`Chromium ${browserVersion}, medians of ${runs} rounds, each a different spread.`);
  printTable([
    ['people on the page', 'cold reader', 'the same again', 'ratio', 'memberships found'],
    ...result.map((r) => [
      String(r.people),
      ms(r.coldMs),
      ms(r.warmMs),
      ratio(r.coldMs, r.warmMs),
      String(r.memberships),
    ]),
  ]);
}
