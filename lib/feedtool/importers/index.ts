// The registry importers (issue 15) behind one entry point for build.ts: each reads its own
// input (a file or a folder tree, or an LDAP server) because a registry is often many files.
import path from 'node:path';
import type { SourceConfig } from '../config';
import type { RegistrySourceConfig } from '../config-registries';
import type { ImportResult } from '../source';

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
  // Each importer is loaded when a config names its type: the CLI's other commands (and
  // builds without registries) start without them, and the LDAP client is loaded only for a
  // directory.
  if (source.type === 'ldap') {
    const { importLdap } = await import('./ldap');
    return importLdap(source, { baseDir, display, env: process.env });
  }
  const root = path.resolve(baseDir, source.path);
  switch (source.type) {
    case 'peribolos':
      return (await import('./peribolos')).importPeribolos(source, root, display);
    case 'governance':
      return (await import('./governance')).importGovernance(source, root, display);
    case 'codeowners':
      return (await import('./codeowners')).importCodeowners(source, root, display);
    case 'mapping':
      return (await import('./mapping')).importMapping(source, root, display);
  }
}
