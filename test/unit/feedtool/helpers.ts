// Shared test helpers: where the real corpus lives (read in place, never copied into the
// repository) and how to get a source config with its defaults applied.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { sourceConfigSchema, type SourceConfig } from '../../../lib/feedtool/config';

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
export const CORPUS = path.resolve(REPO_ROOT, '../shared/corpus');
export const FIXTURES = path.join(REPO_ROOT, 'test/fixtures/feedtool');

export function corpusText(relative: string): string {
  return readFileSync(path.join(CORPUS, relative), 'utf8');
}

export function corpusBytes(relative: string): Uint8Array {
  return new Uint8Array(readFileSync(path.join(CORPUS, relative)));
}

export function sourceConfig<T extends SourceConfig['type']>(
  input: { type: T } & Record<string, unknown>,
): Extract<SourceConfig, { type: T }> {
  return sourceConfigSchema.parse({ id: 'test', path: 'unused', ...input }) as Extract<
    SourceConfig,
    { type: T }
  >;
}

export const bytes = (text: string): Uint8Array => new TextEncoder().encode(text);
