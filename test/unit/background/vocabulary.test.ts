import { describe, expect, it } from 'vitest';
import { compileVocabulary } from '../../../lib/background/vocabulary';
import type { VocabularySource } from '../../../lib/db/resolve';
import type { CommunityRow, TopicRow } from '../../../lib/db/schema';

const topicRow = (id: string, label: string, aliases: string[], extra = {}) =>
  ({ feedId: 'f', id, label, aliases, nameKeys: [], tokens: [], ...extra }) as unknown as TopicRow;
const communityRow = (id: string, name: string, aliases?: string[], extra = {}) =>
  ({ feedId: 'f', id, name, aliases, topics: ['t-map'], ...extra }) as unknown as CommunityRow;

describe('vocabulary compiler', () => {
  const source: VocabularySource = {
    topics: [
      topicRow('t-map', 'map', ['Map\u00a0Reduce']),
      topicRow('t-kl', 'Kullback–Leibler divergence', []),
      topicRow('t-go', 'Go', ['golang'], { matchAnywhere: true }),
    ],
    coverage: new Map([['f\u0000t-map', ['c-sre', 'git-conf']]]),
    names: new Map([
      ['f\u0000c-sre', 'SRE Guild'],
      ['f\u0000git-conf', 'Conf'],
    ]),
    communities: [
      communityRow('c-sre', 'SRE Guild', ['Reliability  Guild']),
      communityRow('git-conf', 'Conf', [], { discovered: true, standing: 'unrecognized' }),
    ],
  };
  const vocabulary = compileVocabulary('v1', source);

  it('normalises every spelling with the shared normalisation', () => {
    expect(vocabulary.topics.find((t) => t.id === 't-kl')!.terms).toEqual([
      'Kullback-Leibler divergence',
    ]);
    expect(vocabulary.topics.find((t) => t.id === 't-map')!.terms).toEqual(['map', 'Map Reduce']);
  });

  it('lists common-word spellings and passes the publisher’s matchAnywhere', () => {
    expect(vocabulary.topics.find((t) => t.id === 't-map')!.commonTerms).toEqual(['map']);
    const go = vocabulary.topics.find((t) => t.id === 't-go')!;
    expect(go.commonTerms).toEqual(['Go']);
    expect(go.matchAnywhere).toBe(true);
  });

  it('adds each visible community by name and aliases as a community mark', () => {
    const community = vocabulary.topics.find((t) => t.kind === 'community')!;
    expect(community).toMatchObject({ id: 'c-sre', terms: ['SRE Guild', 'Reliability  Guild'] });
  });

  it('never marks a discovered community by its name (made from paths, not written by people)', () => {
    const marks = vocabulary.topics.filter((t) => t.kind === 'community').map((t) => t.id);
    expect(marks).toEqual(['c-sre']);
    // The page summary still names it among the communities a topic touches, as discovered.
    expect(vocabulary.topics.find((t) => t.id === 't-map')!.communities).toEqual([
      'SRE Guild',
      'Conf (discovered)',
    ]);
  });
});
