// The `mapping` importer: any YAML, JSON or TOML registry (one file, or a folder of files,
// e.g. one TOML file per team and per person) becomes units, people, communities and
// memberships through a declarative mapping: selectors (mapping-select.ts) choose records,
// templates (the same as csv's, with a record's fields in braces) build values. A publisher
// imports a new registry without writing code. Selectors and templates are checked before
// any file is read; a mapping that matches nothing is refused with what it found.
import path from 'node:path';
import {
  PARTICIPATION_LEVELS,
  STAGES,
  STANDINGS,
  type Participation,
} from '../../model/vocabulary';
import type { MappingSourceConfig } from '../config-registries';
import {
  emptyRecords,
  problemAt,
  type ImportResult,
  type Origin,
  type PersonInput,
  type SourceProblem,
} from '../source';
import { renderTemplate } from '../template';
import { describeKeys } from './empty';
import { readRegistry } from './files';
import { loadDocuments } from './mapping-docs';
import { compileMapping, globPattern } from './mapping-check';
import { scalarText, select, type SelectedNode } from './mapping-select';
import { Roster } from './roster';
import { appendAll } from '../../arrays';

type Cell = (column: string) => string | undefined;
type MappedPerson = MappingSourceConfig['communities'][number]['members'][number]['person'];

