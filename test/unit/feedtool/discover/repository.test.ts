// Discovery from a real repository through the real git program: a temporary repository with
// two groups of people, a .mailmap that git applies, a renamed folder whose earlier work must
// count toward its new name, --since, and the refusals for a folder that is not a repository.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { discover } from '../../../../lib/feedtool/discover/discover';

const root = mkdtempSync(path.join(tmpdir(), 'discover-repo-'));
const repo = path.join(root, 'repo');
afterAll(() => rmSync(root, { recursive: true, force: true }));

function git(args: string[], env: Record<string, string> = {}) {
  return execFileSync('git', args, {
    cwd: repo,
    env: { ...process.env, GIT_CONFIG_NOSYSTEM: '1', HOME: root, ...env },
    encoding: 'utf8',
  });
}

function commit(author: string, email: string, date: string, files: string[], subject: string) {
  for (const file of files) {
    mkdirSync(path.dirname(path.join(repo, file)), { recursive: true });
    writeFileSync(path.join(repo, file), `${subject}\n${Math.random()}\n`, { flag: 'a' });
  }
  git(['add', '-A']);
  git(['commit', '-q', '-m', subject], {
    GIT_AUTHOR_NAME: author,
    GIT_AUTHOR_EMAIL: email,
    GIT_AUTHOR_DATE: date,
    GIT_COMMITTER_NAME: 'Committer',
    GIT_COMMITTER_EMAIL: 'committer@example.org',
    GIT_COMMITTER_DATE: date,
  });
}

const DOCS = [
  ['Ana Lima', 'ana@example.org'],
  ['Ben Okoro', 'ben@example.org'],
  ['Cleo Park', 'cleo@example.org'],
];
const BUILD = [
  ['Dev Rao', 'dev@example.org'],
  ['Eva Stone', 'eva@example.org'],
  ['Finn Berg', 'finn@example.org'],
];

beforeAll(() => {
  mkdirSync(repo);
  git(['init', '-q', '-b', 'main']);
  let month = 0;
  const date = () =>
    `2024-${String((month % 12) + 1).padStart(2, '0')}-1${month++ % 9}T10:00:00+00:00`;
  for (let round = 0; round < 4; round++) {
    for (const [name, email] of DOCS)
      commit(
        name!,
        email!,
        date(),
        [`guide/howto/page-${round}.md`],
        `Explain the docs toolchain ${round}`,
      );
    for (const [name, email] of BUILD)
      commit(
        name!,
        email!,
        date(),
        [`tools/build/step-${round}.sh`],
        `Speed up the build pipeline ${round}`,
      );
  }
  // Ana also commits from an old laptop address; the repository's .mailmap joins it.
  commit(
    'ana',
    'ana@old-laptop.local',
    '2024-06-20T10:00:00+00:00',
    ['guide/howto/page-9.md'],
    'Docs toolchain notes',
  );
  writeFileSync(path.join(repo, '.mailmap'), 'Ana Lima <ana@example.org> <ana@old-laptop.local>\n');
  // The build folder moves; its history must follow it.
  mkdirSync(path.join(repo, 'ci'));
  git(['mv', 'tools/build', 'ci/pipeline']);
  commit(
    'Dev Rao',
    'dev@example.org',
    '2024-12-20T10:00:00+00:00',
    ['ci/pipeline/step-9.sh'],
    'Move the build pipeline',
  );
  commit(
    'dependabot[bot]',
    '49699333+dependabot[bot]@users.noreply.github.com',
    '2024-12-21T10:00:00+00:00',
    ['guide/howto/page-0.md'],
    'Bump',
  );
});

describe('discover from a git repository', () => {
  it('runs git, applies the .mailmap, follows renames and finds both groups', async () => {
    const found = await discover(repo, 'repo', { minMembers: 3 });
    expect(found.ok).toBe(true);
    expect(found.kind).toBe('repository');
    expect(found.bots.map((b) => b.identity)).toEqual([
      'dependabot[bot] <49699333+dependabot[bot]@users.noreply.github.com>',
    ]);
    const ana = found.people.filter((p) => p.name === 'Ana Lima');
    expect(ana).toHaveLength(1);
    expect(found.people.some((p) => p.name === 'ana')).toBe(false);
    const groups = found.communities
      .map((c) => ({
        area: c.areas[0],
        members: c.members.map((m) => found.people[m.person]!.name).sort(),
      }))
      .sort((a, b) => (a.area! < b.area! ? -1 : 1));
    expect(groups).toEqual([
      { area: 'ci/pipeline', members: ['Dev Rao', 'Eva Stone', 'Finn Berg'] },
      { area: 'guide/howto', members: ['Ana Lima', 'Ben Okoro', 'Cleo Park'] },
    ]);
    const dev = found.communities
      .find((c) => c.areas[0] === 'ci/pipeline')!
      .members.find((m) => found.people[m.person]!.name === 'Dev Rao')!;
    expect(dev.commits).toBe(5);
  });

  it('passes --since to git', async () => {
    const found = await discover(repo, 'repo', {
      since: Date.parse('2024-12-01T00:00:00Z'),
      minMembers: 1,
      minCommits: 1,
    });
    expect(found.commits).toBe(1); // Dev's move; the bot's commit is left out
  });

  it('refuses a folder that is not a repository, and a missing path, with a clear message', async () => {
    const plain = path.join(root, 'plain');
    mkdirSync(plain);
    const notRepo = await discover(plain, 'plain');
    expect(notRepo.ok).toBe(false);
    expect(notRepo.problems[0]!.message).toMatch(/not a git repository/);
    const missing = await discover(path.join(root, 'nope'), 'nope');
    expect(missing.problems[0]!.message).toBe('cannot read: no such file or folder');
  });
});
