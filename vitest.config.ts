// Unit tests: plain Node (lib/ has no browser.* calls outside small adapters), with
// WxtVitest() so entrypoint-level tests get WXT's fake-browser and import aliases.
import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing';

export default defineConfig({
  plugins: [WxtVitest()],
  test: {
    include: ['test/unit/**/*.test.{ts,tsx}'],
    environment: 'node',
    testTimeout: 20_000,
  },
});
