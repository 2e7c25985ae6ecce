// Quality, measured: a synthetic history with planted communities, noise, drive-by
// contributors, bots and authors under several names is read back through the whole
// discovery pipeline (a real file streamed from disk), and the found communities must match
// the planted ones with best-match F1 ≥ 0.9; stages, bots, identities and bridges checked too.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { discover, type Discovery } from '../../../../lib/feedtool/discover/discover';
import {
  bestMatchF1,
  syntheticHistory,
  type SyntheticHistory,
} from '../../../../lib/feedtool/discover/synthetic';

const NOW = Date.parse('2026-06-30T12:00:00Z');
let dir: string;
let history: SyntheticHistory;
let found: Discovery;

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'discover-quality-'));
  history = syntheticHistory({
    communities: 8,
    membersPerCommunity: 7,
    areasPerCommunity: 3,
    commits: 3000,
    driveBys: 120,
    noise: 0.12,
    bots: 0.05,
    renamed: 0.3,
    bridges: 4,
    seed: 7,
    now: NOW,
    years: 6,
    // Community 6 ended three years ago; community 7 began seven months ago.
    periods: [
      [6, 0],
      [6, 0],
      [6, 0],
      [6, 0],
      [6, 0],
      [6, 0],
      [6, 3],
      [0.6, 0],
    ],
  });
  const file = path.join(dir, 'history.txt');
  await writeFile(file, [...history.lines()].join('\n') + '\n');
  found = await discover(file, 'history.txt');
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

function emailsOf(d: Discovery, person: number): string[] {
  const p = d.people[person]!;
  return p.emails;
}

describe('discovery on a synthetic history with planted communities', () => {
  it('recovers the planted communities with best-match F1 ≥ 0.9', () => {
    expect(found.ok).toBe(true);
    const foundSets = found.communities.map(
      (c) => new Set(c.members.flatMap((m) => emailsOf(found, m.person))),
    );
    const plantedSets = history.planted.map((p) => new Set(p.members));
    const f1 = bestMatchF1(foundSets, plantedSets);
    expect(f1).toBeGreaterThanOrEqual(0.9);
  });

  it('leaves bots out and reports them', () => {
    const names = found.people.map((p) => p.name);
    expect(names.some((n) => /bot/i.test(n))).toBe(false);
    expect(found.bots.map((b) => b.identity).join(' ')).toMatch(/dependabot\[bot\]/);
    expect(found.bots.map((b) => b.identity).join(' ')).toMatch(/release-bot/);
  });

  it('unifies people across names and addresses (one person per planted member)', () => {
    const planted = history.planted.flatMap((p) => p.members);
    for (const email of new Set(planted)) {
      const holders = found.people.filter((p) => p.emails.includes(email));
      expect(holders).toHaveLength(1);
    }
    // The renamed ones carry their GitHub login, learned from the noreply address.
    expect(found.people.filter((p) => p.github?.startsWith('login')).length).toBeGreaterThan(5);
    expect(found.people.some((p) => /^login\d+$/.test(p.name))).toBe(false);
  });

  it('has no giant catch-all community and no drive-by members', () => {
    const sizes = found.communities.map((c) => c.members.length);
    expect(Math.max(...sizes)).toBeLessThan(20);
    const members = found.communities.flatMap((c) =>
      c.members.map((m) => found.people[m.person]!.name),
    );
    expect(members.some((n) => n.startsWith('Passer By'))).toBe(false);
  });

  it('reads stages from activity over time', () => {
    const byPlanted = (k: number) =>
      found.communities.find(
        (c) =>
          c.areas.some((a) => a.startsWith(`domain-${k}/`)) &&
          c.areas[0]!.startsWith(`domain-${k}/`),
      );
    expect(byPlanted(6)?.stage).toBe('memorable');
    expect(['potential', 'coalescing']).toContain(byPlanted(7)?.stage);
    expect(byPlanted(0)?.stage).toBe('active');
  });

  it('gives the boundary role to people core or active in two communities', () => {
    const boundary = found.communities.flatMap((c) =>
      c.members.filter((m) => m.roles.includes('boundary')).map((m) => m.person),
    );
    expect(boundary.length).toBeGreaterThan(0);
    for (const person of boundary) {
      const engaged = found.communities.filter((c) =>
        c.members.some((m) => m.person === person && m.participation !== 'peripheral'),
      );
      expect(engaged.length).toBeGreaterThanOrEqual(2);
    }
  });

  it('names each community from its areas and finds its words', () => {
    const planted0 = found.communities.find((c) => c.areas[0]!.startsWith('domain-0/'))!;
    expect(planted0.name).toMatch(/^Part \d/);
    expect(planted0.words.some((w) => /(widget|gadget|schema|parser)0/.test(w))).toBe(true);
    expect(planted0.domain).toContain('domain-0/');
  });
});
