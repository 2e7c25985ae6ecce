// From a `type: git` source config (config-sources.ts) to discovery options, with the
// mailmap file read and the --since value checked: problems come back as values.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { GitSourceConfig } from '../config-sources';
import type { SourceProblem } from '../source';
import { DEFAULT_OPTIONS, type DiscoveryOptions } from './discover';
import { DEFAULT_BOT_PATTERNS } from './identity';
import { parseMailmap } from './mailmap';
import { parseSince } from './since';

export type GitDiscoverySettings = Omit<
  GitSourceConfig,
  | 'id'
  | 'type'
  | 'path'
  | 'personIdPrefix'
  | 'communityIdPrefix'
  | 'topicIdPrefix'
  | 'repository'
  | 'label'
  | 'match'
>;

export async function discoveryOptions(
  settings: Partial<GitDiscoverySettings>,
  baseDir: string,
  display: (file: string) => string,
  file: string,
): Promise<{ options?: DiscoveryOptions; problems: SourceProblem[] }> {
  const problems: SourceProblem[] = [];
  const options: DiscoveryOptions = {
    ...DEFAULT_OPTIONS,
    bots: [...(settings.bots ?? DEFAULT_BOT_PATTERNS), ...(settings.extraBots ?? [])],
    rules: { ...DEFAULT_OPTIONS.rules, ...(settings.rules ?? {}) },
  };
  for (const key of [
    'sameName',
    'depth',
    'ignorePaths',
    'minCommits',
    'minMembers',
    'secondaryShare',
    'resolution',
    'maxShare',
    'seed',
  ] as const) {
    if (settings[key] !== undefined)
      (options as unknown as Record<string, unknown>)[key] = settings[key];
  }
  for (const pattern of [...options.bots, ...options.ignorePaths]) {
    try {
      new RegExp(pattern);
    } catch (error) {
      problems.push({
        severity: 'error',
        file,
        message: `"${pattern}" is not a regular expression: ${(error as Error).message}`,
      });
    }
  }
  if (settings.since !== undefined) {
    const since = parseSince(settings.since);
    if (since.ok) options.since = since.time;
    else problems.push({ severity: 'error', file, message: `since: ${since.message}` });
  }
  if (settings.mailmap !== undefined) {
    const mailmapFile = path.resolve(baseDir, settings.mailmap);
    try {
      const mailmap = parseMailmap(await readFile(mailmapFile, 'utf8'));
      for (const line of mailmap.unreadable.slice(0, 5))
        problems.push({
          severity: 'warning',
          file: display(mailmapFile),
          line,
          message: 'not a mailmap entry; ignored',
        });
      options.mailmap = mailmap;
    } catch (error) {
      problems.push({
        severity: 'error',
        file: display(mailmapFile),
        message: `cannot read: ${(error as Error).message}`,
      });
    }
  }
  return problems.some((p) => p.severity === 'error') ? { problems } : { options, problems };
}
