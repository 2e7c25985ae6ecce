// Reading a registry that is a file or a folder of files (a peribolos tree of teams.yaml,
// an OWNERS tree, a folder of TOML files one per team): every matching file under the
// folder, in a stable order, decoded as UTF-8 with its problems reported as file:line.
// Hidden folders (.git) and node_modules are skipped; symbolic links are not followed, so
// a link cycle cannot hang the build.
import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { problemAt, type SourceProblem } from '../source';
import { decodeBytes } from '../text';

/** Inputs larger than this are refused, as in build.ts: registries are megabytes at most. */
const MAX_FILE_BYTES = 256 * 1024 * 1024;
/** A folder with more files than this is not a registry (probably the wrong path). */
const MAX_FILES = 20_000;

export interface RegistryFile {
  /** Absolute path. */
  absolute: string;
  /** The name used in messages (relative to the working directory). */
  file: string;
  /** Path relative to the source's root folder, with "/" separators ("" for a single file). */
  relative: string;
  text: string;
}

export interface RegistryFiles {
  /** True when `path` is a folder. */
  folder: boolean;
  files: RegistryFile[];
  problems: SourceProblem[];
}

/** Reads `root` (a file, or a folder searched for files whose name `accept`s). */
export async function readRegistry(
  root: string,
  display: (p: string) => string,
  accept: (name: string, relative: string) => boolean,
): Promise<RegistryFiles> {
  const problems: SourceProblem[] = [];
  let info;
  try {
    info = await stat(root);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason = code === 'ENOENT' ? 'no such file or folder' : (error as Error).message;
    return {
      folder: false,
      files: [],
      problems: [problemAt('error', { file: display(root) }, `cannot read: ${reason}`)],
    };
  }
  const paths: string[] = [];
  if (info.isDirectory()) {
    await collect(root, root, accept, paths);
    if (paths.length > MAX_FILES) {
      return {
        folder: true,
        files: [],
        problems: [
          problemAt(
            'error',
            { file: display(root) },
            `more than ${MAX_FILES} matching files; is this the registry's folder?`,
          ),
        ],
      };
    }
  } else paths.push(root);
  paths.sort();
  const files: RegistryFile[] = [];
  for (const absolute of paths) {
    const file = display(absolute);
    const relative = info.isDirectory()
      ? path.relative(root, absolute).split(path.sep).join('/')
      : '';
    try {
      const bytes = await readFile(absolute);
      if (bytes.length > MAX_FILE_BYTES) {
        problems.push(problemAt('error', { file }, `larger than ${MAX_FILE_BYTES} bytes; refused`));
        continue;
      }
      const decoded = decodeBytes(new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.length));
      if (!decoded.ok) {
        problems.push(
          problemAt('error', { file, line: decoded.line, column: decoded.column }, decoded.message),
        );
        continue;
      }
      files.push({ absolute, file, relative, text: decoded.text });
    } catch (error) {
      problems.push(problemAt('error', { file }, `cannot read: ${(error as Error).message}`));
    }
  }
  return { folder: info.isDirectory(), files, problems };
}

async function collect(
  root: string,
  dir: string,
  accept: (name: string, relative: string) => boolean,
  out: string[],
): Promise<void> {
  const entries = await readdir(dir, { withFileTypes: true });
  for (const entry of entries) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (entry.name.startsWith('.') && entry.name !== '.github' && entry.name !== '.gitlab')
        continue;
      if (entry.name === 'node_modules') continue;
      await collect(root, full, accept, out);
      if (out.length > MAX_FILES) return;
    } else if (entry.isFile()) {
      const relative = path.relative(root, full).split(path.sep).join('/');
      if (accept(entry.name, relative)) out.push(full);
    }
  }
}
