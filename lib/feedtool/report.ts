// Turning validation and build results into what a publisher reads: one line per problem
// in the form editors and CI annotate ("file:line:column: severity: message"), a summary,
// and the same content as JSON for machines (--json). Formatting only; no I/O.
import { FEED_LISTS, type FeedList } from '../model/feed';
import type { FeedValidation, ListCounts, RecordProblem } from '../model/validate';
import type { BuildResult } from './build';
import { jsonErrorPosition, leadingLength } from './feed-source';
import { locateJsonPaths } from './json-locate';
import type { Conflict, Merged } from './merge';
import type { Origin, SourceProblem } from './source';
import { appendAll } from '../arrays';

export function formatLocation(file: string, line?: number, column?: number): string {
  return `${file}${line !== undefined ? `:${line}` : ''}${line !== undefined && column !== undefined ? `:${column}` : ''}`;
}

export function formatProblem(p: SourceProblem): string {
  return `${formatLocation(p.file, p.line, p.column)}: ${p.severity}: ${p.message}`;
}

function originText(o: Origin): string {
  return `${formatLocation(o.file, o.line, o.column)} (${o.source})`;
}

export function formatConflict(c: Conflict): string {
  return (
    `${formatLocation(c.droppedFrom.file, c.droppedFrom.line, c.droppedFrom.column)}: conflict: ` +
    `${c.list} "${c.id}" ${c.field}: kept ${JSON.stringify(c.kept)} from ${originText(c.keptFrom)}, ` +
    `dropped ${JSON.stringify(c.dropped)}`
  );
}

export interface LocatedProblem extends RecordProblem {
  line: number;
  column: number;
}

export type ValidationReport =
  | { ok: true; source: string; problems: LocatedProblem[]; counts: Record<FeedList, ListCounts> }
  | {
      ok: false;
      source: string;
      error: { reason: string; path?: string; line?: number; column?: number };
    };

/** Adds line:column to each problem of a validation of `text`. */
export function validationReport(
  text: string,
  source: string,
  validation: FeedValidation,
): ValidationReport {
  if (!validation.ok) {
    const { reason, path } = validation.error;
    const where =
      path !== undefined
        ? locateJsonPaths(text, [path]).get(path)
        : jsonErrorPosition(text, reason, leadingLength(text));
    return {
      ok: false,
      source,
      error: { ...validation.error, ...(where ? { line: where.line, column: where.column } : {}) },
    };
  }
  const positions = locateJsonPaths(
    text,
    validation.problems.map((p) => p.path),
  );
  const problems = validation.problems.map((p) => {
    const at = positions.get(p.path)!;
    return { ...p, line: at.line, column: at.column };
  });
  return { ok: true, source, problems, counts: validation.counts };
}

export function formatCounts(counts: Record<FeedList, ListCounts>): string {
  return FEED_LISTS.map((list) => {
    const c = counts[list];
    return c.invalid > 0 ? `${list} ${c.valid}/${c.total}` : `${list} ${c.total}`;
  }).join(', ');
}

/** Human lines for a build: problems, conflicts, merges summary and counts. */
export function formatBuild(
  result: BuildResult,
  output: string | undefined,
  verbose: boolean,
): string[] {
  const lines = result.problems.filter((p) => verbose || p.severity !== 'note').map(formatProblem);
  appendAll(lines, result.conflicts.map(formatConflict));
  const notes = result.problems.filter((p) => p.severity === 'note').length;
  if (!verbose && notes > 0)
    lines.push(`(${notes} note${notes === 1 ? '' : 's'} hidden; --verbose shows them)`);
  const acrossSources = result.merged.filter((m) => m.from.source !== m.into.source);
  const withinSources = result.merged.length - acrossSources.length;
  if (verbose) appendAll(lines, result.merged.map(formatMerged));
  if (result.counts) {
    lines.push(
      `built ${output ?? 'feed'}: ${formatCounts(result.counts)}; ${acrossSources.length} record${acrossSources.length === 1 ? '' : 's'} merged across sources, ${withinSources} within a source, ${result.conflicts.length} conflict${result.conflicts.length === 1 ? '' : 's'}`,
    );
  }
  return lines;
}

function formatMerged(m: Merged): string {
  return `${formatLocation(m.from.file, m.from.line, m.from.column)}: merged: ${m.list} "${m.id}" (${m.reason}) into the record from ${originText(m.into)}`;
}

/** The machine-readable build report (--json, --report). */
export function buildReportJson(result: BuildResult, output: string | undefined, written: boolean) {
  return {
    ok: result.ok,
    output: output ?? null,
    written,
    counts: result.counts ?? null,
    problems: result.problems,
    conflicts: result.conflicts,
    merged: result.merged,
  };
}
