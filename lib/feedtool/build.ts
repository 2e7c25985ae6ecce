// `build`: reads a build config, imports every source, merges them by precedence, and
// checks the result with the extension's own validator. The result is a value: the feed
// (only records the extension would accept), every problem with file:line, the conflicts
// and merges. Nothing is written here; the CLI writes the feed atomically when it is good.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { FEED_FORMAT, FEED_VERSION, type Feed, type FeedInput, type FeedList } from '../model/feed';
import { validateFeed, type ListCounts } from '../model/validate';
import { importBackstage } from './backstage';
import { orderedSources, parseConfig, type BuildConfig, type SourceConfig } from './config';
import { importCsv } from './csv';
import { importGit } from './discover/import-git';
import { importFeed } from './feed-source';
import { importK8sSigs } from './k8s-sigs';
import { mergeSources, type Conflict, type Merged } from './merge';
import { importRstExperts } from './rst-experts';
import { importRegistry, isRegistrySource } from './importers';
import {
  hasErrors,
  problemAt,
  type ImportResult,
  type SourceProblem,
  type SourceRecords,
} from './source';
import { decodeBytes } from './text';
import { appendAll } from '../arrays';

/** Inputs larger than this are refused: a directory export is megabytes, not gigabytes. */
export const MAX_INPUT_BYTES = 256 * 1024 * 1024;

export interface BuildOptions {
  /** Overrides the config and SOURCE_DATE_EPOCH (for reproducible builds and golden tests). */
  generatedAt?: string;
  /** Base for shortening file names in messages (default: the working directory). */
  cwd?: string;
}

export interface BuildResult {
  ok: boolean;
  feed?: Feed;
  config?: BuildConfig;
  problems: SourceProblem[];
  conflicts: Conflict[];
  merged: Merged[];
  counts?: Record<FeedList, ListCounts>;
}

export async function buildFeed(
  configPath: string,
  options: BuildOptions = {},
): Promise<BuildResult> {
  const cwd = options.cwd ?? process.cwd();
  const display = (p: string) => path.relative(cwd, p) || p;
  const fail = (problems: SourceProblem[]): BuildResult => ({
    ok: false,
    problems,
    conflicts: [],
    merged: [],
  });

  const configFile = path.resolve(cwd, configPath);
  const configBytes = await readInput(configFile, display(configFile));
  if (!configBytes.ok) return fail([configBytes.problem]);
  const decoded = decodeBytes(configBytes.bytes);
  if (!decoded.ok)
    return fail([
      problemAt(
        'error',
        { file: display(configFile), line: decoded.line, column: decoded.column },
        decoded.message,
      ),
    ]);
  const parsed = parseConfig(decoded.text, display(configFile));
  if (!parsed.ok) return fail(parsed.problems);
  const config = parsed.config;
  const baseDir = path.resolve(path.dirname(configFile), config.baseDir ?? '.');

  const problems: SourceProblem[] = [];
  const ranked: SourceRecords[] = [];
  // Histories are read last, whatever their rank: discovery joins its people and
  // communities to those the other sources declared (docs/discovery.md).
  const sources = orderedSources(config);
  const imported = new Map<SourceConfig, ImportResult>();
  for (const source of sources)
    if (source.type !== 'git') imported.set(source, await importSource(source, baseDir, display));
  const declared = [...imported.values()].map((r) => r.records);
  for (const source of sources)
    if (source.type === 'git')
      imported.set(source, await importGit(source, baseDir, display, declared));
  for (const source of sources) {
    const result = imported.get(source)!;
    appendAll(problems, result.problems);
    // Refuse what could not be read: an importer that found nothing (and said why) must
    // not yield an empty feed with success.
    if (
      source.type !== 'feed' &&
      !hasErrors(result.problems) &&
      Object.values(result.records).every((list: readonly unknown[]) => list.length === 0)
    ) {
      problems.push(
        problemAt(
          'error',
          { file: sourceDisplay(source, baseDir, display) },
          `source "${source.id}" (type ${source.type}) found nothing to import; check its path and type (docs/feed-tooling.md)`,
        ),
      );
    }
    ranked.push(result.records);
  }
  if (hasErrors(problems)) return { ...fail(problems), config };

  const { records, conflicts, merged } = mergeSources(ranked, config.identity);
  // The same person on several rows or in several sources merges quietly: counted in the
  // summary and listed with --verbose (report.ts); differing values are still conflicts.
  const feedInput: FeedInput = {
    format: FEED_FORMAT,
    version: FEED_VERSION,
    feedId: config.feedId,
    generatedAt: options.generatedAt ?? config.generatedAt ?? sourceDateEpoch() ?? isoNow(),
    organization: { name: config.organization.name },
    units: records.units.map((r) => r.record),
    people: records.people.map((r) => r.record),
    topics: records.topics.map((r) => r.record),
    communities: records.communities.map((r) => r.record),
    memberships: records.memberships.map((r) => r.record),
    expertise: records.expertise.map((r) => r.record),
  };
  const validation = validateFeed(feedInput);
  if (!validation.ok) {
    problems.push(
      problemAt(
        'error',
        { file: display(configFile) },
        `the built feed is not valid: ${validation.error.reason}`,
      ),
    );
    return { ok: false, config, problems, conflicts, merged };
  }
  for (const p of validation.problems) {
    const origin = records[p.list][p.index]!.origin;
    problems.push(
      problemAt(
        'warning',
        origin,
        `${p.list} "${p.id ?? p.index}": ${p.field ? `${p.field}: ` : ''}${p.reason}; ${p.effect === 'dropped' ? 'value dropped, record kept' : 'left out of the feed'}`,
      ),
    );
  }
  return {
    ok: true,
    feed: validation.feed,
    config,
    problems,
    conflicts,
    merged,
    counts: validation.counts,
  };
}

