// Writes lib/model/precompiled.generated.ts (`npm run compile-schemas`): the code zod's
// compiler builds for the feed's record schemas, so the extension can use it without eval.
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { precompiledSource } from '../lib/model/precompiled-source';

export function installedZodVersion(): string {
  const manifest = new URL('../node_modules/zod/package.json', import.meta.url);
  return (JSON.parse(readFileSync(manifest, 'utf8')) as { version: string }).version;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const target = fileURLToPath(new URL('../lib/model/precompiled.generated.ts', import.meta.url));
  writeFileSync(target, precompiledSource(installedZodVersion()));
  console.log(`wrote ${target}`);
}
