// Benchmark page for validation (issue 7) and its memory (issue 19 goal 3), in real Chromium
// under the extension's own script policy (the harness serves the page with the MV3 default
// CSP, so `new Function` is refused here as it is in the extension and the validator's fast
// path must come from the generated code).
// - time: `validateFeedText` against `JSON.parse` of the same text (issue 7's budget), and the
//   bytes path the sync runs (`parseFeedBytes`, a batch of records at a time) and the
//   whole-document path it replaced, against decoding + `JSON.parse` of the same bytes;
// - memory: steps marked in a Chromium trace the suite records, which has the JS heap's size
//   at every garbage collection (CDP's Runtime.getHeapUsage is not answered while a long
//   synchronous step runs, so it cannot see the peak): the baseline (decode + JSON.parse), the whole-document path, the bytes path, and
//   the real fetch path (fetchFeedBody → SHA-256 → parseFeedBytes) on the plain and the
//   `.json.gz` feed. Each window starts after a full GC and keeps its result alive to its end.
import { benchmarkValidate, type ValidateBenchmark } from '../../lib/feedtool/bench';
import { sha256Hex } from '../../lib/feed/digest';
import { DEFAULT_LIMITS, fetchFeedBody, type FetchLimits } from '../../lib/feed/fetch';
import { parseFeedBytes, takeBytes } from '../../lib/feed/parse-body';
import { compiledRecordSchemas } from '../../lib/model/precompiled';
import { validateWholeBytes } from '../../lib/model/validate-bytes';

export interface HeapWindow {
  name: string;
  /** What the step ended with: people validated, or why it stopped. */
  outcome: string;
  ms: number;
}

export interface ValidatePageResult extends ValidateBenchmark {
  /** Record lists left on zod's interpreter (no generated fast path); [] when all are fast. */
  interpreted: string[];
  /** Whether this page may eval: false proves the CSP was in force. */
  evalAllowed: boolean;
  /** Bytes path vs whole-document path vs decode + JSON.parse, alternated, per run (ms). */
  bytesRuns: { parse: number; whole: number; streamed: number }[];
  windows: HeapWindow[];
}

export interface ValidatePageOptions {
  feedUrl: string;
  gzipUrl: string;
  runs: number;
  /**
   * `time`: the timing runs; `memory`: the memory steps, each in a page of its own run so
   * that tracing costs the timings nothing.
   */
  mode: 'time' | 'memory';
}

const gc = () => (globalThis as { gc?: () => void }).gc?.();
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export async function runValidateBench(options: ValidatePageOptions): Promise<ValidatePageResult> {
  let bytes: Uint8Array | undefined = new Uint8Array(
    await (await fetch(options.feedUrl)).arrayBuffer(),
  );
  let evalAllowed = true;
  try {
    // The probe itself: does this page's CSP refuse eval, as the extension's does? (Only after
    // an await: code still running in the debugger's own call is not held to the page's CSP.)
    // eslint-disable-next-line @typescript-eslint/no-implied-eval, @typescript-eslint/no-unsafe-call
    new Function('return 1')();
  } catch {
    evalAllowed = false;
  }
  const windows: HeapWindow[] = [];
  const bytesRuns: ValidatePageResult['bytesRuns'] = [];
  let textResult: ValidateBenchmark = {
    bytes: bytes.length,
    runs: 0,
    parseMs: [],
    validateMs: [],
    medianParseMs: NaN,
    medianValidateMs: NaN,
    ratio: NaN,
    checksum: 0,
  };
  if (options.mode === 'time') {
    textResult = benchmarkValidate(new TextDecoder().decode(bytes), options.runs);
    for (let i = 0; i < options.runs + 1; i++) {
      const run = { parse: time(() => decodeAndParse(bytes!)) } as (typeof bytesRuns)[number];
      run.whole = time(() => validated(validateWholeBytes(bytes!)));
      run.streamed = time(() => validated(parseFeedBytes(bytes!)));
      if (i > 0) bytesRuns.push(run);
    }
  }

  if (options.mode === 'time') {
    return {
      ...textResult,
      interpreted: compiledRecordSchemas().interpreted,
      evalAllowed,
      bytesRuns,
      windows,
    };
  }
  // Memory windows: each after a full GC, with nothing of the previous one left.
  const window = async (name: string, step: () => Promise<string> | string) => {
    // Marks in the trace the suite records (TimeStamp events); the heap itself is read there.
    const mark = (what: string) => console.timeStamp(`heap:${what}:${windows.length}`);
    gc();
    mark('collected');
    await pause(300);
    mark('start');
    const start = performance.now();
    const outcome = await step();
    const ms = performance.now() - start;
    mark('end');
    await pause(300);
    // A full GC with the result still held: what the result itself keeps.
    gc();
    mark('held');
    windows.push({ name, outcome, ms });
  };
  let kept: unknown;
  await window('decode + JSON.parse (baseline)', () => {
    kept = decodeAndParse(bytes!);
    return `${(kept as { people: unknown[] }).people.length} people`;
  });
  kept = undefined;
  await window('whole-document path (before)', () =>
    outcomeOf((kept = validateWholeBytes(bytes!))),
  );
  kept = undefined;
  await window('bytes path, a batch at a time (after)', () =>
    outcomeOf((kept = parseFeedBytes(bytes!))),
  );
  kept = undefined;
  // The fetch path owns its bytes: the page's copy goes first.
  const size = bytes.length;
  bytes = undefined;
  const limits: FetchLimits = { ...DEFAULT_LIMITS, maxBytes: 256 * 1024 * 1024 };
  const fetchPath = async (url: string, fetchLimits: FetchLimits) => {
    const fetched = await fetchFeedBody((u, init) => fetch(u, init), url, {}, fetchLimits);
    if (fetched.kind !== 'body') return fetched.kind === 'failed' ? fetched.message : fetched.kind;
    const digest = await sha256Hex(fetched.bytes);
    const served = fetched.servedBytes?.length ?? fetched.bytes.length;
    const validation = parseFeedBytes(takeBytes(fetched));
    kept = validation;
    return `${outcomeOf(validation)}; ${(served / 1e6).toFixed(1)} MB served; sha256 ${digest.slice(0, 8)}`;
  };
  await window('fetch → SHA-256 → bytes path, plain JSON, default limits', () =>
    fetchPath(options.feedUrl, DEFAULT_LIMITS),
  );
  kept = undefined;
  await window('fetch → SHA-256 → bytes path, plain JSON, 256 MB cap', () =>
    fetchPath(options.feedUrl, limits),
  );
  kept = undefined;
  await window('fetch → SHA-256 → bytes path, .json.gz, default limits', () =>
    fetchPath(options.gzipUrl, DEFAULT_LIMITS),
  );
  kept = undefined;
  return {
    ...textResult,
    bytes: size,
    interpreted: compiledRecordSchemas().interpreted,
    evalAllowed,
    bytesRuns,
    windows,
  };
}

function decodeAndParse(bytes: Uint8Array): unknown {
  return JSON.parse(new TextDecoder().decode(bytes));
}

function time(step: () => unknown): number {
  const start = performance.now();
  step();
  return performance.now() - start;
}

function validated(validation: ReturnType<typeof parseFeedBytes>): number {
  if (!validation.ok) throw new Error(`benchmark feed is not valid: ${validation.error.reason}`);
  return validation.feed.people.length;
}

function outcomeOf(validation: ReturnType<typeof parseFeedBytes>): string {
  return validation.ok
    ? `${validation.feed.people.length} people validated`
    : `refused: ${validation.error.reason}`;
}
