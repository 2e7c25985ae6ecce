// Discovery on a history where one community has more commits than a spread call can pass as
// arguments (about 125,000): its first and last commit times were once taken with
// Math.min(...times) and the command crashed with "Maximum call stack size exceeded".
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, it } from 'vitest';
import { discover } from '../../../../lib/feedtool/discover/discover';
import { syntheticHistory } from '../../../../lib/feedtool/discover/synthetic';

it('discovers two communities from 300,000 commits, each over 125,000', async () => {
  const now = Date.parse('2026-11-01T00:00:00Z');
  const history = syntheticHistory({
    communities: 2,
    membersPerCommunity: 10,
    areasPerCommunity: 3,
    commits: 300_000,
    driveBys: 50,
    noise: 0.02,
    bots: 0,
    renamed: 0,
    bridges: 0,
    seed: 5,
    now,
    years: 4,
  });
  const dir = await mkdtemp(path.join(tmpdir(), 'discover-scale-'));
  try {
    const log = path.join(dir, 'history.txt');
    await writeFile(log, `${[...history.lines()].join('\n')}\n`);
    const found = await discover(log, 'history.txt');
    if (!found.ok) throw new Error(found.problems.map((p) => p.message).join('; '));
    expect(found.commits).toBeGreaterThan(290_000);
    expect(found.communities).toHaveLength(2);
    for (const community of found.communities) {
      expect(community.commits).toBeGreaterThan(125_000);
      // Active to the end of the history: the newest member commit is within its last months.
      expect(community.stage).toBe('active');
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}, 60_000);