async function importSource(
  source: Exclude<SourceConfig, { type: 'git' }>,
  baseDir: string,
  display: (p: string) => string,
): Promise<ImportResult> {
  if (isRegistrySource(source)) return importRegistry(source, baseDir, display);
  const file = path.resolve(baseDir, source.path);
  const name = display(file);
  const empty = (problem: SourceProblem): ImportResult => ({
    records: { units: [], people: [], topics: [], communities: [], memberships: [], expertise: [] },
    problems: [problem],
  });
  const input = await readInput(file, name);
  if (!input.ok) return empty(input.problem);
  if (source.type === 'csv') return importCsv(source, input.bytes, name);
  const decoded = decodeBytes(input.bytes);
  if (!decoded.ok)
    return empty(
      problemAt(
        'error',
        { file: name, line: decoded.line, column: decoded.column },
        decoded.message,
      ),
    );
  switch (source.type) {
    case 'k8s-sigs': {
      let slack: { text: string; file: string } | undefined;
      if (source.slackUsers) {
        const slackFile = path.resolve(baseDir, source.slackUsers);
        const slackInput = await readInput(slackFile, display(slackFile));
        if (!slackInput.ok) return empty(slackInput.problem);
        const slackText = decodeBytes(slackInput.bytes);
        if (slackText.ok) slack = { text: slackText.text, file: display(slackFile) };
      }
      return importK8sSigs(source, decoded.text, name, slack);
    }
    case 'rst-experts':
      return importRstExperts(source, decoded.text, name);
    case 'backstage':
      return importBackstage(source, decoded.text, name);
    case 'feed':
      return importFeed(source.id, decoded.text, name);
  }
}

/** How a source's input is named in messages: its file, or an LDAP server's URL. */
function sourceDisplay(
  source: SourceConfig,
  baseDir: string,
  display: (p: string) => string,
): string {
  return source.type === 'ldap' ? source.url : display(path.resolve(baseDir, source.path));
}

type Input = { ok: true; bytes: Uint8Array } | { ok: false; problem: SourceProblem };

async function readInput(file: string, name: string): Promise<Input> {
  try {
    const bytes = await readFile(file);
    if (bytes.length > MAX_INPUT_BYTES) {
      return {
        ok: false,
        problem: problemAt(
          'error',
          { file: name },
          `larger than ${MAX_INPUT_BYTES} bytes; refused`,
        ),
      };
    }
    return { ok: true, bytes: new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.length) };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason =
      code === 'ENOENT'
        ? 'no such file'
        : code === 'EISDIR'
          ? 'is a folder, not a file'
          : code === 'EACCES'
            ? 'permission denied'
            : (error as Error).message;
    return { ok: false, problem: problemAt('error', { file: name }, `cannot read: ${reason}`) };
  }
}

function sourceDateEpoch(): string | undefined {
  const value = process.env.SOURCE_DATE_EPOCH;
  if (!value || !/^\d+$/.test(value)) return undefined;
  return new Date(Number(value) * 1000).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

function isoNow(): string {
  return new Date().toISOString().replace(/\.\d{3}Z$/, 'Z');
}
