// Template filters are the four the docs name; a name that only exists on Object.prototype
// ("toString", "constructor", "__proto__") is an unknown filter, not a way to turn every
// cell into "[object Object]" or to crash the importer with a TypeError.
import { describe, expect, it } from 'vitest';
import { importCsv } from '../../../lib/feedtool/csv';
import { parseTemplate, renderTemplate } from '../../../lib/feedtool/template';
import { bytes, sourceConfig } from './helpers';

describe('template filters', () => {
  it.each(['toString', 'valueOf', 'constructor', 'hasOwnProperty', '__proto__'])(
    'refuses "%s" as an unknown filter',
    (filter) => {
      expect(parseTemplate(`{name|${filter}}`)).toEqual({
        ok: false,
        message: `unknown filter "${filter}" in template "{name|${filter}}" (known: lower, upper, slug, unescape)`,
      });
    },
  );

  it('still applies the known filters', () => {
    const parsed = parseTemplate('gh-{login|lower}');
    expect(parsed.ok && renderTemplate(parsed.template, () => ' AliceC ')).toBe('gh-alicec');
  });

  it('reports the mapping mistake in a CSV source instead of throwing', () => {
    const config = sourceConfig({
      type: 'csv',
      people: { id: 'p-{id}', name: '{name|__proto__}' },
    });
    const result = importCsv(config, bytes('id,name\n1,Alice\n'), 'hr.csv');
    expect(result.records.people).toEqual([]);
    expect(result.problems).toEqual([
      {
        severity: 'error',
        file: 'hr.csv',
        message:
          'people.name: unknown filter "__proto__" in template "{name|__proto__}" (known: lower, upper, slug, unescape)',
      },
    ]);
  });
});
