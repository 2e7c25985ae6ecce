// The Backstage catalog importer on a hand-written multi-document catalog
// (test/fixtures/feedtool/golden/catalog.yaml) and on broken entities.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { importBackstage } from '../../../lib/feedtool/backstage';
import { FIXTURES, sourceConfig } from './helpers';

const config = sourceConfig({ type: 'backstage' });
const catalog = readFileSync(path.join(FIXTURES, 'golden/catalog.yaml'), 'utf8');

describe('Backstage importer', () => {
  const result = importBackstage(config, catalog, 'catalog.yaml');

  it('reads every document: groups as units or communities, users as people', () => {
    expect(result.records.units.map((u) => u.record)).toEqual([
      { id: 'platform', name: 'Platform Engineering' },
    ]);
    expect(result.records.communities.map((c) => c.record)).toEqual([
      {
        id: 'sre-guild',
        name: 'SRE Guild',
        domain: 'Keeping production boring, together.',
        stage: 'active',
        standing: 'legitimized',
        openToNewcomers: true,
        channels: [{ kind: 'chat', label: '#sre', url: 'https://chat.acme.example/channels/sre' }],
        repertoire: [{ label: 'Runbook index', url: 'https://wiki.acme.example/sre/runbooks' }],
      },
    ]);
    expect(result.records.people.map((p) => [p.record, p.origin.line, p.weak])).toEqual([
      [
        {
          id: 'alice',
          name: 'Alice Chen',
          emails: ['Alice.Chen@acme.example'],
          handles: { 'github.com': 'AliceC' },
        },
        28,
        undefined,
      ],
      [
        {
          id: 'bob',
          name: 'Robert Müller',
          emails: ['bob.mueller@acme.example'],
          unit: 'platform',
        },
        40,
        undefined,
      ],
      [{ id: 'erin', name: 'erin', emails: ['erin.iyer@acme.example'] }, 50, ['name']],
    ]);
  });

  it("derives memberships from memberOf and from a group's members, once each", () => {
    expect(result.records.memberships.map((m) => m.record)).toEqual([
      { person: 'alice', community: 'sre-guild', participation: 'active' },
      { person: 'bob', community: 'sre-guild', participation: 'active' },
      { person: 'erin', community: 'sre-guild', participation: 'active' },
    ]);
  });

  it('notes entities of other kinds instead of failing', () => {
    expect(result.problems).toEqual([
      {
        severity: 'note',
        file: 'catalog.yaml',
        message: 'ignored entities of other kinds (Component: 1)',
      },
    ]);
  });

  it('skips an invalid entity with its line and keeps the rest of the file', () => {
    const text = [
      'kind: User',
      'metadata:',
      '  name: ok',
      '---',
      'kind: User',
      'metadata:',
      '  name: has space',
      '---',
      'kind: Group',
      'metadata:',
      '  name: no-type',
      'spec: {}',
    ].join('\n');
    const out = importBackstage(config, text, 'c.yaml');
    expect(out.records.people.map((p) => p.record.id)).toEqual(['ok']);
    expect(out.problems).toEqual([
      {
        severity: 'warning',
        file: 'c.yaml',
        line: 7,
        column: 9,
        message: 'User entity: metadata.name: must not contain white space; skipped',
      },
      {
        severity: 'warning',
        file: 'c.yaml',
        line: 12,
        column: 7,
        message:
          'Group entity: spec.type: Invalid input: expected string, received undefined; skipped',
      },
    ]);
  });

  it('stops on YAML syntax errors with their position', () => {
    const out = importBackstage(config, 'kind: User\nmetadata: [unclosed\n', 'c.yaml');
    expect(out.records.people).toEqual([]);
    expect(out.problems[0]).toMatchObject({ severity: 'error', file: 'c.yaml', line: 3 });
  });
});
