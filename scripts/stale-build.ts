// Whether a built extension is older than the sources it was built from: `npm start --no-build`
// loads whatever `.output/chrome-mv3` holds, and a build from before a pull or an edit runs old
// code (or misses a script a newer popup.html names) without saying so.
import { readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

/** What the extension is built from, relative to the project root. */
export const BUILD_SOURCES = [
  'entrypoints',
  'components',
  'lib',
  'public',
  'wxt.config.ts',
  'package.json',
];

/**
 * A source under `root` changed after the build in `builtDir` (its manifest.json) was written:
 * its path relative to `root`, or undefined when none did or there is no such build.
 */
export function sourceNewerThanBuild(
  root: string,
  builtDir: string,
  sources: readonly string[] = BUILD_SOURCES,
): string | undefined {
  let builtAt: number;
  try {
    builtAt = statSync(join(builtDir, 'manifest.json')).mtimeMs;
  } catch {
    return undefined;
  }
  const pending = sources.map((source) => join(root, source));
  while (pending.length > 0) {
    const path = pending.pop()!;
    let stats;
    try {
      stats = statSync(path);
    } catch {
      continue;
    }
    if (stats.isDirectory()) {
      for (const name of readdirSync(path)) pending.push(join(path, name));
    } else if (stats.mtimeMs > builtAt) return relative(root, path);
  }
  return undefined;
}
