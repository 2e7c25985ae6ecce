// Discovery on the real history of python/devguide (../shared/corpus, read in place): the
// communities someone who knows the project would recognise, people unified across their
// noreply and personal addresses, bots out, no catch-all community.
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { discover, type Discovery } from '../../../../lib/feedtool/discover/discover';
import { CORPUS } from '../helpers';

const LOG = path.join(CORPUS, 'python-devguide/history/git-log-numstat.txt');
let found: Discovery;
beforeAll(async () => {
  found = await discover(LOG, 'git-log-numstat.txt');
});

const memberNames = (c: Discovery['communities'][number], level?: string) =>
  c.members
    .filter((m) => !level || m.participation === level)
    .map((m) => found.people[m.person]!.name);

describe('discovery on the python/devguide history', () => {
  it('reads every commit and leaves the bots out', () => {
    expect(found.ok).toBe(true);
    expect(found.problems).toEqual([]);
    expect(found.commits + found.bots.reduce((n, b) => n + b.commits, 0)).toBe(2243);
    expect(found.bots.map((b) => b.identity.split(' <')[0]).sort()).toEqual([
      'dependabot-preview[bot]',
      'dependabot[bot]',
    ]);
  });

  it('unifies people across noreply and personal addresses', () => {
    const hugo = found.people.filter((p) => p.github?.toLowerCase() === 'hugovk');
    expect(hugo).toHaveLength(1);
    expect(hugo[0]!.name).toBe('Hugo van Kemenade');
    expect(found.people.filter((p) => p.name === 'Adam Turner')).toHaveLength(1);
    expect(found.people.filter((p) => p.name === 'Brett Cannon')).toHaveLength(1);
  });

  it('finds the Argument Clinic and translation communities with their people', () => {
    const clinic = found.communities.find((c) => c.areas[0] === 'development-tools/clinic')!;
    expect(memberNames(clinic)).toEqual(
      expect.arrayContaining(['Serhiy Storchaka', 'Larry Hastings', 'Erlend E. Aasland']),
    );
    expect(clinic.words).toContain('clinic');
    const translations = found.communities.find(
      (c) => c.areas[0] === 'documentation/translations',
    )!;
    expect(memberNames(translations, 'core')).toContain('Stan Ulbrych');
  });

  it('has no catch-all community and places one-off contributors in none', () => {
    // The largest is the core team itself (every core developer adds themselves to its
    // files), so the bound is on the share of the work, not only of the people.
    const placed = found.people.length - found.unplaced;
    for (const c of found.communities) {
      expect(c.commits).toBeLessThan(0.4 * found.commits);
      expect(c.members.length).toBeLessThan(0.6 * placed);
    }
    expect(found.communities.length).toBeGreaterThanOrEqual(5);
    expect(found.unplaced).toBeGreaterThan(found.people.length / 2);
  });
});
