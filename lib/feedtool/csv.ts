// CSV importer for HR and directory exports: people, their units, and (optionally)
// memberships, through a column mapping in the build config. Malformed input is reported
// with file:line (the line where the offending record starts, even for multi-line quoted
// fields) and never throws: bad quoting or bad bytes stop this source; a row missing a
// required value is skipped with a warning; columns the mapping does not use are warned.
import { PARTICIPATION_LEVELS, type Participation } from '../model/vocabulary';
import type { CsvSourceConfig } from './config';
import {
  emptyRecords,
  problemAt,
  type ImportResult,
  type Origin,
  type PersonInput,
  type SourceProblem,
} from './source';
import { parseTemplate, renderTemplate, type Template } from './template';
import { parseRows, type Row } from './csv-rows';
import { decodeBytes } from './text';

export function importCsv(config: CsvSourceConfig, bytes: Uint8Array, file: string): ImportResult {
  const records = emptyRecords();
  const problems: SourceProblem[] = [];
  const fail = (line: number | undefined, message: string, column?: number): ImportResult => {
    problems.push(problemAt('error', { file, line, column }, message));
    return { records, problems };
  };

  const decoded = decodeBytes(bytes, config.encoding);
  if (!decoded.ok) return fail(decoded.line, decoded.message, decoded.column);
  const parsedRows = parseRows(decoded.text, config.delimiter);
  if (!parsedRows.ok) return fail(parsedRows.line, parsedRows.message);
  const rows = parsedRows.rows;

  let header: string[];
  let body: Row[];
  if (config.header) {
    if (rows.length === 0) return fail(1, 'the file is empty; expected a header row');
    header = config.columns ?? rows[0]!.cells.map((c) => c.trim());
    body = rows.slice(1);
  } else {
    if (!config.columns) return fail(1, 'header: false needs the column names in "columns"');
    header = config.columns;
    body = rows;
  }
  const headerLine = config.header ? rows[0]!.line : 1;
  const columnIndex = new Map<string, number>();
  header.forEach((name, index) => {
    const key = name.toLowerCase();
    if (columnIndex.has(key))
      problems.push(
        problemAt(
          'warning',
          { file, line: headerLine },
          `column "${name}" appears twice; the first one is used`,
        ),
      );
    else columnIndex.set(key, index);
  });

  // Compile every template once, and check that every column it needs exists.
  const used = new Set<string>();
  const compile = (source: string, where: string): Template | null => {
    const parsed = parseTemplate(source);
    if (!parsed.ok) {
      problems.push(problemAt('error', { file }, `${where}: ${parsed.message}`));
      return null;
    }
    for (const column of parsed.template.columns) {
      if (!columnIndex.has(column.toLowerCase())) {
        problems.push(
          problemAt(
            'error',
            { file, line: headerLine },
            `${where} uses column "${column}", which is not in the file (columns: ${header.join(', ')})`,
          ),
        );
        return null;
      }
      used.add(column.toLowerCase());
    }
    return parsed.template;
  };
  const mapping = compileMapping(config, compile);
  for (const column of [
    config.rows?.when?.empty,
    config.rows?.when?.nonEmpty,
    ...config.memberships.flatMap((m) => [m.when?.empty, m.when?.nonEmpty]),
  ]) {
    if (column === undefined) continue;
    if (!columnIndex.has(column.toLowerCase()))
      problems.push(
        problemAt(
          'error',
          { file, line: headerLine },
          `a "when" condition uses column "${column}", which is not in the file`,
        ),
      );
    used.add(column.toLowerCase());
  }
  if (problems.some((p) => p.severity === 'error')) return { records, problems };
  for (const column of config.ignoreColumns) used.add(column.toLowerCase());
  header.forEach((name) => {
    if (!used.has(name.toLowerCase()))
      problems.push(
        problemAt(
          'warning',
          { file, line: headerLine },
          `unknown column "${name}" is not used by the mapping`,
        ),
      );
  });

  for (const row of body) {
    const origin: Origin = { source: config.id, file, line: row.line };
    if (row.cells.length !== header.length) {
      problems.push(
        problemAt(
          'warning',
          origin,
          `row has ${row.cells.length} fields; the header has ${header.length}`,
        ),
      );
    }
    const cell = (column: string) => row.cells[columnIndex.get(column.toLowerCase()) ?? -1];
    const holds = (
      when: { empty?: string | undefined; nonEmpty?: string | undefined } | undefined,
    ) =>
      !when ||
      ((when.empty === undefined || !cell(when.empty)?.trim()) &&
        (when.nonEmpty === undefined || Boolean(cell(when.nonEmpty)?.trim())));
    if (!holds(config.rows?.when)) continue;
    const value = (t: Template | null | undefined) => (t ? renderTemplate(t, cell) : undefined);

    for (const unit of mapping.units) {
      const id = value(unit.id);
      const name = value(unit.name);
      if (!id) continue;
      if (!name) {
        problems.push(
          problemAt('warning', origin, `unit "${id}" has no name (${unit.name!.source}); skipped`),
        );
        continue;
      }
      const record: { id: string; name: string; parent?: string; company?: string } = { id, name };
      const parent = value(unit.parent);
      const company = value(unit.company);
      if (parent) record.parent = parent;
      if (company) record.company = company;
      records.units.push({ record, origin });
    }

    const people = mapping.people;
    if (!people) continue;
    const id = people.id.map(value).find((v) => v !== undefined);
    if (!id) {
      problems.push(
        problemAt(
          'warning',
          origin,
          `row skipped: no person id (${people.id.map((t) => t.source).join(' or ')} is empty)`,
        ),
      );
      continue;
    }
    const name = value(people.name);
    if (!name) {
      problems.push(
        problemAt(
          'warning',
          origin,
          `row skipped: person "${id}" has no name (${people.name.source} is empty)`,
        ),
      );
      continue;
    }
    const person: PersonInput = { id, name };
    for (const field of ['unit', 'company', 'title', 'timezone', 'avatar'] as const) {
      const v = value(people[field]);
      if (v) person[field] = v;
    }
    const emails = splitList(value(people.emails));
    if (emails.length > 0) person.emails = emails;
    const aliases = splitList(value(people.aliases), /;/);
    if (aliases.length > 0) person.aliases = aliases;
    const handles: Record<string, string> = {};
    for (const [host, t] of people.handles) {
      const v = value(t);
      if (v) handles[host] = v;
    }
    if (Object.keys(handles).length > 0) person.handles = handles;
    records.people.push({ record: person, origin });

    for (const m of mapping.memberships) {
      if (!holds(m.when)) continue;
      const community = value(m.community);
      const level = value(m.participation);
      if (!community || !level) continue;
      if (!(PARTICIPATION_LEVELS as readonly string[]).includes(level)) {
        problems.push(
          problemAt(
            'warning',
            origin,
            `participation "${level}" is not one of ${PARTICIPATION_LEVELS.join(', ')}; membership skipped`,
          ),
        );
        continue;
      }
      const membership: {
        person: string;
        community: string;
        participation: Participation;
        roles: typeof m.roles;
        since?: string;
      } = {
        person: id,
        community,
        participation: level as Participation,
        roles: m.roles,
      };
      const since = value(m.since);
      if (since && /^\d{4}-\d{2}-\d{2}$/.test(since)) membership.since = since;
      else if (since)
        problems.push(
          problemAt('warning', origin, `since "${since}" is not a YYYY-MM-DD date; left out`),
        );
      records.memberships.push({ record: membership, origin });
    }
  }
  return { records, problems };
}

