// The CSV writer against RFC 4180 (checked by parsing back with csv-parse) and the
// spreadsheet-formula guard for untrusted text.
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { csvField, toCsv } from '../../../lib/export/csv';
import {
  exportFileName,
  tableToCsv,
  tableToJson,
  type ExportTable,
} from '../../../lib/export/table';

describe('CSV', () => {
  it('quotes only what needs quoting and doubles quotes', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(csvField(42)).toBe('42');
    expect(csvField(-3.5)).toBe('-3.5');
    expect(csvField(true)).toBe('true');
    expect(csvField(null)).toBe('');
    expect(csvField(undefined)).toBe('');
    expect(csvField(Number.NaN)).toBe('');
  });

  it('never lets feed text start a spreadsheet formula', () => {
    expect(csvField('=HYPERLINK("http://x")')).toBe('"\'=HYPERLINK(""http://x"")"');
    expect(csvField('+1')).toBe("'+1");
    expect(csvField('-1')).toBe("'-1");
    expect(csvField('@SUM(A1)')).toBe("'@SUM(A1)");
  });

  it('writes CRLF rows that parse back to the same values', () => {
    const rows = [
      { name: 'SRE Guild', topics: 'k8s, sre', note: 'He said "boring"\r\nand left' },
      { name: 'Zoë Ökafor', topics: '', note: ',' },
    ];
    const text = toCsv(
      [
        { header: 'Name', value: (r: (typeof rows)[number]) => r.name },
        { header: 'Topics', value: (r) => r.topics },
        { header: 'Note', value: (r) => r.note },
      ],
      rows,
    );
    expect(text.endsWith('\r\n')).toBe(true);
    expect(text.split('\r\n')[0]).toBe('Name,Topics,Note');
    expect(parse(text)).toEqual([
      ['Name', 'Topics', 'Note'],
      ['SRE Guild', 'k8s, sre', 'He said "boring"\r\nand left'],
      ['Zoë Ökafor', '', ','],
    ]);
  });
});

describe('export tables', () => {
  const table: ExportTable = {
    name: 'Missing bridges',
    title: 'Missing bridges',
    columns: [
      { key: 'a', header: 'Community A' },
      { key: 'topics', header: 'Shared topics' },
      { key: 'similarity', header: 'Topic similarity' },
    ],
    rows: [{ a: 'Risk', topics: ['solvency', 'capital'], similarity: 0.5 }],
  };

  it('joins lists in CSV and keeps them as arrays in JSON', () => {
    expect(parse(tableToCsv(table))).toEqual([
      ['Community A', 'Shared topics', 'Topic similarity'],
      ['Risk', 'solvency; capital', '0.5'],
    ]);
    const json = JSON.parse(
      tableToJson(table, {
        organisation: 'Acme',
        exportedAt: '2026-11-23T10:00:00.000Z',
        filters: ['stage: active'],
        minGroupSize: 5,
      }),
    ) as Record<string, unknown>;
    expect(json).toMatchObject({
      format: 'constellation-boundaries-export',
      version: 1,
      organisation: 'Acme',
      filters: ['stage: active'],
      minGroupSize: 5,
      rows: [{ a: 'Risk', topics: ['solvency', 'capital'], similarity: 0.5 }],
    });
  });

  it('names files safely', () => {
    expect(exportFileName(table, '2026-11-23', 'csv')).toBe(
      'constellation-missing-bridges-2026-11-23.csv',
    );
    expect(exportFileName({ name: '../../' }, '2026-11-23', 'json')).toBe(
      'constellation-export-2026-11-23.json',
    );
  });
});
