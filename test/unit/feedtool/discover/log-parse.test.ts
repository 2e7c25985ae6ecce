// The git log reader: the corpus format, renames in both notations, binary files, quoted
// names, CRLF, and broken blocks reported with their line and skipped while the rest counts.
import { describe, expect, it } from 'vitest';
import { parseLog, splitRename, type RawCommit } from '../../../../lib/feedtool/discover/log-parse';
import { parseSince } from '../../../../lib/feedtool/discover/since';
import { applyMailmap, parseMailmap } from '../../../../lib/feedtool/discover/mailmap';

async function* linesOf(text: string) {
  for (const line of text.split('\n')) yield line;
}

async function parse(text: string) {
  const commits: RawCommit[] = [];
  const result = await parseLog(linesOf(text), 'log.txt', (c) => commits.push(c));
  return { ...result, commits };
}

const TWO = `commit 0d5fbc08982dcc4ef2057ea7919e986465b44182
Author: Willy Bruns <adde.animulis@gmail.com>
Date:   2026-08-22T18:43:55+00:00

    Fix a typo in the 'Comparing changes' section (#1891)


1\t1\tgetting-started/git-boot-camp.rst
commit 9d5e496abbe69ad47f001034998b5d3b880be668
Author: संकेत Sanket <garade@pm.me>
Date:   2026-08-21T18:30:09+09:00

    Update coordinator of the Marathi translation (#1889)


-\t-\tdocumentation/translations/logo.png
0\t0\t{developer-workflow => security}/psrt.rst
4\t46\tinternals/exploring.rst => internals.rst
`;

describe('parseLog', () => {
  it('reads commits in the corpus format, with renames and binary files', async () => {
    const { commits, problems } = await parse(TWO);
    expect(problems).toEqual([]);
    expect(commits).toHaveLength(2);
    expect(commits[0]).toMatchObject({
      sha: '0d5fbc08982dcc4ef2057ea7919e986465b44182',
      name: 'Willy Bruns',
      email: 'adde.animulis@gmail.com',
      time: Date.parse('2026-08-22T18:43:55Z'),
      subject: "Fix a typo in the 'Comparing changes' section (#1891)",
      files: [{ path: 'getting-started/git-boot-camp.rst', added: 1, removed: 1 }],
    });
    expect(commits[1]!.name).toBe('संकेत Sanket');
    expect(commits[1]!.time).toBe(Date.parse('2026-08-21T09:30:09Z'));
    expect(commits[1]!.files).toEqual([
      { path: 'documentation/translations/logo.png', added: 0, removed: 0 },
      { path: 'security/psrt.rst', from: 'developer-workflow/psrt.rst', added: 0, removed: 0 },
      { path: 'internals.rst', from: 'internals/exploring.rst', added: 4, removed: 46 },
    ]);
  });

  it('reads CRLF line ends the same', async () => {
    const { commits } = await parse(TWO.replace(/\n/g, '\r\n'));
    expect(commits.map((c) => c.files.length)).toEqual([1, 3]);
  });

  it('skips a broken block with its line and keeps the others', async () => {
    const broken = `${TWO}commit abcdef1234567
Author: nobody without an address
Date:   yesterday

    Broken
garbage line here
commit 1234567abcdef
Author: Ok Person <ok@example.org>
Date:   2020-01-01T00:00:00+00:00

    Fine
`;
    const { commits, problems } = await parse(broken);
    expect(commits.map((c) => c.subject)).toEqual([
      "Fix a typo in the 'Comparing changes' section (#1891)",
      'Update coordinator of the Marathi translation (#1889)',
      'Fine',
    ]);
    expect(problems.map((p) => [p.line, p.message])).toEqual([
      [24, 'unreadable line in commit abcdef1234567: "garbage line here"'],
      [19, 'commit abcdef1234567 skipped: "yesterday" is not an ISO date (use --date=iso-strict)'],
    ]);
  });

  it('reports text that is not a log at all', async () => {
    const { commits, problems } = await parse('<html><body>502 Bad Gateway</body></html>\n');
    expect(commits).toEqual([]);
    expect(problems[0]).toMatchObject({
      line: 1,
      message: expect.stringContaining('expected "commit <hash>"'),
    });
  });
});

describe('splitRename', () => {
  it('handles braces, empty sides and whole-name arrows', () => {
    expect(splitRename('development-tools/{clinic.rst => clinic/index.rst}')).toEqual({
      path: 'development-tools/clinic/index.rst',
      from: 'development-tools/clinic.rst',
    });
    expect(splitRename('docs/{ => guide}/a.rst')).toEqual({
      path: 'docs/guide/a.rst',
      from: 'docs/a.rst',
    });
    expect(splitRename('links.rst => include/links.rst')).toEqual({
      path: 'include/links.rst',
      from: 'links.rst',
    });
    expect(splitRename('"caf\\303\\251.rst"')).toEqual({ path: 'café.rst' });
  });
});

describe('mailmap', () => {
  it('maps names and addresses the way git does', () => {
    const map = parseMailmap(
      [
        '# comment',
        'Proper Name <proper@example.org> <old@example.org>',
        'Only Name <name-only@example.org>',
        '<new@example.org> <Typo@Example.org>',
        'Right One <right@example.org> Wrong One <shared@example.org>',
        'not an entry',
      ].join('\n'),
    );
    expect(map.unreadable).toEqual([6]);
    expect(applyMailmap(map, 'x', 'OLD@example.org')).toEqual({
      name: 'Proper Name',
      email: 'proper@example.org',
    });
    expect(applyMailmap(map, 'x', 'name-only@example.org')).toEqual({
      name: 'Only Name',
      email: 'name-only@example.org',
    });
    expect(applyMailmap(map, 'Typo', 'typo@example.org')).toEqual({
      name: 'Typo',
      email: 'new@example.org',
    });
    expect(applyMailmap(map, 'wrong one', 'shared@example.org')).toEqual({
      name: 'Right One',
      email: 'right@example.org',
    });
    expect(applyMailmap(map, 'Someone Else', 'shared@example.org')).toEqual({
      name: 'Someone Else',
      email: 'shared@example.org',
    });
  });
});

describe('parseSince', () => {
  const now = Date.parse('2026-01-01T00:00:00Z');
  it('reads dates and spans back from now', () => {
    expect(parseSince('2024-01-01', now)).toEqual({
      ok: true,
      time: Date.parse('2024-01-01T00:00:00Z'),
    });
    expect(parseSince('2 years', now)).toEqual({ ok: true, time: now - 2 * 365.25 * 86_400_000 });
    expect(parseSince('18 months ago', now).ok).toBe(true);
    const bad = parseSince('last tuesday', now);
    expect(bad.ok).toBe(false);
    expect(!bad.ok && bad.message).toContain('"last tuesday" is not a date');
  });
});
