// Missing bridges on a hand-made constellation: Risk and Audit cover the same topics and share
// no one (a missing bridge); Risk and Models overlap as much but share many members (already
// bridged); Audit and Archive overlap, but Archive is memorable; Ops shares too few topics.
import { describe, expect, it } from 'vitest';
import { missingBridges } from '../../../lib/boundaries/bridges';
import { indexConstellation } from '../../../lib/boundaries/constellation';
import { buildGraph } from '../../../lib/boundaries/graph';
import { DEFAULT_OPTIONS } from '../../../lib/boundaries/options';
import { constellation, crowd, names } from './constellations';

const input = constellation({
  people: { ...crowd('r', 10), ...crowd('a', 8), ...crowd('o', 5), ...crowd('x', 5) },
  communities: {
    Risk: { topics: ['solvency', 'capital', 'stress'], members: names('r', 10) },
    Models: { topics: ['solvency', 'capital', 'stress'], members: names('r', 6) },
    Audit: { topics: ['solvency', 'capital', 'controls'], members: names('a', 8) },
    Archive: {
      stage: 'memorable',
      topics: ['solvency', 'capital', 'controls'],
      members: names('x', 5),
    },
    Ops: { topics: ['solvency', 'runbooks', 'oncall', 'paging'], members: names('o', 5) },
  },
});

describe('missing bridges', () => {
  const g = indexConstellation(input);
  const graph = buildGraph(g);
  const name = (c: number) => g.communities[c]!.name;
  const pairs = (options = DEFAULT_OPTIONS) =>
    missingBridges(g, graph, options).map((b) => [name(b.a), name(b.b)].sort().join(' + '));

  it('finds pairs with strongly overlapping topics and no shared members, with evidence', () => {
    const bridges = missingBridges(g, graph, DEFAULT_OPTIONS);
    expect(pairs()).toEqual(['Audit + Risk', 'Audit + Models']);
    const riskAudit = bridges[0]!;
    expect(riskAudit.topicSimilarity).toBeCloseTo(2 / 4);
    expect(riskAudit.sharedTopics.sort()).toEqual(['capital', 'solvency']);
    expect(riskAudit.sharedMembers).toBe(0);
    expect([riskAudit.sizeA, riskAudit.sizeB].sort((x, y) => x - y)).toEqual([8, 10]);
  });

  it('does not call an already bridged pair missing, nor one with a memorable community', () => {
    expect(pairs()).not.toContain('Models + Risk');
    expect(pairs().some((p) => p.includes('Archive'))).toBe(false);
  });

  it('honours the similarity threshold and the share of members that counts as few', () => {
    expect(pairs({ ...DEFAULT_OPTIONS, bridgeMinTopicSimilarity: 0.6 })).toEqual([]);
    // Ops shares 1 of 6 topics with Risk (0.17): only a loose threshold admits it.
    expect(pairs({ ...DEFAULT_OPTIONS, bridgeMinTopicSimilarity: 0.15 })).toContain('Ops + Risk');
    // Models and Risk share 6 people: all of the smaller community.
    expect(pairs({ ...DEFAULT_OPTIONS, bridgeMaxSharedShare: 1 })).toContain('Models + Risk');
  });

  it('keeps only the strongest candidates up to the list limit', () => {
    expect(pairs({ ...DEFAULT_OPTIONS, listLimit: 1 })).toEqual(['Audit + Risk']);
  });
});
