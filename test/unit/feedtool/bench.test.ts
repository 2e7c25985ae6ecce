// The validate benchmark helper: interleaved runs after warm-up, medians, and a checksum
// proving both sides did the work on every run.
import { describe, expect, it } from 'vitest';
import { benchmarkValidate } from '../../../lib/feedtool/bench';
import { median } from '../../../lib/stats';
import { FIXTURES } from './helpers';
import { readFileSync } from 'node:fs';
import path from 'node:path';

describe('benchmarkValidate', () => {
  it('times both sides on every run and reports the ratio of medians', () => {
    const text = readFileSync(path.join(FIXTURES, 'feeds/valid.json'), 'utf8');
    const result = benchmarkValidate(text, 5, 1);
    expect(result.parseMs).toHaveLength(5);
    expect(result.validateMs).toHaveLength(5);
    expect(result.medianParseMs).toBe(median(result.parseMs));
    expect(result.ratio).toBe(result.medianValidateMs / result.medianParseMs);
    // One person, counted by JSON.parse and by the validator on 1 warm-up + 5 runs.
    expect(result.checksum).toBe(12);
    expect(result.bytes).toBe(Buffer.byteLength(text));
  });

  it('refuses to time a feed the validator rejects', () => {
    expect(() => benchmarkValidate('{"format":"x"}', 1, 0)).toThrow(
      /^benchmark feed is not valid: "format" must be/,
    );
  });

  it('median of odd and even counts', () => {
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 2])).toBe(2.5);
  });
});
