// Scale of discovery (issue 16: 15,000 commits and 1,700 authors in under 10 s and 500 MB).
// Usage: npx tsx scripts/bench-discover.ts [commits=15000] [runs=3]
// Generates a synthetic history (lib/feedtool/discover/synthetic.ts) as a saved log and as a
// real repository (built with git fast-import), then times, in fresh child processes so the
// peak memory is each run's own: the baseline (streaming the log's lines and counting them,
// the least any reader does) and discovery from the log file and from the repository through
// the git program. Prints medians, ratios against the baseline and peak RSS. Discovery is a
// Node command-line feature, so Node (not Chromium) is where it runs and is measured.
import { execFileSync, spawn } from 'node:child_process';
import { createReadStream, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { discover } from '../lib/feedtool/discover/discover';
import { syntheticHistory, type SyntheticHistory } from '../lib/feedtool/discover/synthetic';
import { median } from '../lib/stats';

const self = fileURLToPath(import.meta.url);

async function child(mode: string, input: string): Promise<void> {
  const start = performance.now();
  let summary: string;
  if (mode === 'baseline') {
    let lines = 0;
    for await (const _line of createInterface({
      input: createReadStream(input, 'utf8'),
      crlfDelay: Infinity,
    }))
      lines++;
    summary = `${lines} lines`;
  } else {
    const found = await discover(input, path.basename(input));
    if (!found.ok) throw new Error(found.problems.map((p) => p.message).join('; '));
    summary = `${found.commits} commits, ${found.people.length} people, ${found.communities.length} communities`;
  }
  const ms = performance.now() - start;
  const rssMb = process.resourceUsage().maxRSS / 1024;
  process.stdout.write(JSON.stringify({ ms, rssMb, summary }));
}

function runChild(
  mode: string,
  input: string,
): Promise<{ ms: number; rssMb: number; summary: string }> {
  return new Promise((resolve, reject) => {
    const proc = spawn(process.execPath, ['--import', 'tsx', self, '--child', mode, input], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    proc.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    proc.on('close', (code) =>
      code === 0
        ? resolve(JSON.parse(out) as { ms: number; rssMb: number; summary: string })
        : reject(new Error(`${mode} exited ${code}`)),
    );
  });
}

/** A real repository with the same commits, oldest first, through git fast-import. */
function buildRepository(history: SyntheticHistory, dir: string): void {
  execFileSync('git', ['init', '-q', '-b', 'main', dir]);
  const commits = [...history.commits()].reverse();
  const chunks: string[] = [];
  const data = (text: string) => `data ${Buffer.byteLength(text)}\n${text}\n`;
  commits.forEach((c, i) => {
    const stamp = `${Math.floor(c.time / 1000)} +0000`;
    chunks.push(
      `commit refs/heads/main\nmark :${i + 1}\nauthor ${c.name} <${c.email}> ${stamp}\ncommitter Bench <bench@example.org> ${stamp}\n`,
    );
    chunks.push(data(c.subject));
    for (const f of c.files) chunks.push(`M 644 inline ${f.path}\n${data(`${c.sha} ${f.path}\n`)}`);
  });
  execFileSync('git', ['-C', dir, 'fast-import', '--quiet'], {
    input: chunks.join(''),
    maxBuffer: 1 << 30,
  });
  execFileSync('git', ['-C', dir, 'reset', '-q', '--hard', 'main']);
}

async function parent(): Promise<void> {
  const commits = Number(process.argv[2] ?? 15_000);
  const runs = Number(process.argv[3] ?? 3);
  const dir = mkdtempSync(path.join(tmpdir(), 'bench-discover-'));
  try {
    const history = syntheticHistory({
      communities: 100,
      membersPerCommunity: 10,
      areasPerCommunity: 4,
      commits,
      driveBys: 700,
      noise: 0.15,
      bots: 0.03,
      renamed: 0.2,
      bridges: 50,
      seed: 11,
      now: Date.parse('2026-06-30T00:00:00Z'),
      years: 10,
    });
    const log = path.join(dir, 'history.txt');
    writeFileSync(log, [...history.lines()].join('\n') + '\n');
    const repo = path.join(dir, 'repo');
    buildRepository(history, repo);
    const rows: [string, string][] = [
      ['baseline (read lines)', log],
      ['discover (log file)', log],
      ['discover (git repository)', repo],
    ];
    const results = new Map<string, { ms: number[]; rss: number[]; summary: string }>();
    for (let r = 0; r < runs; r++)
      for (const [label, input] of rows) {
        const result = await runChild(
          label.startsWith('baseline') ? 'baseline' : 'discover',
          input,
        );
        const entry = results.get(label) ?? { ms: [], rss: [], summary: result.summary };
        entry.ms.push(result.ms);
        entry.rss.push(result.rssMb);
        results.set(label, entry);
      }
    const base = median(results.get(rows[0]![0])!.ms);
    console.log(
      `Node ${process.version}; ${runs} runs each, fresh process per run; synthetic history, ${commits} commits`,
    );
    for (const [label] of rows) {
      const e = results.get(label)!;
      console.log(
        `${label.padEnd(26)} median ${median(e.ms).toFixed(0).padStart(6)} ms  ${(median(e.ms) / base).toFixed(1).padStart(6)}× baseline  peak RSS ${Math.max(...e.rss).toFixed(0)} MB  (${e.summary})`,
      );
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[2] === '--child') await child(process.argv[3]!, process.argv[4]!);
else await parent();
