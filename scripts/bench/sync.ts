// Background sync benchmark (issues 3, 19): full first sync vs raw bulkPut of the same packs,
// of one row per record (the design before schema 5) and JSON.parse of the same bytes,
// re-sync with 1% of records changed and the 304 path vs the full sync, and the peak JS heap
// of a page of its own doing nothing but one full sync (sampled through CDP).
// `npm run bench -- --suite sync [--people N] [--runs N] [--row-baseline on|off]` (the one-row-
// per-record baseline is off by default above 150,000 people: it alone takes many minutes).
import { generateSyntheticFeed } from '../../lib/demo/synthetic';
import type { FeedInput } from '../../lib/model/feed';
import { changesBetween } from '../../lib/feedtool/changes-build';
import { deltaBetween, sha256 } from '../../lib/feedtool/delta-publish';
import { MANIFEST_FORMAT, MANIFEST_VERSION, type FeedManifest } from '../../lib/feed/manifest';
import { startFeedServer, type FeedServer } from '../../test/e2e/support/feed-server';
import type { HeapSyncResult, SyncBenchResult } from '../../test/bench/sync.page';
import { ms, numberOption, printTable, ratio, runPageBenchmark, switchOption } from './harness';

/**
 * The same feed with 1% of people and 1% of memberships changed (every 100th from `offset`),
 * and a newer generatedAt.
 */
function onePercentChanged(
  feed: FeedInput,
  offset = 0,
  generatedAt = '2026-11-02T09:00:00Z',
): FeedInput {
  const next = structuredClone(feed);
  next.generatedAt = generatedAt;
  const every = 100;
  next.people.forEach((person, i) => {
    if (i % every === offset) person.title = `Changed title ${i}`;
  });
  (next.memberships ?? []).forEach((membership, i) => {
    if (i % every === offset)
      membership.participation = membership.participation === 'core' ? 'active' : 'core';
  });
  return next;
}

/**
 * Serves `text` at `<folder>/feed.json` with its manifest, as `build --deltas` publishes it,
 * plus a delta and a changes file from `earlier` when given (same paths the extension asks for).
 */
function publish(server: FeedServer, folder: string, text: string, earlier?: string): void {
  const next = Buffer.from(text);
  const to = sha256(next);
  const feed = JSON.parse(text) as { feedId: string; generatedAt: string };
  const manifest: FeedManifest = {
    format: MANIFEST_FORMAT,
    version: MANIFEST_VERSION,
    feedId: feed.feedId,
    generatedAt: feed.generatedAt,
    document: { sha256: to, bytes: next.length },
    deltas: [],
    changes: [],
  };
  if (earlier !== undefined) {
    const base = Buffer.from(earlier);
    const started = performance.now();
    const delta = deltaBetween(base, sha256(base), next, to);
    if (delta === undefined) throw new Error('the 1% delta is not worth publishing');
    const name = `${sha256(Buffer.from(delta))}.json`;
    console.log(
      `Delta from the full to the 1% changed feed: ${(delta.length / 1e3).toFixed(0)} kB ` +
        `(${((100 * delta.length) / next.length).toFixed(2)}% of the document), encoded in ${ms(performance.now() - started)}`,
    );
    server.set(`${folder}/feed.json.deltas/${name}`, { kind: 'feed', body: delta });
    manifest.deltas.push({
      from: sha256(base),
      path: `feed.json.deltas/${name}`,
      sha256: sha256(Buffer.from(delta)),
      bytes: Buffer.byteLength(delta),
    });
    const changesStarted = performance.now();
    const changes = changesBetween(base, sha256(base), next, to);
    if (changes === undefined) throw new Error('the 1% changes file is not worth publishing');
    const changesSha = sha256(Buffer.from(changes));
    console.log(
      `Changes file from the full to the 1% changed feed: ${(Buffer.byteLength(changes) / 1e3).toFixed(0)} kB ` +
        `(${((100 * Buffer.byteLength(changes)) / next.length).toFixed(2)}% of the document), written in ${ms(performance.now() - changesStarted)}`,
    );
    server.set(`${folder}/feed.json.deltas/${changesSha}.json`, { kind: 'feed', body: changes });
    manifest.changes.push({
      from: sha256(base),
      path: `feed.json.deltas/${changesSha}.json`,
      sha256: changesSha,
      bytes: Buffer.byteLength(changes),
    });
  }
  server.set(`${folder}/feed.json`, { kind: 'feed', body: text });
  server.set(`${folder}/feed.json.manifest.json`, {
    kind: 'feed',
    body: JSON.stringify(manifest, null, 2),
  });
}

