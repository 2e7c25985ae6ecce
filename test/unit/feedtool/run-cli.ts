// Two ways to run `constellation-feed` in tests, with the same result shape.
// - runCli: the command in this process, through the same `main(argv, io)` that
//   bin/constellation-feed.js calls, with its output captured line by line. Each call of the
//   real binary costs a Node start plus tsx compiling lib/ (about a second of CPU), so the
//   tests of what a command does use this.
// - runBin: the real binary in a child process, for what only a process shows: the exit code
//   reaching the shell, and stderr free of stack traces (cli-process.test.ts).
import { execFile } from 'node:child_process';
import path from 'node:path';
import { main } from '../../../lib/feedtool/cli';
import { REPO_ROOT } from './helpers';

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

export const BIN = path.join(REPO_ROOT, 'bin/constellation-feed.js');

export async function runCli(args: string[], cwd = REPO_ROOT): Promise<CliResult> {
  let stdout = '';
  let stderr = '';
  const code = await main(args, {
    out: (line) => (stdout += `${line}\n`),
    err: (line) => (stderr += `${line}\n`),
    cwd,
  });
  return { code, stdout, stderr };
}

export function runBin(args: string[], cwd = REPO_ROOT): Promise<CliResult> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [BIN, ...args],
      { cwd, env: { ...process.env, CONSTELLATION_DEBUG: '' } },
      (error, stdout, stderr) => {
        resolve({ code: error ? Number(error.code) : 0, stdout, stderr });
      },
    );
  });
}
