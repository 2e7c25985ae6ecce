// CSV exports with classic Mac line ends (a lone CR, as Excel's "CSV (Macintosh)" writes):
// csv-parse reads the records, and every record and problem must still name its own line,
// not line 1.
import { describe, expect, it } from 'vitest';
import { importCsv } from '../../../lib/feedtool/csv';
import { parseRows } from '../../../lib/feedtool/csv-rows';
import { bytes, sourceConfig } from './helpers';

const config = sourceConfig({
  type: 'csv',
  people: { id: 'p-{id}', name: '{name}' },
});

describe('CSV with lone CR line ends', () => {
  it('gives each record the line it starts on', () => {
    const parsed = parseRows('id,name\r1,Alice\r\r2,"Bob\rBobby"\r3,Carol\r', ',');
    expect(parsed.ok && parsed.rows.map((r) => r.line)).toEqual([1, 2, 4, 6]);
  });

  it('still counts a CRLF as one line end', () => {
    const parsed = parseRows('id,name\r\n1,Alice\r\n\r\n2,"Bob\r\nBobby"\r\n3,Carol\r\n', ',');
    expect(parsed.ok && parsed.rows.map((r) => r.line)).toEqual([1, 2, 4, 6]);
  });

  it('reports a row without a name at its own line', () => {
    const result = importCsv(config, bytes('id,name\r1,Alice\r2,\r3,Carol\r'), 'hr.csv');
    expect(result.records.people.map((p) => [p.record.id, p.origin.line])).toEqual([
      ['p-1', 2],
      ['p-3', 4],
    ]);
    expect(result.problems).toEqual([
      {
        severity: 'warning',
        file: 'hr.csv',
        line: 3,
        message: 'row skipped: person "p-2" has no name ({name} is empty)',
      },
    ]);
  });

  it('reports an unclosed quote where its record starts', () => {
    const parsed = parseRows('id,name\r1,Alice\r2,"Bob\r3,Carol\r', ',');
    expect(parsed).toMatchObject({ ok: false, line: 3 });
  });
});
