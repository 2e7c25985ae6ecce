import { describe, expect, it } from 'vitest';
import { rankPeers, scorePeer, type PeerEvidence } from '../../../lib/rank/peers';
import { suggestCommunities, type CommunityCandidate } from '../../../lib/rank/participate';

const peer = (over: Partial<PeerEvidence> & { personId: string }): PeerEvidence => ({
  name: over.personId,
  memberships: [],
  sharedWithMe: 0,
  ...over,
});

describe('rankPeers', () => {
  const evidence = [
    peer({ personId: 'expert', unit: 'u2', level: 5 }),
    peer({
      personId: 'leader',
      unit: 'u3',
      memberships: [
        {
          communityId: 'c1',
          communityName: 'SRE Guild',
          participation: 'core',
          roles: ['day-to-day', 'boundary'],
        },
      ],
    }),
    peer({ personId: 'colleague', unit: 'u1', level: 4 }),
    peer({
      personId: 'friend',
      unit: 'u4',
      company: 'Partner',
      level: 2,
      sharedWithMe: 5,
      memberships: [
        { communityId: 'c2', communityName: 'Data CoP', participation: 'peripheral', roles: [] },
      ],
    }),
    peer({ personId: 'me', unit: 'u1', level: 5 }),
  ];
  const me = { personId: 'me', unit: 'u1' };

  it('orders by expertise, participation, roles and proximity, and explains each', () => {
    // expert 20; leader 6+4 = 10; friend 8+1+6 (shared capped at 3) = 15; colleague 16.
    expect(scorePeer(evidence[3]!)).toBe(15);
    const ranked = rankPeers(evidence, 'Kubernetes', { outsideMyUnit: false }, me);
    expect(ranked.map((p) => [p.personId, p.score])).toEqual([
      ['expert', 20],
      ['colleague', 16],
      ['friend', 15],
      ['leader', 10],
    ]);
    expect(ranked[3]!.reasons).toEqual(['core in SRE Guild · day-to-day, boundary']);
    expect(ranked[2]!.reasons).toEqual([
      'practitioner (2/5) in Kubernetes',
      'peripheral in Data CoP',
      'shares 5 communities with you',
    ]);
  });

  it('outside my unit drops my unit and me; filters narrow further', () => {
    const outside = rankPeers(evidence, 'K', { outsideMyUnit: true }, me).map((p) => p.personId);
    expect(outside).toEqual(['expert', 'friend', 'leader']);
    expect(
      rankPeers(evidence, 'K', { outsideMyUnit: true, company: 'Partner' }, me).map(
        (p) => p.personId,
      ),
    ).toEqual(['friend']);
    expect(
      rankPeers(evidence, 'K', { outsideMyUnit: false, role: 'boundary' }, me).map(
        (p) => p.personId,
      ),
    ).toEqual(['leader']);
    expect(
      rankPeers(evidence, 'K', { outsideMyUnit: false, participation: 'peripheral' }).map(
        (p) => p.personId,
      ),
    ).toEqual(['friend']);
    expect(
      rankPeers(evidence, 'K', { outsideMyUnit: false, community: 'c1' }).map((p) => p.personId),
    ).toEqual(['leader']);
    // Anonymous: nobody is "me", so the toggle cannot drop anyone.
    expect(rankPeers(evidence, 'K', { outsideMyUnit: true })).toHaveLength(5);
  });
});

describe('suggestCommunities', () => {
  const c = (id: string, over: Partial<CommunityCandidate>): CommunityCandidate => ({
    feedId: 'f',
    id,
    name: id,
    stage: 'active',
    openToNewcomers: true,
    topics: [],
    ...over,
  });
  const candidates = [
    c('active-match', { topics: ['k8s'] }),
    c('coalescing-double', { stage: 'coalescing', topics: ['k8s', 'sre'] }),
    c('closed', { openToNewcomers: false, topics: ['k8s', 'sre'] }),
    c('mine', { topics: ['k8s', 'sre'] }),
    c('memorable', { stage: 'memorable', topics: ['k8s', 'sre'] }),
    c('unrelated', { topics: ['python'] }),
  ];

  it('prefers strong topic matches in active or coalescing, open communities I am not in', () => {
    const out = suggestCommunities(candidates, {
      topicWeights: new Map([
        ['k8s', 3],
        ['sre', 1],
      ]),
      memberOf: new Set(['mine']),
    });
    expect(out.map((s) => [s.community.id, s.score, s.matchedTopics])).toEqual([
      ['coalescing-double', 11, ['k8s', 'sre']],
      ['active-match', 9, ['k8s']],
      ['memorable', 3, ['k8s', 'sre']],
    ]);
  });

  it('without interests, suggests open communities by stage alone', () => {
    const out = suggestCommunities(candidates, { topicWeights: new Map(), memberOf: new Set() });
    expect(out.map((s) => s.community.id)).toEqual([
      'active-match',
      'coalescing-double',
      'mine',
      'unrelated',
      'memorable',
    ]);
  });
});
