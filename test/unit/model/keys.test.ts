import { describe, expect, it } from 'vitest';
import { emailKey, foldText, handleKey, queryTokens, searchTokens } from '../../../lib/model/keys';

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
