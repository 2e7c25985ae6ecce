// `build` end to end (in process): the golden build of hand-written inputs, the sample
// configs over the real corpus (summary properties only: feeds derived from the corpus are
// never stored in the repository), and config errors with their lines.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildFeed } from '../../../lib/feedtool/build';
import { parseConfig } from '../../../lib/feedtool/config';
import { formatBuild } from '../../../lib/feedtool/report';
import { FIXTURES, REPO_ROOT } from './helpers';

const GOLDEN = path.join(FIXTURES, 'golden');

describe('build: golden feed from hand-written sources', async () => {
  const result = await buildFeed('build.yaml', {
    cwd: GOLDEN,
    generatedAt: '2026-11-20T10:00:00Z',
  });
  // Compared as JSON values: the golden file is kept in the repository's Prettier style.
  if (process.env.UPDATE_GOLDEN) {
    writeFileSync(
      path.join(GOLDEN, 'expected.feed.json'),
      `${JSON.stringify(result.feed, null, 2)}\n`,
    );
  }

  it('matches the golden feed', () => {
    expect(result.ok).toBe(true);
    expect(result.feed).toEqual(
      JSON.parse(readFileSync(path.join(GOLDEN, 'expected.feed.json'), 'utf8')),
    );
  });

  it('reports problems, conflicts and merges with file and line', () => {
    expect(formatBuild(result, 'out.json', false)).toEqual([
      'people.csv:1: warning: unknown column "Desk" is not used by the mapping',
      'people.csv:6: warning: row skipped: person "p-e004" has no name ({Full Name} is empty)',
      'catalog.yaml:40:1: conflict: people "p-e002" name: kept "Bob \\"Bobby\\" Müller" from people.csv:3 (hr), dropped "Robert Müller"',
      'base.json:18:5: conflict: communities "sre-guild" domain: kept "Keeping production boring, together." from catalog.yaml:2:1 (catalog), dropped "Reliability practices"',
      'base.json:18:5: conflict: communities "sre-guild" stage: kept "active" from catalog.yaml:2:1 (catalog), dropped "coalescing"',
      'base.json:18:5: conflict: communities "sre-guild" standing: kept "legitimized" from catalog.yaml:2:1 (catalog), dropped "bootlegged"',
      '(1 note hidden; --verbose shows them)',
      'built out.json: units 3, people 4, topics 1, communities 1, memberships 3, expertise 1; 6 records merged across sources, 1 within a source, 4 conflicts',
    ]);
  });
});