/** Wire bytes (gzip as sent) of the answers to requests whose path starts with `prefix`. */
function wireBytes(server: FeedServer, prefix: string): number {
  return server.requests
    .filter((r) => r.path.startsWith(prefix))
    .reduce((n, r) => n + (r.bytes ?? 0), 0);
}

interface HeapRun {
  peak: number;
  /** The heap the sync started from: the last sample before it (after the page's gc()). */
  atStart: number;
  samples: number;
  /** The highest sample in each phase (a phase lasts until the next one starts). */
  phases: { phase: string; top: number }[];
}

/**
 * One full sync in a fresh page, its heap sampled from outside every 50 ms (a sample waits
 * while the page runs one long task, so a peak inside the synchronous validation is seen only
 * as the heap right after it).
 */
async function heapSync(server: FeedServer): Promise<HeapRun> {
  const samples: { at: number; used: number }[] = [];
  let sampler: ReturnType<typeof setInterval> | undefined;
  try {
    const { result: h } = await runPageBenchmark<HeapSyncResult>({
      entry: 'test/bench/sync.page.ts',
      exportName: 'runHeapSync',
      args: [server.url('/full.json')],
      // gc() lets the page start the sync from a collected heap.
      chromiumArgs: ['--js-flags=--expose-gc'],
      beforeRun: async (page) => {
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
    const during = samples.filter((s) => s.at >= h.window.start && s.at <= h.window.end + 100);
    const marks = [{ phase: 'download', at: h.window.start }, ...h.phases];
    return {
      peak: Math.max(0, ...during.map((s) => s.used)),
      atStart: samples.filter((s) => s.at < h.window.start).at(-1)?.used ?? 0,
      samples: during.length,
      phases: marks.map(({ phase, at }, i) => {
        const until = marks[i + 1]?.at ?? h.window.end + 100;
        const inPhase = during.filter((s) => s.at >= at && s.at < until);
        return { phase, top: Math.max(0, ...inPhase.map((s) => s.used)) };
      }),
    };
  } finally {
    clearInterval(sampler);
  }
}

export async function benchSync(): Promise<void> {
  const people = numberOption('people', 10_000);
  const runs = numberOption('runs', 3);
  console.log(`\n## Sync: synthetic feed of ${people.toLocaleString('en')} people`);
  const feed = generateSyntheticFeed({ people, seed: 42 });
  const fullText = JSON.stringify(feed);
  const heapRunCount = numberOption('heap-runs', 1);
  // --heap-only on: only the heap runs (each a full sync in a fresh page), for comparing builds.
  const heapOnly = switchOption('heap-only', false);
  const server = await startFeedServer({ cors: true });
  server.set('/full.json', { kind: 'feed', body: fullText });
  if (heapOnly) {
    try {
      const heapRuns: HeapRun[] = [];
      for (let i = 0; i < heapRunCount; i++) heapRuns.push(await heapSync(server));
      printHeapRuns(heapRuns, Buffer.byteLength(fullText));
    } finally {
      await server.close();
    }
    return;
  }
  const changed = onePercentChanged(feed);
  const changedText = JSON.stringify(changed);
  // A second 1% change of other records, after the first.
  const secondText = JSON.stringify(onePercentChanged(changed, 50, '2026-11-03T09:00:00Z'));
  // The one-row-per-record baseline takes minutes at 300,000 people: off above 150,000.
  const rowBaseline = switchOption('row-baseline', people <= 150_000);
  server.set('/changed.json', { kind: 'feed', body: changedText });
  publish(server, '/published-1', fullText);
  publish(server, '/published-2', changedText, fullText);
  publish(server, '/published-3', secondText, changedText);
  try {
    const { result: r, browserVersion } = await runPageBenchmark<SyncBenchResult>({
      entry: 'test/bench/sync.page.ts',
      exportName: 'runSyncBench',
      args: [
        server.url('/full.json'),
        server.url('/changed.json'),
        runs,
        server.url('/published-1/feed.json'),
        server.url('/published-2/feed.json'),
        server.url('/published-3/feed.json'),
        rowBaseline,
      ],
      beforeRun: async (page) => {
        // The harness aborts requests to other origins; the feed server is one we trust.
        await page.route(`${server.origin}/**`, (route) => route.continue());
      },
    });
    // The heap: more full syncs, each in a page of its own that does nothing else. The peak
    // counts garbage V8 has not collected yet, and when it collects differs from run to run
    // (2.6–3.5× the JSON with the same code): --heap-runs N prints every run and the median.
    const heapRuns: HeapRun[] = [];
    for (let i = 0; i < heapRunCount; i++) heapRuns.push(await heapSync(server));
    const bytes = Buffer.byteLength(fullText);
    console.log(
      `Chromium ${browserVersion}, ${runs} run(s) each (medians). Feed: ${r.people.toLocaleString('en')} people, ` +
        `${r.memberships.toLocaleString('en')} memberships, ${r.rows.toLocaleString('en')} rows, ${(bytes / 1e6).toFixed(1)} MB; ` +
        `1% change = ${r.resyncWrites.toLocaleString('en')} records written\n`,
    );
    printTable([
      ['measure', 'time', 'baseline', 'ratio', 'goal'],
      ['full sync, download → queryable (issue 19 goal 1)', ms(r.fullSyncMs), '', '', '≤ 15 s'],
      [
        `full sync vs raw bulkPut of the same ${r.packs.toLocaleString('en')} packs`,
        ms(r.fullSyncMs),
        ms(r.rawPacksMs),
        ratio(r.fullSyncMs, r.rawPacksMs),
        '≤ 2.0',
      ],
      [
        'full sync vs planning those packs alone (same page, once)',
        ms(r.fullSyncMs),
        ms(r.planMs),
        ratio(r.fullSyncMs, r.planMs),
        '',
      ],
      [
        'full sync vs JSON.parse of the same bytes',
        ms(r.fullSyncMs),
        ms(r.parseMs),
        ratio(r.fullSyncMs, r.parseMs),
        '',
      ],
      [
        'full sync vs raw bulkPut of one row per record (schema 1–4)',
        ms(r.fullSyncMs),
        rowBaseline ? ms(r.rawBulkPutMs) : 'not measured (--row-baseline off)',
        rowBaseline ? ratio(r.fullSyncMs, r.rawBulkPutMs) : '',
        '',
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
    const d = r.delta;
    const wholeResyncBytes = wireBytes(server, '/changed.json');
    const deltaResyncBytes = wireBytes(server, '/published-2/');
    const deltaRequests = server.requests.filter((q) => q.path.startsWith('/published-2/'));
    console.log(
      `\nDelta protocol (same feed published with a manifest; issue 19 goal 2), re-sync came via "${d.resyncVia}", ` +
        `${d.resyncWrites.toLocaleString('en')} records written, ${deltaRequests.length} requests to the changed publication ` +
        `(${deltaRequests.map((q) => `${q.path.split('/').at(-1)!.slice(0, 24)} ${q.status}`).join(', ')})`,
    );
    // How the 1% change came: its changes file (preferred) or its delta.
    const by = d.resyncVia === 'changes' ? 'changes file' : d.resyncVia;
    printTable([
      ['measure', 'value', 'baseline (same run)', 'ratio', 'goal'],
      [
        `1% change by ${by}: time`,
        ms(d.resyncMs),
        `whole-document 1% re-sync ${ms(r.resyncMs)}`,
        ratio(d.resyncMs, r.resyncMs),
        '≤ 2 s',
      ],
      [
        `1% change by ${by}: bytes on the wire (all runs)`,
        `${(deltaResyncBytes / 1e3).toFixed(0)} kB`,
        `whole document ${(wholeResyncBytes / 1e3).toFixed(0)} kB`,
        (deltaResyncBytes / wholeResyncBytes).toFixed(4),
        '≤ 0.05',
      ],
      [
        `1% change by ${by}: bytes received (decoded)`,
        `${(d.resyncReceivedBytes / 1e3).toFixed(0)} kB`,
        `document ${(Buffer.byteLength(changedText) / 1e3).toFixed(0)} kB`,
        (d.resyncReceivedBytes / Buffer.byteLength(changedText)).toFixed(4),
        '≤ 0.05',
      ],
      [
        `second 1% change (other records) by ${d.secondChangeVia === 'changes' ? 'changes file' : d.secondChangeVia}: time`,
        ms(d.secondChangeMs),
        `whole-document 1% re-sync ${ms(r.resyncMs)}`,
        ratio(d.secondChangeMs, r.resyncMs),
        '≤ 2 s',
      ],
      [
        'one person read cold (fresh connection) over two layers',
        ms(d.coldPersonLayeredMs),
        `before any layer ${ms(d.coldPersonMs)}`,
        ratio(d.coldPersonLayeredMs, d.coldPersonMs),
        '—',
      ],
      [
        'manifest 304',
        ms(d.notModifiedMs),
        `whole-document 304 ${ms(r.notModifiedMs)}`,
        ratio(d.notModifiedMs, r.notModifiedMs),
        '≤ 0.5 s',
      ],
      [
        'full sync with a manifest (base kept)',
        ms(d.fullSyncMs),
        `without ${ms(r.fullSyncMs)}`,
        ratio(d.fullSyncMs, r.fullSyncMs),
        '—',
      ],
    ]);
    const e = d.resyncPhasesMs;
    console.log(
      `Last re-sync by the ${by}, cumulative: fetched+checked ${ms(e.fetched)}, validated ${ms(e.validated)}, ` +
        `all chunks written ${ms(e.written)}, switched ${ms(e.switched)}, done ${ms(e.done)}`,
    );
    printHeapRuns(heapRuns, bytes);
  } finally {
    await server.close();
  }
}

/** Every heap run's peak and its phases, and (several runs) the lowest, median and highest. */
function printHeapRuns(heapRuns: HeapRun[], bytes: number): void {
  heapRuns.forEach((run, i) => {
    const at = heapRuns.length > 1 ? ` (run ${i + 1} of ${heapRuns.length})` : '';
    console.log(
      `Peak JS heap during the full sync${at}: ${(run.peak / 1e6).toFixed(0)} MB (${(run.peak / bytes).toFixed(2)}× the JSON size; ` +
        `${((run.peak - run.atStart) / bytes).toFixed(2)}× above the ${(run.atStart / 1e6).toFixed(0)} MB the page held when the sync started; goal < 3×), ` +
        `${run.samples} CDP samples`,
    );
    console.log(
      'Peak JS heap by phase of that sync: ' +
        run.phases
          .map(
            ({ phase, top }) =>
              `${phase} ${(top / 1e6).toFixed(0)} MB (${(top / bytes).toFixed(2)}×)`,
          )
          .join(', '),
    );
  });
  if (heapRuns.length > 1) {
    const peaks = heapRuns.map((run) => run.peak / bytes).sort((a, b) => a - b);
    const middle = peaks.length / 2;
    const median = Number.isInteger(middle)
      ? (peaks[middle - 1]! + peaks[middle]!) / 2
      : peaks[Math.floor(middle)]!;
    console.log(
      `Peak JS heap over ${peaks.length} runs, × the JSON: lowest ${peaks[0]!.toFixed(2)}, ` +
        `median ${median.toFixed(2)}, highest ${peaks.at(-1)!.toFixed(2)}; ${peaks.filter((p) => p <= 3).length} of ${peaks.length} at or under 3×`,
    );
  }
}
