// What a running sync's progress looks like (lib/feed/progress.ts): one line and a bar.
import { describe, expect, it } from 'vitest';
import { progressView, type SyncProgressState } from '../../../lib/feed/progress';

const writing = (more: Partial<SyncProgressState>): SyncProgressState => ({
  url: 'https://feeds.acme.example/main.json',
  phase: 'writing',
  chunksDone: 3,
  chunkCount: 0,
  startedAt: 0,
  updatedAt: 0,
  ...more,
});

describe('progressView while writing', () => {
  it('counts records while records are written', () => {
    expect(progressView(writing({ recordsDone: 4_000, recordCount: 12_000 }), 0)).toEqual({
      text: 'Writing 4,000 of 12,000 records',
      // The records are 70% of a whole generation's write; its search indexes follow them.
      fraction: 0.7 * (4_000 / 12_000),
      stalled: false,
    });
  });

  it('says the search indexes are written once every record is, and how many lists', () => {
    const view = progressView(
      writing({ recordsDone: 12_000, recordCount: 12_000, indexesDone: 3 }),
      0,
    );
    expect(view).toEqual({
      text: 'Writing the search indexes: 3 of 9 lists',
      fraction: 0.7 + 0.3 * (3 / 9),
      stalled: false,
    });
  });

  it('fills one bar from the first record to the last search index, never going back', () => {
    const states: Partial<SyncProgressState>[] = [
      { recordsDone: 0, recordCount: 12_000 },
      { recordsDone: 6_000, recordCount: 12_000 },
      { recordsDone: 12_000, recordCount: 12_000 },
      ...Array.from({ length: 9 }, (_, i) => ({
        recordsDone: 12_000,
        recordCount: 12_000,
        indexesDone: i,
      })),
      // The last chunk's report carries the chunk count: the bar is full.
      { recordsDone: 12_000, recordCount: 12_000, indexesDone: 9, chunksDone: 40, chunkCount: 40 },
    ];
    const fractions = states.map((more) => progressView(writing(more), 0).fraction!);
    expect(fractions[0]).toBe(0);
    expect(fractions.at(-1)).toBe(1);
    for (let i = 1; i < fractions.length; i++)
      expect(fractions[i]!, `step ${i}`).toBeGreaterThanOrEqual(fractions[i - 1]!);
  });

  it('counts chunks when their number is known from the start (a layer of changes)', () => {
    expect(
      progressView(
        writing({ chunksDone: 3, chunkCount: 4, recordsDone: 900, recordCount: 1_000 }),
        0,
      ),
    ).toEqual({ text: 'Writing 900 of 1,000 records', fraction: 3 / 4, stalled: false });
  });
});