describe('build: sample feeds from the real corpus (read in place)', async () => {
  const k8s = await buildFeed('lib/feedtool/samples/kubernetes-community.yaml', {
    cwd: REPO_ROOT,
    generatedAt: '2026-08-21T00:00:00Z',
  });
  const python = await buildFeed('lib/feedtool/samples/python-devguide.yaml', {
    cwd: REPO_ROOT,
    generatedAt: '2026-08-22T00:00:00Z',
  });

  it('builds the Kubernetes community feed with every record accepted', () => {
    expect(k8s.ok).toBe(true);
    expect(k8s.counts).toEqual({
      units: { total: 0, valid: 0, invalid: 0, dependent: 0, dropped: 0 },
      people: { total: 237, valid: 237, invalid: 0, dependent: 0, dropped: 0 },
      topics: { total: 35, valid: 35, invalid: 0, dependent: 0, dropped: 0 },
      communities: { total: 35, valid: 35, invalid: 0, dependent: 0, dropped: 0 },
      memberships: { total: 330, valid: 330, invalid: 0, dependent: 0, dropped: 0 },
      expertise: { total: 54, valid: 54, invalid: 0, dependent: 0, dropped: 0 },
    });
    expect(k8s.feed?.organization.name).toBe(
      'Kubernetes community (data from kubernetes/community sigs.yaml, Apache-2.0)',
    );
    const steering = k8s.feed!.memberships.filter((m) => m.community === 'committee-steering');
    expect(steering.map((m) => m.person).sort()).toEqual([
      'gh-aojea',
      'gh-bentheelder',
      'gh-katcosgrove',
      'gh-pacoxu',
      'gh-ritazh',
      'gh-saschagrunert',
      'gh-soltysh',
    ]);
    expect(k8s.feed!.people.find((p) => p.id === 'gh-pacoxu')?.name).toBe('Paco Xu 徐俊杰');
  });

  it('builds the CPython feed: team log, experts index and base feed merged', () => {
    expect(python.ok).toBe(true);
    expect(python.problems).toEqual([]);
    expect(python.conflicts).toEqual([]);
    // 209 people in the team log + 22 handles only in the experts index (4 GitHub, 18 bpo).
    expect(python.feed!.people).toHaveLength(231);
    expect(python.feed!.topics).toHaveLength(171);
    expect(python.feed!.memberships).toHaveLength(125);
    expect(python.feed!.expertise).toHaveLength(369);
    // 91 experts-index logins are people of the team log, matched by GitHub handle.
    expect(
      python.merged.filter((m) => m.from.source === 'experts' && m.list === 'people'),
    ).toHaveLength(91);
    const serhiy = python.feed!.people.find((p) => p.id === 'gh-serhiy-storchaka');
    expect(serhiy).toMatchObject({
      name: 'Serhiy Storchaka',
      handles: { 'github.com': 'serhiy-storchaka' },
    });
    // "serhiy-storchaka*" appears 21 times (grep); two of them are Argument Clinic, one topic.
    expect(
      python.feed!.expertise.filter((e) => e.person === 'gh-serhiy-storchaka' && e.level === 5),
    ).toHaveLength(20);
    // "eclips4" in the experts index is "Eclips4" in the team log: one person.
    expect(
      python.feed!.expertise.find((e) => e.topic === 'py-ast' && e.person === 'gh-eclips4')?.level,
    ).toBe(4);
    expect(python.feed!.memberships.find((m) => m.person === 'gh-gvanrossum')).toEqual({
      person: 'gh-gvanrossum',
      community: 'cpython-core-dev',
      participation: 'core',
      roles: [],
      since: '1989-12-25',
    });
    expect(python.feed!.communities.map((c) => [c.id, c.stage, c.standing])).toEqual([
      ['cpython-core-dev', 'active', 'strategic'],
    ]);
  });
});

describe('build: config and source errors', () => {
  it('points at the line of an unknown key or a bad value in the config', () => {
    const result = parseConfig(
      'feedId: x\norganization: {name: X}\nsources:\n  - id: a\n    type: csv\n    path: p.csv\n    encodng: latin1\n',
      'c.yaml',
    );
    expect(result).toEqual({
      ok: false,
      problems: [
        {
          severity: 'error',
          file: 'c.yaml',
          line: 4,
          column: 5,
          message: 'sources[0]: Unrecognized key: "encodng"',
        },
      ],
    });
  });

  it('refuses a precedence entry that is not a source', () => {
    const result = parseConfig(
      'feedId: x\norganization: {name: X}\nprecedence: [b]\nsources: [{id: a, type: feed, path: f.json}]\n',
      'c.yaml',
    );
    expect(result.ok || result.problems).toEqual([
      {
        severity: 'error',
        file: 'c.yaml',
        line: 3,
        column: 14,
        message: 'precedence names "b", which is not a source id',
      },
    ]);
  });

  it('fails without output when a source file is missing', async () => {
    const result = await buildFeed('build.yaml', { cwd: path.join(FIXTURES, 'broken') });
    expect(result.ok).toBe(false);
    expect(result.feed).toBeUndefined();
    expect(result.problems).toEqual([
      { severity: 'error', file: 'missing.csv', message: 'cannot read: no such file' },
    ]);
  });
});
