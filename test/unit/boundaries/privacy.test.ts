// The privacy rule for aggregate counts by unit or company.
import { describe, expect, it } from 'vitest';
import {
  clampMinGroupSize,
  formatGroupCount,
  groupCount,
  safeBreakdown,
} from '../../../lib/boundaries/privacy';

describe('privacy thresholds', () => {
  it('shows a count only when the group reaches the minimum', () => {
    expect(groupCount(5, 5)).toEqual({ exact: 5 });
    expect(groupCount(4, 5)).toEqual({ fewerThan: 5 });
    expect(formatGroupCount(groupCount(1, 5))).toBe('fewer than 5');
    expect(formatGroupCount(groupCount(12, 5))).toBe('12');
  });

  it('folds small groups into one unnamed line, and buckets it too when small', () => {
    const counts = new Map([
      ['Claims', 12],
      ['IT', 5],
      ['Legal', 1],
      ['Audit', 2],
    ]);
    const breakdown = safeBreakdown(counts, 5);
    expect(breakdown.shown).toEqual([
      { label: 'Claims', count: { exact: 12 } },
      { label: 'IT', count: { exact: 5 } },
    ]);
    expect(breakdown.other).toEqual({ fewerThan: 5 });
    expect(breakdown.otherGroups).toBe(2);
    expect(JSON.stringify(breakdown)).not.toMatch(/Legal|Audit/);

    const many = safeBreakdown(
      new Map([
        ['A', 3],
        ['B', 3],
        ['C', 9],
      ]),
      5,
    );
    expect(many.other).toEqual({ exact: 6 });
    expect(safeBreakdown(new Map([['A', 9]]), 5).other).toBeNull();
  });

  it('keeps a user-set minimum at 2 or more', () => {
    expect(clampMinGroupSize(1)).toBe(2);
    expect(clampMinGroupSize(7.4)).toBe(7);
    expect(clampMinGroupSize(Number.NaN)).toBe(5);
  });
});
