// Measuring `validateFeedText` against `JSON.parse` of the same text: the budget in the
// feed-tooling issue is "validate ≤ 3× JSON.parse" on a 100k-person feed. Uses only
// performance.now(), so the same function runs in Node (scripts/bench-validate-node.ts)
// and in real Chromium (the project's browser benchmarks), each with its own baseline
// taken in the same run. Runs alternate so that drift affects both sides alike.
import { validateFeedText } from '../model/validate';
import { median } from '../stats';

export interface ValidateBenchmark {
  bytes: number;
  runs: number;
  parseMs: number[];
  validateMs: number[];
  medianParseMs: number;
  medianValidateMs: number;
  /** median(validate) / median(parse) */
  ratio: number;
  /** People counted by both sides over all runs: keeps the work observable, so no engine can drop it. */
  checksum: number;
}

export function benchmarkValidate(text: string, runs = 7, warmup = 2): ValidateBenchmark {
  const parseMs: number[] = [];
  const validateMs: number[] = [];
  let checksum = 0;
  for (let i = 0; i < warmup + runs; i++) {
    let start = performance.now();
    const parsed = JSON.parse(text) as { people?: unknown[] };
    const parseTime = performance.now() - start;
    checksum += parsed.people?.length ?? 0;
    start = performance.now();
    const result = validateFeedText(text);
    const validateTime = performance.now() - start;
    if (!result.ok) throw new Error(`benchmark feed is not valid: ${result.error.reason}`);
    checksum += result.feed.people.length;
    if (i >= warmup) {
      parseMs.push(parseTime);
      validateMs.push(validateTime);
    }
  }
  const medianParseMs = median(parseMs);
  const medianValidateMs = median(validateMs);
  return {
    bytes: new TextEncoder().encode(text).length,
    runs,
    parseMs,
    validateMs,
    medianParseMs,
    medianValidateMs,
    ratio: medianValidateMs / medianParseMs,
    checksum,
  };
}
