// Loading the YAML files of a registry (one file or a tree) with the safe loader, keeping
// for each document a way to turn a path inside it into an Origin (file:line).
import type { Origin, SourceProblem } from '../source';
import { loadYaml } from '../yaml-load';
import type { RegistryFile } from './files';
import { appendAll } from '../../arrays';

export interface LoadedYaml {
  file: RegistryFile;
  value: unknown;
  at(path: readonly (string | number)[]): Origin;
}

/** Every YAML document of `files`; syntax errors and alias bombs become problems. */
export function loadYamlFiles(
  files: readonly RegistryFile[],
  source: string,
  problems: SourceProblem[],
): LoadedYaml[] {
  const out: LoadedYaml[] = [];
  for (const file of files) {
    const loaded = loadYaml(file.text, file.file);
    appendAll(problems, loaded.problems);
    for (const doc of loaded.documents) {
      out.push({
        file,
        value: doc.value,
        at: (path) => ({ source, file: file.file, ...doc.locate(path) }),
      });
    }
  }
  return out;
}

export function isMapping(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A list of strings (GitHub logins, paths); anything else in it is dropped. */
export function stringList(value: unknown): string[] {
  if (!Array.isArray(value)) return typeof value === 'string' && value.trim() ? [value.trim()] : [];
  return value
    .filter((v): v is string => typeof v === 'string' && v.trim() !== '')
    .map((v) => v.trim());
}
