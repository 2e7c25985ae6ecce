// `build --config <file>`: assembles a feed from the sources a config lists, reports every
// problem and conflict with file:line, and writes the feed only when the build succeeded
// (atomically: a failed or interrupted build never leaves a partial file).
import { mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { buildFeed } from './build';
import { publishFeed, type Published } from './delta-publish';
import { CliError, type Command } from './cli-types';
import { buildReportJson, formatBuild } from './report';
import { writeFileAtomic } from './write-atomic';

export const runBuild: Command = {
  summary:
    'assemble a feed from CSV, Backstage, sigs.yaml, experts-index, GitHub org, governance, code-owners, mapped YAML/JSON/TOML, LDAP and feed sources',
  help: [
    'Usage: constellation-feed build --config <file> [--out <file>] [options]',
    '',
    '  --config <file>        build config, YAML or JSON (format: docs/feed-tooling.md)',
    '  --out <file>           where to write the feed (default: the config\'s "output", relative to its baseDir;',
    '                         without either, the feed is printed on standard output)',
    '  --generated-at <time>  RFC 3339 time for "generatedAt" (default: config, then SOURCE_DATE_EPOCH, then now)',
    '  --strict               fail (and write nothing) on any warning: a record, row or link left out,',
    '                         an unknown column',
    '  --report <file>        also write the JSON build report there',
    '  --json                 print the JSON build report on standard output',
    '  --compact              write the feed without indentation',
    '  --deltas               also write <out>.manifest.json, deltas and changes files from earlier builds',
    '                         (<out>.deltas/), so extensions download only what changed',
    '                         (docs/feed-format.md, "Deltas")',
    '  --keep-deltas <n>      earlier documents to publish deltas and changes files from (default 3)',
    '  --key <file>           sign the feed (<out>.sig) and the manifest with this PEM private key',
    '  --verbose              also print notes and every merge (across and within sources)',
  ],
  options: {
    config: { type: 'string' },
    out: { type: 'string' },
    'generated-at': { type: 'string' },
    strict: { type: 'boolean' },
    report: { type: 'string' },
    json: { type: 'boolean' },
    compact: { type: 'boolean' },
    deltas: { type: 'boolean' },
    'keep-deltas': { type: 'string' },
    key: { type: 'string' },
    verbose: { type: 'boolean' },
  },
  async run({ values, positionals }, io) {
    if (positionals.length > 0) throw new CliError(`unexpected argument "${positionals[0]}"`, 2);
    if (typeof values.config !== 'string') throw new CliError('--config <file> is required', 2);
    const generatedAt = values['generated-at'];
    if (typeof generatedAt === 'string' && Number.isNaN(Date.parse(generatedAt))) {
      throw new CliError(`--generated-at "${generatedAt}" is not an RFC 3339 date-time`, 2);
    }
    const keep = values['keep-deltas'] === undefined ? 3 : Number(values['keep-deltas']);
    if (!Number.isInteger(keep) || keep < 1 || keep > 64)
      throw new CliError(
        `--keep-deltas "${String(values['keep-deltas'])}" is not a number from 1 to 64`,
        2,
      );
    let keyPem: string | undefined;
    if (typeof values.key === 'string') {
      try {
        keyPem = await readFile(path.resolve(io.cwd, values.key), 'utf8');
      } catch {
        throw new CliError(`${values.key}: cannot read the key file`, 2);
      }
    }
    const result = await buildFeed(values.config, {
      cwd: io.cwd,
      ...(typeof generatedAt === 'string' ? { generatedAt } : {}),
    });

    let outFile: string | undefined;
    if (typeof values.out === 'string') outFile = path.resolve(io.cwd, values.out);
    else if (result.config?.output) {
      const configDir = path.dirname(path.resolve(io.cwd, values.config));
      outFile = path.resolve(configDir, result.config.baseDir ?? '.', result.config.output);
    }
    if (!outFile && values.json)
      throw new CliError(
        '--json needs --out (or "output" in the config): standard output carries the report',
        2,
      );
    const shown = outFile ? path.relative(io.cwd, outFile) || outFile : undefined;
    if (!outFile && (values.deltas || keyPem))
      throw new CliError('--deltas and --key need --out (or "output" in the config)', 2);

    const warned = result.problems.some((p) => p.severity === 'warning');
    const ok = result.ok && result.feed !== undefined && !(values.strict && warned);
    let written = false;
    if (ok) {
      const text = `${JSON.stringify(result.feed, null, values.compact ? undefined : 2)}\n`;
      if (outFile) {
        await mkdir(path.dirname(outFile), { recursive: true });
        if (values.deltas || keyPem) {
          const published = await publishFeed(outFile, text, {
            deltas: Boolean(values.deltas),
            keep,
            ...(keyPem ? { keyPem } : {}),
            feedId: result.feed!.feedId,
            generatedAt: result.feed!.generatedAt,
          });
          for (const line of describePublished(published, io.cwd)) io.err(line);
        } else await writeFileAtomic(outFile, text);
        written = true;
      } else io.out(text.trimEnd());
    }
    const report = buildReportJson(result, shown, written);
    if (typeof values.report === 'string') {
      const reportFile = path.resolve(io.cwd, values.report);
      await mkdir(path.dirname(reportFile), { recursive: true });
      await writeFileAtomic(reportFile, `${JSON.stringify(report, null, 2)}\n`);
    }
    if (values.json) io.out(JSON.stringify(report, null, 2));
    else {
      formatBuild(result, shown, Boolean(values.verbose)).forEach((line) => io.err(line));
      if (!ok)
        io.err(
          result.ok
            ? 'build failed: there are warnings and --strict is set; nothing written'
            : 'build failed; nothing written',
        );
    }
    return ok ? 0 : 1;
  },
};

/**
 * The earlier documents that share a reason, said once per reason (a faulty new document
 * gives every earlier one the same): [their short digests, the reason], in first-seen order.
 */
function byReason(missing: readonly { from: string; why: string }[]): [string, string][] {
  const froms = new Map<string, string[]>();
  for (const { from, why } of missing) {
    const list = froms.get(why);
    if (list) list.push(from);
    else froms.set(why, [from]);
  }
  return [...froms].map(([why, list]) => [
    list.map((from) => `${from.slice(0, 12)}…`).join(', '),
    why,
  ]);
}

export function describePublished(published: Published, cwd: string): string[] {
  const rel = (file: string) => path.relative(cwd, file) || file;
  return [
    ...published.deltas.map(
      (d) => `wrote ${rel(d.file)} (${d.bytes} bytes, from ${d.from.slice(0, 12)}…)`,
    ),
    ...published.changes.map(
      (c) => `wrote ${rel(c.file)} (changes, ${c.bytes} bytes, from ${c.from.slice(0, 12)}…)`,
    ),
    ...byReason(published.noDeltas).map(([from, why]) => `no delta from ${from}: ${why}`),
    ...byReason(published.noChanges).map(([from, why]) => `no changes file from ${from}: ${why}`),
    // Clients holding an earlier document with neither fetch the whole document.
    ...published.noChanges
      .filter((n) => published.noDeltas.some((d) => d.from === n.from))
      .map(
        (n) =>
          `clients holding ${n.from.slice(0, 12)}… will fetch the whole document (no delta, no changes file)`,
      ),
    ...(published.manifest ? [`wrote ${rel(published.manifest)}`] : []),
    ...published.signed.map((file) => `wrote ${rel(file)}`),
  ];
}
