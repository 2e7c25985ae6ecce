import { describe, expect, it } from 'vitest';
import { compileTopicMatcher, isShortAcronym } from '../../../lib/match/topic-matcher';
import type { VocabularyTopic } from '../../../lib/match/vocabulary';

const topic = (id: string, ...terms: string[]): VocabularyTopic => ({
  feedId: 'f',
  id,
  label: terms[0]!,
  terms,
  communities: [],
});

const TOPICS = [
  topic('t-k8s', 'Kubernetes', 'k8s', 'kube'),
  topic('t-sre', 'Site Reliability Engineering', 'SRE'),
  topic('t-ml', 'Machine Learning', 'ML'),
  topic('t-gdpr', 'GDPR', 'General Data Protection Regulation', 'data protection'),
  topic('t-cpp', 'C++'),
  topic('t-net', '.NET'),
  topic('t-cicd', 'CI/CD'),
  topic('t-oss', 'open source'),
  topic('t-zoe', 'Zoë Methods'),
  topic('t-ml-ops', 'ML operations'),
];

const matcher = compileTopicMatcher(TOPICS);
const found = (text: string) =>
  matcher.find(text).map((hit) => `${hit.topic.id}:${text.slice(hit.start, hit.end)}`);

describe('topic matcher', () => {
  it('finds labels and aliases case-insensitively, on word boundaries only', () => {
    expect(found('We run KUBERNETES and k8s, not kubernetesx or xk8s.')).toEqual([
      't-k8s:KUBERNETES',
      't-k8s:k8s',
    ]);
    expect(found('kube-proxy and subkube')).toEqual(['t-k8s:kube']);
  });

  it('keeps short all-caps acronyms exact', () => {
    expect(found('SRE and sre and Sre; ML but not ml or Ml; GDPR not gdpr')).toEqual([
      't-sre:SRE',
      't-ml:ML',
      't-gdpr:GDPR',
    ]);
    expect(isShortAcronym('GDPR')).toBe(true);
    expect(isShortAcronym('K8S')).toBe(true);
    expect(isShortAcronym('k8s')).toBe(false);
    expect(isShortAcronym('MLOPS')).toBe(false);
    expect(isShortAcronym('Go')).toBe(false);
  });

  it('prefers the longest term at a position and never overlaps', () => {
    expect(found('General Data Protection Regulation applies')).toEqual([
      't-gdpr:General Data Protection Regulation',
    ]);
    expect(found('our ML operations team')).toEqual(['t-ml-ops:ML operations']);
    expect(found('Site Reliability Engineering (SRE)')).toEqual([
      't-sre:Site Reliability Engineering',
      't-sre:SRE',
    ]);
  });

  it('treats white space and hyphens between words alike, punctuation literally', () => {
    expect(found('open-source and open  source and open\nsource')).toEqual([
      't-oss:open-source',
      't-oss:open  source',
      't-oss:open\nsource',
    ]);
    expect(found('C++ and C and .NET and NET and CI/CD and CI CD')).toEqual([
      't-cpp:C++',
      't-net:.NET',
      't-cicd:CI/CD',
    ]);
    expect(found('C++x')).toEqual([]);
  });

  it('folds diacritics in both directions', () => {
    expect(found('zoe methods and ZOË METHODS')).toEqual([
      't-zoe:zoe methods',
      't-zoe:ZOË METHODS',
    ]);
    expect(found('Zoe\u0308 Methods')).toEqual(['t-zoe:Zoe\u0308 Methods']);
  });

  it('reports UTF-16 offsets usable with String.slice', () => {
    const text = '😀 Kubernetes';
    const [hit] = matcher.find(text);
    expect(text.slice(hit!.start, hit!.end)).toBe('Kubernetes');
  });

  it('compiles each spelling once and ignores empty terms', () => {
    const m = compileTopicMatcher([
      topic('a', 'Kubernetes', 'kubernetes', 'KUBERNETES', ' ', '!!'),
    ]);
    expect(m.termCount).toBe(1);
    expect(m.find('!!')).toEqual([]);
  });

  it('scales: 20k topics compile and match like 1k', () => {
    const many = Array.from({ length: 20_000 }, (_, i) =>
      topic(`t${i}`, `Topic number ${i}`, `alias${i}`),
    );
    const big = compileTopicMatcher(many);
    expect(big.find('we discussed topic NUMBER 19999 and alias7').map((h) => h.topic.id)).toEqual([
      't19999',
      't7',
    ]);
  });
});
