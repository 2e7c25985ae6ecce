// `npm start --no-build` warns when the built extension is older than a source it was built
// from (scripts/stale-build.ts).
import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { sourceNewerThanBuild } from '../../../scripts/stale-build';

let root: string;
afterEach(() => rmSync(root, { recursive: true, force: true }));

function file(path: string, at: number): void {
  mkdirSync(join(root, path, '..'), { recursive: true });
  writeFileSync(join(root, path), 'x');
  utimesSync(join(root, path), at, at);
}

describe('sourceNewerThanBuild', () => {
  it('names a source changed after the build, in a folder at any depth, and nothing else', () => {
    root = mkdtempSync(join(tmpdir(), 'stale-build-'));
    const built = 1_700_000_000;
    file('.output/chrome-mv3/manifest.json', built);
    file('lib/db/queries.ts', built - 60);
    file('wxt.config.ts', built - 60);
    const out = join(root, '.output/chrome-mv3');
    expect(sourceNewerThanBuild(root, out)).toBeUndefined();
    file('lib/db/deep/new.ts', built + 60);
    expect(sourceNewerThanBuild(root, out)).toBe(join('lib', 'db', 'deep', 'new.ts'));
    utimesSync(join(root, 'lib/db/deep/new.ts'), built - 1, built - 1);
    file('wxt.config.ts', built + 1);
    expect(sourceNewerThanBuild(root, out)).toBe('wxt.config.ts');
  });

  it('says nothing when there is no build to compare with', () => {
    root = mkdtempSync(join(tmpdir(), 'stale-build-'));
    file('lib/a.ts', 1_700_000_000);
    expect(sourceNewerThanBuild(root, join(root, '.output/chrome-mv3'))).toBeUndefined();
  });
});
