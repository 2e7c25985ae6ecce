// Loading the documents a `mapping` source reads: JSON through JSON.parse with an index of
// where each value starts (lib/feedtool/json-offsets.ts: a 32 MB registry in seconds, where
// the YAML loader's document model took 36 s and 2.9 GB); YAML, and JSON that JSON.parse
// refuses or that repeats a key, through the safe YAML loader (JSON is YAML 1.2: its errors
// come with file:line:column); TOML through smol-toml (a well-kept, spec-complete parser; its
// errors carry line and column; values are located by file).
import path from 'node:path';
import { parse as parseToml, TomlError } from 'smol-toml';
import { problemAt, type Origin, type SourceProblem } from '../source';
import type { RegistryFile } from './files';
import { loadYamlFiles } from './yaml-files';
import { appendAll } from '../../arrays';
import { jsonOffsets } from '../json-offsets';
import { LineIndex } from '../text';

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
    const extension = path.extname(file.absolute).toLowerCase();
    if (extension === '.toml') {
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
    const json = extension === '.json' ? jsonDocument(file, source) : undefined;
    if (json) out.push(json);
    else appendAll(out, loadYamlFiles([file], source, problems));
  }
  return out;
}

/**
 * A JSON file read with JSON.parse, its values located by one scan of the text; undefined
 * when JSON.parse refuses it or a key repeats, for the YAML loader to report where.
 */
function jsonDocument(file: RegistryFile, source: string): MappedDocument | undefined {
  let value: unknown;
  try {
    value = JSON.parse(file.text);
  } catch {
    return undefined;
  }
  const offsets = jsonOffsets(file.text);
  if (offsets.duplicateKeyAt !== undefined) return undefined;
  const lines = new LineIndex(file.text);
  return {
    file,
    value,
    at: (at) => ({ source, file: file.file, ...lines.locate(offsets.offsetOf(at)) }),
  };
}
