// Where each value of a JSON text starts, for a registry read with JSON.parse: one forward
// scan records, for every array and object, the offset of each of its values, so the line of
// any path ("communities", 3, "members", 5) is a few map lookups. The YAML loader gives the
// same for JSON (JSON is YAML), but its document model of a 32 MB registry took 36 s and
// 2.9 GB (docs/benchmarks.md, "Feed tool at directory scale"); this index holds one offset
// per value and one array or map per container. The scan is iterative (no recursion, so deep
// nesting cannot overflow the stack) and assumes text JSON.parse accepted. Duplicate keys,
// which JSON.parse takes silently (the last wins) and the YAML loader refuses, are reported so
// the caller can refuse them too.

/** Offsets of an array's items, or of an object's values by key. */
type Container = number[] | Map<string, number>;

export interface JsonOffsets {
  /**
   * Offset of the value at `path` (numbers index arrays, strings name keys), or of its nearest
   * existing ancestor.
   */
  offsetOf(path: readonly (string | number)[]): number;
  /** Offset of the first key that appears twice in one object, if any. */
  duplicateKeyAt: number | undefined;
}

const WHITESPACE = new Set([0x20, 0x09, 0x0a, 0x0d]);
/** What ends a number or a literal: whitespace, ",", "]" and "}". */
const DELIMITERS = new Set([...WHITESPACE, 0x2c, 0x5d, 0x7d]);

export function jsonOffsets(text: string): JsonOffsets {
  // Containers by the offset of their opening bracket.
  const containers = new Map<number, Container>();
  let duplicateKeyAt: number | undefined;
  // Open containers; for an object, the key whose value comes next (undefined: a key comes next).
  const stack: { container: Container; key: string | undefined }[] = [];
  const skipSpace = (at: number) => {
    while (at < text.length && WHITESPACE.has(text.charCodeAt(at))) at++;
    return at;
  };
  /** End (exclusive) of the string starting at `at` (its opening quote). */
  const stringEnd = (at: number) => {
    for (let i = at + 1; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 0x5c /* \ */) i++;
      else if (c === 0x22 /* " */) return i + 1;
    }
    return text.length;
  };
  let at = skipSpace(0);
  const root = at;
  while (at < text.length) {
    const c = text.charCodeAt(at);
    const top = stack[stack.length - 1];
    if (c === 0x2c /* , */ || c === 0x3a /* : */) {
      at = skipSpace(at + 1);
      continue;
    }
    if (c === 0x5d /* ] */ || c === 0x7d /* } */) {
      stack.pop();
      at = skipSpace(at + 1);
      continue;
    }
    if (top && !Array.isArray(top.container) && top.key === undefined) {
      // An object's key.
      const end = stringEnd(at);
      const raw = text.slice(at + 1, end - 1);
      const key = raw.includes('\\') ? (JSON.parse(text.slice(at, end)) as string) : raw;
      if (top.container.has(key)) duplicateKeyAt ??= at;
      top.key = key;
      at = skipSpace(end);
      continue;
    }
    // A value: note where it starts in its container.
    if (top) {
      if (Array.isArray(top.container)) top.container.push(at);
      else {
        top.container.set(top.key!, at);
        top.key = undefined;
      }
    }
    if (c === 0x7b /* { */ || c === 0x5b /* [ */) {
      const container: Container = c === 0x5b ? [] : new Map();
      containers.set(at, container);
      stack.push({ container, key: undefined });
      at = skipSpace(at + 1);
    } else if (c === 0x22) {
      at = skipSpace(stringEnd(at));
    } else {
      // A number, true, false or null: up to the next delimiter.
      while (at < text.length && !DELIMITERS.has(text.charCodeAt(at))) at++;
      at = skipSpace(at);
    }
  }
  return {
    duplicateKeyAt,
    offsetOf(path) {
      let offset = root;
      for (const step of path) {
        const container = containers.get(offset);
        const next = Array.isArray(container)
          ? typeof step === 'number'
            ? container[step]
            : undefined
          : typeof step === 'string'
            ? container?.get(step)
            : undefined;
        if (next === undefined) break;
        offset = next;
      }
      return offset;
    },
  };
}
