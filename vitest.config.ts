// Unit tests: plain Node (lib/ has no browser.* calls outside small adapters), with
// WxtVitest() so entrypoint-level tests get WXT's fake-browser and import aliases.
import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing';

export default defineConfig({
  plugins: [WxtVitest()],
  test: {
    include: ['test/unit/**/*.test.{ts,tsx}'],
    environment: 'node',
    // The unit tests run beside the static checks and both builds (package.json `test`), so
    // the tests that start real processes (the feed tool's CLI, git) or read the whole corpus
    // in a hook get room for that load; a hung test still fails, a minute later.
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