export async function importMapping(
  config: MappingSourceConfig,
  root: string,
  display: (p: string) => string,
): Promise<ImportResult> {
  const records = emptyRecords();
  const problems: SourceProblem[] = [];
  const configFile = display(root);

  // 1. Check every selector and template of the mapping up front.
  const { selectors, templates } = compileMapping(config, configFile, problems);
  if (problems.length > 0) return { records, problems };

  // 2. Read the files.
  const extensions = new Set(config.extensions.map((e) => `.${e}`));
  const read = await readRegistry(root, display, (name) =>
    extensions.has(path.extname(name).toLowerCase()),
  );
  appendAll(problems, read.problems);
  const docs = loadDocuments(read.files, config.id, problems);
  if (problems.some((p) => p.severity === 'error')) return { records, problems };

  // 3. Apply the mapping to every document.
  const roster = new Roster();
  const matched = new Map<string, number>();
  const count = (what: string, n: number) => matched.set(what, (matched.get(what) ?? 0) + n);
  for (const doc of docs) {
    const rootNode: SelectedNode = { value: doc.value, key: undefined, path: [] };
    const relative = doc.file.relative || path.basename(doc.file.absolute);
    const reads = (rule: { files?: string | undefined }) =>
      rule.files === undefined || globPattern(rule.files).test(relative);
    const cellFor = (node: SelectedNode): Cell => {
      return (column) => {
        if (column === '$key') return node.key === undefined ? undefined : String(node.key);
        if (column === '$value' || column === '.') return scalarText(node.value);
        if (column === '$file')
          return path.basename(doc.file.absolute, path.extname(doc.file.absolute));
        if (column === '$path') return doc.file.relative || path.basename(doc.file.absolute);
        const found = select(selectors.get(column)!, node, rootNode)[0];
        return found ? scalarText(found.value) : undefined;
      };
    };
    const render = (source: string | undefined, cell: Cell) =>
      source === undefined ? undefined : renderTemplate(templates.get(source)!, cell);
    const nodes = (source: string, from: SelectedNode) =>
      select(selectors.get(source)!, from, rootNode);
    const origin = (node: SelectedNode): Origin => doc.at(node.path);

    const person = (p: MappedPerson, cell: Cell, where: Origin): string | undefined => {
      const id = (Array.isArray(p.id) ? p.id : [p.id]).map((t) => render(t, cell)).find(Boolean);
      if (!id) {
        problems.push(
          problemAt(
            'warning',
            where,
            `record skipped: no person id (${[p.id].flat().join(' or ')} is empty)`,
          ),
        );
        return undefined;
      }
      const handles: Record<string, string> = {};
      for (const [host, t] of Object.entries(p.handles ?? {})) {
        const v = render(t, cell);
        if (v) handles[host] = v;
      }
      const name = render(p.name, cell);
      const record: PersonInput = { id, name: name ?? Object.values(handles)[0] ?? id };
      for (const field of ['unit', 'company', 'title', 'timezone', 'avatar'] as const) {
        const v = render(p[field], cell);
        if (v) record[field] = v;
      }
      const emails = split(render(p.emails, cell), /[;,]/);
      if (emails.length > 0) record.emails = emails;
      const aliases = split(render(p.aliases, cell), /;/);
      if (aliases.length > 0) record.aliases = aliases;
      if (Object.keys(handles).length > 0) record.handles = handles;
      return roster.person(record, where, !name);
    };
    const level = (source: string, cell: Cell, where: Origin): Participation | undefined => {
      const v = render(source, cell);
      if (v && (PARTICIPATION_LEVELS as readonly string[]).includes(v)) return v as Participation;
      problems.push(
        problemAt(
          'warning',
          where,
          `participation "${v ?? ''}" is not one of ${PARTICIPATION_LEVELS.join(', ')}; membership skipped`,
        ),
      );
      return undefined;
    };
    const seat = (
      m: {
        participation: string;
        roles: MappingSourceConfig['people'][number]['memberships'][number]['roles'];
        since?: string | undefined;
      },
      personId: string,
      community: string,
      cell: Cell,
      where: Origin,
    ) => {
      const participation = level(m.participation, cell, where);
      if (!participation) return;
      const since = render(m.since, cell);
      const date = since && /^\d{4}-\d{2}-\d{2}/.test(since) ? since.slice(0, 10) : undefined;
      if (since && !date)
        problems.push(
          problemAt('warning', where, `since "${since}" is not a YYYY-MM-DD date; left out`),
        );
      roster.seat(personId, community, participation, m.roles, where, date);
    };

    config.units.forEach((u, i) => {
      if (!reads(u)) return;
      const found = nodes(u.select, rootNode);
      count(`units[${i}] "${u.select}"`, found.length);
      for (const node of found) {
        const cell = cellFor(node);
        const id = render(u.id, cell);
        const name = render(u.name, cell);
        if (!id || !name) {
          problems.push(
            problemAt(
              'warning',
              origin(node),
              `unit skipped: ${!id ? `no id (${u.id})` : `no name (${u.name})`}`,
            ),
          );
          continue;
        }
        const parent = render(u.parent, cell);
        const company = render(u.company, cell);
        records.units.push({
          record: { id, name, ...(parent ? { parent } : {}), ...(company ? { company } : {}) },
          origin: origin(node),
        });
      }
    });
    config.people.forEach((p, i) => {
      if (!reads(p)) return;
      const found = nodes(p.select, rootNode);
      count(`people[${i}] "${p.select}"`, found.length);
      for (const node of found) {
        const id = person(p, cellFor(node), origin(node));
        if (!id) continue;
        for (const m of p.memberships) {
          for (const inner of nodes(m.select, node)) {
            const cell = cellFor(inner);
            const community = render(m.community, cell);
            if (community) seat(m, id, community, cell, origin(inner));
          }
        }
      }
    });
    config.communities.forEach((c, i) => {
      if (!reads(c)) return;
      const found = nodes(c.select, rootNode);
      count(`communities[${i}] "${c.select}"`, found.length);
      for (const node of found) {
        const cell = cellFor(node);
        const where = origin(node);
        const id = render(c.id, cell);
        const name = render(c.name, cell);
        if (!id || !name) {
          problems.push(
            problemAt(
              'warning',
              where,
              `community skipped: ${!id ? `no id (${c.id})` : `no name (${c.name})`}`,
            ),
          );
          continue;
        }
        const stage = oneOf(render(c.stage, cell), STAGES, 'active', 'stage', where, problems);
        const standing = oneOf(
          render(c.standing, cell),
          STANDINGS,
          'legitimized',
          'standing',
          where,
          problems,
        );
        const topics: string[] = [];
        if (c.topic) {
          const topicId = render(c.topic.id, cell);
          const label = render(c.topic.label, cell);
          const description = render(c.topic.description, cell);
          if (topicId && label) {
            topics.push(topicId);
            records.topics.push({
              record: { id: topicId, label, ...(description ? { description } : {}) },
              origin: where,
            });
          }
        }
        const channels = c.channels.flatMap((ch) => {
          const label = render(ch.label, cell);
          const url = render(ch.url, cell);
          return label ? [{ kind: ch.kind, label, ...(url ? { url } : {}) }] : [];
        });
        const repertoire = c.repertoire.flatMap((r) => {
          const label = render(r.label, cell);
          const url = render(r.url, cell);
          return label && url ? [{ label, url }] : [];
        });
        records.communities.push({
          record: {
            id,
            name,
            domain: render(c.domain, cell) ?? '',
            topics,
            stage,
            standing,
            openToNewcomers: c.openToNewcomers,
            ...(c.visibility ? { visibility: c.visibility } : {}),
            channels,
            repertoire,
          },
          origin: where,
        });
        for (const m of c.members) {
          for (const inner of nodes(m.select, node)) {
            const memberCell = cellFor(inner);
            const personId = person(m.person, memberCell, origin(inner));
            if (personId) seat(m, personId, id, memberCell, origin(inner));
          }
        }
      }
    });
  }
  appendAll(records.people, roster.peopleRecords());
  appendAll(records.memberships, roster.membershipRecords());

  if (
    [...matched.values()].every((n) => n === 0) &&
    !problems.some((p) => p.severity === 'error')
  ) {
    const found = docs.slice(0, 3).map((d) => `${d.file.file}: ${describeKeys(d.value)}`);
    problems.push(
      problemAt(
        'error',
        { file: configFile },
        `the mapping matched nothing in ${docs.length} document${docs.length === 1 ? '' : 's'}: expected ${[...matched.keys()].join(', ')} to select records; found ${found.length > 0 ? found.join('; ') : `no ${config.extensions.join('/')} files`}`,
      ),
    );
  }
  return { records, problems };
}

function oneOf<T extends string>(
  value: string | undefined,
  allowed: readonly T[],
  fallback: T,
  field: string,
  where: Origin,
  problems: SourceProblem[],
): T {
  if (value === undefined) return fallback;
  if ((allowed as readonly string[]).includes(value)) return value as T;
  problems.push(
    problemAt(
      'warning',
      where,
      `${field} "${value}" is not one of ${allowed.join(', ')}; "${fallback}" used`,
    ),
  );
  return fallback;
}

function split(value: string | undefined, separator: RegExp): string[] {
  if (!value) return [];
  return value
    .split(separator)
    .map((s) => s.trim())
    .filter(Boolean);
}
