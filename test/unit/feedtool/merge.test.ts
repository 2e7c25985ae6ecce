// Merge rules: identity across sources (id, handle, email), precedence for single values
// with a conflict report, unions for lists, placeholders that lose silently, and
// references rewritten to the surviving person id.
import { describe, expect, it } from 'vitest';
import { mergeSources } from '../../../lib/feedtool/merge';
import { emptyRecords, type SourceRecords } from '../../../lib/feedtool/source';

function source(
  id: string,
  fill: (
    r: SourceRecords,
    at: (line: number) => { source: string; file: string; line: number },
  ) => void,
): SourceRecords {
  const records = emptyRecords();
  fill(records, (line) => ({ source: id, file: `${id}.csv`, line }));
  return records;
}

const identity = { handles: true, emails: true };

describe('mergeSources', () => {
  const hr = source('hr', (r, at) => {
    r.people.push({
      record: { id: 'p-1', name: 'Alice Chen', title: 'Analyst', emails: ['alice@acme.example'] },
      origin: at(2),
    });
    r.people.push({
      record: { id: 'p-2', name: 'Bob Stone', handles: { 'github.com': 'bstone' } },
      origin: at(3),
    });
  });
  const catalog = source('catalog', (r, at) => {
    r.people.push({
      record: {
        id: 'alice',
        name: 'Alice Chen-Wu',
        title: 'Senior Analyst',
        emails: ['ALICE@acme.example', 'a.chen@acme.example'],
        timezone: 'Europe/Berlin',
      },
      origin: at(10),
    });
    r.people.push({
      record: {
        id: 'bob',
        name: 'bstone',
        handles: { 'GitHub.com': 'BStone', 'gitlab.com': 'bob' },
      },
      origin: at(20),
      weak: ['name'],
    });
    r.memberships.push({
      record: { person: 'alice', community: 'c-sre', participation: 'active', roles: ['boundary'] },
      origin: at(30),
    });
  });
  const old = source('old', (r, at) => {
    r.memberships.push({
      record: { person: 'p-1', community: 'c-sre', participation: 'core', roles: ['day-to-day'] },
      origin: at(5),
    });
  });
  const result = mergeSources([hr, catalog, old], identity);

  it("never changes the sources' records: merging into one copies it first", () => {
    const freeze = <T>(value: T): T => {
      if (value && typeof value === 'object') {
        for (const inner of Object.values(value)) freeze(inner);
        Object.freeze(value);
      }
      return value;
    };
    const frozen = [hr, catalog, old].map((r) => freeze(structuredClone(r)));
    const before = structuredClone(frozen);
    // A frozen record written to would throw (modules run in strict mode).
    const again = mergeSources(frozen, identity);
    expect(frozen).toEqual(before);
    expect(again.records).toEqual(result.records);
    expect(again.conflicts).toEqual(result.conflicts);
    expect(result.merged.length).toBeGreaterThan(0);
  });

  it('recognises the same person by email and by handle, case-insensitively', () => {
    expect(result.records.people.map((p) => p.record)).toEqual([
      {
        id: 'p-1',
        name: 'Alice Chen',
        title: 'Analyst',
        emails: ['alice@acme.example', 'a.chen@acme.example'],
        timezone: 'Europe/Berlin',
        aliases: ['Alice Chen-Wu'],
      },
      { id: 'p-2', name: 'Bob Stone', handles: { 'github.com': 'bstone', 'gitlab.com': 'bob' } },
    ]);
    expect(
      result.merged
        .filter((m) => m.list === 'people')
        .map((m) => [m.id, m.reason, m.from.line, m.into.line]),
    ).toEqual([
      ['p-1', 'same email "ALICE@acme.example"', 10, 2],
      ['p-2', 'same GitHub.com handle "BStone"', 20, 3],
    ]);
  });

  it('keeps the higher-ranked value and reports each differing lower-ranked one', () => {
    expect(result.conflicts).toEqual([
      {
        list: 'people',
        id: 'p-1',
        field: 'name',
        kept: 'Alice Chen',
        keptFrom: { source: 'hr', file: 'hr.csv', line: 2 },
        dropped: 'Alice Chen-Wu',
        droppedFrom: { source: 'catalog', file: 'catalog.csv', line: 10 },
      },
      {
        list: 'people',
        id: 'p-1',
        field: 'title',
        kept: 'Analyst',
        keptFrom: { source: 'hr', file: 'hr.csv', line: 2 },
        dropped: 'Senior Analyst',
        droppedFrom: { source: 'catalog', file: 'catalog.csv', line: 10 },
      },
    ]);
  });

  it('rewrites references to the surviving id; one membership gets the union of roles and the strongest participation', () => {
    expect(result.records.memberships.map((m) => m.record)).toEqual([
      {
        person: 'p-1',
        community: 'c-sre',
        participation: 'core',
        roles: ['boundary', 'day-to-day'],
      },
    ]);
  });

  it('follows the given rank, not the order of discovery', () => {
    const reversed = mergeSources([catalog, hr], identity);
    expect(
      reversed.records.people.map((p) => [p.record.id, p.record.name, p.record.title]),
    ).toEqual([
      ['alice', 'Alice Chen-Wu', 'Senior Analyst'],
      // A placeholder name (the login) gives way to a real one without a conflict.
      ['bob', 'Bob Stone', undefined],
    ]);
    expect(reversed.conflicts.map((c) => [c.id, c.field, c.kept])).toEqual([
      ['alice', 'name', 'Alice Chen-Wu'],
      ['alice', 'title', 'Senior Analyst'],
    ]);
  });

  it('reports a conflicting handle on the same host', () => {
    const a = source('a', (r, at) =>
      r.people.push({
        record: { id: 'x', name: 'X', emails: ['x@acme.example'], handles: { 'github.com': 'x1' } },
        origin: at(1),
      }),
    );
    const b = source('b', (r, at) =>
      r.people.push({
        record: { id: 'y', name: 'X', emails: ['x@acme.example'], handles: { 'github.com': 'x2' } },
        origin: at(1),
      }),
    );
    const out = mergeSources([a, b], identity);
    expect(out.records.people.map((p) => p.record.handles)).toEqual([{ 'github.com': 'x1' }]);
    expect(out.conflicts.map((c) => [c.field, c.kept, c.dropped])).toEqual([
      ['handles.github.com', 'x1', 'x2'],
    ]);
  });

  it('can be told not to match people by email', () => {
    const a = source('a', (r, at) =>
      r.people.push({
        record: { id: 'x', name: 'X', emails: ['team@acme.example'] },
        origin: at(1),
      }),
    );
    const b = source('b', (r, at) =>
      r.people.push({
        record: { id: 'y', name: 'Y', emails: ['team@acme.example'] },
        origin: at(1),
      }),
    );
    expect(
      mergeSources([a, b], { handles: true, emails: false }).records.people.map((p) => p.record.id),
    ).toEqual(['x', 'y']);
  });
});
