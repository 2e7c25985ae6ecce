// locateJsonPaths promises to keep what it found before text that is not JSON after all;
// a truncated document (a cut-off download) must end the scan, not loop forever. The call
// runs under a vm timeout so that a regression fails this test instead of hanging the run.
import vm from 'node:vm';
import { describe, expect, it } from 'vitest';
import { locateJsonPaths } from '../../../lib/feedtool/json-locate';

const within = <T>(ms: number, run: () => T): T =>
  vm.runInNewContext('run()', { run }, { timeout: ms }) as T;

describe('locateJsonPaths on text that is not JSON', () => {
  it.each([
    // The missing item's place is where the text ends; a list's place is its key.
    ['a list cut after a comma', '{"people": [{"id": "a"}, ', 'people[1].id', 1, 26],
    ['a list cut after a value', '{"people": [{"id": "a"}', 'people[1].id', 1, 2],
    ['an object cut after a value', '{"people": [{"id": "a"', 'people[0].name', 1, 13],
    ['a list cut inside a literal', '{"n": [1, 2, tru', 'n[3]', 1, 2],
  ])('ends on %s, at the nearest ancestor found', (_name, text, path, line, column) => {
    const found = within(2000, () => locateJsonPaths(text, [path]));
    expect(found.get(path)).toEqual({ line, column, exact: false });
  });
});
