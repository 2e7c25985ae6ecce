// Storage designs for a whole feed (issue 19 goal 1): the same validated feed written in four
// designs in one page and run (test/bench/storage.page.ts), each against today's row design as
// the baseline. `npm run bench -- --suite storage [--people N] [--runs N]`
import { generateSyntheticFeed } from '../../lib/demo/synthetic';
import type { StorageResult } from '../../test/bench/storage.page';
import { ms, numberOption, printTable, ratio, runPageBenchmark } from './harness';

export async function benchStorage(): Promise<void> {
  const people = numberOption('people', 20_000);
  const runs = numberOption('runs', 1);
  console.log(`\n## Storage designs: synthetic feed of ${people.toLocaleString('en')} people`);
  const feedText = JSON.stringify(generateSyntheticFeed({ people, seed: 42 }));
  const { result: r, browserVersion } = await runPageBenchmark<StorageResult>({
    entry: 'test/bench/storage.page.ts',
    exportName: 'runStorageBench',
    args: ['/feed.json', runs],
    files: { '/feed.json': { body: feedText, contentType: 'application/json' } },
  });
  console.log(
    `Chromium ${browserVersion}, ${runs} run(s) each (medians). Feed: ${r.people.toLocaleString('en')} people, ` +
      `${r.memberships.toLocaleString('en')} memberships, ${r.records.toLocaleString('en')} records, ` +
      `${(r.bytes / 1e6).toFixed(1)} MB. JSON.parse ${ms(r.jsonParseMs)}, validate ${ms(r.validateMs)}\n`,
  );
  const base = r.designs.find((d) => d.design === 'rows')!;
  printTable([
    ['design', 'rows', 'write', 'vs rows', 'read all memberships', 'vs rows', 'first lookup'],
    ...r.designs.map((d) => [
      d.design,
      d.rowsWritten.toLocaleString('en'),
      ms(d.writeMs),
      ratio(d.writeMs, base.writeMs),
      ms(d.readMembershipsMs),
      ratio(d.readMembershipsMs, base.readMembershipsMs),
      ms(d.firstLookupMs),
    ]),
  ]);
}
