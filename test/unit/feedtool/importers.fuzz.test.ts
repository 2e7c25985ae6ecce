// Mutation fuzzing of the feed tool's text importers on their real inputs (the golden
// fixtures and the shared corpus, read in place): truncation, BOMs, CR and CRLF line ends,
// NUL and non-UTF-8 bytes, unbalanced quotes and brackets, duplicated and deleted lines,
// huge fields, unicode. The project rule: bad input never throws, every problem names its
// file (and line, where the input has lines), and what an importer keeps points at its own
// place. Seeds are fixed so that a failure reproduces; each property runs in well under 2 s.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import vm from 'node:vm';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { importBackstage } from '../../../lib/feedtool/backstage';
import { importCsv } from '../../../lib/feedtool/csv';
import { parseRows } from '../../../lib/feedtool/csv-rows';
import { importFeed } from '../../../lib/feedtool/feed-source';
import { locateJsonPaths } from '../../../lib/feedtool/json-locate';
import { importRstExperts } from '../../../lib/feedtool/rst-experts';
import type { ImportResult } from '../../../lib/feedtool/source';
import { parseTemplate, renderTemplate } from '../../../lib/feedtool/template';
import { decodeBytes, LineIndex } from '../../../lib/feedtool/text';
import { FEED_LISTS } from '../../../lib/model/feed';
import { validateFeed } from '../../../lib/model/validate';
import { corpusBytes, FIXTURES, sourceConfig } from './helpers';

const fixture = (name: string) => new Uint8Array(readFileSync(path.join(FIXTURES, name)));
const encode = (text: string) => Array.from(new TextEncoder().encode(text));

/** One edit of a file's bytes, as real exports and hand edits go wrong. */
const mutation = fc.oneof(
  fc.record({ kind: fc.constant('truncate' as const), at: fc.double({ min: 0, max: 1 }) }),
  fc.record({
    kind: fc.constant('insert' as const),
    at: fc.double({ min: 0, max: 1 }),
    bytes: fc.oneof(
      fc.constantFrom(
        [0xef, 0xbb, 0xbf],
        [0],
        [0xff],
        [0xc3],
        [0xed, 0xa0, 0x80],
        encode('"'),
        encode("'"),
        encode('{'),
        encode('['),
        encode(']'),
        encode(','),
        encode(':'),
        encode('\r'),
        encode('\n'),
        encode('\n---\n'),
        encode('&a '),
        encode('*a'),
        encode('日本語'),
        encode('\u202e'),
        encode('😀'),
      ),
      fc.integer({ min: 1, max: 5000 }).map((n) => encode('x'.repeat(n))),
    ),
  }),
  fc.record({
    kind: fc.constant('delete' as const),
    at: fc.double({ min: 0, max: 1 }),
    length: fc.integer({ min: 1, max: 60 }),
  }),
  fc.record({ kind: fc.constant('line' as const), at: fc.double({ min: 0, max: 1 }) }),
  fc.constantFrom(
    { kind: 'crlf' as const },
    { kind: 'cr' as const },
    { kind: 'bom' as const },
    { kind: 'empty' as const },
  ),
);
type Mutation = typeof mutation extends fc.Arbitrary<infer M> ? M : never;

function mutate(input: Uint8Array, edits: readonly Mutation[]): Uint8Array {
  let bytes = Array.from(input);
  for (const edit of edits) {
    const at = 'at' in edit ? Math.floor(edit.at * bytes.length) : 0;
    if (edit.kind === 'truncate') bytes = bytes.slice(0, at);
    else if (edit.kind === 'insert') bytes.splice(at, 0, ...edit.bytes);
    else if (edit.kind === 'delete') bytes.splice(at, edit.length);
    else if (edit.kind === 'line') {
      // Duplicate the line around `at`.
      const start = bytes.lastIndexOf(0x0a, at - 1) + 1;
      const end = bytes.indexOf(0x0a, at);
      const line = bytes.slice(start, end < 0 ? bytes.length : end);
      bytes.splice(end < 0 ? bytes.length : end, 0, 0x0a, ...line);
    } else if (edit.kind === 'crlf') bytes = bytes.flatMap((b) => (b === 0x0a ? [0x0d, 0x0a] : b));
    else if (edit.kind === 'cr') bytes = bytes.map((b) => (b === 0x0a ? 0x0d : b));
    else if (edit.kind === 'bom') bytes = [0xef, 0xbb, 0xbf, ...bytes];
    else bytes = [];
  }
  return new Uint8Array(bytes);
}

