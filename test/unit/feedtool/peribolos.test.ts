// The peribolos importer on a kubernetes/org-style folder tree (org.yaml plus per-SIG
// teams.yaml) and on a single peribolos config with several orgs; a wrong file is refused.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { importPeribolos } from '../../../lib/feedtool/importers/peribolos';
import { CORPUS, FIXTURES, REPO_ROOT, sourceConfig } from './helpers';

const display = (p: string) => path.relative(REPO_ROOT, p);
const tree = path.join(FIXTURES, 'registries/peribolos/config/acme');
const config = sourceConfig({ type: 'peribolos' });

describe('peribolos importer', () => {
  it('reads a folder tree whole: every team (nested too), maintainer and member', async () => {
    const result = await importPeribolos(config, tree, display);
    expect(result.problems.filter((p) => p.severity !== 'note')).toEqual([]);
    const communities = new Map(result.records.communities.map((c) => [c.record.id, c.record]));
    expect([...communities.keys()].sort()).toEqual([
      'acme-docs-fr-owners',
      'acme-docs-ja-reviews',
      'acme-docs-maintainers',
      'acme-platform-empty',
      'acme-platform-leads',
      'acme-release-managers',
      'acme-security-response',
    ]);
    expect(communities.get('acme-security-response')?.visibility).toBe('members');
    expect(communities.get('acme-release-managers')).toMatchObject({
      name: 'release-managers',
      domain: 'Cut and publish releases',
      visibility: 'public',
      repertoire: [{ label: 'acme/release-tools', url: 'https://github.com/acme/release-tools' }],
      channels: [
        {
          kind: 'other',
          label: '@acme/release-managers',
          url: 'https://github.com/orgs/acme/teams/release-managers',
        },
      ],
    });
    // A blank description is absent, not a reason to drop the team.
    expect(communities.get('acme-docs-ja-reviews')?.domain).toBe('');
    // Nested teams are related both ways.
    expect(communities.get('acme-docs-maintainers')?.related).toEqual([
      'acme-docs-fr-owners',
      'acme-docs-ja-reviews',
    ]);
    expect(communities.get('acme-docs-fr-owners')?.related).toEqual(['acme-docs-maintainers']);

    const people = result.records.people.map((p) => p.record.id).sort();
    expect(people).toEqual(
      ['acme-bot', 'grace-admin', 'hank', 'ivy', 'jules', 'kim', 'lou'].map((l) => `gh-${l}`),
    );
    const grace = result.records.people.find((p) => p.record.id === 'gh-grace-admin')!;
    expect(grace.record).toMatchObject({
      name: 'Grace-Admin',
      handles: { 'github.com': 'Grace-Admin' },
    });
    expect(grace.weak).toEqual(['name']);

    const seat = (person: string, team: string) =>
      result.records.memberships.find(
        (m) => m.record.person === person && m.record.community === team,
      )?.record;
    expect(seat('gh-grace-admin', 'acme-release-managers')).toMatchObject({
      participation: 'core',
      roles: ['day-to-day'],
    });
    expect(seat('gh-hank', 'acme-release-managers')).toMatchObject({
      participation: 'active',
      roles: [],
    });
    // "Hank" and "hank" are one GitHub login.
    expect(seat('gh-hank', 'acme-docs-fr-owners')?.participation).toBe('active');
    // Maintainer and member of one team: one membership, the stronger seat.
    expect(seat('gh-ivy', 'acme-platform-leads')).toMatchObject({
      participation: 'core',
      roles: ['day-to-day'],
    });
    // Counted by hand: 2 + 2 + 3 + 2 + 1 + 2 (ivy twice in platform-leads is one) + 0.
    expect(result.records.memberships).toHaveLength(12);
  });

  it('reads a single config with several orgs under `orgs:`', async () => {
    const result = await importPeribolos(
      config,
      path.join(FIXTURES, 'registries/peribolos-single/org.yaml'),
      display,
    );
    expect(result.problems).toEqual([]);
    expect(result.records.communities.map((c) => [c.record.id, c.record.visibility])).toEqual([
      ['widgets-io-core', 'public'],
      ['widgets-labs-experiments', 'members'],
    ]);
    expect(result.records.people.map((p) => p.record.id).sort()).toEqual([
      'gh-wanda',
      'gh-xavier',
      'gh-yara',
      'gh-zed',
    ]);
  });

  it('refuses a file that is not an org config, saying what it expected and found', async () => {
    const result = await importPeribolos(
      config,
      path.join(CORPUS, 'kubernetes-community/OWNERS_ALIASES'),
      display,
    );
    expect(result.records.communities).toEqual([]);
    expect(result.problems).toHaveLength(1);
    expect(result.problems[0]).toMatchObject({ severity: 'error' });
    expect(result.problems[0]!.message).toMatch(
      /found no GitHub org config: expected `orgs:`.*found .*`aliases`/,
    );
  });
});
