// Validation in real Chromium under the extension's CSP: its time against JSON.parse of the
// same bytes (issue 7: ≤ 3×) and its peak JS heap (issue 19 goal 3: no second full copy of the
// document), for the whole-document path and the bytes path the sync runs, and for the real
// fetch path on the plain and the `.json.gz` feed served from 127.0.0.1.
// `npm run bench -- --suite validate [--people N] [--runs N] [--memory-only | --time-only]`
import { gzipSync } from 'node:zlib';
import { generateSyntheticFeed } from '../../lib/demo/synthetic';
import { median } from '../../lib/stats';
import type { ValidatePageOptions, ValidatePageResult } from '../../test/bench/validate.page';
import { ms, numberOption, printTable, ratio, runPageBenchmark, type ServedFile } from './harness';

export async function benchValidate(): Promise<void> {
  const people = numberOption('people', 100_000);
  const runs = numberOption('runs', 7);
  const memoryOnly = process.argv.includes('--memory-only');
  console.log(`\n## Validate: synthetic feed of ${people.toLocaleString('en')} people`);
  const feedBytes = Buffer.from(JSON.stringify(generateSyntheticFeed({ people, seed: 42 })));
  const gzipped = gzipSync(feedBytes);
  const files: Record<string, ServedFile> = {
    '/feed.json': { body: feedBytes, contentType: 'application/json' },
    '/feed.json.gz': { body: gzipped, contentType: 'application/gzip' },
  };
  const options = (mode: ValidatePageOptions['mode']): ValidatePageOptions => ({
    feedUrl: '/feed.json',
    gzipUrl: '/feed.json.gz',
    runs,
    mode,
  });
  console.log(
    `${(feedBytes.length / 1e6).toFixed(1)} MB of JSON, ${(gzipped.length / 1e6).toFixed(1)} MB gzipped`,
  );
  if (!memoryOnly) {
    const { result: r, browserVersion } = await runPageBenchmark<ValidatePageResult>({
      entry: 'test/bench/validate.page.ts',
      exportName: 'runValidateBench',
      args: [options('time')],
      files,
    });
    if (r.evalAllowed) throw new Error('the benchmark page allowed eval: the CSP was not applied');
    console.log(
      `Chromium ${browserVersion}; eval refused by CSP; record lists on zod's interpreter: ` +
        `${r.interpreted.length ? r.interpreted.join(', ') : 'none'}\n`,
    );
    const parse = median(r.bytesRuns.map((x) => x.parse));
    const whole = median(r.bytesRuns.map((x) => x.whole));
    const streamed = median(r.bytesRuns.map((x) => x.streamed));
    console.log(`Time: ${runs} runs after warm-up, interleaved (medians)`);
    printTable([
      ['measure', 'time', 'baseline', 'ratio', 'goal'],
      [
        'validateFeedText vs JSON.parse (text)',
        ms(r.medianValidateMs),
        ms(r.medianParseMs),
        ratio(r.medianValidateMs, r.medianParseMs),
        '≤ 3.0',
      ],
      [
        'bytes path (after) vs decode + JSON.parse',
        ms(streamed),
        ms(parse),
        ratio(streamed, parse),
        '≤ 3.0',
      ],
      [
        'whole-document path (before) vs decode + JSON.parse',
        ms(whole),
        ms(parse),
        ratio(whole, parse),
        '—',
      ],
    ]);
    console.log(`runs (validateFeedText): ${r.validateMs.map((v) => v.toFixed(0)).join(', ')} ms`);
    console.log(`runs (JSON.parse):       ${r.parseMs.map((v) => v.toFixed(0)).join(', ')} ms`);
    for (const key of ['parse', 'whole', 'streamed'] as const) {
      console.log(
        `runs (bytes, ${key}): ${r.bytesRuns.map((x) => x[key].toFixed(0)).join(', ')} ms`,
      );
    }
  }
  if (!process.argv.includes('--time-only')) await benchMemory(files, options('memory'));
}

