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
      fraction: 4_000 / 12_000,
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
      fraction: 3 / 9,
      stalled: false,
    });
  });
});
