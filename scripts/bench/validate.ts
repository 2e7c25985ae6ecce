// Validation budget of the feed-tooling issue: validate ≤ 3× JSON.parse of the same bytes on a
// 100k-person feed, in real Chromium under the extension's CSP.
// `npm run bench -- --suite validate [--people N] [--runs N]`
import { generateSyntheticFeed } from '../../lib/demo/synthetic';
import type { ValidatePageResult } from '../../test/bench/validate.page';
import { ms, numberOption, printTable, ratio, runPageBenchmark } from './harness';

export async function benchValidate(): Promise<void> {
  const people = numberOption('people', 100_000);
  const runs = numberOption('runs', 7);
  console.log(`\n## Validate: synthetic feed of ${people.toLocaleString('en')} people`);
  const feedText = JSON.stringify(generateSyntheticFeed({ people, seed: 42 }));
  const { result: r, browserVersion } = await runPageBenchmark<ValidatePageResult>({
    entry: 'test/bench/validate.page.ts',
    exportName: 'runValidateBench',
    args: ['/feed.json', runs],
    files: { '/feed.json': { body: feedText, contentType: 'application/json' } },
  });
  if (r.evalAllowed) throw new Error('the benchmark page allowed eval: the CSP was not applied');
  console.log(
    `Chromium ${browserVersion}, ${runs} runs after 2 warm-ups, interleaved (medians); ` +
      `${(r.bytes / 1e6).toFixed(1)} MB; eval refused by CSP; ` +
      `record lists on zod's interpreter: ${r.interpreted.length ? r.interpreted.join(', ') : 'none'}\n`,
  );
  printTable([
    ['measure', 'time', 'baseline', 'ratio', 'goal'],
    [
      'validateFeedText vs JSON.parse',
      ms(r.medianValidateMs),
      ms(r.medianParseMs),
      ratio(r.medianValidateMs, r.medianParseMs),
      '≤ 3.0',
    ],
  ]);
  console.log(`runs (validate): ${r.validateMs.map((v) => v.toFixed(0)).join(', ')} ms`);
  console.log(`runs (parse):    ${r.parseMs.map((v) => v.toFixed(0)).join(', ')} ms`);
}
