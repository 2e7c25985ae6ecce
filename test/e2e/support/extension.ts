// Where the built extension is: `.output/chrome-mv3`, or under $CONSTELLATION_OUT_DIR when a
// build was made elsewhere (wxt.config.ts reads the same variable).
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../..', import.meta.url));

export function builtExtensionDir(target: 'chrome-mv3' | 'firefox-mv3' = 'chrome-mv3'): string {
  return resolve(ROOT, process.env.CONSTELLATION_OUT_DIR ?? '.output', target);
}
