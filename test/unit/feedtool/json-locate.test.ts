// JSON paths as the validator writes them, mapped back to line:column of the source text.
import { describe, expect, it } from 'vitest';
import { locateJsonPath, locateJsonPaths } from '../../../lib/feedtool/json-locate';

const text = `{
  "people": [
    { "id": "a", "emails": ["x@y.example", "not an email"] },
    {
      "id": "b\\"q",
      "handles": { "github.com": "bee", "w w": "z" }
    }
  ],
  "nested": [[1, [2, {"deep": "[]{}\\\\"}]], {"k": 3}]
}`;

describe('locateJsonPaths', () => {
  it('finds array elements and object members, with keys reported at the key', () => {
    expect(
      locateJsonPaths(text, ['people[0].emails[1]', 'people[1].id', 'people[1]', 'people']),
    ).toEqual(
      new Map([
        ['people[0].emails[1]', { line: 3, column: 44, exact: true }],
        ['people[1].id', { line: 5, column: 7, exact: true }],
        ['people[1]', { line: 4, column: 5, exact: true }],
        ['people', { line: 2, column: 3, exact: true }],
      ]),
    );
  });

  it('handles record keys that contain dots or spaces', () => {
    expect(locateJsonPath(text, 'people[1].handles.github.com')).toEqual({
      line: 6,
      column: 20,
      exact: true,
    });
    expect(locateJsonPath(text, 'people[1].handles.w w')).toEqual({
      line: 6,
      column: 41,
      exact: true,
    });
  });

  it('skips strings with brackets and escaped quotes without losing its place', () => {
    expect(locateJsonPath(text, 'nested[1].k')).toEqual({ line: 9, column: 45, exact: true });
  });

  it('falls back to the nearest existing ancestor for a missing field', () => {
    expect(locateJsonPath(text, 'people[0].name')).toEqual({ line: 3, column: 5, exact: false });
    expect(locateJsonPath(text, 'people[7].name')).toEqual({ line: 2, column: 3, exact: false });
    expect(locateJsonPath(text, 'format')).toEqual({ line: 1, column: 1, exact: false });
  });
});
