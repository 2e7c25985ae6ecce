// WXT build configuration: one manifest for Chrome (MV3) and Firefox.
import { resolve } from 'node:path';
import { defineConfig } from 'wxt';
import { sampleAssets } from './scripts/sample-assets';

export default defineConfig({
  // Every name's origin stays visible: no auto-imports (DESIGN.md §2).
  imports: false,
  // CONSTELLATION_OUT_DIR lets parallel builds (several engineers, CI) keep separate outputs;
  // e2e tests read the same variable (test/e2e/support/extension.ts).
  outDir: process.env.CONSTELLATION_OUT_DIR ?? '.output',
  // `browser` from wxt/browser is Mozilla's webextension-polyfill.
  modules: ['@wxt-dev/webextension-polyfill'],
  manifest: ({ browser }) => ({
    name: 'Constellation',
    description: "Shows your organisation's communities of practice on the pages you already read.",
    permissions: ['storage', 'unlimitedStorage', 'alarms', 'scripting', 'activeTab'],
    // The hovercard UI is a separate chunk the content script imports on first hover
    // (docs/annotation.md). A fixed URL would let any page probe for the extension, so in
    // Chrome it is served only under the per-session dynamic id runtime.getURL returns; in
    // Firefox the moz-extension host is already a random per-install UUID (docs/security.md).
    web_accessible_resources: [
      {
        resources: ['hovercard.js'],
        matches: ['<all_urls>'],
        ...(browser === 'firefox' ? {} : { use_dynamic_url: true }),
      },
    ],
    // Feed origins are asked for one by one when a feed is added (docs/sync.md); loopback is
    // static so local feeds (feed tool `serve`, e2e servers) need no prompt, which headless
    // Chromium cannot answer.
    host_permissions: ['http://127.0.0.1/*', 'http://localhost/*'],
    optional_host_permissions: ['https://*/*', 'http://*/*'],
    // Feeds deployed by policy (storage.managed); Firefox reads policies without a schema.
    ...(browser === 'firefox' ? {} : { storage: { managed_schema: 'managed-schema.json' } }),
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'constellation@example.org',
              strict_min_version: '128.0',
              // Nothing is collected: page content never leaves the browser (DESIGN.md §5).
              data_collection_permissions: { required: ['none'] },
            },
          },
        }
      : {}),
  }),
  hooks: {
    // Real sample feeds, when `npm run sample-feeds` has built them (git-ignored, never committed).
    'build:publicAssets': (wxt, files) => {
      const { assets, message } = sampleAssets(resolve(wxt.config.root, '.sample-feeds'));
      wxt.logger.info(message);
      files.push(...assets);
    },
  },
  vite: () => ({
    esbuild: { jsx: 'automatic', jsxImportSource: 'preact' },
    build: {
      target: 'es2022',
      rollupOptions: {
        // zod ships comments Rollup cannot place; harmless, and noise in every build log.
        onwarn(warning, warn) {
          if (warning.code === 'INVALID_ANNOTATION' && warning.id?.includes('node_modules/zod'))
            return;
          warn(warning);
        },
      },
    },
  }),
});
