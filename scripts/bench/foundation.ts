// Foundation benchmark (issue 2): validation vs JSON.parse and ingest vs raw bulkPut of the
// same rows, on a synthetic feed. `npm run bench -- --suite foundation [--people N] [--runs N]`
import { generateSyntheticFeed } from '../../lib/demo/synthetic';
import type { FoundationResult } from '../../test/bench/foundation.page';
import { ms, numberOption, printTable, ratio, runPageBenchmark } from './harness';

export async function benchFoundation(): Promise<void> {
  const people = numberOption('people', 10_000);
  const runs = numberOption('runs', 5);
  console.log(`\n## Foundation: synthetic feed of ${people.toLocaleString('en')} people`);
  const feedText = JSON.stringify(generateSyntheticFeed({ people, seed: 42 }));
  const { result: r, browserVersion } = await runPageBenchmark<FoundationResult>({
    entry: 'test/bench/foundation.page.ts',
    exportName: 'runFoundationBench',
    args: ['/feed.json', runs],
    files: { '/feed.json': { body: feedText, contentType: 'application/json' } },
  });
  console.log(
    `Chromium ${browserVersion}, ${runs} runs each (medians). Feed: ${r.people.toLocaleString('en')} people, ` +
      `${r.memberships.toLocaleString('en')} memberships, ${(r.bytes / 1e6).toFixed(2)} MB\n`,
  );
  printTable([
    ['measure', 'time', 'baseline', 'ratio', 'goal'],
    [
      'validate vs JSON.parse',
      ms(r.validateMs),
      ms(r.jsonParseMs),
      ratio(r.validateMs, r.jsonParseMs),
      '≤ 3.0',
    ],
    [
      'ingest (validated feed → DB) vs raw bulkPut',
      ms(r.writeMs),
      ms(r.rawBulkPutMs),
      ratio(r.writeMs, r.rawBulkPutMs),
      '≤ 2.0',
    ],
    [
      'ingest (bytes → DB) vs raw bulkPut',
      ms(r.ingestMs),
      ms(r.rawBulkPutMs),
      ratio(r.ingestMs, r.rawBulkPutMs),
      '(reported)',
    ],
  ]);
}
