// The words a discovered community introduces itself with (lib/discovered.ts), the same in the
// popup, the hovercards and the boundaries view: where and when it was found, that nobody
// chartered it, and its evidence.
import { describe, expect, it } from 'vitest';
import { discoveredOrigin, evidenceLine, evidencePeriod, isDiscovered } from '../../lib/discovered';

const evidence = {
  summary: '85 commits by 31 people on development-tools/clinic since 2014',
  paths: ['development-tools/clinic'],
  with: [],
  since: '2014-01-04',
  until: '2026-08-19',
  source: 'python/devguide history',
};

describe('discovered community wording', () => {
  it('says where and when it was found, and that it is not chartered', () => {
    expect(discoveredOrigin({ standing: 'unrecognized', evidence })).toBe(
      'Discovered from shared work in python/devguide history, 2014–2026 — not a chartered community (standing: unrecognized).',
    );
  });

  it('names a repository URL without its scheme, and leaves out what the feed does not say', () => {
    expect(
      discoveredOrigin({
        standing: 'unrecognized',
        evidence: { ...evidence, source: 'https://github.com/python/devguide/' },
      }),
    ).toContain('in github.com/python/devguide, 2014–2026');
    expect(discoveredOrigin({ standing: 'unrecognized' })).toBe(
      'Discovered from shared work — not a chartered community (standing: unrecognized).',
    );
  });

  it('gives the period in years', () => {
    expect(evidencePeriod({ since: '2024-02-01', until: '2024-11-30' })).toBe('in 2024');
    expect(evidencePeriod({ since: '2019-02-01' })).toBe('since 2019');
    expect(evidencePeriod({ until: '2019-02-01' })).toBe('until 2019');
    expect(evidencePeriod(undefined)).toBeUndefined();
  });

  it('prefixes the evidence sentence, and knows a discovered community from a declared one', () => {
    expect(evidenceLine(evidence)).toBe(`Evidence: ${evidence.summary}`);
    expect(evidenceLine({ summary: ' ' })).toBeUndefined();
    expect(isDiscovered({ discovered: true })).toBe(true);
    expect(isDiscovered({})).toBe(false);
  });
});
