// Loading the documents a `mapping` source reads: YAML and JSON through the safe YAML loader
// (JSON is YAML 1.2, so both get file:line:column), TOML through smol-toml (a well-kept,
// spec-complete parser; its errors carry line and column; values are located by file).
import path from 'node:path';
import { parse as parseToml, TomlError } from 'smol-toml';
import { problemAt, type Origin, type SourceProblem } from '../source';
import type { RegistryFile } from './files';
import { loadYamlFiles } from './yaml-files';
import { appendAll } from '../../arrays';

export interface MappedDocument {
  file: RegistryFile;
  value: unknown;
  at(path: readonly (string | number)[]): Origin;
}

export function loadDocuments(
  files: readonly RegistryFile[],
  source: string,
  problems: SourceProblem[],
): MappedDocument[] {
  const out: MappedDocument[] = [];
  for (const file of files) {
    if (path.extname(file.absolute).toLowerCase() === '.toml') {
      try {
        const value = parseToml(file.text);
        out.push({ file, value, at: () => ({ source, file: file.file }) });
      } catch (error) {
        const where = error instanceof TomlError ? { line: error.line, column: error.column } : {};
        const message = (error as Error).message.split('\n')[0]!.trim();
        problems.push(problemAt('error', { file: file.file, ...where }, `TOML: ${message}`));
      }
      continue;
    }
    appendAll(out, loadYamlFiles([file], source, problems));
  }
  return out;
}
