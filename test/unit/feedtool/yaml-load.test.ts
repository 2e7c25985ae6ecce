// Safe YAML loading: alias bombs are refused fast, duplicate keys are errors, every
// document of a stream is read, and positions point at the value asked for.
import { describe, expect, it } from 'vitest';
import { loadYaml, MAX_YAML_ALIASES } from '../../../lib/feedtool/yaml-load';

/** The classic "billion laughs": 9 levels of 9 aliases, about 10^9 strings if expanded. */
function billionLaughs(): string {
  const lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
  for (let level = 1; level < 9; level++) {
    const prev = String.fromCharCode(96 + level);
    const name = String.fromCharCode(97 + level);
    lines.push(`${name}: &${name} [${Array(9).fill(`*${prev}`).join(',')}]`);
  }
  return lines.join('\n');
}

describe('loadYaml', () => {
  it('refuses an alias bomb quickly, with the position of the first alias', () => {
    const started = performance.now();
    const result = loadYaml(billionLaughs(), 'bomb.yaml');
    expect(performance.now() - started).toBeLessThan(1000);
    expect(result.documents).toEqual([]);
    expect(result.problems).toEqual([
      {
        severity: 'error',
        file: 'bomb.yaml',
        line: 2,
        column: 8,
        message: `too many YAML aliases (more than ${MAX_YAML_ALIASES} expansions): refusing what looks like an alias bomb`,
      },
    ]);
  });

  it('still accepts a few ordinary anchors and aliases', () => {
    const result = loadYaml('base: &b {x: 1}\nuse: *b\n', 'ok.yaml');
    expect(result.problems).toEqual([]);
    expect(result.documents[0]?.value).toEqual({ base: { x: 1 }, use: { x: 1 } });
  });

  it('reports duplicate keys as errors', () => {
    const result = loadYaml('name: a\nname: b\n', 'dup.yaml');
    expect(result.problems).toEqual([
      {
        severity: 'error',
        file: 'dup.yaml',
        line: 2,
        column: 1,
        message: 'YAML: Map keys must be unique',
      },
    ]);
  });

  it('reads multi-document streams and locates values in each', () => {
    const result = loadYaml('---\nkind: A\n---\nkind: B\nlist:\n  - x\n  - y\n', 'multi.yaml');
    expect(result.documents.map((d) => d.value)).toEqual([
      { kind: 'A' },
      { kind: 'B', list: ['x', 'y'] },
    ]);
    expect(result.documents[1]!.locate(['list', 1])).toEqual({ line: 7, column: 5 });
    // A missing field is located at its nearest existing ancestor.
    expect(result.documents[1]!.locate(['list', 5, 'name'])).toEqual({ line: 6, column: 3 });
  });

  it('reads a file whose lines end in a lone CR (YAML counts it as a line break) as with LF', () => {
    const lf = '---\nkind: A\n---\nkind: B\nnote: "two\n  lines"\nlist:\n  - x\n  - y\n';
    for (const ends of ['\r', '\r\n']) {
      const result = loadYaml(lf.replaceAll('\n', ends), 'mac.yaml');
      expect(result.problems).toEqual([]);
      expect(result.documents.map((d) => d.value)).toEqual([
        { kind: 'A' },
        { kind: 'B', note: 'two lines', list: ['x', 'y'] },
      ]);
      expect(result.documents[1]!.locate(['list', 1])).toEqual({ line: 9, column: 5 });
    }
  });
});
