// Parses `git log --numstat` output line by line (the format of
// ../shared/corpus/python-devguide/history/PROVENANCE.md, which `readHistory` also asks git
// for), so a long history streams through and is never one string. A commit block that does
// not fit the format is reported with its line number and skipped; the rest still counts.
import type { SourceProblem } from '../source';

/** One file a commit changed; `path` is the name after the commit, `from` the one before a rename. */
export interface FileChange {
  path: string;
  from?: string;
  added: number;
  removed: number;
}

export interface RawCommit {
  sha: string;
  name: string;
  email: string;
  /** Milliseconds since the epoch (author date). */
  time: number;
  subject: string;
  files: FileChange[];
  /** 1-based line of the "commit" line, for messages. */
  line: number;
}

const COMMIT = /^commit ([0-9a-f]{7,64})(?:\s.*)?$/;
const AUTHOR = /^Author:\s*(.*?)\s*<([^<>]*)>\s*$/;
const DATE = /^Date:\s+(\S.*)$/;
const NUMSTAT = /^(\d+|-)\t(\d+|-)\t(.+)$/;

/** Splits git's rename notation: "a/{old => new}/b" or "old => new" (both names whole). */
export function splitRename(raw: string): { path: string; from?: string } {
  const braces = /^(.*)\{(.*) => (.*)\}(.*)$/.exec(raw);
  const join = (...parts: string[]) =>
    parts
      .join('')
      .replace(/\/{2,}/g, '/')
      .replace(/^\//, '');
  if (braces) {
    const [, pre, old, now, post] = braces as unknown as [string, string, string, string, string];
    return { path: join(pre, now, post), from: join(pre, old, post) };
  }
  const arrow = raw.indexOf(' => ');
  if (arrow > 0) return { path: raw.slice(arrow + 4), from: raw.slice(0, arrow) };
  return { path: unquote(raw) };
}

/** git quotes unusual names C-style ("a\303\251.rst"); decode the octal escapes as UTF-8. */
function unquote(raw: string): string {
  if (!(raw.startsWith('"') && raw.endsWith('"'))) return raw;
  const bytes: number[] = [];
  const body = raw.slice(1, -1);
  for (let i = 0; i < body.length; i++) {
    const c = body[i]!;
    if (c !== '\\') {
      bytes.push(...Buffer.from(c, 'utf8'));
      continue;
    }
    const next = body[++i] ?? '';
    if (/[0-7]/.test(next)) {
      bytes.push(parseInt(body.slice(i, i + 3), 8));
      i += 2;
    } else bytes.push(({ n: 10, t: 9, '"': 34, '\\': 92 } as Record<string, number>)[next] ?? 63);
  }
  return Buffer.from(bytes).toString('utf8');
}

/**
 * Feeds lines to `onCommit` as commits complete. Returns the problems found; a block without
 * a readable author or date is skipped with one problem naming its line.
 */
export async function parseLog(
  lines: AsyncIterable<string>,
  file: string,
  onCommit: (commit: RawCommit) => void,
): Promise<{ problems: SourceProblem[]; commits: number; lines: number }> {
  const problems: SourceProblem[] = [];
  let current: Partial<RawCommit> & { files: FileChange[]; line: number; bad?: string } = {
    files: [],
    line: 0,
  };
  let open = false;
  let count = 0;
  let lineNo = 0;
  const problem = (line: number, message: string) => {
    // A broken file could produce one problem per line; the first 50 say enough.
    if (problems.length < 50) problems.push({ severity: 'warning', file, line, message });
  };
  const finish = () => {
    if (!open) return;
    open = false;
    const c = current;
    if (c.bad) return problem(c.line, `commit ${c.sha ?? '?'} skipped: ${c.bad}`);
    if (c.name === undefined || c.email === undefined)
      return problem(c.line, `commit ${c.sha} skipped: no "Author: Name <address>" line`);
    if (c.time === undefined)
      return problem(c.line, `commit ${c.sha} skipped: no readable "Date:" line`);
    count++;
    onCommit({
      sha: c.sha!,
      name: c.name,
      email: c.email,
      time: c.time,
      subject: c.subject ?? '',
      files: c.files,
      line: c.line,
    });
  };

  for await (const rawLine of lines) {
    lineNo++;
    const line = rawLine.endsWith('\r') ? rawLine.slice(0, -1) : rawLine;
    const commit = COMMIT.exec(line);
    if (commit) {
      finish();
      current = { sha: commit[1]!, files: [], line: lineNo };
      open = true;
      continue;
    }
    if (line === '') continue;
    if (!open) {
      problem(lineNo, `expected "commit <hash>", found "${line.slice(0, 60)}"`);
      continue;
    }
    if (line.startsWith('    ')) {
      current.subject ??= line.trim();
      continue;
    }
    const stat = NUMSTAT.exec(line);
    if (stat) {
      const { path, from } = splitRename(stat[3]!);
      const change: FileChange = {
        path,
        added: stat[1] === '-' ? 0 : Number(stat[1]),
        removed: stat[2] === '-' ? 0 : Number(stat[2]),
      };
      if (from !== undefined) change.from = from;
      current.files.push(change);
      continue;
    }
    const author = AUTHOR.exec(line);
    if (author) {
      current.name = author[1]!;
      current.email = author[2]!;
      continue;
    }
    const date = DATE.exec(line);
    if (date) {
      const time = Date.parse(date[1]!.trim());
      if (Number.isNaN(time))
        current.bad = `"${date[1]}" is not an ISO date (use --date=iso-strict)`;
      else current.time = time;
      continue;
    }
    // Merge:, Commit:, notes and other headers carry nothing discovery uses.
    if (/^[A-Z][A-Za-z]*:/.test(line)) continue;
    problem(lineNo, `unreadable line in commit ${current.sha}: "${line.slice(0, 60)}"`);
  }
  finish();
  return { problems, commits: count, lines: lineNo };
}
