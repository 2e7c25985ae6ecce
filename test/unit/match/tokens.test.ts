// The hand-written tokenizer (lib/match/tokens.ts) against a plain reference: a token is a
// maximal run of characters `isWordChar` accepts, without the invisible joiners at its ends
// (a run of only those is none), hashed as `hashFolded(foldToken(token))`.
// Random texts mix ASCII, Latin letters with diacritics, other scripts, combining marks,
// soft hyphens, joiners, typographic punctuation and spaces, letters beyond the BMP and lone
// surrogates.
import { describe, expect, it } from 'vitest';
import { TokenBuffer, foldToken, hashFolded, isWordChar } from '../../../lib/match/tokens';

const JOINERS = new Set(['\u00ad', '\u200c', '\u200d', '\u2060', '\ufeff']);

function reference(text: string) {
  const out: { start: number; end: number; hash: number }[] = [];
  let i = 0;
  while (i < text.length) {
    if (!isWordChar(text, i)) {
      i++;
      continue;
    }
    let start = i;
    while (i < text.length && isWordChar(text, i)) i++;
    let end = i;
    while (start < end && JOINERS.has(text[start]!)) start++;
    while (end > start && JOINERS.has(text[end - 1]!)) end--;
    if (start < end) out.push({ start, end, hash: hashFolded(foldToken(text.slice(start, end))) });
  }
  return out;
}

const PIECES = [
  'Kubernetes',
  'k8s',
  'SRE',
  'C++',
  '.NET',
  'CI/CD',
  ' ',
  '  ',
  '\n',
  '-',
  '–',
  '—',
  '’',
  '“',
  'Zoë',
  'Łukasz',
  'naïve',
  'café',
  'Ａｐｉ',
  'Привет',
  'データ',
  'e\u0301',
  '\u00ad',
  '\u200c',
  '\u200d',
  '\u2060',
  '\ufeff',
  '\u200b',
  '\u00a0',
  '\u00b5',
  '×',
  '÷',
  '😀',
  '𠮷',
  '𝐀',
  '\ud800',
  '\udc00',
  '1.5',
  '_',
  '©',
  'ª',
  'ß',
  'İ',
];

function randomText(seed: number): string {
  let state = seed;
  const next = () => (state = (Math.imul(state, 1103515245) + 12345) >>> 0);
  let text = '';
  const length = next() % 30;
  for (let i = 0; i < length; i++) text += PIECES[next() % PIECES.length];
  return text;
}

describe('TokenBuffer.scan', () => {
  it('finds the reference tokens and hashes in 5,000 random texts', () => {
    const buffer = new TokenBuffer();
    for (let seed = 1; seed <= 5000; seed++) {
      const text = randomText(seed);
      buffer.scan(text);
      const got = [];
      for (let n = 0; n < buffer.count; n++)
        got.push({ start: buffer.starts[n]!, end: buffer.ends[n]!, hash: buffer.hashes[n]! });
      expect(got, JSON.stringify(text)).toEqual(reference(text));
    }
  });

  it('reads a word that turns non-ASCII in its middle or at its end as one token', () => {
    const buffer = new TokenBuffer();
    buffer.scan('Kuber\u00adnetes naïve Zoë');
    expect(buffer.count).toBe(3);
    expect([...buffer.hashes.slice(0, 3)]).toEqual(
      ['kubernetes', 'naive', 'zoe'].map((t) => hashFolded(t)),
    );
  });

  it('leaves the invisible joiners next to a word out of its token, and keeps them inside', () => {
    const buffer = new TokenBuffer();
    const tokens = (text: string) => {
      buffer.scan(text);
      return Array.from({ length: buffer.count }, (_, n) => buffer.written(text, n));
    };
    for (const joiner of ['\u00ad', '\u200c', '\u200d', '\u2060', '\ufeff']) {
      expect(tokens(`${joiner}Kubernetes${joiner}`)).toEqual(['Kubernetes']);
      expect(tokens(`Zoë${joiner}${joiner} ${joiner}naïve`)).toEqual(['Zoë', 'naïve']);
      expect(tokens(`Kuber${joiner}netes`)).toEqual([`Kuber${joiner}netes`]);
      expect(tokens(joiner)).toEqual([]);
      buffer.scan(`Kubernetes${joiner}`);
      // Only the joiner was non-ASCII: the token is read (and folded) as plain ASCII.
      expect([buffer.wide[0], buffer.hashes[0]]).toEqual([0, hashFolded('kubernetes')]);
    }
    // A zero-width space is a word break.
    expect(tokens('Kuber\u200bnetes')).toEqual(['Kuber', 'netes']);
  });
});
