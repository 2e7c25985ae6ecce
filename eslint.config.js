// Lint: typescript-eslint's type-aware recommended rules over all project sources, plus the
// project's own import rules (zod's jitless config; what the content script may load).
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

// Every Dexie table of lib/db/database.ts.
const TABLES =
  '/^(feeds|units|people|topics|communities|memberships|expertise|me|follows|myMemberships|myExpertise|notes|syncSources|syncStaging|syncFingerprints|syncLeases|syncReports|topicVisits|syncBases|syncManifests)$/';

const ZOD_RULE = { name: 'zod', message: 'Import { z } from lib/model/zod (jitless config).' };

// The content script runs in every matching page: it stays small and starts fast, so it never
// bundles the validator (zod), the database (Dexie) or the UI library (Preact). The hovercard
// UI is a separate chunk loaded on first use (entrypoints/hovercard.ts); type-only imports
// are erased and allowed. docs/annotation.md explains the split.
const CONTENT_SCRIPT_FILES = [
  'entrypoints/content/**',
  'lib/annotate/**',
  'lib/sites/**',
  'lib/match/**',
  'lib/browser/content-client.ts',
];
const CONTENT_SCRIPT_RULE = [
  'error',
  {
    paths: [ZOD_RULE],
    patterns: [
      {
        group: ['zod', 'zod/*', '**/model/zod', '**/model/feed', '**/model/validate'],
        allowTypeImports: true,
        message: 'The content script must not bundle zod: use types only, or ask the background.',
      },
      {
        group: ['dexie', 'dexie/*', '**/db/*', '**/db'],
        allowTypeImports: true,
        message:
          'The content script has no database: the background answers (lib/browser/content-client.ts).',
      },
      {
        group: ['preact', 'preact/*', '**/components/*', '**/components/**'],
        allowTypeImports: true,
        message:
          'Preact UI belongs in the lazily loaded hovercard chunk (entrypoints/hovercard.ts).',
      },
    ],
  },
];

// The popup's first script paints the first screen before Dexie has loaded
// (entrypoints/popup/main.tsx): what it imports reads the database through raw IndexedDB and
// the pure modules below, never Dexie or a module of lib/db that imports it (type-only imports
// are erased and allowed). The popup e2e test checks the built scripts as a whole.
const DEXIE_FREE_DB = [
  'viewer',
  'pack-groups',
  'packs',
  'pack-columns',
  'overlay',
  'rows',
  'first-screen-raw',
  'database-id',
];
const POPUP_FIRST_FILES = [
  'entrypoints/popup/main.tsx',
  'components/popup/FirstScreenHome.tsx',
  'components/popup/PopupHome.tsx',
  'components/popup/first-paint.ts',
];
const POPUP_FIRST_DB_FILES = DEXIE_FREE_DB.map((name) => `lib/db/${name}.ts`);
const DEXIE_MESSAGE = "The popup's first script must not load Dexie (entrypoints/popup/main.tsx).";
const popupFirstRule = (dbModules) => [
  'error',
  {
    paths: [ZOD_RULE],
    patterns: [
      {
        group: ['dexie', 'dexie/*', '**/useLiveQuery', ...dbModules],
        allowTypeImports: true,
        message: DEXIE_MESSAGE,
      },
    ],
  },
];

export default tseslint.config(
  {
    ignores: [
      '.output/',
      '.wxt/',
      'node_modules/',
      '.sample-feeds/',
      'docs/*.json',
      'lib/model/*.generated.ts',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      globals: { ...globals.browser, ...globals.node },
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      // Promises are the bugs type-aware lint exists for: every one is awaited, returned,
      // or explicitly `void`ed; none is passed where a callback's result is ignored.
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      // Off by choice: many async functions implement Promise-returning interfaces (message
      // handlers, clients, test doubles) without awaiting; `async` keeps a throw a rejection.
      '@typescript-eslint/require-await': 'off',
      'no-restricted-imports': ['error', { paths: [ZOD_RULE] }],
    },
  },
  {
    // Table names are lib/db's alone: everything else calls its query functions, so a schema
    // change touches one folder (docs/architecture.md).
    files: ['**/*.{ts,tsx}'],
    ignores: ['lib/db/**', 'test/**', 'scripts/**'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: `MemberExpression[property.name=${TABLES}][object.name=/^db$/], MemberExpression[property.name=${TABLES}][object.property.name=/^db$/]`,
          message:
            'Tables are read and written only inside lib/db: add or use a query function there.',
        },
      ],
    },
  },
  {
    files: CONTENT_SCRIPT_FILES,
    rules: { 'no-restricted-imports': CONTENT_SCRIPT_RULE },
  },
  {
    // Tests: vitest's asymmetric matchers (expect.stringContaining …) are typed `any`, cleanup
    // lists take bound functions, and browser-side helpers forward the browser's own error
    // values (DOMException, IDBRequest.error) to Playwright as they are.
    files: ['test/**', 'scripts/bench/**'],
    rules: {
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/unbound-method': 'off',
      '@typescript-eslint/prefer-promise-reject-errors': 'off',
    },
  },
  {
    files: POPUP_FIRST_FILES,
    rules: {
      'no-restricted-imports': popupFirstRule([
        '**/db/*',
        ...DEXIE_FREE_DB.map((name) => `!**/db/${name}`),
      ]),
    },
  },
  {
    files: POPUP_FIRST_DB_FILES,
    rules: {
      'no-restricted-imports': popupFirstRule([
        './*',
        ...DEXIE_FREE_DB.map((name) => `!./${name}`),
      ]),
    },
  },
  {
    files: ['lib/model/zod.ts'],
    rules: { 'no-restricted-imports': 'off' },
  },
  {
    // Plain JS config files are outside the TypeScript project.
    files: ['**/*.js', '**/*.mjs', 'vitest.e2e.config.ts'],
    ...tseslint.configs.disableTypeChecked,
  },
);
