// `type: git` in a build, with a declared feed beside it: people are joined to the declared
// ones, the discovered community that is the declared one enriches it (no duplicate), the
// others arrive marked as discovered, standing "unrecognized", with evidence; the feed is
// valid. And the `discover` command end to end as a child process.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildFeed } from '../../../../lib/feedtool/build';
import {
  syntheticHistory,
  type SyntheticHistory,
} from '../../../../lib/feedtool/discover/synthetic';
import { validateFeedText } from '../../../../lib/model/validate';
import { runCli } from '../run-cli';

const dir = mkdtempSync(path.join(tmpdir(), 'discover-build-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let history: SyntheticHistory;

beforeAll(() => {
  history = syntheticHistory({
    communities: 4,
    membersPerCommunity: 6,
    areasPerCommunity: 2,
    commits: 1200,
    driveBys: 30,
    noise: 0.1,
    bots: 0.03,
    renamed: 0.2,
    bridges: 0,
    seed: 3,
    now: Date.parse('2026-05-01T00:00:00Z'),
    years: 4,
  });
  writeFileSync(path.join(dir, 'history.txt'), [...history.lines()].join('\n') + '\n');
  // The organisation already knows community 0 as "Widget guild": same people, its own ids.
  const members = history.planted[0]!.members;
  const declared = {
    format: 'constellation-feed',
    version: 1,
    feedId: 'declared',
    generatedAt: '2026-01-01T00:00:00Z',
    organization: { name: 'Corp' },
    units: [],
    people: members.map((email, i) => ({
      id: `p-${i}`,
      name: `Declared Name ${i}`,
      emails: [email.toUpperCase()],
    })),
    topics: [{ id: 't-widgets', label: 'Widgets' }],
    communities: [
      {
        id: 'widget-guild',
        name: 'Widget guild',
        domain: 'Everything about widget0 handling',
        topics: ['t-widgets'],
        stage: 'active',
        standing: 'legitimized',
        openToNewcomers: true,
      },
    ],
    memberships: members.map((_, i) => ({
      person: `p-${i}`,
      community: 'widget-guild',
      participation: i === 0 ? 'peripheral' : 'active',
    })),
    expertise: [],
  };
  writeFileSync(path.join(dir, 'declared.json'), JSON.stringify(declared));
  writeFileSync(
    path.join(dir, 'build.yaml'),
    [
      'feedId: with-discovery',
      'organization: { name: Corp }',
      'precedence: [declared, history]',
      'sources:',
      '  - { id: history, type: git, path: history.txt, repository: "https://git.corp.example/widgets" }',
      '  - { id: declared, type: feed, path: declared.json }',
    ].join('\n'),
  );
});

describe('build with a git source', () => {
  it('enriches the declared community and adds the others as discovered, with evidence', async () => {
    const result = await buildFeed(path.join(dir, 'build.yaml'), {
      cwd: dir,
      generatedAt: '2026-05-02T00:00:00Z',
    });
    expect(result.problems.filter((p) => p.severity !== 'note')).toEqual([]);
    expect(result.ok).toBe(true);
    const feed = result.feed!;
    expect(validateFeedText(JSON.stringify(feed)).ok).toBe(true);

    // One Widget guild, enriched with evidence, its charter untouched.
    const guild = feed.communities.filter((c) => c.id === 'widget-guild');
    expect(guild).toHaveLength(1);
    expect(guild[0]).toMatchObject({
      name: 'Widget guild',
      standing: 'legitimized',
      stage: 'active',
    });
    expect(guild[0]!.discovered).toBeUndefined();
    expect(guild[0]!.evidence?.summary).toMatch(/^\d+ commits by \d+ people on domain-0\/part-\d/);

    // The three other planted communities arrive as discovered, unrecognized.
    const discovered = feed.communities.filter((c) => c.discovered);
    expect(discovered).toHaveLength(3);
    for (const c of discovered) {
      expect(c.standing).toBe('unrecognized');
      expect(c.evidence?.paths.length).toBeGreaterThan(0);
      expect(c.repertoire).toEqual([
        { label: 'https://git.corp.example/widgets', url: 'https://git.corp.example/widgets' },
      ]);
    }
    expect(discovered.some((c) => c.evidence!.paths.some((p) => p.startsWith('domain-0/')))).toBe(
      false,
    );

    // People joined by address: the declared ids and names stand, no second record.
    const emails = feed.people.flatMap((p) => p.emails.map((e) => e.toLowerCase()));
    expect(new Set(emails).size).toBe(emails.length);
    expect(feed.people.find((p) => p.id === 'p-0')!.name).toBe('Declared Name 0');

    // Memberships in the guild carry evidence; the declared participation stands.
    const p0 = feed.memberships.find((m) => m.person === 'p-0' && m.community === 'widget-guild')!;
    expect(p0.participation).toBe('peripheral');
    expect(p0.evidence?.summary).toMatch(/^\d+ commits with .+ on domain-0\/part-\d/);
    expect(p0.evidence?.with).toHaveLength(1);
    expect(result.conflicts.filter((c) => c.list === 'memberships')).toEqual([]);

    const note = result.problems.find((p) => p.severity === 'note')!;
    expect(note.message).toMatch(
      /4 communities discovered; 1 enrich declared ones \(Widget guild\); 3 match no declared community/,
    );
  });

  it('reports a missing history as a build error naming the file', async () => {
    writeFileSync(
      path.join(dir, 'broken.yaml'),
      'feedId: x\norganization: { name: Corp }\nsources:\n  - { id: history, type: git, path: nowhere.txt, since: "someday" }\n',
    );
    const result = await buildFeed(path.join(dir, 'broken.yaml'), { cwd: dir });
    expect(result.ok).toBe(false);
    expect(result.problems.map((p) => `${p.file}: ${p.message}`)).toEqual([
      'nowhere.txt: since: "someday" is not a date (2024-01-01) or a span such as "2 years" or "18 months"',
    ]);
  });
});

const run = (args: string[]) => runCli(args, dir);

describe('constellation-feed discover', () => {
  it('is listed in the help and has its own', async () => {
    const help = await run(['--help']);
    expect(help.stdout).toMatch(
      /^ {2}discover +find the communities of practice in a git repository/m,
    );
    const own = await run(['discover', '--help']);
    expect(own.code).toBe(0);
    expect(own.stdout.split('\n')[0]).toBe(
      'constellation-feed discover — find the communities of practice in a git repository or a saved git log',
    );
  });

  it('prints the report, names the declared match and the candidates, writes a valid feed', async () => {
    const { code, stdout, stderr } = await run([
      'discover',
      'history.txt',
      '--declared',
      'declared.json',
      '--out',
      'found.json',
    ]);
    expect(stderr).toBe('wrote found.json\n');
    expect(code).toBe(0);
    expect(stdout).toMatch(
      /^history\.txt \(saved git log\): 1,\d{3} commits from \d{4}-\d\d-\d\d to 2026-\d\d-\d\d, \d+ people$/m,
    );
    expect(stdout).toMatch(/Left out as bots: dependabot\[bot\]/);
    expect(stdout).toMatch(/Declared: this is "Widget guild" \(member overlap \d+%/);
    expect(stdout).toMatch(/Candidates — discovered communities no declared one matches \(3\):/);
    const written = validateFeedText(readFileSync(path.join(dir, 'found.json'), 'utf8'));
    expect(written.ok).toBe(true);
    expect(written.ok && written.problems).toEqual([]);
    expect(written.ok && written.feed.communities.map((c) => c.discovered)).toEqual([
      true,
      true,
      true,
    ]);
  });

  it('fails with one line for bad input and exit 2 for a bad option', async () => {
    const missing = await run(['discover', 'nope.txt']);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toBe(
      'nope.txt: error: cannot read: no such file or folder\nconstellation-feed discover: nothing discovered in nope.txt\n',
    );
    const bad = await run(['discover', 'history.txt', '--min-commits', 'many']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/--min-commits "many" must be a whole number/);
  });
});
