// The experts-index importer on the real python/devguide experts.rst, read in place.
// Expected numbers were counted independently (a separate Python reading of the same
// tables): 376 listings of 170 distinct topics (case-insensitive) by 113 distinct handles
// (95 GitHub logins, 18 old bugs.python.org logins marked "^"); 369 distinct
// (person, topic) pairs, of which 73 are assignable ("*", level 5), 229 listed (level 4)
// and 67 emeritus (level 3).
import { describe, expect, it } from 'vitest';
import { readRstTables } from '../../../lib/feedtool/rst-tables';
import { importRstExperts } from '../../../lib/feedtool/rst-experts';
import { corpusText, sourceConfig } from './helpers';

const FILE = 'python-devguide/core-team/experts.rst';
const config = sourceConfig({
  type: 'rst-experts',
  listTableHeaderRows: 1,
  evidenceUrl: 'https://devguide.python.org/core-team/experts/',
});
const result = importRstExperts(config, corpusText(FILE), FILE);
const levelOf = (person: string, topic: string) =>
  result.records.expertise.find((e) => e.record.person === person && e.record.topic === topic)
    ?.record.level;

describe('rst-experts importer on the real experts.rst', () => {
  it('finds every topic, handle and listing', () => {
    expect(result.problems).toEqual([]);
    expect(result.records.topics).toHaveLength(170);
    expect(result.records.people).toHaveLength(113);
    expect(result.records.people.filter((p) => p.record.id.startsWith('bpo-'))).toHaveLength(18);
    expect(result.records.expertise).toHaveLength(369);
    const levels = result.records.expertise.map((e) => e.record.level);
    expect(levels.filter((l) => l === 5)).toHaveLength(73);
    expect(levels.filter((l) => l === 4)).toHaveLength(229);
    expect(levels.filter((l) => l === 3)).toHaveLength(67);
  });

  it('reads markers: * assignable, ^ old tracker login, emeritus sections', () => {
    expect(levelOf('gh-jellezijlstra', 'py-typing')).toBe(5);
    expect(levelOf('gh-gvanrossum', 'py-typing')).toBe(4);
    expect(levelOf('bpo-stutzbach', 'py-io')).toBe(3);
    expect(result.records.people.find((p) => p.record.id === 'bpo-stutzbach')).toMatchObject({
      record: { name: 'stutzbach', handles: { 'bugs.python.org': 'stutzbach' } },
      weak: ['name'],
    });
    // A GitHub login and an old tracker login with the same spelling stay two people.
    expect(
      result.records.people.find((p) => p.record.id === 'gh-stutzbach')?.record.handles,
    ).toEqual({ 'github.com': 'stutzbach' });
  });

  it('merges a topic listed in several tables and reads continuation lines', () => {
    // "Argument Clinic" (Tools) and "argument clinic" (Miscellaneous) are one topic; its
    // fourth expert is on a continuation line of both tables.
    const clinic = result.records.topics.find((t) => t.record.id === 'py-argument-clinic')!;
    expect(clinic.record).toEqual({
      id: 'py-argument-clinic',
      label: 'Argument Clinic',
      description: 'Tool (Tools) in the experts index',
    });
    expect(clinic.origin.line).toBe(170);
    expect(levelOf('gh-serhiy-storchaka', 'py-argument-clinic')).toBe(5);
    expect(levelOf('gh-erlend-aasland', 'py-argument-clinic')).toBe(4);
    const io = result.records.expertise
      .filter((e) => e.record.topic === 'py-io')
      .map((e) => e.record.person);
    expect(io.sort()).toEqual(['bpo-stutzbach', 'gh-benjaminp', 'gh-gpshead']);
    const aix = result.records.expertise.find((e) => e.record.topic === 'py-aix')!;
    expect(aix.record).toEqual({
      person: 'gh-edelsohn',
      topic: 'py-aix',
      level: 3,
      evidence: [
        {
          label: 'Experts index (Experts index › Experts emeritus › Platforms): AIX',
          url: 'https://devguide.python.org/core-team/experts/',
        },
      ],
    });
    expect(aix.origin.line).toBe(401);
  });
});

describe('readRstTables', () => {
  it('reads titles with and without overline, headerless simple tables and list-table options', () => {
    const text = [
      '=====',
      'Index',
      '=====',
      '',
      'Tools',
      '-----',
      '',
      '====  ======',
      'zip   a, b*',
      '      c',
      'tar   d',
      '====  ======',
      '',
      '.. list-table::',
      '   :header-rows: 1',
      '',
      '   * - Area',
      '     - People',
      '   * - io',
      '     - e^,',
      '       f',
      '',
      'after',
    ].join('\n');
    const tables = readRstTables(text);
    expect(tables).toEqual([
      {
        sections: ['Index', 'Tools'],
        header: null,
        rows: [
          { cells: ['zip', 'a, b* c'], line: 9 },
          { cells: ['tar', 'd'], line: 11 },
        ],
        line: 8,
      },
      {
        sections: ['Index', 'Tools'],
        header: ['Area', 'People'],
        rows: [{ cells: ['io', 'e^, f'], line: 19 }],
        line: 14,
      },
    ]);
  });

  it('reports a file without tables as an error', () => {
    const out = importRstExperts(config, 'Just prose.\n', 'notes.rst');
    expect(out.problems).toEqual([
      {
        severity: 'error',
        file: 'notes.rst',
        line: 1,
        message: 'no reStructuredText tables found; is this an experts index?',
      },
    ]);
  });
});