const edits = fc.array(mutation, { minLength: 1, maxLength: 4 });
const settings = { seed: 20261120, numRuns: 150 };

/** Every problem names its file, a non-empty message and, if any, a line inside the input. */
function expectLocated(result: ImportResult, file: string, lines: number): void {
  for (const problem of result.problems) {
    expect(problem.file).toBe(file);
    expect(problem.message.trim()).not.toBe('');
    if (problem.line !== undefined) {
      expect(problem.line).toBeGreaterThanOrEqual(1);
      expect(problem.line).toBeLessThanOrEqual(lines);
    }
  }
}

const lineCount = (bytes: Uint8Array) => {
  const text = new TextDecoder().decode(bytes);
  return text.split(/\r\n|\r|\n/).length;
};

describe('importers under mutation', () => {
  it('CSV: never throws; problems and records point at lines of the file', () => {
    const config = sourceConfig({
      type: 'csv',
      people: {
        id: 'p-{Employee ID|lower}',
        name: '{Full Name}',
        emails: '{Email}',
        unit: '{Department ID}',
        title: '{Title}',
        handles: { 'github.com': '{GitHub}' },
      },
      units: [{ id: '{Department ID}', name: '{Department}', parent: '{Parent Department}' }],
    });
    const input = fixture('golden/people.csv');
    fc.assert(
      fc.property(edits, (list) => {
        const bytes = mutate(input, list);
        const result = importCsv(config, bytes, 'people.csv');
        const lines = lineCount(bytes);
        expectLocated(result, 'people.csv', lines);
        for (const person of result.records.people) {
          expect(person.origin.line).toBeGreaterThanOrEqual(2);
          expect(person.origin.line).toBeLessThanOrEqual(lines);
        }
        // Bad bytes and bad quoting stop the source with an error; anything read is kept.
        if (result.records.people.length === 0 && result.records.units.length === 0)
          expect(result.problems.length).toBeGreaterThan(0);
      }),
      settings,
    );
  });

  it('experts index: never throws; every problem has a line', () => {
    const config = sourceConfig({ type: 'rst-experts', listTableHeaderRows: 1 });
    const input = corpusBytes('python-devguide/core-team/experts.rst').slice(0, 6000);
    fc.assert(
      fc.property(edits, (list) => {
        const decoded = decodeBytes(mutate(input, list));
        if (!decoded.ok) return;
        const result = importRstExperts(config, decoded.text, 'experts.rst');
        expectLocated(result, 'experts.rst', decoded.text.split(/\r\n|\r|\n/).length);
        for (const problem of result.problems) expect(problem.line).toBeDefined();
      }),
      settings,
    );
  });

  it('Backstage catalog: never throws; warnings and errors have a line', () => {
    const config = sourceConfig({ type: 'backstage' });
    const input = fixture('golden/catalog.yaml');
    fc.assert(
      fc.property(edits, (list) => {
        const decoded = decodeBytes(mutate(input, list));
        if (!decoded.ok) return;
        const result = importBackstage(config, decoded.text, 'catalog.yaml');
        // YAML breaks lines at LF, CRLF and a lone CR alike.
        expectLocated(result, 'catalog.yaml', decoded.text.split(/\r\n|\r|\n/).length);
        for (const problem of result.problems)
          if (problem.severity !== 'note') expect(problem.line).toBeDefined();
      }),
      settings,
    );
  });

  it('feed source: never throws; kept records are valid and point at their own "{"', () => {
    const inputs = [fixture('golden/base.json'), fixture('feeds/with-problems.json')];
    fc.assert(
      fc.property(fc.constantFrom(0, 1), edits, (which, list) => {
        const text = new TextDecoder().decode(mutate(inputs[which]!, list));
        const result = importFeed('base', text, 'base.json');
        expectLocated(result, 'base.json', text.split('\n').length);
        const index = new LineIndex(text);
        const offsetOf = (line: number, column: number) =>
          text
            .split('\n')
            .slice(0, line - 1)
            .join('\n').length +
          (line > 1 ? 1 : 0) +
          column -
          1;
        for (const list of ['units', 'people', 'topics', 'communities'] as const) {
          for (const { record, origin } of result.records[list]) {
            const at = offsetOf(origin.line!, origin.column!);
            expect(index.locate(at)).toEqual({ line: origin.line, column: origin.column });
            expect(text[at]).toBe('{');
            // The record at that place is the one kept (its id is in the next few lines).
            expect(text.slice(at, at + 400)).toContain(JSON.stringify(record.id));
          }
        }
      }),
      settings,
    );
  });

  it('feed source: what it keeps passes the extension validator', () => {
    const input = fixture('feeds/with-problems.json');
    fc.assert(
      fc.property(edits, (list) => {
        const text = new TextDecoder().decode(mutate(input, list));
        const result = importFeed('base', text, 'base.json');
        if (result.problems.some((p) => p.severity === 'error')) return;
        const feed = {
          format: 'constellation-feed',
          version: 1,
          feedId: 'check',
          generatedAt: '2026-11-20T10:00:00Z',
          organization: { name: 'Check' },
          ...Object.fromEntries(
            FEED_LISTS.map((name) => [
              name,
              (result.records[name] as { record: unknown }[]).map((r) => r.record),
            ]),
          ),
        };
        const validation = validateFeed(feed);
        expect(validation.ok && validation.problems).toEqual([]);
      }),
      settings,
    );
  });
});

