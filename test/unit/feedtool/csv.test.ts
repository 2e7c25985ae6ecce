// The CSV importer: the real python/devguide core-team.csv (read in place; 209 records,
// one spanning two lines, 153 with a GitHub login, 125 without a "Left" date — counted
// independently with Python's csv module), and the ways real exports go wrong.
import { describe, expect, it } from 'vitest';
import { importCsv } from '../../../lib/feedtool/csv';
import { parseRows } from '../../../lib/feedtool/csv-rows';
import { bytes, corpusBytes, sourceConfig } from './helpers';

const FILE = 'python-devguide/core-team/core-team.csv';
const coreTeam = sourceConfig({
  type: 'csv',
  header: false,
  columns: ['Name', 'GitHub username', 'Joined', 'Left', 'Notes'],
  ignoreColumns: ['Notes'],
  people: {
    id: ['gh-{GitHub username|lower}', 'py-{Name|unescape|slug}'],
    name: '{Name|unescape}',
    handles: { 'github.com': '{GitHub username}' },
  },
  memberships: [
    {
      community: 'cpython-core-dev',
      participation: 'core',
      since: '{Joined}',
      when: { empty: 'Left' },
    },
  ],
});

describe('CSV importer on the real core-team.csv', () => {
  const result = importCsv(coreTeam, corpusBytes(FILE), FILE);
  const person = (id: string) => result.records.people.find((p) => p.record.id === id);

  it('reads every record, including the quoted multi-line one', () => {
    expect(result.problems).toEqual([]);
    expect(result.records.people).toHaveLength(209);
    expect(result.records.people.filter((p) => p.record.handles)).toHaveLength(153);
    expect(result.records.memberships).toHaveLength(125);
    // Steve Holden's notes span lines 165–166; the next record starts on line 167.
    expect(person('gh-holdenweb')?.origin.line).toBe(165);
    expect(person('gh-ctismer')?.origin.line).toBe(167);
  });

  it('applies the mapping: ids with fallbacks, filters, conditional memberships', () => {
    expect(person('gh-bitdancer')?.record).toEqual({
      id: 'gh-bitdancer',
      name: 'R. David Murray',
      handles: { 'github.com': 'bitdancer' },
    });
    expect(person('py-peter-moody')?.record).toEqual({ id: 'py-peter-moody', name: 'Peter Moody' });
    expect(person('py-martin-v.-lowis')?.record.name).toBe('Martin v. Löwis');
    expect(result.records.memberships[0]?.record).toEqual({
      person: 'gh-eendebakpt',
      community: 'cpython-core-dev',
      participation: 'core',
      roles: [],
      since: '2026-07-08',
    });
    // Former members (a "Left" date) keep their person record but get no membership.
    expect(result.records.memberships.some((m) => m.record.person === 'gh-maxking')).toBe(false);
    expect(person('gh-maxking')).toBeDefined();
  });
});

const directory = sourceConfig({
  type: 'csv',
  people: { id: 'p-{id}', name: '{name}', emails: '{email}', title: '{title}' },
});

