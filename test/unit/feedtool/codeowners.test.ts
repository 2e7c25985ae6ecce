// The codeowners importer on the real OWNERS_ALIASES of kubernetes/community (read in place)
// and on a repository folder with a CODEOWNERS file (GitHub and GitLab syntax) and an
// OWNERS tree using aliases; a wrong file is refused.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { areaOf, parseCodeowners } from '../../../lib/feedtool/importers/codeowners-parse';
import { importCodeowners } from '../../../lib/feedtool/importers/codeowners';
import { CORPUS, FIXTURES, REPO_ROOT, sourceConfig } from './helpers';

const display = (p: string) => path.relative(REPO_ROOT, p);
const config = sourceConfig({ type: 'codeowners' });

describe('codeowners importer', () => {
  it('imports the real OWNERS_ALIASES whole: one community per alias, every login', async () => {
    const file = path.join(CORPUS, 'kubernetes-community/OWNERS_ALIASES');
    // Expected values come from the yaml library directly, not from the importer.
    const aliases = (
      parse(readFileSync(file, 'utf8')) as { aliases: Record<string, string[] | null> }
    ).aliases;
    const logins = new Set(
      Object.values(aliases).flatMap((l) => (l ?? []).map((x) => x.toLowerCase())),
    );
    const pairs = new Set(
      Object.entries(aliases).flatMap(([name, l]) =>
        (l ?? []).map((x) => `${x.toLowerCase()} ${name}`),
      ),
    );
    const result = await importCodeowners(config, file, display);
    expect(result.problems).toEqual([]);
    expect(result.records.communities.map((c) => c.record.name)).toEqual(Object.keys(aliases));
    expect(result.records.communities).toHaveLength(44);
    expect(new Set(result.records.people.map((p) => p.record.id))).toEqual(
      new Set([...logins].map((l) => `gh-${l}`)),
    );
    expect(result.records.memberships).toHaveLength(pairs.size);
    expect(result.records.memberships.every((m) => m.record.participation === 'core')).toBe(true);
  });

  it('imports a repository: CODEOWNERS areas and the OWNERS tree with aliases', async () => {
    const result = await importCodeowners(
      config,
      path.join(FIXTURES, 'registries/codeowners'),
      display,
    );
    expect(result.problems.map((p) => [p.severity, p.line, p.message])).toEqual([
      [
        'note',
        6,
        'team @acme/api-reviewers owns "/pkg/api/": teams are not people; a peribolos source can give its members',
      ],
      [
        'warning',
        9,
        'owner "@not/a/valid/owner" is neither @user, @org/team nor an email address; left out',
      ],
    ]);
    const communities = new Map(result.records.communities.map((c) => [c.record.id, c.record]));
    expect([...communities.keys()].sort()).toEqual([
      'alias-docs-approvers',
      'alias-docs-reviewers',
      // "empty-alias: []" names nobody: empty is absent.
      'alias-project-leads',
      'owners-build',
      'owners-docs',
      'owners-pkg',
      'owners-pkg-api',
      'owners-root',
      'owners-scripts',
      'owners-web',
    ]);
    expect(communities.get('owners-docs')).toMatchObject({
      name: 'Owners of /docs',
      topics: ['t-docs'],
      related: ['alias-docs-approvers', 'alias-docs-reviewers'],
    });
    expect(communities.get('owners-root')?.related).toEqual(['alias-project-leads']);
    const seat = (person: string, community: string) =>
      result.records.memberships.find(
        (m) => m.record.person === person && m.record.community === community,
      )?.record;
    // Approver through an alias (OWNERS) and CODEOWNERS owner of /docs: core.
    expect(seat('gh-vera-docs', 'owners-docs')).toMatchObject({
      participation: 'core',
      roles: ['day-to-day'],
    });
    // Reviewer in docs/OWNERS (as "Will-Writer" and through an alias) and CODEOWNERS owner: core wins.
    expect(seat('gh-will-writer', 'owners-docs')?.participation).toBe('core');
    expect(seat('gh-ana-reviewer', 'owners-docs')).toMatchObject({
      participation: 'active',
      roles: [],
    });
    expect(seat('gh-old-timer', 'owners-root')?.participation).toBe('peripheral');
    expect(seat('gh-tess-tester', 'owners-pkg-api')?.participation).toBe('active');
    // GitLab section default owner for a rule without owners.
    expect(seat('gh-zoe-ui', 'owners-web')?.participation).toBe('core');
    // An escaped space in a path.
    expect(communities.get('owners-scripts')?.domain).toContain('/scripts/release notes/');
    // An email owner is a person with that email.
    const email = result.records.people.find((p) =>
      p.record.emails?.includes('docs-lead@example.org'),
    );
    expect(email?.record.id).toBe('gh-docs-lead-example.org');
  });

  it('parses CODEOWNERS lines and areas', () => {
    expect(parseCodeowners('# c\n\n/a\\ b/ @x # trailing\n[S] @d\n/e/\n')).toEqual([
      { pattern: '/a b/', owners: ['@x'], line: 3 },
      { pattern: '/e/', owners: ['@d'], line: 5, section: 'S' },
    ]);
    expect(areaOf('/docs/api/*.md', 1)).toBe('docs');
    expect(areaOf('/docs/api/*.md', 2)).toBe('docs/api');
    expect(areaOf('*.js', 1)).toBe('');
    expect(areaOf('/README.md', 1)).toBe('');
    expect(areaOf('pkg/storage/**', 3)).toBe('pkg/storage');
  });

  it('refuses a file with no code owners, saying what it expected and found', async () => {
    const result = await importCodeowners(
      config,
      path.join(FIXTURES, 'registries/governance/sigs.yaml'),
      display,
    );
    expect(result.records.communities).toEqual([]);
    expect(result.problems.filter((p) => p.severity === 'error')).toHaveLength(1);
    expect(result.problems.find((p) => p.severity === 'error')!.message).toMatch(
      /^found no code owners: expected CODEOWNERS rules/,
    );
  });
});
