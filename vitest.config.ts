// Unit tests: plain Node (lib/ has no browser.* calls outside small adapters), with
// WxtVitest() so entrypoint-level tests get WXT's fake-browser and import aliases.
import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing';

export default defineConfig({
  plugins: [WxtVitest()],
  test: {
    include: ['test/unit/**/*.test.{ts,tsx}'],
    environment: 'node',
    setupFiles: ['test/fixtures/listener-limit.ts'],
    // Test files share each worker's module cache instead of re-importing lib/ for every file:
    // half the unit phase's CPU (152 → 70 CPU-s, 118 → 55 s alone on the 2-core machine). The
    // files hold no state for each other (own database names, own temp folders), checked by
    // running them in shuffled orders (`--sequence.shuffle.files --sequence.seed=N`).
    isolate: false,
    // The unit tests run beside the static checks and both builds (package.json `test`), so
    // the tests that start real processes (the feed tool's CLI, git) or read the whole corpus
    // in a hook get room for that load; a hung test still fails, a minute later.
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
