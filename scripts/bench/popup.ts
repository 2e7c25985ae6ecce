// Popup benchmark (issue 5): search-as-you-type latency per keystroke over a large directory
// vs a primary-key get in the same run, and the popup bundle size.
// `npm run bench -- --suite popup [--people N]` (default 100,000 people, 300,000 memberships).
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { generateSyntheticFeed } from '../../lib/demo/synthetic';
import type { PopupBenchResult } from '../../test/bench/popup.page';
import { ms, numberOption, printTable, ratio, runPageBenchmark } from './harness';
import { searchQueries } from './popup-open';

export async function benchPopup(): Promise<void> {
  const people = numberOption('people', 100_000);
  console.log(`\n## Popup: search over ${people.toLocaleString('en')} people`);
  const feed = generateSyntheticFeed({ people, seed: 7 });
  const queries = searchQueries(feed);
  const { result: r, browserVersion } = await runPageBenchmark<PopupBenchResult>({
    entry: 'test/bench/popup.page.ts',
    exportName: 'runPopupBench',
    args: ['/feed.json', queries],
    files: { '/feed.json': { body: JSON.stringify(feed), contentType: 'application/json' } },
  });
  console.log(
    `Chromium ${browserVersion}. ${r.people.toLocaleString('en')} people, ${r.memberships.toLocaleString('en')} memberships ` +
      `(ingested in ${(r.ingestMs / 1000).toFixed(1)} s). ${r.keystrokes} keystrokes over: ${queries.join(' | ')}\n`,
  );
  printTable([
    ['measure', 'value', 'goal'],
    ['keystroke p50', ms(r.keystrokeP50), ''],
    ['keystroke p95', ms(r.keystrokeP95), '≤ 25 ms'],
    ['keystroke max', ms(r.keystrokeMax), ''],
    ['primary-key get p50 (baseline)', ms(r.getP50), ''],
    ['keystroke p95 / get p50', ratio(r.keystrokeP95, r.getP50), '≤ 5'],
  ]);
  console.log(`Slowest keystrokes: ${r.slowest.map(([q, t]) => `"${q}" ${ms(t)}`).join(', ')}`);
  console.log(
    `Their parts, each timed alone (topics / people with units / communities): ${r.slowestParts
      .map(([q, t, p, c]) => `"${q}" ${ms(t)} / ${ms(p)} / ${ms(c)}`)
      .join(', ')}`,
  );
  reportBundle();
}

function reportBundle(): void {
  const dir = join(process.env.CONSTELLATION_OUT_DIR ?? '.output', 'chrome-mv3');
  try {
    const files = readdirSync(join(dir, 'chunks'))
      .filter((f) => f.startsWith('popup-'))
      .map((f) => join(dir, 'chunks', f));
    const css = readdirSync(join(dir, 'assets'))
      .filter((f) => f.startsWith('popup-'))
      .map((f) => join(dir, 'assets', f));
    const total = [...files, ...css].reduce((sum, f) => sum + statSync(f).size, 0);
    const gzip = [...files, ...css].reduce((sum, f) => sum + gzipSync(readFileSync(f)).length, 0);
    console.log(
      `\nPopup bundle (${dir}): ${(total / 1024).toFixed(1)} kB, ${(gzip / 1024).toFixed(1)} kB gzip`,
    );
  } catch {
    console.log(`\nPopup bundle: build the extension first (npm run build) to report its size.`);
  }
}
