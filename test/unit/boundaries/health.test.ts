// Health signals on hand-made communities with known answers, and their explanations.
import { describe, expect, it } from 'vitest';
import { indexConstellation } from '../../../lib/boundaries/constellation';
import { healthSignals, type HealthSignalKind } from '../../../lib/boundaries/health';
import { boundaryOptions } from '../../../lib/boundaries/options';
import { communityFacts } from '../../../lib/boundaries/profile';
import { constellation, crowd, names } from './constellations';

const leaders = [
  {
    person: 'lead1',
    participation: 'core' as const,
    roles: ['day-to-day' as const],
    since: '2026-09-01',
  },
  { person: 'lead2', participation: 'core' as const, roles: ['interpersonal' as const] },
];
const fresh = (person: string) => ({
  person,
  participation: 'peripheral' as const,
  since: '2026-08-01',
});

const input = constellation({
  units: { claims: { name: 'Claims Processing' }, it: { name: 'IT' } },
  people: {
    lead1: { unit: 'it' },
    lead2: { unit: 'it' },
    ...crowd('c', 9, 'claims'),
    ...crowd('i', 6, 'it'),
    ...crowd('t', 4, 'claims'),
  },
  communities: {
    // 9 of 11 members in Claims: siloed.
    Silo: { members: [...leaders, ...names('c', 8).map(fresh), 'c9'] },
    // Members spread over two units; healthy in every respect.
    Healthy: { members: [...leaders, ...names('i', 3).map(fresh), ...names('c', 3).map(fresh)] },
    // Four people from one unit: too small to call a silo.
    Tiny: { members: [...names('t', 4).map(fresh)] },
    // Everyone core, joined long ago, no leaders, quiet for a year.
    Closed: {
      lastActivity: '2025-10-01',
      members: [...names('i', 3), ...names('c', 3)].map((person) => ({
        person,
        participation: 'core' as const,
        since: '2023-01-01',
      })),
    },
    Dispersed: {
      stage: 'dispersed',
      standing: 'strategic',
      members: [...leaders, ...names('i', 2).map(fresh)],
    },
    Thriving: {
      standing: 'bootlegged',
      members: [
        ...leaders,
        ...names('i', 5).map((person) => ({ person, participation: 'active' as const })),
        fresh('c1'),
      ],
    },
    Memorable: { stage: 'memorable', lastActivity: '2020-01-01', members: ['i1', 'i2'] },
  },
});

