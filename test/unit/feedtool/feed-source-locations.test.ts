// A feed used as a build source: every kept record points at its own line, and a problem
// that only cost a value (a bad email, the record kept) says so instead of "record skipped".
// Found by mutation fuzzing: one bad optional value shifted every later record's origin onto
// its neighbour's line (and the last one onto the list itself).
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildFeed } from '../../../lib/feedtool/build';
import { importFeed } from '../../../lib/feedtool/feed-source';

const text = `{
  "format": "constellation-feed",
  "version": 1,
  "feedId": "acme",
  "generatedAt": "2026-11-20T10:00:00Z",
  "organization": { "name": "Acme Corp" },
  "units": [],
  "people": [
    { "id": "p-alice", "name": "Alice", "emails": ["not an email"] },
    { "id": "p-bob", "name": "Bob" },
    { "id": "", "name": "Nobody" },
    { "id": "p-carol", "name": "Carol" }
  ],
  "topics": [],
  "communities": [],
  "memberships": [],
  "expertise": []
}`;

describe('feed source locations', () => {
  const result = importFeed('base', text, 'base.json');

  it('keeps a record whose bad value was dropped, at its own line', () => {
    expect(result.records.people.map((p) => [p.record.id, p.origin.line])).toEqual([
      ['p-alice', 9],
      ['p-bob', 10],
      ['p-carol', 12],
    ]);
  });

  it('tells a dropped value from a skipped record', () => {
    expect(result.problems.map((p) => [p.line, p.message])).toEqual([
      [9, 'people[0].emails[0]: must be an email address; value dropped, record kept'],
      [11, 'people[2].id: must not be empty; record skipped'],
    ]);
  });
});

describe('build warnings', () => {
  it('say a dropped value cost only the value, not the record', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'constellation-dropped-'));
    try {
      writeFileSync(path.join(dir, 'people.csv'), 'id,name,email\n1,Alice,not an email\n');
      writeFileSync(
        path.join(dir, 'build.yaml'),
        [
          'feedId: acme',
          'organization: { name: Acme }',
          'generatedAt: "2026-11-20T10:00:00Z"',
          'sources:',
          '  - { id: hr, type: csv, path: people.csv,',
          "      people: { id: 'p-{id}', name: '{name}', emails: '{email}' } }",
        ].join('\n'),
      );
      const result = await buildFeed('build.yaml', { cwd: dir });
      expect(result.feed?.people).toHaveLength(1);
      expect(result.problems.map((p) => [p.file, p.line, p.message])).toEqual([
        [
          'people.csv',
          2,
          'people "p-1": emails[0]: must be an email address; value dropped, record kept',
        ],
      ]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
