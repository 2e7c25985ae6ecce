// Ids made from names (lib/feedtool/source.ts `slug`): a name in another script than Latin
// keeps its letters, so two different names never become the same id (they all became ""
// before: every Japanese topic of an experts index one topic, every Cyrillic OU of a
// directory one unit). Ids made from Latin text are exactly what they always were.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { importRstExperts } from '../../../lib/feedtool/rst-experts';
import { slug } from '../../../lib/feedtool/source';
import { sourceConfig } from './helpers';

/** The slug as it was before other scripts were kept: the reference for Latin text. */
function latinSlug(value: string): string {
  return value
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9._-]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/** Characters of Latin text as directories write it: ASCII, Latin-1, Latin Extended, marks. */
const latinChar = fc.oneof(
  fc.integer({ min: 0x20, max: 0x7e }),
  fc.integer({ min: 0xa0, max: 0x24f }),
  fc.integer({ min: 0x300, max: 0x36f }),
  fc.constantFrom(0x2013, 0x2019, 0x201c, 0x00b2, 0xff21, 0x2160),
);
const latinText = fc
  .array(latinChar, { maxLength: 24 })
  .map((codes) => String.fromCodePoint(...codes));

describe('slug', () => {
  it('gives Latin text the id it always had (property)', () => {
    fc.assert(
      fc.property(latinText, (text) => {
        expect(slug(text)).toBe(latinSlug(text));
      }),
      { seed: 5, numRuns: 2000 },
    );
  });

  it('keeps the letters of other scripts, with their marks', () => {
    expect(slug('日本語')).toBe('日本語');
    expect(slug('中文')).toBe('中文');
    expect(slug('Иван Петров')).toBe('иван-петров');
    expect(slug('Ελληνικά')).toBe('ελληνικά');
    expect(slug('हिन्दी')).toBe('हिन्दी');
    expect(slug('がか')).not.toBe(slug('かか'));
    expect(slug('Zoë Ωmega')).toBe('zoe-ωmega');
    expect(slug('  Отдел  продаж / Москва ')).toBe('отдел-продаж-москва');
  });

  it('never gives white space, and a slug is its own slug (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 20 }), (text) => {
        const id = slug(text);
        expect(id).not.toMatch(/\s/u);
        expect(id).not.toMatch(/^-|-$/);
        expect(slug(id)).toBe(id);
      }),
      { seed: 9, numRuns: 2000 },
    );
  });

  it('keeps topics of an experts index in other scripts apart', () => {
    const text = [
      'Topics',
      '======',
      '',
      '=========  ======',
      'Area       People',
      '=========  ======',
      '日本語        alice',
      '中文         bob',
      'Русский    carol',
      '=========  ======',
      '',
    ].join('\n');
    const out = importRstExperts(sourceConfig({ type: 'rst-experts' }), text, 'experts.rst');
    expect(out.records.topics.map((t) => [t.record.id, t.record.label])).toEqual([
      ['py-日本語', '日本語'],
      ['py-中文', '中文'],
      ['py-русский', 'Русский'],
    ]);
    expect(out.records.expertise.map((e) => [e.record.person, e.record.topic])).toEqual([
      ['gh-alice', 'py-日本語'],
      ['gh-bob', 'py-中文'],
      ['gh-carol', 'py-русский'],
    ]);
  });
});
