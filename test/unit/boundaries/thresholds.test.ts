// The view's stored thresholds are read leniently: a broken field falls back alone.
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_THRESHOLDS,
  loadThresholds,
  parseThresholds,
  saveThresholds,
} from '../../../components/boundaries/thresholds';

describe('thresholds', () => {
  it('defaults to the product defaults, with the privacy minimum at 5', () => {
    expect(DEFAULT_THRESHOLDS).toMatchObject({
      minGroupSize: 5,
      staleMonths: 6,
      newcomerMonths: 12,
    });
    expect(parseThresholds(undefined)).toEqual(DEFAULT_THRESHOLDS);
    expect(parseThresholds('nonsense')).toEqual(DEFAULT_THRESHOLDS);
  });

  it('keeps good fields and replaces only the broken ones', () => {
    expect(parseThresholds({ minGroupSize: 1, staleMonths: 9, siloShare: 'most' })).toEqual({
      ...DEFAULT_THRESHOLDS,
      staleMonths: 9,
    });
  });

  it('round-trips through storage and survives unreadable storage', () => {
    const store = new Map<string, string>();
    const storage = {
      getItem: (k: string) => store.get(k) ?? null,
      setItem: (k: string, v: string) => void store.set(k, v),
    };
    saveThresholds({ ...DEFAULT_THRESHOLDS, minGroupSize: 8 }, storage);
    expect(loadThresholds(storage).minGroupSize).toBe(8);
    store.set([...store.keys()][0]!, '{not json');
    expect(loadThresholds(storage)).toEqual(DEFAULT_THRESHOLDS);
    expect(() =>
      saveThresholds(DEFAULT_THRESHOLDS, {
        setItem: () => {
          throw new Error('quota');
        },
      }),
    ).not.toThrow();
  });
});
