// The mapping importer: the three worked examples of docs/feed-tooling.md — a folder of TOML
// files (one per team and per person), a JSON maintainers list, and the real sigs.yaml of
// kubernetes/community (read in place) mapped without the k8s-sigs importer — plus selector
// parsing, checked-up-front mistakes and the refusal of a mapping that matches nothing.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parse } from 'yaml';
import { afterAll, describe, expect, it } from 'vitest';
import { importMapping } from '../../../lib/feedtool/importers/mapping';
import { parseSelector } from '../../../lib/feedtool/importers/mapping-select';
import { CORPUS, FIXTURES, REPO_ROOT, sourceConfig } from './helpers';

const display = (p: string) => path.relative(REPO_ROOT, p);
const seatOf = (
  result: Awaited<ReturnType<typeof importMapping>>,
  person: string,
  community: string,
) =>
  result.records.memberships.find(
    (m) => m.record.person === person && m.record.community === community,
  )?.record;

/** Example 1 of the docs: a folder of TOML files. */
export const tomlMapping = {
  type: 'mapping',
  communities: [
    {
      select: '$',
      files: 'teams/*.toml',
      id: 'team-{slug}',
      name: '{name}',
      domain: '{mission}',
      stage: '{stage}',
      channels: [{ kind: 'chat', label: '{name} chat', url: '{chat}' }],
      members: [
        {
          select: 'lead',
          person: { id: 'gh-{login|lower}', handles: { 'github.com': '{login}' } },
          participation: 'core',
          roles: ['day-to-day'],
        },
        {
          select: 'contacts[*]',
          person: { id: 'gh-{login|lower}', handles: { 'github.com': '{login}' } },
          participation: 'active',
          roles: ['boundary'],
          since: '{since}',
        },
      ],
    },
  ],
  people: [
    {
      select: '$.name',
      files: 'people/*.toml',
      id: 'gh-{$file|lower}',
      name: '{$value}',
      emails: '{$.email}',
      title: '{$.title}',
      handles: { 'github.com': '{$file}' },
      memberships: [{ select: '$.teams[*]', community: 'team-{$value}', participation: 'active' }],
    },
  ],
} as const;

