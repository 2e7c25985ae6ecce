// Brokers on a hand-made constellation: Bea is the only person in both Guild and Lab, so she
// alone connects them; Carl and Dan both connect Guild and Forum, so each provides half.
import { describe, expect, it } from 'vitest';
import { communitiesWithoutBoundaryRole, rankBrokers } from '../../../lib/boundaries/brokers';
import { indexConstellation } from '../../../lib/boundaries/constellation';
import { buildGraph } from '../../../lib/boundaries/graph';
import { constellation, crowd, names } from './constellations';

const input = constellation({
  units: { eng: { name: 'Engineering' }, ops: { name: 'Operations' } },
  people: {
    bea: { unit: 'eng' },
    carl: { unit: 'ops' },
    dan: { unit: 'ops' },
    ...crowd('g', 4, 'eng'),
    ...crowd('l', 4, 'ops'),
    ...crowd('f', 3, 'ops'),
  },
  communities: {
    Guild: { members: ['bea', 'carl', 'dan', ...names('g', 4)] },
    Lab: {
      members: [{ person: 'bea', roles: ['boundary'] }, ...names('l', 4)],
    },
    Forum: { members: ['carl', 'dan', ...names('f', 3)] },
  },
});

describe('brokers', () => {
  const g = indexConstellation(input);
  const graph = buildGraph(g);
  const person = (id: string) => g.personIndex({ feedId: 'test', id });
  const community = (id: string) => g.communityIndex({ feedId: 'test', id });

  it('counts the members each pair of communities shares', () => {
    expect(graph.sharedMembers(community('Guild'), community('Lab'))).toBe(1);
    expect(graph.sharedMembers(community('Lab'), community('Guild'))).toBe(1);
    expect(graph.sharedMembers(community('Guild'), community('Forum'))).toBe(2);
    expect(graph.sharedMembers(community('Lab'), community('Forum'))).toBe(0);
    expect(graph.memberEdges.count).toBe(2);
  });

  it('credits the sole connection to the one person who provides it', () => {
    expect(graph.soleConnections[person('bea')]).toBe(1);
    expect(graph.soleConnections[person('carl')]).toBe(0);
    expect(graph.brokerage[person('bea')]).toBe(1);
    expect(graph.brokerage[person('carl')]).toBe(0.5);
    expect(graph.brokerage[person('dan')]).toBe(0.5);
    expect(graph.brokerage[person('g1')]).toBe(0);
  });

  it('ranks the broker first, with her boundary role and the pair only she connects', () => {
    const brokers = rankBrokers(g, graph, 10);
    expect(brokers.map((b) => b.name)).toEqual(['bea', 'carl', 'dan']);
    const [bea] = brokers;
    expect(bea).toMatchObject({
      soleConnections: 1,
      unit: 'Engineering',
      boundaryRoleIn: ['Lab'],
      examplePairs: [[community('Guild'), community('Lab')]],
    });
    expect(bea!.communities.map((c) => c.name)).toEqual(['Guild', 'Lab']);
    expect(rankBrokers(g, graph, 1)).toHaveLength(1);
  });

  it('lists communities where no one holds the boundary role, largest first', () => {
    expect(communitiesWithoutBoundaryRole(g).map((c) => g.communities[c]!.name)).toEqual([
      'Guild',
      'Forum',
    ]);
  });

  it('ignores memberships whose community is not in the input (hidden from the viewer)', () => {
    const hidden = { ...input, communities: input.communities.filter((c) => c.id !== 'Lab') };
    const g2 = indexConstellation(hidden);
    const graph2 = buildGraph(g2);
    expect(g2.membershipCount).toBe(input.memberships.length - 5);
    expect(graph2.soleConnections[g2.personIndex({ feedId: 'test', id: 'bea' })]).toBe(0);
    expect(rankBrokers(g2, graph2, 10).map((b) => b.name)).toEqual(['carl', 'dan']);
  });
});