function compileMapping(
  config: CsvSourceConfig,
  compile: (source: string, where: string) => Template | null,
) {
  const opt = (source: string | undefined, where: string) =>
    source === undefined ? undefined : compile(source, where);
  const p = config.people;
  const people = p && {
    id: (Array.isArray(p.id) ? p.id : [p.id])
      .map((s, i) => compile(s, `people.id[${i}]`))
      .filter((t): t is Template => t !== null),
    name: compile(p.name, 'people.name')!,
    unit: opt(p.unit, 'people.unit'),
    company: opt(p.company, 'people.company'),
    title: opt(p.title, 'people.title'),
    timezone: opt(p.timezone, 'people.timezone'),
    avatar: opt(p.avatar, 'people.avatar'),
    emails: opt(p.emails, 'people.emails'),
    aliases: opt(p.aliases, 'people.aliases'),
    handles: Object.entries(p.handles ?? {}).map(
      ([host, s]) => [host, compile(s, `people.handles.${host}`)] as const,
    ),
  };
  const units = config.units.map((u, i) => ({
    id: compile(u.id, `units[${i}].id`),
    name: compile(u.name, `units[${i}].name`),
    parent: opt(u.parent, `units[${i}].parent`),
    company: opt(u.company, `units[${i}].company`),
  }));
  const memberships = config.memberships.map((m, i) => ({
    community: compile(m.community, `memberships[${i}].community`),
    participation: compile(m.participation, `memberships[${i}].participation`),
    roles: m.roles,
    since: opt(m.since, `memberships[${i}].since`),
    when: m.when,
  }));
  return { people, units, memberships };
}

function splitList(value: string | undefined, separator: RegExp = /[;,]/): string[] {
  if (!value) return [];
  return value
    .split(separator)
    .map((s) => s.trim())
    .filter(Boolean);
}
