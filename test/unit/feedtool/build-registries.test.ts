// Whole builds through the CLI for issue 15: a config of just id, type and path imports a
// registry; a source that finds nothing fails the build (exit 1, nothing written); one
// person on several CSV rows merges quietly (--strict passes) and a lead who is also the
// liaison of a team holds one membership with both roles.
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CORPUS, FIXTURES } from './helpers';
import { runCli } from './run-cli';

const dir = mkdtempSync(path.join(tmpdir(), 'constellation-registries-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const run = (args: string[]) => runCli(args, dir);

function config(name: string, sources: string[]): string {
  const file = path.join(dir, name);
  writeFileSync(
    file,
    [
      'feedId: test',
      'organization: { name: Test }',
      'generatedAt: 2026-12-01T00:00:00Z',
      'sources:',
      ...sources.map((s) => `  - ${s}`),
      '',
    ].join('\n'),
  );
  return file;
}

describe('build with registry sources', () => {
  it('imports each registry with only id, type and path, in one feed', async () => {
    const file = config('all.yaml', [
      `{ id: peribolos, type: peribolos, path: "${FIXTURES}/registries/peribolos/config/acme" }`,
      `{ id: governance, type: governance, path: "${FIXTURES}/registries/governance" }`,
      `{ id: owners, type: codeowners, path: "${CORPUS}/kubernetes-community/OWNERS_ALIASES" }`,
      `{ id: sigs, type: k8s-sigs, path: "${CORPUS}/kubernetes-community/sigs.yaml" }`,
    ]);
    const out = path.join(dir, 'all.json');
    const result = await run(['build', '--config', file, '--out', out, '--verbose']);
    expect(result.stderr).toMatch(
      /^built all\.json: units 0, people \d+, topics \d+, communities 92, memberships \d+, expertise \d+; \d+ records merged across sources, \d+ within a source, 0 conflicts$/m,
    );
    expect(result.code).toBe(0);
    const feed = JSON.parse(readFileSync(out, 'utf8')) as { communities: unknown[] };
    // Counted from the sources: peribolos 7, governance 6, OWNERS_ALIASES 44, sigs.yaml 35.
    expect(feed.communities).toHaveLength(7 + 6 + 44 + 35);
  });

  it('fails (exit 1, nothing written) when a source finds nothing it can read', async () => {
    const file = config('wrong.yaml', [
      `{ id: tags, type: k8s-sigs, path: "${CORPUS}/kubernetes-community/OWNERS_ALIASES" }`,
    ]);
    const out = path.join(dir, 'wrong.json');
    const result = await run(['build', '--config', file, '--out', out]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(
      'error: found no groups: expected a top-level list such as `sigs`',
    );
    expect(existsSync(out)).toBe(false);
  });

  it('merges one person on several CSV rows quietly, with one membership holding every role', async () => {
    writeFileSync(
      path.join(dir, 'roles.csv'),
      [
        'Login,Name,Team,Lead,Liaison',
        'ana,Ana Ruiz,sre,x,',
        'ana,Ana Ruiz,sre,,x',
        'ana,Ana Ruiz,dba,,x',
        'ben,Ben Ode,sre,,',
        '',
      ].join('\n'),
    );
    writeFileSync(
      path.join(dir, 'teams.json'),
      JSON.stringify({
        teams: [
          { id: 'sre', name: 'SRE' },
          { id: 'dba', name: 'DBA' },
        ],
      }),
    );
    const file = config('roles.yaml', [
      '{ id: teams, type: mapping, path: teams.json, communities: [{ select: "$.teams[*]", id: "{id}", name: "{name}" }] }',
      [
        '{ id: people, type: csv, path: roles.csv,',
        'people: { id: "gh-{Login}", name: "{Name}", handles: { github.com: "{Login}" } },',
        'memberships: [',
        '{ community: "{Team}", participation: core, roles: [day-to-day], when: { nonEmpty: Lead } },',
        '{ community: "{Team}", participation: peripheral, roles: [boundary], when: { nonEmpty: Liaison } },',
        '{ community: "{Team}", participation: active, when: { empty: Lead } },',
        '] }',
      ].join(' '),
    ]);
    const out = path.join(dir, 'roles.json');
    const strict = await run(['build', '--config', file, '--out', out, '--strict']);
    expect(strict.stderr).not.toContain('warning');
    expect(strict.stderr).toContain('within a source, 0 conflicts');
    expect(strict.code).toBe(0);
    const feed = JSON.parse(readFileSync(out, 'utf8')) as {
      people: { id: string }[];
      memberships: { person: string; community: string; participation: string; roles: string[] }[];
    };
    expect(feed.people.map((p) => p.id)).toEqual(['gh-ana', 'gh-ben']);
    expect(
      feed.memberships.filter((m) => m.person === 'gh-ana' && m.community === 'sre'),
    ).toHaveLength(1);
    const verbose = await run(['build', '--config', file, '--out', out, '--verbose']);
    expect(verbose.stderr).toMatch(/roles\.csv:3: merged: people "gh-ana" \(same id\)/);
  });
});
