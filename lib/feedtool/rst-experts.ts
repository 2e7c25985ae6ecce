// Importer for a Python-devguide-style experts index (reStructuredText tables of
// topic → handles). Each distinct topic (case-insensitive) becomes a feed topic; each listed
// handle a person (named by the login until a richer source supplies the name); each listing
// an expertise entry. Conventions of the devguide, kept configurable: "name*" may be assigned
// issues (highest level), "name^" is an old bugs.python.org login, "(inactive)" marks an
// inactive maintainer, and tables under "Experts emeritus" list former experts.
import type { RstExpertsSourceConfig } from './config';
import {
  emptyRecords,
  problemAt,
  slug,
  type ExpertiseInput,
  type ImportResult,
  type Origin,
  type SourceProblem,
  type Sourced,
  type TopicInput,
} from './source';
import { readRstTables } from './rst-tables';
import { appendAll } from '../arrays';

const HANDLE = /^([^\s*^(),]+?)(\*)?(\^)?(?:\s*\((inactive)\))?$/i;

export function importRstExperts(
  config: RstExpertsSourceConfig,
  text: string,
  file: string,
): ImportResult {
  const records = emptyRecords();
  const problems: SourceProblem[] = [];
  const tables = readRstTables(text, config.listTableHeaderRows);
  if (tables.length === 0) {
    problems.push(
      problemAt(
        'error',
        { file, line: 1 },
        'no reStructuredText tables found; is this an experts index?',
      ),
    );
    return { records, problems };
  }
  const topics = new Map<string, Sourced<TopicInput>>();
  const people = new Set<string>();
  const expertise = new Map<string, Sourced<ExpertiseInput>>();

  for (const table of tables) {
    const emeritus = table.sections.some((s) => config.emeritusSections.includes(s));
    const kind = table.header?.[0] ?? table.sections[table.sections.length - 1] ?? 'Topic';
    const section = table.sections.join(' › ');
    for (const row of table.rows) {
      const origin: Origin = { source: config.id, file, line: row.line };
      const label = stripMarkup(row.cells[0] ?? '');
      if (!label) continue;
      if (row.cells.length < 2) {
        problems.push(
          problemAt('warning', origin, `row "${label}" has no handles column; skipped`),
        );
        continue;
      }
      const topicId = `${config.topicIdPrefix}${slug(label)}`;
      const topic = topics.get(topicId);
      if (!topic) {
        const description = config.topicDescription
          .replaceAll('{kind}', kind)
          .replaceAll('{section}', table.sections[table.sections.length - 1] ?? '');
        topics.set(topicId, { record: { id: topicId, label, description }, origin });
      } else if (topic.record.label.toLowerCase() !== label.toLowerCase()) {
        const aliases = (topic.record.aliases ??= []);
        if (!aliases.includes(label)) aliases.push(label);
      }
      for (const entry of (row.cells[1] ?? '').split(',')) {
        const written = entry.trim();
        if (!written) continue;
        const m = HANDLE.exec(written);
        if (!m) {
          problems.push(
            problemAt(
              'warning',
              origin,
              `"${written}" is not a handle (login, optionally followed by * or ^); skipped`,
            ),
          );
          continue;
        }
        const [, login, assignable, legacy, inactive] = m as unknown as [
          string,
          string,
          string?,
          string?,
          string?,
        ];
        const host = legacy ? config.legacyHost : config.host;
        const personId = `${legacy ? config.legacyPersonIdPrefix : config.personIdPrefix}${login.toLowerCase()}`;
        if (!people.has(personId)) {
          people.add(personId);
          records.people.push({
            record: { id: personId, name: login, handles: { [host]: login } },
            origin,
            weak: ['name'],
          });
        }
        const level = emeritus
          ? config.levels.emeritus
          : inactive
            ? config.levels.inactive
            : assignable
              ? config.levels.assignable
              : config.levels.listed;
        const key = `${personId}\u0000${topicId}`;
        const evidence = config.evidenceUrl
          ? [{ label: `Experts index (${section}): ${label}`, url: config.evidenceUrl }]
          : [];
        const existing = expertise.get(key);
        if (!existing) {
          expertise.set(key, {
            record: { person: personId, topic: topicId, level, evidence },
            origin,
          });
        } else if (level > existing.record.level) {
          // Listed twice (e.g. "io" as module and as interest area): the stronger listing counts.
          existing.record.level = level;
        }
      }
    }
  }
  appendAll(records.topics, topics.values());
  appendAll(records.expertise, expertise.values());
  return { records, problems };
}

/** ":mod:`json`" or "``json``" → "json" */
function stripMarkup(cell: string): string {
  return cell
    .replace(/:[\w-]+:`([^`]*)`/g, '$1')
    .replace(/`+([^`]*)`+_?/g, '$1')
    .trim();
}
