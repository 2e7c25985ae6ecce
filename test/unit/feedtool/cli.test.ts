// What each command of `constellation-feed` does, run in this process through the same
// `main(argv, io)` the binary calls (run-cli.ts): exit codes, one-line errors without stack
// traces, --json shapes, and build/sign/validate working together on real files. The binary
// itself, as a child process, is tested in cli-process.test.ts.
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { FIXTURES } from './helpers';
import { runCli as run } from './run-cli';

const FEEDS = 'test/fixtures/feedtool/feeds';
const scratch = mkdtempSync(path.join(tmpdir(), 'feedtool-cli-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const noStackTrace = (text: string) => expect(text).not.toMatch(/^\s+at .+\(.+:\d+:\d+\)$/m);

describe('constellation-feed', () => {
  it('prints help for the tool and for each command', async () => {
    const help = await run(['--help']);
    expect(help.code).toBe(0);
    for (const command of ['validate', 'build', 'sign', 'keygen', 'serve'])
      expect(help.stdout).toContain(`  ${command} `);
    const commands = ['validate', 'build', 'sign', 'keygen', 'serve'];
    const subs = await Promise.all(commands.map((command) => run([command, '--help'])));
    subs.forEach((sub, i) => {
      expect(sub.code).toBe(0);
      expect(sub.stdout.split('\n')[0]).toMatch(
        new RegExp(`^constellation-feed ${commands[i]!} — `),
      );
    });
  });

  it('validate: exit 0 for a valid feed and for a feed within the threshold; each problem with line:column and its cost', async () => {
    expect(await run(['validate', `${FEEDS}/valid.json`])).toEqual({
      code: 0,
      stdout: `${FEEDS}/valid.json: valid — All 6 records are valid. units 1, people 1, topics 1, communities 1, memberships 1, expertise 1\n`,
      stderr: '',
    });
    const partial = await run([
      'validate',
      '--max-invalid-share',
      '50',
      `${FEEDS}/with-problems.json`,
    ]);
    expect(partial.code).toBe(0);
    expect(partial.stdout.split('\n').slice(0, 3)).toEqual([
      `${FEEDS}/with-problems.json:10:68: warning: people[1].emails[1] (p-bob): must be an email address; value dropped, record kept`,
      `${FEEDS}/with-problems.json:25:7: error: memberships[1].person (p-carol→c-sre): refers to person "p-carol", which is not in this feed; record left out`,
      `${FEEDS}/with-problems.json: accepted — 1 of 5 records had problems and was left out; 1 bad value was dropped from records that landed. units 0, people 2, topics 0, communities 1, memberships 1/2, expertise 0`,
    ]);
    // The extension's default threshold (10%) refuses it, and so does the CLI.
    const refused = await run(['validate', `${FEEDS}/with-problems.json`]);
    expect(refused.code).toBe(1);
    expect(refused.stdout.split('\n')[2]).toBe(
      `${FEEDS}/with-problems.json: refused: 1 of 5 records has problems of its own (20%), more than the 10% allowed — 1 of 5 records had problems and was left out; 1 bad value was dropped from records that landed.`,
    );
    expect(
      (
        await run([
          'validate',
          '--strict',
          '--max-invalid-share',
          '50',
          `${FEEDS}/with-problems.json`,
        ])
      ).code,
    ).toBe(1);
  });

  it('validate: exit 1 for a rejected document, with its position', async () => {
    const rejected = await run(['validate', `${FEEDS}/rejected.json`]);
    expect(rejected).toEqual({
      code: 1,
      stdout: `${FEEDS}/rejected.json:3:3: error: rejected: unsupported feed version 2; this extension reads version 1\n`,
      stderr: '',
    });
    const truncated = await run(['validate', `${FEEDS}/truncated.txt`]);
    expect(truncated.code).toBe(1);
    expect(truncated.stdout).toMatch(
      /^test\/fixtures\/feedtool\/feeds\/truncated\.txt:7:23: error: rejected: the body is not valid JSON at byte [\d,]+ of [\d,]+ \(.+\); it may be truncated\n$/,
    );
  });

  it('validate --json: machine-readable shape', async () => {
    const out = await run(['validate', '--json', `${FEEDS}/with-problems.json`]);
    const report = JSON.parse(out.stdout) as Record<string, unknown>;
    expect(report).toMatchObject({
      ok: true,
      source: `${FEEDS}/with-problems.json`,
      problems: [
        {
          list: 'people',
          index: 1,
          id: 'p-bob',
          field: 'emails[1]',
          path: 'people[1].emails[1]',
          line: 10,
          column: 68,
          reason: 'must be an email address',
          effect: 'dropped',
        },
        {
          list: 'memberships',
          index: 1,
          path: 'memberships[1].person',
          line: 25,
          column: 7,
          effect: 'skipped',
        },
      ],
      counts: { people: { total: 2, valid: 2, invalid: 0, dropped: 1 } },
      verdict: { total: 5, landed: 4, faulty: 1, dependent: 0, dropped: 1 },
    });
    const rejected = JSON.parse(
      (await run(['validate', '--json', `${FEEDS}/rejected.json`])).stdout,
    ) as Record<string, unknown>;
    expect(rejected).toEqual({
      ok: false,
      source: `${FEEDS}/rejected.json`,
      error: {
        reason: 'unsupported feed version 2; this extension reads version 1',
        path: 'version',
        line: 3,
        column: 3,
      },
    });
  });

  it('fails with one line and exit 2 on usage errors, exit 1 on unreadable input', async () => {
    const unknown = await run(['validate', '--colour', `${FEEDS}/valid.json`]);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr.trim().split('\n')).toHaveLength(1);
    expect(unknown.stderr).toMatch(/^constellation-feed validate: Unknown option '--colour'/);
    expect((await run(['frobnicate'])).code).toBe(2);
    const missing = await run(['validate', 'nope.json']);
    expect(missing).toEqual({
      code: 1,
      stdout: '',
      stderr: 'constellation-feed validate: nope.json: cannot read: no such file\n',
    });
    noStackTrace(missing.stderr);
  });

  it('build: writes the golden feed; a failing build writes nothing', async () => {
    const out = path.join(scratch, 'acme.json');
    const ok = await run(
      ['build', '--config', 'build.yaml', '--out', out, '--generated-at', '2026-11-20T10:00:00Z'],
      path.join(FIXTURES, 'golden'),
    );
    expect(ok.code).toBe(0);
    expect(JSON.parse(readFileSync(out, 'utf8'))).toEqual(
      JSON.parse(readFileSync(path.join(FIXTURES, 'golden/expected.feed.json'), 'utf8')),
    );

    // The golden inputs have warnings (an unknown column, a skipped row): --strict refuses them.
    const strictOut = path.join(scratch, 'strict.json');
    const strict = await run(
      ['build', '--config', 'build.yaml', '--out', strictOut, '--strict'],
      path.join(FIXTURES, 'golden'),
    );
    expect(strict.code).toBe(1);
    expect(strict.stderr.trim().split('\n').at(-1)).toBe(
      'build failed: there are warnings and --strict is set; nothing written',
    );
    expect(existsSync(strictOut)).toBe(false);

    const badDir = mkdtempSync(path.join(scratch, 'bad-'));
    writeFileSync(path.join(badDir, 'people.csv'), 'id,name\n1,"Alice\n2,Bob\n');
    writeFileSync(
      path.join(badDir, 'build.yaml'),
      "feedId: x\norganization: {name: X}\nsources:\n  - {id: hr, type: csv, path: people.csv, people: {id: '{id}', name: '{name}'}}\n",
    );
    const failed = await run(['build', '--config', 'build.yaml', '--out', 'feed.json'], badDir);
    expect(failed.code).toBe(1);
    expect(failed.stderr.split('\n')[0]).toMatch(
      /^people\.csv:2: error: malformed CSV in the record starting here: Quote Not Closed/,
    );
    noStackTrace(failed.stderr);
    expect(readdirSync(badDir).sort()).toEqual(['build.yaml', 'people.csv']);
  });

  it('build --json: the report on standard output', async () => {
    const out = path.join(scratch, 'acme2.json');
    const res = await run(
      ['build', '--config', 'build.yaml', '--out', out, '--json'],
      path.join(FIXTURES, 'golden'),
    );
    const report = JSON.parse(res.stdout) as {
      ok: boolean;
      written: boolean;
      conflicts: unknown[];
      problems: unknown[];
      counts: Record<string, { valid: number }>;
    };
    expect(res.code).toBe(0);
    expect(report).toMatchObject({ ok: true, written: true });
    expect(report.conflicts).toHaveLength(4);
    expect(report.counts.people?.valid).toBe(4);
  });

  it('keygen, sign and validate --public-key work together; a changed byte fails', async () => {
    const feed = path.join(scratch, 'signed.json');
    writeFileSync(feed, readFileSync(path.join(FIXTURES, 'feeds/valid.json')));
    const keygen = await run(['keygen', '--out', path.join(scratch, 'acme')]);
    expect(keygen.code).toBe(0);
    expect(keygen.stdout).toMatch(
      /^-----BEGIN PUBLIC KEY-----\n[\s\S]+-----END PUBLIC KEY-----\n$/,
    );
    expect((await run(['keygen', '--out', path.join(scratch, 'acme')])).code).toBe(1);
    expect((await run(['sign', feed, '--key', path.join(scratch, 'acme.key')])).code).toBe(0);
    expect(existsSync(`${feed}.sig`)).toBe(true);
    const verified = await run(['validate', feed, '--public-key', path.join(scratch, 'acme.pub')]);
    expect(verified.code).toBe(0);
    expect(verified.stdout).toContain(`${feed}: signature ok (Ed25519)`);
    writeFileSync(feed, readFileSync(feed, 'utf8').replace('Acme Corp', 'Acme Corq'));
    const tampered = await run(['validate', feed, '--public-key', path.join(scratch, 'acme.pub')]);
    expect(tampered.code).toBe(1);
    expect(tampered.stdout).toContain(`${feed}: error: signature does not match the feed bytes`);
  });
});
