// Where a history comes from: a git repository (read by running the real `git log`, its
// output streamed line by line) or a saved `git log --numstat` file (streamed from disk).
// Either way the lines go through parseLog; nothing holds the whole history as one string.
import { spawn } from 'node:child_process';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import type { SourceProblem } from '../source';
import { parseLog, type RawCommit } from './log-parse';

/** The format `git log` is asked for: exactly the corpus's (see its PROVENANCE.md). */
export const LOG_FORMAT = 'commit %H%nAuthor: %aN <%aE>%nDate:   %ad%n%n    %s%n';

export interface ReadResult {
  ok: boolean;
  kind: 'repository' | 'log';
  commits: number;
  problems: SourceProblem[];
}

/**
 * Streams the commits of `input` (a repository folder or a log file) to `onCommit`.
 * `since` is passed to git as --since, and applied to a log file by date.
 */
export async function readHistory(
  input: string,
  shown: string,
  onCommit: (commit: RawCommit) => void,
  options: { since?: number } = {},
): Promise<ReadResult> {
  let info;
  try {
    info = await stat(input);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason = code === 'ENOENT' ? 'no such file or folder' : (error as Error).message;
    return failed('log', shown, `cannot read: ${reason}`);
  }
  const keep = (commit: RawCommit) => {
    if (options.since === undefined || commit.time >= options.since) onCommit(commit);
  };
  if (!info.isDirectory()) {
    const stream = createReadStream(input, { encoding: 'utf8' });
    const lines = createInterface({ input: stream, crlfDelay: Infinity });
    try {
      const parsed = await parseLog(lines, shown, keep);
      return finish('log', shown, parsed.problems, parsed.commits);
    } catch (error) {
      return failed('log', shown, `cannot read: ${(error as Error).message}`);
    }
  }
  return readRepository(input, shown, keep, options.since);
}

async function readRepository(
  dir: string,
  shown: string,
  onCommit: (commit: RawCommit) => void,
  since: number | undefined,
): Promise<ReadResult> {
  const args = [
    '-C',
    dir,
    // Names with accents stay readable instead of "\303\251"-quoted.
    '-c',
    'core.quotePath=false',
    'log',
    '--no-merges',
    '--date=iso-strict',
    `--format=${LOG_FORMAT}`,
    '--numstat',
    ...(since !== undefined ? [`--since=${new Date(since).toISOString()}`] : []),
  ];
  // No pager, no prompts, no configured external diff helpers: git only reads local objects.
  const child = spawn('git', args, {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, GIT_PAGER: 'cat', GIT_TERMINAL_PROMPT: '0', GIT_OPTIONAL_LOCKS: '0' },
  });
  let stderr = '';
  child.stderr.setEncoding('utf8');
  child.stderr.on('data', (chunk: string) => {
    if (stderr.length < 4000) stderr += chunk;
  });
  const exited = new Promise<{ code: number | null; error?: Error }>((resolve) => {
    child.on('error', (error) => resolve({ code: null, error }));
    child.on('close', (code) => resolve({ code }));
  });
  child.stdout.setEncoding('utf8');
  const lines = createInterface({ input: child.stdout, crlfDelay: Infinity });
  const parsed = await parseLog(lines, shown, onCommit);
  const { code, error } = await exited;
  if (error) {
    const missing = (error as NodeJS.ErrnoException).code === 'ENOENT';
    return failed(
      'repository',
      shown,
      missing ? 'the git program was not found on PATH' : `git failed: ${error.message}`,
    );
  }
  if (code !== 0) {
    const said = stderr.trim().split('\n')[0] ?? '';
    const reason = /not a git repository/i.test(said)
      ? `not a git repository (and a folder, so not a saved log either)`
      : /does not have any commits/i.test(said)
        ? 'the repository has no commits yet'
        : `git log failed (exit ${code}): ${said}`;
    return failed('repository', shown, reason);
  }
  return finish('repository', shown, parsed.problems, parsed.commits);
}

function finish(
  kind: ReadResult['kind'],
  shown: string,
  problems: SourceProblem[],
  commits: number,
): ReadResult {
  if (commits === 0 && !problems.some((p) => p.severity === 'error')) {
    problems.push({
      severity: 'error',
      file: shown,
      message:
        kind === 'log'
          ? 'no commits found: expected the output of git log --numstat (see docs/discovery.md)'
          : 'no commits in the chosen period',
    });
  }
  return { ok: !problems.some((p) => p.severity === 'error'), kind, commits, problems };
}

function failed(kind: ReadResult['kind'], file: string, message: string): ReadResult {
  return { ok: false, kind, commits: 0, problems: [{ severity: 'error', file, message }] };
}
