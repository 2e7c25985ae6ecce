// An existing feed as a build source: it is checked with the extension's own validator;
// a rejected document stops the build, skipped records are reported (file:line) and left
// out, and every kept record remembers its line so later conflicts can point at it.
import { FEED_LISTS, type FeedList } from '../model/feed';
import { validateFeedText } from '../model/validate';
import { locateJsonPaths } from './json-locate';
import {
  emptyRecords,
  problemAt,
  type ImportResult,
  type SourceProblem,
  type Sourced,
} from './source';

export function importFeed(sourceId: string, text: string, file: string): ImportResult {
  const records = emptyRecords();
  const problems: SourceProblem[] = [];
  const result = validateFeedText(text);
  const offset = leadingLength(text);
  if (!result.ok) {
    const where = result.error.path
      ? locateJsonPaths(text, [result.error.path]).get(result.error.path)
      : jsonErrorPosition(text, result.error.reason, offset);
    problems.push(
      problemAt(
        'error',
        { file, ...(where ?? { line: 1 }) },
        `not a usable feed: ${result.error.reason}`,
      ),
    );
    return { records, problems };
  }
  // A problem that cost only a value (effect "dropped") leaves its record in the feed.
  const leftOut = new Map<FeedList, Set<number>>(FEED_LISTS.map((l) => [l, new Set<number>()]));
  for (const p of result.problems) if (p.effect !== 'dropped') leftOut.get(p.list)!.add(p.index);
  // Kept records keep their order; their original indexes are the ones not left out.
  const originalIndexes = new Map<FeedList, number[]>();
  const paths: string[] = result.problems.map((p) => p.path);
  for (const list of FEED_LISTS) {
    const indexes: number[] = [];
    for (let i = 0; indexes.length < result.feed[list].length; i++)
      if (!leftOut.get(list)!.has(i)) indexes.push(i);
    originalIndexes.set(list, indexes);
    for (const i of indexes) paths.push(`${list}[${i}]`);
  }
  const positions = locateJsonPaths(text, paths);
  for (const p of result.problems) {
    const at = positions.get(p.path)!;
    problems.push(
      problemAt(
        'warning',
        { file, line: at.line, column: at.column },
        `${p.path}: ${p.reason}; ${p.effect === 'dropped' ? 'value dropped, record kept' : 'record skipped'}`,
      ),
    );
  }
  for (const list of FEED_LISTS) {
    const indexes = originalIndexes.get(list)!;
    const target = records[list] as Sourced<unknown>[];
    result.feed[list].forEach((record, k) => {
      const at = positions.get(`${list}[${indexes[k]!}]`)!;
      target.push({ record, origin: { source: sourceId, file, line: at.line, column: at.column } });
    });
  }
  return { records, problems };
}

/** Length of what the validator strips before parsing (BOM, leading white space). */
export function leadingLength(text: string): number {
  return text.length - text.replace(/^\uFEFF/, '').trimStart().length;
}

/** JSON.parse messages carry "position N" (in the stripped text); turn it into line:column. */
export function jsonErrorPosition(
  text: string,
  reason: string,
  offset: number,
): { line: number; column: number } | undefined {
  const m = /position (\d+)/.exec(reason);
  if (!m) return undefined;
  const at = offset + Number(m[1]);
  const before = text.slice(0, at);
  const line = before.split('\n').length;
  return { line, column: at - (before.lastIndexOf('\n') + 1) + 1 };
}
