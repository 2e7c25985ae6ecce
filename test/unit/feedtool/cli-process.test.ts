// The real binary, bin/constellation-feed.js, as publishers and CI start it: a child
// process whose exit code reaches the shell (0 success, 1 input refused, 2 usage error), whose
// stderr is one line without a stack trace, and whose output is the same as the in-process
// runner's that the other feed-tool tests use (run-cli.ts).
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runBin, runCli } from './run-cli';

const FEEDS = 'test/fixtures/feedtool/feeds';
const scratch = mkdtempSync(path.join(tmpdir(), 'feedtool-process-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('bin/constellation-feed.js in a child process', () => {
  it('exits 0, 1 and 2 as documented, with the same output as the in-process runner', async () => {
    const cases: string[][] = [
      ['--help'],
      ['discover', '--help'],
      ['validate', `${FEEDS}/valid.json`],
      ['validate', `${FEEDS}/rejected.json`],
      ['validate', 'nope.json'],
      ['validate', '--colour', `${FEEDS}/valid.json`],
      ['frobnicate'],
    ];
    // Started together: each child is mostly Node and tsx starting up.
    const processes = await Promise.all(cases.map((args) => runBin(args)));
    expect(processes.map((p) => p.code)).toEqual([0, 0, 0, 1, 1, 2, 2]);
    for (const [i, args] of cases.entries()) {
      expect(processes[i], args.join(' ')).toEqual(await runCli(args));
    }
    for (const failed of processes.filter((p) => p.code !== 0)) {
      expect(failed.stderr.trim().split('\n').length).toBeLessThanOrEqual(1);
      expect(failed.stderr).not.toMatch(/^\s+at .+:\d+:\d+\)?$/m);
    }
  });

  it('a build that fails exits 1 with readable lines, writes nothing and shows no stack trace', async () => {
    const dir = mkdtempSync(path.join(scratch, 'bad-'));
    writeFileSync(path.join(dir, 'people.csv'), 'id,name\n1,"Alice\n2,Bob\n');
    writeFileSync(
      path.join(dir, 'build.yaml'),
      "feedId: x\norganization: {name: X}\nsources:\n  - {id: hr, type: csv, path: people.csv, people: {id: '{id}', name: '{name}'}}\n",
    );
    const failed = await runBin(['build', '--config', 'build.yaml', '--out', 'feed.json'], dir);
    expect(failed.code).toBe(1);
    expect(failed.stderr.split('\n')[0]).toMatch(/^people\.csv:2: error: malformed CSV/);
    expect(failed.stderr).not.toMatch(/^\s+at .+:\d+:\d+\)?$/m);
    expect(readdirSync(dir).sort()).toEqual(['build.yaml', 'people.csv']);
  });
});
