// Background sync benchmark (issue 3): full first sync vs raw bulkPut of the same rows,
// re-sync with 1% of records changed and the 304 path vs the full sync, and the peak JS heap
// of the page running the sync engine during the full sync (sampled through CDP).
// `npm run bench -- --suite sync [--people N] [--runs N]`
import { generateSyntheticFeed } from '../../lib/demo/synthetic';
import type { FeedInput } from '../../lib/model/feed';
import { startFeedServer } from '../../test/e2e/support/feed-server';
import type { SyncBenchResult } from '../../test/bench/sync.page';
import { ms, numberOption, printTable, ratio, runPageBenchmark } from './harness';

/** The same feed with 1% of people and 1% of memberships changed, and a newer generatedAt. */
function onePercentChanged(feed: FeedInput): FeedInput {
  const next = structuredClone(feed);
  next.generatedAt = '2026-11-02T09:00:00Z';
  const every = 100;
  next.people.forEach((person, i) => {
    if (i % every === 0) person.title = `Changed title ${i}`;
  });
  (next.memberships ?? []).forEach((membership, i) => {
    if (i % every === 0)
      membership.participation = membership.participation === 'core' ? 'active' : 'core';
  });
  return next;
}

export async function benchSync(): Promise<void> {
  const people = numberOption('people', 10_000);
  const runs = numberOption('runs', 3);
  console.log(`\n## Sync: synthetic feed of ${people.toLocaleString('en')} people`);
  const feed = generateSyntheticFeed({ people, seed: 42 });
  const fullText = JSON.stringify(feed);
  const changedText = JSON.stringify(onePercentChanged(feed));
  const server = await startFeedServer({ cors: true });
  server.set('/full.json', { kind: 'feed', body: fullText });
  server.set('/changed.json', { kind: 'feed', body: changedText });
  const samples: { at: number; used: number }[] = [];
  let sampler: ReturnType<typeof setInterval> | undefined;
  try {
    const { result: r, browserVersion } = await runPageBenchmark<SyncBenchResult>({
      entry: 'test/bench/sync.page.ts',
      exportName: 'runSyncBench',
      args: [server.url('/full.json'), server.url('/changed.json'), runs],
      // gc() lets the page release the baseline's copies before the heap is sampled.
      chromiumArgs: ['--js-flags=--expose-gc'],
      beforeRun: async (page) => {
        // The harness aborts requests to other origins; the feed server is one we trust.
        await page.route(`${server.origin}/**`, (route) => route.continue());
        const cdp = await page.context().newCDPSession(page);
        sampler = setInterval(() => {
          void cdp
            .send('Runtime.getHeapUsage')
            .then((heap) => samples.push({ at: Date.now(), used: heap.usedSize }))
            .catch(() => undefined);
        }, 50);
      },
    });
    clearInterval(sampler);
    const bytes = Buffer.byteLength(fullText);
    const during = samples.filter((s) => s.at >= r.window.start && s.at <= r.window.end + 100);
    const peak = Math.max(0, ...during.map((s) => s.used));
    const baseline = Math.min(
      ...samples.filter((s) => s.at < r.window.start).map((s) => s.used),
      peak,
    );
    console.log(
      `Chromium ${browserVersion}, ${runs} run(s) each (medians). Feed: ${r.people.toLocaleString('en')} people, ` +
        `${r.memberships.toLocaleString('en')} memberships, ${r.rows.toLocaleString('en')} rows, ${(bytes / 1e6).toFixed(1)} MB; ` +
        `1% change = ${r.resyncWrites.toLocaleString('en')} records written\n`,
    );
    printTable([
      ['measure', 'time', 'baseline', 'ratio', 'goal'],
      [
        'full sync vs raw bulkPut of the same rows',
        ms(r.fullSyncMs),
        ms(r.rawBulkPutMs),
        ratio(r.fullSyncMs, r.rawBulkPutMs),
        '≤ 2.0',
      ],
      [
        're-sync, 1% changed vs full sync',
        ms(r.resyncMs),
        ms(r.fullSyncMs),
        ratio(r.resyncMs, r.fullSyncMs),
        '≤ 0.10',
      ],
      [
        '304 re-sync vs full sync',
        ms(r.notModifiedMs),
        ms(r.fullSyncMs),
        (r.notModifiedMs / r.fullSyncMs).toFixed(4),
        '≤ 0.01',
      ],
    ]);
    const p = r.phasesMs;
    console.log(
      `\nLast full sync, cumulative: fetched+digest ${ms(p.fetched)}, validated ${ms(p.validated)}, ` +
        `all chunks written ${ms(p.written)}, switched ${ms(p.switched)}`,
    );
    const q = r.resyncPhasesMs;
    console.log(
      `Last 1% re-sync, cumulative: fetched+digest ${ms(q.fetched)}, validated ${ms(q.validated)}, ` +
        `all chunks written ${ms(q.written)}, switched ${ms(q.switched)}, done ${ms(q.done)}`,
    );
    console.log(
      `Peak JS heap during the full sync: ${(peak / 1e6).toFixed(0)} MB (${(peak / bytes).toFixed(2)}× the JSON size; ` +
        `${((peak - baseline) / bytes).toFixed(2)}× above the ${(baseline / 1e6).toFixed(0)} MB before it; goal < 3×), ` +
        `${during.length} CDP samples`,
    );
  } finally {
    clearInterval(sampler);
    await server.close();
  }
}