describe('CSV importer on malformed and unusual input', () => {
  it('keeps commas, quotes and newlines inside quoted fields', () => {
    const csv =
      'id,name,email,title\n1,"Chen, Alice",a@x.example,"Lead ""SRE""\nweekends"\n2,Bob,b@x.example,Dev\n';
    const out = importCsv(directory, bytes(csv), 'p.csv');
    expect(out.problems).toEqual([]);
    expect(out.records.people.map((p) => [p.record.name, p.record.title, p.origin.line])).toEqual([
      ['Chen, Alice', 'Lead "SRE"\nweekends', 2],
      ['Bob', 'Dev', 4],
    ]);
  });

  it('strips a UTF-8 byte-order mark, so the first column keeps its name', () => {
    const out = importCsv(
      directory,
      bytes('\uFEFFid,name,email,title\n1,Zoë,z@x.example,\n'),
      'p.csv',
    );
    expect(out.problems).toEqual([]);
    expect(out.records.people[0]?.record).toEqual({
      id: 'p-1',
      name: 'Zoë',
      emails: ['z@x.example'],
    });
  });

  it('decodes UTF-16 with a byte-order mark', () => {
    const text = 'id,name,email,title\n1,Zoë,z@x.example,\n';
    const utf16 = new Uint8Array(2 + text.length * 2);
    utf16.set([0xff, 0xfe]);
    for (let i = 0; i < text.length; i++) utf16[2 + i * 2] = text.charCodeAt(i);
    expect(importCsv(directory, utf16, 'p.csv').records.people[0]?.record.name).toBe('Zoë');
  });

  it('refuses Latin-1 bytes declared as UTF-8 with the line and column of the first bad byte', () => {
    const latin1 = Uint8Array.from([
      ...bytes('id,name,email,title\n1,Ren'),
      0xe9,
      ...bytes(',r@x.example,\n'),
    ]);
    const out = importCsv(directory, latin1, 'p.csv');
    expect(out.records.people).toEqual([]);
    expect(out.problems).toEqual([
      {
        severity: 'error',
        file: 'p.csv',
        line: 2,
        column: 6,
        message:
          'not valid UTF-8 (byte 0xE9); the file may be Latin-1 or Windows-1252; re-save it as UTF-8 or set encoding: latin1',
      },
    ]);
    // Declared as Latin-1, the same bytes decode.
    const declared = importCsv({ ...directory, encoding: 'latin1' }, latin1, 'p.csv');
    expect(declared.records.people[0]?.record.name).toBe('René');
  });

  it('reports an unclosed quote at the line where the broken record starts', () => {
    const out = importCsv(
      directory,
      bytes('id,name,email,title\n1,A,a@x.example,x\n2,"B,b@x.example,y\n3,C,c@x.example,z\n'),
      'p.csv',
    );
    expect(out.records.people).toEqual([]);
    expect(out.problems).toHaveLength(1);
    expect(out.problems[0]).toMatchObject({ severity: 'error', file: 'p.csv', line: 3 });
    expect(out.problems[0]!.message).toMatch(
      /^malformed CSV in the record starting here: Quote Not Closed/,
    );
  });

  it('warns about unknown columns and skips rows missing a required value, with their lines', () => {
    const out = importCsv(
      directory,
      bytes('id,name,email,title,shoe size\n1,A,a@x.example,,42\n2,,b@x.example,,43\n'),
      'p.csv',
    );
    expect(out.records.people.map((p) => p.record.id)).toEqual(['p-1']);
    expect(out.problems).toEqual([
      {
        severity: 'warning',
        file: 'p.csv',
        line: 1,
        message: 'unknown column "shoe size" is not used by the mapping',
      },
      {
        severity: 'warning',
        file: 'p.csv',
        line: 3,
        message: 'row skipped: person "p-2" has no name ({name} is empty)',
      },
    ]);
  });

  it('stops with an error on header line when the mapping needs a missing column', () => {
    const out = importCsv(
      directory,
      bytes('id,full name,email,title\n1,A,a@x.example,\n'),
      'p.csv',
    );
    expect(out.records.people).toEqual([]);
    expect(out.problems).toEqual([
      {
        severity: 'error',
        file: 'p.csv',
        line: 1,
        message:
          'people.name uses column "name", which is not in the file (columns: id, full name, email, title)',
      },
    ]);
  });

  it('warns about rows with a different number of fields', () => {
    const out = importCsv(directory, bytes('id,name,email,title\n1,A,a@x.example\n'), 'p.csv');
    expect(out.records.people).toHaveLength(1);
    expect(out.problems).toEqual([
      {
        severity: 'warning',
        file: 'p.csv',
        line: 2,
        message: 'row has 3 fields; the header has 4',
      },
    ]);
  });

  it('parseRows gives each record the line it starts on, past blank lines and CRLF', () => {
    const parsed = parseRows('a,b\r\n\r\n"x\r\ny",1\r\nz,2', ',');
    expect(parsed).toEqual({
      ok: true,
      rows: [
        { cells: ['a', 'b'], line: 1 },
        { cells: ['x\r\ny', '1'], line: 3 },
        { cells: ['z', '2'], line: 5 },
      ],
    });
  });
});
