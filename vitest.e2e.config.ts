// End-to-end tests: real Chromium with the built extension (.output/chrome-mv3) and real
// Firefox ESR with .output/firefox-mv3 (test/e2e/firefox*.e2e.test.ts, docs/browsers.md), real
// IndexedDB, real HTTP servers on 127.0.0.1. One browser at a time: the machine has 2 cores.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/e2e/**/*.e2e.test.ts'],
    environment: 'node',
    pool: 'forks',
    poolOptions: { forks: { singleFork: true } },
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 90_000,
  },
});