/** The memory steps, in a page of their own, read from a Chromium trace of the run. */
async function benchMemory(
  files: Record<string, ServedFile>,
  options: ValidatePageOptions,
): Promise<void> {
  let trace: Buffer | undefined;
  const { result: r } = await runPageBenchmark<ValidatePageResult>({
    entry: 'test/bench/validate.page.ts',
    exportName: 'runValidateBench',
    args: [options],
    files,
    // gc() lets each step start from the same collected heap.
    chromiumArgs: ['--js-flags=--expose-gc'],
    beforeRun: async (page) => {
      await page
        .context()
        .browser()!
        .startTracing(page, {
          categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8'],
        });
    },
    afterRun: async (page) => {
      trace = await page.context().browser()!.stopTracing();
    },
  });
  const heap = heapOfSteps(trace!, r.windows.length);
  const mb = (n: number) => `${(n / 1e6).toFixed(0)} MB`;
  console.log(
    `\nMemory: the JS heap from a Chromium trace of the run (used size before and after every ` +
      `garbage collection, and the renderer's heap counters); each step starts after a full GC ` +
      `and keeps its result to its end. Peak = the largest heap seen in the step; live = the ` +
      `largest heap left after a full (mark-compact) collection in it; result = the heap after a ` +
      `full GC once the step is over, its result still held; all less the heap before. The body's ` +
      `bytes and the decoded text are outside the JS heap (ArrayBuffer, external string).`,
  );
  const rows = [
    [
      'step',
      'time',
      'heap before',
      'peak − before',
      '÷ JSON',
      '÷ baseline',
      'live − before',
      'GCs',
      'outcome',
    ],
  ];
  const baseline = heap[0]!.peak - heap[0]!.before;
  r.windows.forEach((w, i) => {
    const h = heap[i]!;
    const rise = h.peak - h.before;
    rows.push([
      w.name,
      ms(w.ms),
      mb(h.before),
      mb(rise),
      (rise / r.bytes).toFixed(2),
      ratio(rise, baseline),
      h.live === undefined ? 'no full GC' : mb(h.live - h.before),
      mb(h.held - h.before),
      String(h.collections),
      w.outcome,
    ]);
  });
  printTable(rows);
}

interface TraceEvent {
  name: string;
  ts: number;
  args?: {
    usedHeapSizeBefore?: number;
    usedHeapSizeAfter?: number;
    data?: { message?: string; jsHeapSizeUsed?: number };
  };
}

/**
 * Per step: the heap after its GC and before it starts, the largest heap seen from its start to
 * its end (sizes before each collection, counters, and the heap right after the end, while the
 * result is still held), and the largest heap left by a mark-compact in it.
 */
function heapOfSteps(
  trace: Buffer,
  steps: number,
): { before: number; peak: number; live?: number; collections: number; held: number }[] {
  const parsed = JSON.parse(trace.toString('utf8')) as { traceEvents: TraceEvent[] };
  const events = parsed.traceEvents.sort((a, b) => a.ts - b.ts);
  const markAt = (what: string, step: number) => {
    const found = events.find(
      (e) => e.name === 'TimeStamp' && e.args?.data?.message === `heap:${what}:${step}`,
    );
    if (!found) throw new Error(`the trace has no mark heap:${what}:${step}`);
    return found.ts;
  };
  const sizes = (e: TraceEvent) =>
    [e.args?.usedHeapSizeBefore, e.args?.usedHeapSizeAfter, e.args?.data?.jsHeapSizeUsed].filter(
      (v): v is number => typeof v === 'number',
    );
  const out = [];
  for (let step = 0; step < steps; step++) {
    const collected = markAt('collected', step);
    const start = markAt('start', step);
    const end = markAt('end', step);
    // The heap the step starts from: the full GC's result, or a counter read after it.
    const gcBefore = events.filter((e) => e.ts <= collected && e.name === 'MajorGC').at(-1);
    const quiet = [
      ...(gcBefore?.args?.usedHeapSizeAfter ? [gcBefore.args.usedHeapSizeAfter] : []),
      ...events.filter((e) => e.ts > collected && e.ts <= start).flatMap(sizes),
    ];
    const during = events.filter((e) => e.ts >= start && e.ts <= end);
    // The first counter after the end: the heap with the step's result still held.
    const after = events.find((e) => e.ts > end && e.args?.data?.jsHeapSizeUsed !== undefined);
    const seen = [...during.flatMap(sizes), ...(after ? sizes(after) : [])];
    const fullGCs = during.filter((e) => e.name === 'MajorGC');
    const heldGC = events
      .filter((e) => e.ts > end && e.ts <= markAt('held', step) && e.name === 'MajorGC')
      .at(-1);
    const before = Math.min(...quiet);
    out.push({
      before,
      peak: Math.max(before, ...seen),
      ...(fullGCs.length
        ? { live: Math.max(...fullGCs.map((e) => e.args?.usedHeapSizeAfter ?? 0)) }
        : {}),
      collections: during.filter((e) => e.name === 'MajorGC' || e.name === 'MinorGC').length,
      held: heldGC?.args?.usedHeapSizeAfter ?? NaN,
    });
  }
  return out;
}
