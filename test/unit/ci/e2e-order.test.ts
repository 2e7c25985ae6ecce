// The e2e start order (test/e2e/support/longest-first.ts) names only files that exist, and an
// unlisted (new) file counts as longer than every listed one, so it never starts last.
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';
import { E2E_SECONDS, expectedSeconds } from '../../e2e/support/longest-first';

const e2eDir = fileURLToPath(new URL('../../e2e/', import.meta.url));
const files = readdirSync(e2eDir).filter((f) => f.endsWith('.e2e.test.ts'));

it('lists only e2e files that exist', () => {
  expect(Object.keys(E2E_SECONDS).filter((name) => !files.includes(name))).toEqual([]);
});

it('puts an unlisted file before every listed one', () => {
  const longest = Math.max(...Object.values(E2E_SECONDS));
  expect(expectedSeconds('/x/test/e2e/new-feature.e2e.test.ts')).toBeGreaterThan(longest);
  expect(expectedSeconds('/x/test/e2e/live-wikis.e2e.test.ts')).toBe(
    E2E_SECONDS['live-wikis.e2e.test.ts'],
  );
});
