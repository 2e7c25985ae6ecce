// Node measurement of the validate budget (feed-tooling issue: validate ≤ 3× JSON.parse of
// the same bytes on a 100k-person feed). Usage: npx tsx scripts/bench-validate-node.ts
// [people=100000] [runs=7]. The authoritative figure is taken in real Chromium; this one
// shows where Node stands.
import { generateSyntheticFeed } from '../lib/demo/synthetic';
import { benchmarkValidate } from '../lib/feedtool/bench';

const people = Number(process.argv[2] ?? 100_000);
const runs = Number(process.argv[3] ?? 7);
const text = JSON.stringify(generateSyntheticFeed({ people }));
const result = benchmarkValidate(text, runs);
const ms = (v: number) => `${v.toFixed(1)} ms`;
console.log(
  `feed: ${people} people, ${(result.bytes / 1e6).toFixed(1)} MB; Node ${process.version}; ${runs} runs after warm-up`,
);
console.log(
  `JSON.parse          median ${ms(result.medianParseMs)}  (${result.parseMs.map((v) => v.toFixed(0)).join(', ')})`,
);
console.log(
  `validateFeedText    median ${ms(result.medianValidateMs)}  (${result.validateMs.map((v) => v.toFixed(0)).join(', ')})`,
);
console.log(`ratio validate/parse: ${result.ratio.toFixed(2)}× (budget 3×)`);
