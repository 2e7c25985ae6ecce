// Lint: typescript-eslint's recommended type-aware rules over all project sources.
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

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
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      globals: { ...globals.browser, ...globals.node },
    },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      'no-restricted-imports': [
        'error',
        { paths: [{ name: 'zod', message: 'Import { z } from lib/model/zod (jitless config).' }] },
      ],
    },
  },
  {
    files: ['lib/model/zod.ts'],
    rules: { 'no-restricted-imports': 'off' },
  },
);