describe('CSV rows keep their lines, whatever the line ends', () => {
  const cell = fc.stringMatching(/^[a-z ,"\n]{0,8}$/);
  const row = fc.tuple(fc.stringMatching(/^[a-z]{1,4}$/), fc.array(cell, { maxLength: 3 }));
  it('reports the line each record starts on', () => {
    fc.assert(
      fc.property(
        fc.array(row, { minLength: 1, maxLength: 8 }),
        fc.constantFrom('\n', '\r\n', '\r'),
        (rows, eol) => {
          const quote = (c: string) =>
            /[,"\n]/.test(c) ? `"${c.replaceAll('"', '""').replaceAll('\n', eol)}"` : c;
          let line = 1;
          const expected: number[] = [];
          const text = rows
            .map(([first, rest]) => {
              expected.push(line);
              const record = [first, ...rest].map(quote).join(',');
              line += 1 + [first, ...rest].join('').split('\n').length - 1;
              return record;
            })
            .join(eol);
          const parsed = parseRows(text + eol, ',');
          expect(parsed.ok && parsed.rows.map((r) => r.line)).toEqual(expected);
        },
      ),
      { seed: 20261120, numRuns: 300 },
    );
  });
});

describe('templates', () => {
  it('accept only the documented filters and never throw when rendering', () => {
    const known = ['lower', 'upper', 'slug', 'unescape'];
    fc.assert(
      fc.property(
        fc.oneof(
          fc.constantFrom(...known, 'toString', 'constructor', '__proto__', 'valueOf'),
          fc.string({ maxLength: 12 }),
        ),
        fc.string({ maxLength: 20 }),
        (filter, value) => {
          const parsed = parseTemplate(`x-{name|${filter}}`);
          const name = filter.trim();
          if (!parsed.ok) {
            expect(known).not.toContain(name);
            return;
          }
          expect(known).toContain(name);
          const out = renderTemplate(parsed.template, () => value);
          if (out !== undefined) expect(out.startsWith('x-')).toBe(true);
        },
      ),
      { seed: 20261120, numRuns: 300 },
    );
  });
});

describe('locating paths in a cut-off JSON text', () => {
  it('ends on every prefix of a real feed', () => {
    const text = new TextDecoder().decode(fixture('feeds/with-problems.json'));
    const paths = ['people[1].emails[1]', 'memberships[1].person', 'communities[0].domain'];
    fc.assert(
      fc.property(fc.integer({ min: 0, max: text.length }), (cut) => {
        const prefix = text.slice(0, cut);
        // A vm timeout turns a scan that never ends into a failure instead of a hung run.
        const found = vm.runInNewContext(
          'run()',
          { run: () => locateJsonPaths(prefix, paths) },
          {
            timeout: 1000,
          },
        ) as ReturnType<typeof locateJsonPaths>;
        for (const p of paths) expect(found.get(p)!.line).toBeGreaterThanOrEqual(1);
      }),
      { seed: 20261120, numRuns: 200 },
    );
  });
});
