// Locating values of a JSON registry read with JSON.parse (lib/feedtool/json-offsets.ts): every
// path gives the line and column the YAML loader gives for the same text (it read JSON
// registries before), a path that does not exist gives its nearest existing ancestor, a repeated
// key is reported, and deep nesting does not overflow the stack.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { jsonOffsets } from '../../../lib/feedtool/json-offsets';
import { LineIndex } from '../../../lib/feedtool/text';
import { loadYaml } from '../../../lib/feedtool/yaml-load';

type Path = (string | number)[];

/** Every path of a value, and one missing child under each container. */
function pathsOf(value: unknown, at: Path = [], out: Path[] = []): Path[] {
  out.push(at);
  if (Array.isArray(value)) {
    value.forEach((item, i) => pathsOf(item, [...at, i], out));
    out.push([...at, value.length], [...at, 'nope']);
  } else if (value !== null && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) pathsOf(item, [...at, key], out);
    out.push([...at, '\u0000missing'], [...at, 0]);
  }
  return out;
}

const locate = (text: string) => {
  const offsets = jsonOffsets(text);
  const lines = new LineIndex(text);
  return (path: Path) => lines.locate(offsetsOf(offsets, path));
};
const offsetsOf = (offsets: ReturnType<typeof jsonOffsets>, path: Path) => offsets.offsetOf(path);

describe('jsonOffsets', () => {
  it('locates every path as the YAML loader does, compact or indented', () => {
    fc.assert(
      fc.property(
        fc.jsonValue({ maxDepth: 4 }),
        fc.constantFrom(undefined, 2, '\t'),
        fc.constantFrom('', '\n  ', ' \r\n'),
        (value, indent, around) => {
          const text = `${around}${JSON.stringify(value, null, indent)}${around}`;
          const yaml = loadYaml(text, 'registry.json');
          expect(yaml.problems).toEqual([]);
          const ours = locate(text);
          for (const path of pathsOf(JSON.parse(text)))
            expect(ours(path), JSON.stringify(path)).toEqual(yaml.documents[0]!.locate(path));
        },
      ),
      { numRuns: 400 },
    );
  });

  it('locates keys with escapes and values after them', () => {
    const text = '{\n "a\\"b": [1,\n  {"\\u00e9": true}],\n "c": "x\\\\"}';
    const at = locate(text);
    expect(at(['a"b', 1, 'é'])).toEqual({ line: 3, column: 14 });
    expect(at(['a"b', 1])).toEqual({ line: 3, column: 3 });
    expect(at(['c'])).toEqual({ line: 4, column: 7 });
    expect(at(['c', 'deeper'])).toEqual({ line: 4, column: 7 });
    // An object's keys are strings: a number names no key (as in the YAML loader).
    expect(at(['a"b', '1'])).toEqual({ line: 2, column: 10 });
  });

  it('reports the first repeated key of an object, and none when keys repeat only across objects', () => {
    expect(jsonOffsets('[{"a": 1, "b": 2}, {"a": 3}]').duplicateKeyAt).toBeUndefined();
    const text = '{"a": {"x": 1, "y": 2, "x": 3}, "a": 4}';
    expect(jsonOffsets(text).duplicateKeyAt).toBe(text.indexOf('"x": 3'));
  });

  it('takes nesting deeper than a recursive scan could', () => {
    const depth = 200_000;
    const text = `${'['.repeat(depth)}"deep"${']'.repeat(depth)}`;
    const path = Array.from({ length: depth }, () => 0);
    expect(jsonOffsets(text).offsetOf(path)).toBe(depth);
  });
});
