// Keeps docs/architecture.md true: every path it names in backticks exists, and every folder
// of the source tree is named there, so a newcomer can find any behaviour from one page.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const page = readFileSync(join(ROOT, 'docs/architecture.md'), 'utf8');
const TOP = ['lib', 'components', 'entrypoints', 'scripts', 'test', 'docs', 'bin', 'public'];

function namedPaths(text: string): string[] {
  const paths = new Set<string>();
  for (const [, inner] of text.matchAll(/`([^`\s]+)`/g)) {
    const path = inner!.replace(/[),.:;]+$/, '');
    if (TOP.some((top) => path === `${top}/` || path.startsWith(`${top}/`))) paths.add(path);
  }
  return [...paths];
}

function folders(top: string): string[] {
  return readdirSync(join(ROOT, top), { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => `${top}/${entry.name}`);
}

describe('docs/architecture.md', () => {
  it('names only paths that exist', () => {
    const paths = namedPaths(page);
    expect(paths.length).toBeGreaterThan(20);
    const missing = paths.filter((path) => !existsSync(join(ROOT, path)));
    expect(missing).toEqual([]);
  });

  it('names every folder of lib/, components/, entrypoints/ and scripts/', () => {
    const named = namedPaths(page).map((path) => path.replace(/\/$/, ''));
    // A folder counts as named when the page names it or a path inside it.
    const unnamed = ['lib', 'components', 'entrypoints', 'scripts']
      .flatMap(folders)
      .filter((folder) => !named.some((path) => path === folder || path.startsWith(`${folder}/`)))
      // lib/sites/<site>/ folders are named in the sites row by their short names.
      .filter(
        (folder) => !folder.startsWith('lib/sites/') || !page.includes(`\`${folder.slice(10)}/\``),
      );
    expect(unnamed).toEqual([]);
  });

  it('names every entrypoint', () => {
    const entries = readdirSync(join(ROOT, 'entrypoints')).map((name) =>
      name.replace(/\.tsx?$/, ''),
    );
    const missing = entries.filter((name) => !page.includes(name));
    expect(missing).toEqual([]);
  });
});
