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

  it('reads letters outside the Basic Multilingual Plane as letters, not as word breaks', () => {
    // 𝐀 (mathematical bold A), 𠮷 (a CJK Extension B ideograph of Japanese names): each one
    // letter written as two UTF-16 units; beside a term they make it part of a longer word,
    // as A or 吉 do.
    expect(found('AKubernetes 吉Kubernetes Kubernetes吉')).toEqual([]);
    expect(found('𝐀Kubernetes 𠮷Kubernetes Kubernetes𠮷 k8s𝟎')).toEqual([]);
    // An emoji is no letter: the term beside it is still found.
    expect(found('Kubernetes😀 😀k8s')).toEqual(['t-k8s:Kubernetes', 't-k8s:k8s']);
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

describe('shared normalisation (lib/model/text.ts) on both sides', () => {
  const m = compileTopicMatcher([
    topic('t-kl', 'Kullback-Leibler divergence'),
    topic('t-conway', 'Conway’s law'),
    topic('t-k8s', 'Kubernetes'),
    topic('t-sre', 'SRE'),
    topic('t-oss', 'open source'),
  ]);
  const hits = (text: string) =>
    m.find(text).map((hit) => `${hit.topic.id}:${text.slice(hit.start, hit.end)}`);

  it('treats every dash between words as a hyphen', () => {
    for (const dash of ['-', '\u2010', '\u2011', '\u2012', '\u2013', '\u2014', '\u2212', '\uff0d'])
      expect(hits(`the Kullback${dash}Leibler divergence`)).toEqual([
        `t-kl:Kullback${dash}Leibler divergence`,
      ]);
  });

  it('treats typographic and plain quotes alike, whichever the feed used', () => {
    expect(hits("Conway's law and Conway’s law")).toEqual([
      "t-conway:Conway's law",
      't-conway:Conway’s law',
    ]);
  });

  it('reads no-break, thin and ideographic spaces as spaces', () => {
    for (const space of ['\u00a0', '\u202f', '\u2009', '\u3000'])
      expect(hits(`open${space}source`)).toEqual([`t-oss:open${space}source`]);
  });

  it('ignores soft hyphens and joiners inside a word', () => {
    expect(hits('Kuber\u00adnetes and Kuber\u2060netes')).toEqual([
      't-k8s:Kuber\u00adnetes',
      't-k8s:Kuber\u2060netes',
    ]);
    for (const joiner of ['\u200c', '\u200d', '\ufeff'])
      expect(hits(`Kuber${joiner}netes`)).toEqual([`t-k8s:Kuber${joiner}netes`]);
  });

  it('highlights exactly the term: never an invisible joiner before or after it', () => {
    for (const joiner of ['\u00ad', '\u200c', '\u200d', '\u2060', '\ufeff']) {
      const text = `${joiner}Kubernetes${joiner} and ${joiner}open source${joiner}${joiner}.`;
      expect(hits(text)).toEqual(['t-k8s:Kubernetes', 't-oss:open source']);
      expect(matcher.find(text).map((hit) => [hit.start, hit.end])).toEqual([
        [1, 11],
        [18, 29],
      ]);
      // Also where the only non-ASCII character of the text is the joiner after the term.
      expect(hits(`SRE${joiner} work`)).toEqual(['t-sre:SRE']);
    }
  });

  it('reads compatibility forms (full-width letters) as their plain letters, case rules kept', () => {
    expect(hits('ＫＵＢＥＲＮＥＴＥＳ and ＳＲＥ but not ｓｒｅ')).toEqual([
      't-k8s:ＫＵＢＥＲＮＥＴＥＳ',
      't-sre:ＳＲＥ',
    ]);
  });
});

describe('common words (commonTerms from the vocabulary compiler)', () => {
  const common = (id: string, terms: string[], extra: Partial<VocabularyTopic> = {}) => ({
    ...topic(id, ...terms),
    commonTerms: terms.filter((t) => ['map', 'Map', 'Go', 'go'].includes(t)),
    ...extra,
  });

  it('never marks a lower-case common word in prose, only in label areas', () => {
    const m = compileTopicMatcher([common('t-map', ['map'])]);
    expect(m.find('We need a map of the data; Map it.')).toEqual([]);
    expect(m.find('map', { labelArea: true }).map((h) => h.topic.id)).toEqual(['t-map']);
  });

  it('marks a capitalised common word only as written and not at a sentence start', () => {
    const m = compileTopicMatcher([common('t-go', ['Go', 'golang'])]);
    const ids = (text: string) => m.find(text).map((h) => text.slice(h.start, h.end));
    expect(ids('We go there. Go is at the start. Written in Go and golang.')).toEqual([
      'Go',
      'golang',
    ]);
    expect(ids('go')).toEqual([]);
    expect(m.find('go', { labelArea: true }).length).toBe(1);
  });

  it('marks it anywhere when the publisher says so (matchAnywhere)', () => {
    const m = compileTopicMatcher([common('t-map', ['map'], { matchAnywhere: true })]);
    expect(m.find('We need a map. Map it.').map((h) => h.topic.id)).toEqual(['t-map', 't-map']);
  });
});

describe('communities as their own marks', () => {
  const community = (id: string, ...terms: string[]): VocabularyTopic => ({
    ...topic(id, ...terms),
    kind: 'community',
  });
  const m = compileTopicMatcher([
    topic('t-sre', 'SRE'),
    topic('t-platform', 'Platform SRE'),
    community('c-sre', 'SRE Guild', 'Reliability Guild'),
  ]);
  const hits = (text: string) =>
    m.find(text).map((hit) => `${hit.topic.kind ?? 'topic'}:${text.slice(hit.start, hit.end)}`);

  it('marks the community name whole, and topics only outside it', () => {
    expect(hits('Ask the SRE Guild about SRE.')).toEqual(['community:SRE Guild', 'topic:SRE']);
    expect(hits('Our Platform SRE Guild meets; Platform SRE rocks')).toEqual([
      'community:SRE Guild',
      'topic:Platform SRE',
    ]);
    expect(hits('the reliability guild')).toEqual(['community:reliability guild']);
  });
});
