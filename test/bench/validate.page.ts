// Benchmark page for the feed-tooling budget (issue 7): `validateFeedText` against `JSON.parse`
// of the same bytes, in real Chromium under the extension's own script policy (the harness
// serves the page with the MV3 default CSP, so `new Function` is refused here as it is in the
// extension and the validator's fast path must come from the generated code).
import { benchmarkValidate, type ValidateBenchmark } from '../../lib/feedtool/bench';
import { compiledRecordSchemas } from '../../lib/model/precompiled';

export interface ValidatePageResult extends ValidateBenchmark {
  /** Record lists left on zod's interpreter (no generated fast path); [] when all are fast. */
  interpreted: string[];
  /** Whether this page may eval: false proves the CSP was in force. */
  evalAllowed: boolean;
}

export async function runValidateBench(feedUrl: string, runs: number): Promise<ValidatePageResult> {
  const text = await (await fetch(feedUrl)).text();
  let evalAllowed = true;
  try {
    // The probe itself: does this page's CSP refuse eval, as the extension's does?
    // eslint-disable-next-line @typescript-eslint/no-implied-eval, @typescript-eslint/no-unsafe-call
    new Function('return 1')();
  } catch {
    evalAllowed = false;
  }
  const result = benchmarkValidate(text, runs);
  return { ...result, interpreted: compiledRecordSchemas().interpreted, evalAllowed };
}
