// The registry importers (issue 15) behind one entry point for build.ts: each reads its own
// input (a file or a folder tree, or an LDAP server) because a registry is often many files.
import path from 'node:path';
import type { SourceConfig } from '../config';
import type { RegistrySourceConfig } from '../config-registries';
import type { ImportResult } from '../source';
import { importCodeowners } from './codeowners';
import { importGovernance } from './governance';
import { importMapping } from './mapping';
import { importPeribolos } from './peribolos';

const REGISTRY_TYPES: readonly string[] = [
  'peribolos',
  'governance',
  'codeowners',
  'mapping',
  'ldap',
];

export function isRegistrySource(source: SourceConfig): source is RegistrySourceConfig {
  return REGISTRY_TYPES.includes(source.type);
}

export async function importRegistry(
  source: RegistrySourceConfig,
  baseDir: string,
  display: (p: string) => string,
): Promise<ImportResult> {
  if (source.type === 'ldap') {
    // Loaded on demand: the LDAP client is only needed by configs that name a directory.
    const { importLdap } = await import('./ldap');
    return importLdap(source, { baseDir, display, env: process.env });
  }
  const root = path.resolve(baseDir, source.path);
  switch (source.type) {
    case 'peribolos':
      return importPeribolos(source, root, display);
    case 'governance':
      return importGovernance(source, root, display);
    case 'codeowners':
      return importCodeowners(source, root, display);
    case 'mapping':
      return importMapping(source, root, display);
  }
}
