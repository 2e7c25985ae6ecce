// Maps JSON paths as the validator writes them ("people[3].emails[1]",
// "people[0].handles.github.com") to line and column in the original text, so problems can
// be printed as file:line:column. One forward scan serves any number of paths; subtrees that
// no path enters are skipped without building values. Assumes the text is valid JSON (the
// validator parsed it first). A path that does not exist (a missing required field) is
// reported at its nearest existing ancestor, with `exact: false`.
import { LineIndex } from './text';

export interface JsonPosition {
  line: number;
  column: number;
  /** False when the path itself is absent and the position is that of an ancestor. */
  exact: boolean;
}

export function locateJsonPaths(text: string, paths: readonly string[]): Map<string, JsonPosition> {
  const prefixes = new Set<string>(['']);
  for (const path of paths) for (const prefix of prefixesOf(path)) prefixes.add(prefix);
  const found = new Map<string, number>();
  const scanner = new Scanner(text, prefixes, found);
  try {
    scanner.walk(scanner.skipWs(0), '', scanner.skipWs(0));
  } catch {
    // Not valid JSON after all: keep whatever was found before the break.
  }
  const lines = new LineIndex(text);
  const out = new Map<string, JsonPosition>();
  for (const path of paths) {
    let at = path;
    while (!found.has(at) && at !== '') at = parentOf(at);
    const offset = found.get(at) ?? 0;
    out.set(path, { ...lines.locate(offset), exact: at === path });
  }
  return out;
}

export function locateJsonPath(text: string, path: string): JsonPosition {
  return locateJsonPaths(text, [path]).get(path)!;
}

/** "a[1].b" → ["a", "a[1]", "a[1].b"]; a key containing dots yields extra, harmless prefixes. */
function prefixesOf(path: string): string[] {
  const out: string[] = [];
  for (let i = 1; i < path.length; i++) {
    if (path[i] === '.' || path[i] === '[') out.push(path.slice(0, i));
  }
  if (path) out.push(path);
  return out;
}

function parentOf(path: string): string {
  const cut = Math.max(path.lastIndexOf('.'), path.lastIndexOf('['));
  return cut <= 0 ? '' : path.slice(0, cut);
}

class Scanner {
  constructor(
    private readonly text: string,
    private readonly prefixes: ReadonlySet<string>,
    private readonly found: Map<string, number>,
  ) {}

  /** Walks the value at `i` whose path is `path`; records `at` (its key, or itself). */
  walk(i: number, path: string, at: number): number {
    this.found.set(path, at);
    const c = this.text[i];
    if (c === '{') return this.walkObject(i + 1, path);
    if (c === '[') return this.walkArray(i + 1, path);
    return this.skipValue(i);
  }

  private walkObject(i: number, path: string): number {
    i = this.skipWs(i);
    if (this.text[i] === '}') return i + 1;
    for (;;) {
      const keyStart = i;
      const keyEnd = this.skipString(i);
      const raw = this.text.slice(keyStart + 1, keyEnd - 1);
      const key = raw.includes('\\')
        ? (JSON.parse(this.text.slice(keyStart, keyEnd)) as string)
        : raw;
      i = this.skipWs(keyEnd) + 1; // past ':'
      i = this.skipWs(i);
      const child = path ? `${path}.${key}` : key;
      i = this.prefixes.has(child) ? this.walk(i, child, keyStart) : this.skipValue(i);
      i = this.skipWs(i);
      if (this.text[i] === '}') return i + 1;
      this.expect(i, ',');
      i = this.skipWs(i + 1);
    }
  }

  private walkArray(i: number, path: string): number {
    i = this.skipWs(i);
    if (this.text[i] === ']') return i + 1;
    for (let index = 0; ; index++) {
      const child = `${path}[${index}]`;
      i = this.prefixes.has(child) ? this.walk(i, child, i) : this.skipValue(i);
      i = this.skipWs(i);
      if (this.text[i] === ']') return i + 1;
      this.expect(i, ',');
      i = this.skipWs(i + 1);
    }
  }

  /** Text that is not JSON after all (e.g. cut off) ends the scan instead of looping at its end. */
  private expect(i: number, c: string): void {
    if (this.text[i] !== c) throw new Error(`expected "${c}" at offset ${i}`);
  }

  skipWs(i: number): number {
    const t = this.text;
    while (i < t.length) {
      const c = t.charCodeAt(i);
      if (c !== 0x20 && c !== 0x0a && c !== 0x0d && c !== 0x09 && c !== 0xfeff) break;
      i++;
    }
    return i;
  }

  private skipString(i: number): number {
    const t = this.text;
    if (t[i] !== '"') throw new Error(`expected a string at offset ${i}`);
    let j = i + 1;
    for (;;) {
      const q = t.indexOf('"', j);
      if (q < 0) throw new Error('unterminated string');
      let backslashes = 0;
      for (let k = q - 1; t[k] === '\\'; k--) backslashes++;
      if (backslashes % 2 === 0) return q + 1;
      j = q + 1;
    }
  }

  /** Skips one value of any kind without recursion (nesting depth is not bounded). */
  private skipValue(i: number): number {
    const t = this.text;
    const c = t[i];
    if (c === '"') return this.skipString(i);
    if (c !== '{' && c !== '[') {
      while (i < t.length && !',}] \n\r\t'.includes(t[i]!)) i++;
      return i;
    }
    let depth = 0;
    while (i < t.length) {
      const d = t[i]!;
      if (d === '"') {
        i = this.skipString(i);
        continue;
      }
      if (d === '{' || d === '[') depth++;
      else if (d === '}' || d === ']') {
        depth--;
        if (depth === 0) return i + 1;
      }
      i++;
    }
    throw new Error('unterminated value');
  }
}