describe('mapping importer', () => {
  it('example 1: a folder of TOML files, one per team and per person', async () => {
    const result = await importMapping(
      sourceConfig(tomlMapping as unknown as { type: 'mapping' }),
      path.join(FIXTURES, 'registries/mapping-toml'),
      display,
    );
    expect(result.problems).toEqual([]);
    expect(
      result.records.communities.map((c) => [c.record.id, c.record.stage, c.record.domain]),
    ).toEqual([
      ['team-data', 'coalescing', ''],
      ['team-platform', 'active', 'Paved roads for every service team.'],
    ]);
    const people = new Map(result.records.people.map((p) => [p.record.id, p]));
    expect([...people.keys()].sort()).toEqual([
      'gh-alice-p',
      'gh-bob-p',
      'gh-carol-d',
      'gh-dave-x',
    ]);
    // Team files name the lead by login only; the person file gives the real name.
    expect(people.get('gh-alice-p')?.record).toEqual({
      id: 'gh-alice-p',
      name: 'Alice Platt',
      title: 'Staff Engineer',
      emails: ['alice.platt@example.org'],
      handles: { 'github.com': 'alice-p' },
    });
    expect(people.get('gh-alice-p')?.weak ?? []).toEqual([]);
    // email = "" is absent, not an invalid address.
    expect(people.get('gh-bob-p')?.record.emails).toBeUndefined();
    // Lead (core, team file) and listed in the person file (active): one membership.
    expect(seatOf(result, 'gh-alice-p', 'team-platform')).toEqual({
      person: 'gh-alice-p',
      community: 'team-platform',
      participation: 'core',
      roles: ['day-to-day'],
    });
    expect(seatOf(result, 'gh-bob-p', 'team-platform')).toEqual({
      person: 'gh-bob-p',
      community: 'team-platform',
      participation: 'active',
      roles: ['boundary'],
      since: '2024-03-01',
    });
    expect(seatOf(result, 'gh-dave-x', 'team-data')?.participation).toBe('active');
    expect(result.records.memberships).toHaveLength(5);
  });

  it('example 2: a JSON maintainers list', async () => {
    const config = sourceConfig({
      type: 'mapping',
      communities: [
        {
          select: '$.projects[*]',
          id: 'proj-{id}',
          name: '{title}',
          domain: '{summary}',
          topic: { id: 't-{id}', label: '{title}' },
          repertoire: [{ label: '{title} repository', url: '{repo}' }],
          members: [
            {
              select: 'maintainers[*]',
              person: {
                id: 'gh-{github|lower}',
                name: '{name}',
                emails: '{email}',
                company: '{company}',
                handles: { 'github.com': '{github}' },
              },
              participation: 'core',
            },
          ],
        },
      ],
    });
    const result = await importMapping(
      config,
      path.join(FIXTURES, 'registries/mapping-json/maintainers.json'),
      display,
    );
    expect(result.problems).toEqual([]);
    expect(result.records.communities.map((c) => c.record.id)).toEqual([
      'proj-storagekit',
      'proj-meshctl',
    ]);
    expect(result.records.communities[1]!.record.domain).toBe('');
    expect(result.records.topics.map((t) => t.record.id)).toEqual(['t-storagekit', 't-meshctl']);
    // "evestone" and "EveStone" are one person; null and "" values are absent.
    expect(result.records.people.map((p) => p.record)).toEqual([
      {
        id: 'gh-evestone',
        name: 'Eve Stone',
        company: 'Example Corp',
        emails: ['eve@example.org'],
        handles: { 'github.com': 'evestone' },
      },
      { id: 'gh-finnr', name: 'Finn Rook', handles: { 'github.com': 'finnr' } },
      { id: 'gh-gustan', name: 'Gus Tan', handles: { 'github.com': 'gustan' } },
    ]);
    expect(result.records.people[0]!.origin.line).toBe(10);
    expect(result.records.memberships).toHaveLength(4);
  });

  it('example 3: the real sigs.yaml, mapped declaratively', async () => {
    const file = path.join(CORPUS, 'kubernetes-community/sigs.yaml');
    const registry = parse(readFileSync(file, 'utf8')) as Record<
      string,
      { leadership?: { chairs?: { github: string }[] } }[]
    >;
    const chairs = new Set(
      registry.sigs!.flatMap((s) =>
        (s.leadership?.chairs ?? []).map((c) => c.github.toLowerCase()),
      ),
    );
    const config = sourceConfig({
      type: 'mapping',
      communities: [
        {
          select: '$.sigs[*]',
          id: '{dir}',
          name: 'SIG {name}',
          domain: '{mission_statement}',
          channels: [
            {
              kind: 'chat',
              label: '#{contact.slack}',
              url: 'https://kubernetes.slack.com/messages/{contact.slack}',
            },
          ],
          members: [
            {
              select: 'leadership.chairs[*]',
              person: {
                id: 'gh-{github|lower}',
                name: '{name}',
                company: '{company}',
                handles: { 'github.com': '{github}' },
              },
              participation: 'core',
              roles: ['day-to-day', 'institutional'],
            },
          ],
        },
      ],
    });
    const result = await importMapping(config, file, display);
    expect(result.problems).toEqual([]);
    expect(result.records.communities).toHaveLength(registry.sigs!.length);
    expect(result.records.communities).toHaveLength(24);
    expect(new Set(result.records.people.map((p) => p.record.id))).toEqual(
      new Set([...chairs].map((c) => `gh-${c}`)),
    );
    expect(
      result.records.communities.find((c) => c.record.id === 'sig-api-machinery')?.record.channels,
    ).toEqual([
      {
        kind: 'chat',
        label: '#sig-api-machinery',
        url: 'https://kubernetes.slack.com/messages/sig-api-machinery',
      },
    ]);
  });

  it('parses selectors and reports bad ones and bad templates before reading any file', async () => {
    expect(parseSelector("$.a['b c'][2].*..d")).toEqual({
      ok: true,
      selector: {
        source: "$.a['b c'][2].*..d",
        fromRoot: true,
        steps: [
          { kind: 'key', key: 'a' },
          { kind: 'key', key: 'b c' },
          { kind: 'index', index: 2 },
          { kind: 'all' },
          { kind: 'descend', key: 'd' },
        ],
      },
    });
    expect(parseSelector('maintainers[*]')).toMatchObject({
      ok: true,
      selector: { fromRoot: false },
    });
    expect(parseSelector('$.a[').ok).toBe(false);
    const result = await importMapping(
      sourceConfig({
        type: 'mapping',
        communities: [{ select: '$.x[', id: '{a', name: '{b|shout}' }],
      }),
      '/nonexistent',
      display,
    );
    expect(result.problems.map((p) => p.message)).toEqual([
      `communities[0].select: selector "$.x[": expected [*], [<number>] or ['key'] at "["`,
      'communities[0].id: unclosed "{" in template "{a"',
      'communities[0].name: unknown filter "shout" in template "{b|shout}" (known: lower, upper, slug, unescape)',
    ]);
  });

  it('refuses a mapping that matches nothing, saying what it expected and found', async () => {
    const result = await importMapping(
      sourceConfig({
        type: 'mapping',
        communities: [{ select: '$.teams[*]', id: '{id}', name: '{name}' }],
      }),
      path.join(FIXTURES, 'registries/mapping-json/maintainers.json'),
      display,
    );
    expect(result.records.communities).toEqual([]);
    expect(result.problems).toHaveLength(1);
    expect(result.problems[0]!.message).toBe(
      'the mapping matched nothing in 1 document: expected communities[0] "$.teams[*]" to select records; found test/fixtures/feedtool/registries/mapping-json/maintainers.json: `generated`, `projects`',
    );
  });

  describe('a JSON registry', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'constellation-mapping-json-'));
    afterAll(() => rmSync(dir, { recursive: true, force: true }));
    const config = sourceConfig({
      type: 'mapping',
      communities: [
        {
          select: '$.projects[*]',
          id: 'proj-{id}',
          name: '{title}',
          members: [
            {
              select: 'maintainers[*]',
              person: { id: 'gh-{github|lower}', name: '{name}' },
              participation: '{role}',
            },
          ],
        },
      ],
    });
    const write = (name: string, text: string) => {
      writeFileSync(path.join(dir, name), text);
      return path.join(dir, name);
    };

    it('of 150 projects with 1,000 maintainers each: every membership, each record at its line', async () => {
      // More memberships than a spread call can pass (about 125,000), one value per line.
      const projects = Array.from({ length: 150 }, (_, p) => ({
        id: `p${p}`,
        title: `Project ${p}`,
        maintainers: Array.from({ length: 1_000 }, (_, m) => ({
          name: `Person ${(p * 1_000 + m) % 40_000}`,
          github: `User${(p * 1_000 + m) % 40_000}`,
          role: m === 0 ? 'core' : 'active',
        })),
      }));
      const file = write('big.json', JSON.stringify({ projects }, null, 1));
      const result = await importMapping(config, file, display);
      expect(result.problems).toEqual([]);
      expect(result.records.communities).toHaveLength(150);
      expect(result.records.people).toHaveLength(40_000);
      expect(result.records.memberships).toHaveLength(150_000);
      // {"projects": [ {"id", "title", "maintainers": [ {name, github, role}, … ] }, … ] }:
      // project p opens on line 3 + p × 5,006; its maintainer m on 7 + p × 5,006 + m × 5.
      expect(result.records.communities[2]!.origin).toMatchObject({
        line: 3 + 2 * 5_006,
        column: 3,
      });
      const seat = result.records.memberships.find(
        (m) => m.record.person === 'gh-user2005' && m.record.community === 'proj-p2',
      )!;
      expect(seat.record.participation).toBe('active');
      expect(seat.origin).toMatchObject({ line: 7 + 2 * 5_006 + 5 * 5, column: 5 });
      expect(readFileSync(file, 'utf8').split('\n')[seat.origin.line! - 1]).toBe('    {');
    });

    it('that repeats a key, or that is not JSON, is refused at its line', async () => {
      const repeated = await importMapping(
        config,
        write('repeated.json', '{"projects": [\n  {"id": "a", "title": "A",\n   "id": "b"}\n]}'),
        display,
      );
      expect(repeated.records.communities).toEqual([]);
      expect(repeated.problems).toMatchObject([{ severity: 'error', line: 3 }]);
      expect(repeated.problems[0]!.message).toMatch(/^YAML: Map keys must be unique/);
      const broken = await importMapping(
        config,
        write('broken.json', '{"projects": [\n  {"id": "a", "title": "A"},\n  ,\n]}'),
        display,
      );
      expect(broken.records.communities).toEqual([]);
      expect(broken.problems[0]).toMatchObject({ severity: 'error', line: 3 });
    });
  });
});
