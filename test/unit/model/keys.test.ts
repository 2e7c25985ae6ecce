import { describe, expect, it } from 'vitest';
import { emailKey, foldText, handleKey, queryTokens, searchTokens } from '../../../lib/model/keys';
import fc from 'fast-check';
import { normalizeText } from '../../../lib/model/text';

describe('lookup keys', () => {
  it('folds case, diacritics and white space', () => {
    expect(foldText('  José   MÜLLER ')).toBe('jose muller');
    expect(foldText('Łukasz Żółć')).toBe('łukasz zołc');
    expect(foldText('Zoë')).toBe('zoe');
  });

  it('matches handles case-insensitively per host and ignores www.', () => {
    expect(handleKey('GitHub.com', 'AliceC')).toBe(handleKey('www.github.com', 'alicec'));
    expect(handleKey('github.com', 'alicec')).not.toBe(handleKey('gitlab.com', 'alicec'));
    expect(emailKey(' Alice.Chen@ACME.example ')).toBe('alice.chen@acme.example');
  });

  it('splits names, emails and handles into prefix tokens', () => {
    expect(searchTokens(['Alice Chen', 'alice.chen@acme.example', 'k8s-fan'])).toEqual([
      'alice',
      'chen',
      'acme',
      'example',
      'alice.chen@acme.example',
      'k8s',
      'fan',
      'k8s-fan',
    ]);
    expect(queryTokens('  Ali  CHE ')).toEqual(['ali', 'che']);
    expect(queryTokens('alice.chen@acme')).toEqual(['alice.chen@acme']);
  });
});

describe('the ASCII fast paths of foldText and searchTokens', () => {
  // The general path, as written before the fast paths: what they must equal on every input.
  const slowFold = (value: string) =>
    normalizeText(value)
      .replace(/\p{Cf}+/gu, '')
      .normalize('NFKD')
      .replace(/\p{M}+/gu, '')
      .toLowerCase()
      .replace(/\s+/g, ' ')
      .trim();
  const slowTokens = (values: string[]) => {
    const tokens = new Set<string>();
    for (const value of values) {
      const folded = slowFold(value);
      if (!folded) continue;
      for (const word of folded.split(/[^\p{L}\p{N}]+/u)) if (word) tokens.add(word);
      if (/[^\p{L}\p{N}]/u.test(folded) && !folded.includes(' ')) tokens.add(folded);
    }
    return [...tokens];
  };
  const text = fc.oneof(
    fc.string({
      unit: fc.constantFrom(' ', '  ', 'A', 'z', '9', '.', '-', '@', '\t', '_', 'é', 'ß'),
    }),
    fc.string({ unit: 'grapheme-ascii' }),
    fc.string({ unit: 'binary' }),
  );

  it('fold exactly as the general path does', () => {
    fc.assert(
      fc.property(text, (value) => {
        expect(foldText(value)).toBe(slowFold(value));
      }),
      {
        numRuns: 2000,
      },
    );
  });

  it('find exactly the words the general path finds', () => {
    fc.assert(
      fc.property(fc.array(text, { maxLength: 4 }), (values) => {
        expect(searchTokens(values)).toEqual(slowTokens(values));
      }),
      { numRuns: 2000 },
    );
  });
});
