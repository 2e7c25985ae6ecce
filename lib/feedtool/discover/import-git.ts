// The `type: git` build source: discovers communities in a repository's history (or a saved
// log) and hands them to the merge step as records, after the declared sources were read so
// that people and communities can be joined to theirs (to-feed.ts, declared.ts).
import path from 'node:path';
import type { GitSourceConfig } from '../config-sources';
import { emptyRecords, type ImportResult, type SourceRecords } from '../source';
import { indexDeclared } from './declared';
import { discover } from './discover';
import { discoveryOptions } from './options';
import { discoveryRecords } from './to-feed';

export async function importGit(
  source: GitSourceConfig,
  baseDir: string,
  display: (file: string) => string,
  declared: readonly SourceRecords[],
): Promise<ImportResult> {
  const input = path.resolve(baseDir, source.path);
  const shown = display(input);
  const prepared = await discoveryOptions(source, baseDir, display, shown);
  if (!prepared.options) return { records: emptyRecords(), problems: prepared.problems };
  const discovery = await discover(input, shown, prepared.options);
  const problems = [...prepared.problems, ...discovery.problems];
  if (!discovery.ok) return { records: emptyRecords(), problems };
  const mapping = {
    personIdPrefix: source.personIdPrefix,
    communityIdPrefix: source.communityIdPrefix,
    topicIdPrefix: source.topicIdPrefix,
    match: source.match,
    ...(source.repository !== undefined ? { repository: source.repository } : {}),
    ...(source.label !== undefined ? { label: source.label } : {}),
  };
  const { records, matches } = discoveryRecords(discovery, mapping, indexDeclared(declared), {
    source: source.id,
    file: shown,
  });
  const candidates = discovery.communities.filter((c) => !matches.has(c.key));
  problems.push({
    severity: 'note',
    file: shown,
    message:
      `${discovery.commits} commits: ${discovery.communities.length} communities discovered; ` +
      `${matches.size} enrich declared ones` +
      (matches.size ? ` (${[...matches.values()].map((m) => m.name).join(', ')})` : '') +
      `; ${candidates.length} match no declared community` +
      (candidates.length ? ` (${candidates.map((c) => c.name).join(', ')})` : ''),
  });
  return { records, problems };
}