describe('health signals', () => {
  const g = indexConstellation(input);
  const options = boundaryOptions('2026-11-01');
  const facts = communityFacts(g, options);
  const signals = (name: string, opts = options) => {
    const f = communityFacts(g, opts).find((c) => c.name === name)!;
    return healthSignals(g, f, opts);
  };
  const kinds = (name: string, opts = options): HealthSignalKind[] =>
    signals(name, opts).map((s) => s.kind);

  it('computes sizes by participation and the active size used for the map', () => {
    const silo = facts.find((c) => c.name === 'Silo')!;
    expect(silo).toMatchObject({
      members: 11,
      core: 2,
      active: 1,
      peripheral: 8,
      activeMembers: 3,
    });
    expect(silo.dominantUnit).toEqual({
      unit: g.unitIndex({ feedId: 'test', id: 'claims' }),
      count: 9,
    });
  });

  it('flags a silo and says which unit, with counts', () => {
    expect(kinds('Silo')).toEqual(['siloed']);
    expect(signals('Silo')[0]!.explanation).toBe(
      '9 of 11 members (82%) are in Claims Processing; the community hears little from other units.',
    );
    expect(kinds('Healthy')).toEqual([]);
    expect(kinds('Tiny')).not.toContain('siloed');
    expect(kinds('Silo', { ...options, siloShare: 0.9 })).toEqual([]);
  });

  it('never states a unit count below the privacy minimum', () => {
    // With a minimum of 10, the 9 Claims members of Silo may not be stated: no silo signal.
    expect(kinds('Silo', { ...options, minGroupSize: 10 })).toEqual([]);
  });

  it('flags no newcomers, leadership gaps and staleness, explaining each', () => {
    const closed = signals('Closed');
    expect(closed.map((s) => s.kind)).toEqual(['no-newcomers', 'leadership-gap', 'stale']);
    expect(closed[0]!.explanation).toBe(
      'No one takes part at the periphery, where newcomers usually start, and no one joined in the last 12 months (latest join 2023-01-01).',
    );
    expect(closed[1]!.explanation).toBe(
      'No one holds the day-to-day leadership role among its 6 members: no one keeps the rhythm of meetings and follow-ups.',
    );
    expect(closed[2]!.explanation).toBe(
      'No activity since 2025-10-01 (about 13 months, more than 6 months).',
    );
    expect(kinds('Closed', { ...options, staleMonths: 14 })).not.toContain('stale');
  });

  it('expects leaders only past a size the user can change', () => {
    // Tiny has 4 members and no leader: below the default size of 5, no gap.
    expect(kinds('Tiny')).not.toContain('leadership-gap');
    expect(kinds('Tiny', { ...options, leadershipMinMembers: 4 })).toContain('leadership-gap');
    expect(kinds('Closed', { ...options, leadershipMinMembers: 7 })).not.toContain(
      'leadership-gap',
    );
    // Silo has a day-to-day and an interpersonal leader: never a gap.
    expect(kinds('Silo', { ...options, leadershipLargeMembers: 2 })).not.toContain(
      'leadership-gap',
    );
  });

  it('expects an interpersonal leader in a large community, and says why', () => {
    const large = constellation({
      people: crowd('m', 12),
      communities: {
        Large: {
          members: [
            { person: 'm1', participation: 'core', roles: ['day-to-day'] },
            ...names('m', 12).slice(1),
          ],
        },
      },
    });
    const g2 = indexConstellation(large);
    const at = (leadershipLargeMembers: number) => {
      const opts = { ...options, leadershipLargeMembers };
      const f = communityFacts(g2, opts)[0]!;
      return healthSignals(g2, f, opts).filter((s) => s.kind === 'leadership-gap');
    };
    expect(at(30)).toEqual([]);
    expect(at(12)).toEqual([
      {
        kind: 'leadership-gap',
        explanation:
          'No one holds the interpersonal leadership role among its 12 members: at this size (12 or more) people no longer all know each other, and no one tends relationships or welcomes newcomers.',
      },
    ]);
  });

  it('calls a community without an activity date stale only when its feed records dates', () => {
    const undated = (others: string | undefined) => {
      const input2 = constellation({
        people: crowd('u', 6),
        communities: { Undated: { members: names('u', 6) }, Other: { members: ['u1'] } },
      });
      const communities = input2.communities.map((c) =>
        c.id === 'Undated' ? { ...c, lastActivity: undefined } : { ...c, lastActivity: others },
      );
      const g2 = indexConstellation({ ...input2, communities });
      const f = communityFacts(g2, options).find((c) => c.name === 'Undated')!;
      return healthSignals(g2, f, options).filter((s) => s.kind === 'stale');
    };
    expect(undated(undefined)).toEqual([]);
    expect(undated('2026-10-20').map((s) => s.explanation)).toEqual([
      'No activity date is recorded for it, while other communities of its feed have one.',
    ]);
  });

  it('judges newcomers by the configured window', () => {
    // The leaders' latest join is 2026-09-01; a one-month window sees no newcomer in Dispersed.
    expect(kinds('Dispersed', { ...options, newcomerMonths: 1 })).toContain('no-newcomers');
    expect(kinds('Dispersed')).not.toContain('no-newcomers');
  });

  it('flags stage and standing mismatches both ways', () => {
    expect(signals('Dispersed').find((s) => s.kind === 'mismatch')!.explanation).toBe(
      'Its standing is strategic, but its stage is dispersed: the organisation counts on a community whose members have drifted apart.',
    );
    expect(signals('Thriving').find((s) => s.kind === 'mismatch')!.explanation).toBe(
      'It is active with 7 core and active members, but its standing is bootlegged: a candidate for legitimizing.',
    );
    // …only from the configured number of core and active members (7 here).
    expect(kinds('Thriving', { ...options, recognitionActiveMembers: 8 })).not.toContain(
      'mismatch',
    );
  });

  it('does not expect a memorable community to recruit, lead or meet', () => {
    expect(kinds('Memorable')).toEqual([]);
  });
});
