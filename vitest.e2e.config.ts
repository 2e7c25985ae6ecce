// End-to-end tests: real Chromium with the built extension (.output/chrome-mv3) and real
// Firefox ESR with .output/firefox-mv3 (test/e2e/firefox*.e2e.test.ts, docs/browsers.md), real
// IndexedDB, real HTTP servers on 127.0.0.1. Three test files run at once, each with its own
// browser, profile, servers and ports: a browser test mostly waits (for pages, workers,
// polls), so one file at a time left a 2-core machine half idle (e2e used ~0.5 core); the
// longest file (the screenshots) is split in two so that no file holds the run up.
// Nothing a test changes is seen by another file's browser: the Chromium policy test loads a
// copy of the extension with an id of its own (test/e2e/feed-trust.e2e.test.ts), Firefox reads
// policies from its own profile.
import { defineConfig } from 'vitest/config';
import { LongestFirst } from './test/e2e/support/longest-first';

export default defineConfig({
  test: {
    include: ['test/e2e/**/*.e2e.test.ts'],
    environment: 'node',
    pool: 'forks',
    poolOptions: { forks: { minForks: 1, maxForks: 3 } },
    fileParallelism: true,
    // Long files start first, so the three slots finish together (test/e2e/support/longest-first.ts).
    sequence: { sequencer: LongestFirst },
    testTimeout: 60_000,
    hookTimeout: 90_000,
    // A condition polled for becomes true once the browser has done the work; on a loaded
    // CI machine that can take seconds (vitest's default gives up after 1 s). A test that
    // states its own timeout keeps it.
    expect: { poll: { timeout: 10_000 } },
  },
});
