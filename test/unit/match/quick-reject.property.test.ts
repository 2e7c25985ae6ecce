// The matcher's quick rejection (firstTermStart in lib/match/tokens.ts) changes no result: on
// random texts mixing the vocabulary's words in any case, pieces of them, other words,
// separators, typographic punctuation and non-ASCII letters, `find` answers exactly what the
// full scan answers, in prose and in label areas, with communities' names and common words.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileTopicMatcher } from '../../../lib/match/topic-matcher';
import { hashFolded, firstTermStart, type FirstTokens } from '../../../lib/match/tokens';
import type { VocabularyTopic } from '../../../lib/match/vocabulary';

const topic = (
  id: string,
  terms: string[],
  extra: Partial<VocabularyTopic> = {},
): VocabularyTopic => ({ feedId: 'f', id, label: terms[0]!, terms, communities: [], ...extra });

const TOPICS: VocabularyTopic[] = [
  topic('k8s', ['Kubernetes', 'k8s', 'kube']),
  topic('sre', ['Site Reliability Engineering', 'SRE']),
  topic('ml', ['Machine Learning', 'ML', 'ML operations']),
  topic('gdpr', ['GDPR', 'General Data Protection Regulation', 'data protection']),
  topic('cpp', ['C++']),
  topic('net', ['.NET']),
  topic('cicd', ['CI/CD']),
  topic('oss', ['open source']),
  topic('zoe', ['Zoë Methods']),
  topic('jp', ['日本語']),
  topic('kl', ['Kullback–Leibler divergence']),
  topic('map', ['map', 'Map'], { commonTerms: ['map', 'Map'] }),
  topic('go', ['Go'], { commonTerms: ['Go'] }),
  topic('guild', ['SRE Guild', 'Data Guild'], { kind: 'community' }),
  topic('cloud', ['Cloud Delivery', 'cloud'], {}),
];

const PIECES = [
  'Kubernetes',
  'KUBERNETES',
  'kuber',
  'netes',
  'k8s',
  'kube',
  'SRE',
  'sre',
  'Site',
  'site',
  'Reliability',
  'Engineering',
  'Machine',
  'learning',
  'ML',
  'operations',
  'GDPR',
  'General',
  'Data',
  'data',
  'Protection',
  'protection',
  'Regulation',
  'C',
  '++',
  '+',
  '.',
  'NET',
  'net',
  'CI',
  '/',
  'CD',
  'open',
  'source',
  'Zoë',
  'Zoe',
  'zoe\u0308',
  'ZOË',
  'Methods',
  '日本語',
  '日本',
  'Kullback',
  'Leibler',
  'divergence',
  'map',
  'Map',
  'MAP',
  'Go',
  'go',
  'Guild',
  'guild',
  'Cloud',
  'cloud',
  'Delivery',
  'the',
  'and',
  'x',
  '7',
  'é',
  'Kuber\u00adnetes',
  '\u200d',
  '\u200c',
  '\ufeff',
  '\u2060',
  '\u00ad',
  ' ',
  ' ',
  ' ',
  '  ',
  '\n',
  '-',
  '–',
  '—',
  '\u00a0',
  '’',
  '“',
  '"',
  "'",
  ',',
  ': ',
  '. ',
  '(',
  ')',
  '_',
  '😀',
  'ñ',
  'µ',
  '×',
];

const text = fc.array(fc.constantFrom(...PIECES), { maxLength: 24 }).map((p) => p.join(''));

describe('quick rejection', () => {
  const quick = compileTopicMatcher(TOPICS);
  const full = compileTopicMatcher(TOPICS, { quickReject: false });

  it('answers what the full scan answers on random texts, in prose and label areas', () => {
    let withHits = 0;
    fc.assert(
      fc.property(text, fc.boolean(), (t, labelArea) => {
        const expected = full.find(t, { labelArea });
        if (expected.length > 0) withHits++;
        expect(quick.find(t, { labelArea })).toEqual(expected);
      }),
      { numRuns: 5000, seed: 19 },
    );
    // The texts exercise the matcher: many of them hold terms.
    expect(withHits).toBeGreaterThan(500);
  });

  it('answers what the full scan answers with arbitrary strings between the words', () => {
    const words = fc.array(
      fc.oneof(fc.constantFrom(...PIECES), fc.string({ unit: 'grapheme', maxLength: 6 })),
      { maxLength: 30 },
    );
    fc.assert(
      fc.property(words, (pieces) => {
        const t = pieces.join(' ');
        expect(quick.find(t)).toEqual(full.find(t));
      }),
      { numRuns: 3000, seed: 7 },
    );
  });
});

describe('firstTermStart', () => {
  /** A table of first tokens: a one-word term, and the first word of a two-word term. */
  function table(single: string[], pairs: [string, string][]): FirstTokens {
    const size = 64;
    const keys = new Uint32Array(size);
    const used = new Uint8Array(size);
    const follow: (Set<number> | undefined)[] = new Array<Set<number> | undefined>(size);
    const put = (word: string, next: Set<number> | undefined) => {
      const hash = hashFolded(word);
      let slot = hash & (size - 1);
      while (used[slot] === 1 && keys[slot] !== hash) slot = (slot + 1) & (size - 1);
      keys[slot] = hash;
      used[slot] = 1;
      follow[slot] = next;
    };
    for (const word of single) put(word, undefined);
    for (const [a, b] of pairs) put(a, new Set([hashFolded(b)]));
    return { mask: size - 1, keys, used, follow };
  }
  const first = table(['kubernetes'], [['open', 'source']]);

  it('rejects texts without a first token, or with a first word not followed by a second', () => {
    expect(firstTermStart('the quick brown fox — “jumps”', first)).toBe(-1);
    expect(firstTermStart('open the door; source code', first)).toBe(-1);
    expect(firstTermStart('opened kubernetesx xkubernetes', first)).toBe(-1);
  });

  it('finds a first token in any case, a pair across any separator, any non-ASCII word', () => {
    expect(firstTermStart('we run KUBERNETES.', first)).toBe(7);
    expect(firstTermStart('Open—Source', first)).toBe(0);
    expect(firstTermStart('an open\u00a0source tool', first)).toBe(3);
    expect(firstTermStart('naïve', first)).toBe(0);
    expect(firstTermStart('Kuber\u00adnetes', first)).toBe(0);
    expect(firstTermStart('an open naïve', first)).toBe(3);
    expect(firstTermStart('see: open-source and kubernetes', first)).toBe(5);
  });
});
