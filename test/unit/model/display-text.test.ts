import { describe, expect, it } from 'vitest';
import { displayLabel, displayText } from '../../../lib/model/display-text';
import { foldText, searchTokens } from '../../../lib/model/keys';

describe('display hygiene for feed names', () => {
  it('takes bidi overrides and isolates out of what is shown, and says so', () => {
    expect(displayText('Alice \u202Eecnalab\u202C')).toEqual({
      text: 'Alice ecnalab',
      altered: true,
    });
    expect(displayText('\u2067Mallory\u2069 (admin)')).toEqual({
      text: 'Mallory (admin)',
      altered: true,
    });
    expect(displayText('Bob\u200F')).toEqual({ text: 'Bob', altered: true });
  });

  it('takes zero-width and invisible characters out', () => {
    expect(displayText('Jo\u200Bhn\u2060 Do\uFEFFe\u00AD')).toEqual({
      text: 'John Doe',
      altered: true,
    });
  });

  it('keeps joiners where writing needs them, and plain names as they are', () => {
    // Persian: ZWNJ between letters ("می‌خواهم"); an emoji ZWJ sequence (family).
    expect(displayText('می\u200Cخواهم')).toEqual({ text: 'می\u200Cخواهم', altered: false });
    expect(displayText('Team 👩\u200D💻')).toEqual({ text: 'Team 👩\u200D💻', altered: false });
    // Between Latin letters a joiner does nothing visible: taken out.
    expect(displayText('Ali\u200Dce').altered).toBe(true);
    expect(displayText('José Müller')).toEqual({ text: 'José Müller', altered: false });
  });

  it('marks altered names in plain-text labels', () => {
    expect(displayLabel('Eve\u202E')).toBe('Eve (⚠ hidden characters removed)');
    expect(displayLabel('Eve')).toBe('Eve');
  });

  it('searches and matches names as their visible text', () => {
    expect(foldText('Jo\u200Bhn \u202ED\u202Coe')).toBe('john doe');
    expect(searchTokens(['Jo\u200Bhn Doe'])).toContain('john');
  });
});
