// Checking a `mapping` source's config before any file is read: every selector parses, every
// template parses and every field it names is a valid selector (or one of the special names
// $key, $value, $file, $path). Mistakes are reported with the config path of the value.
import type { MappingSourceConfig } from '../config-registries';
import { problemAt, type SourceProblem } from '../source';
import { parseTemplate, type Template } from '../template';
import { parseSelector, type Selector } from './mapping-select';

type MappedPerson = MappingSourceConfig['communities'][number]['members'][number]['person'];

/** Template names that are not selectors. */
export const SPECIAL = new Set(['$key', '$value', '.', '$file', '$path']);

export interface CompiledMapping {
  selectors: Map<string, Selector>;
  templates: Map<string, Template>;
}

export function compileMapping(
  config: MappingSourceConfig,
  configFile: string,
  problems: SourceProblem[],
): CompiledMapping {
  const selectors = new Map<string, Selector>();
  const templates = new Map<string, Template>();
  const selectorOf = (source: string, where: string): Selector | undefined => {
    const known = selectors.get(source);
    if (known) return known;
    const parsed = parseSelector(source);
    if (!parsed.ok) {
      problems.push(problemAt('error', { file: configFile }, `${where}: ${parsed.message}`));
      return undefined;
    }
    selectors.set(source, parsed.selector);
    return parsed.selector;
  };
  const check = (source: string | undefined, where: string) => {
    if (source === undefined || templates.has(source)) return;
    const parsed = parseTemplate(source);
    if (!parsed.ok) {
      problems.push(problemAt('error', { file: configFile }, `${where}: ${parsed.message}`));
      return;
    }
    for (const column of parsed.template.columns) {
      if (!SPECIAL.has(column)) selectorOf(column, `${where} ("{${column}}")`);
    }
    templates.set(source, parsed.template);
  };
  const checkPerson = (p: MappedPerson, where: string) => {
    for (const t of Array.isArray(p.id) ? p.id : [p.id]) check(t, `${where}.id`);
    for (const field of [
      'name',
      'unit',
      'company',
      'title',
      'timezone',
      'avatar',
      'emails',
      'aliases',
    ] as const)
      check(p[field], `${where}.${field}`);
    for (const [host, t] of Object.entries(p.handles ?? {})) check(t, `${where}.handles.${host}`);
  };
  config.units.forEach((u, i) => {
    selectorOf(u.select, `units[${i}].select`);
    for (const f of ['id', 'name', 'parent', 'company'] as const) check(u[f], `units[${i}].${f}`);
  });
  config.people.forEach((p, i) => {
    selectorOf(p.select, `people[${i}].select`);
    checkPerson(p, `people[${i}]`);
    p.memberships.forEach((m, j) => {
      selectorOf(m.select, `people[${i}].memberships[${j}].select`);
      for (const f of ['community', 'participation', 'since'] as const)
        check(m[f], `people[${i}].memberships[${j}].${f}`);
    });
  });
  config.communities.forEach((c, i) => {
    const w = `communities[${i}]`;
    selectorOf(c.select, `${w}.select`);
    for (const f of ['id', 'name', 'domain', 'stage', 'standing'] as const)
      check(c[f], `${w}.${f}`);
    if (c.topic)
      for (const f of ['id', 'label', 'description'] as const) check(c.topic[f], `${w}.topic.${f}`);
    c.channels.forEach(
      (ch, j) => (
        check(ch.label, `${w}.channels[${j}].label`),
        check(ch.url, `${w}.channels[${j}].url`)
      ),
    );
    c.repertoire.forEach(
      (r, j) => (
        check(r.label, `${w}.repertoire[${j}].label`),
        check(r.url, `${w}.repertoire[${j}].url`)
      ),
    );
    c.members.forEach((m, j) => {
      selectorOf(m.select, `${w}.members[${j}].select`);
      checkPerson(m.person, `${w}.members[${j}].person`);
      for (const f of ['participation', 'since'] as const) check(m[f], `${w}.members[${j}].${f}`);
    });
  });
  if (config.units.length + config.people.length + config.communities.length === 0)
    problems.push(
      problemAt(
        'error',
        { file: configFile },
        'a mapping source needs at least one of `units`, `people` or `communities`',
      ),
    );
  return { selectors, templates };
}

/** "people/*.toml" → a regular expression over paths relative to the source's folder. */
export function globPattern(glob: string): RegExp {
  const source = glob
    .replace(/^\.?\//, '')
    .split(/(\*\*\/?|\*|\?)/)
    .map((part) =>
      part === '**/'
        ? '(?:.*/)?'
        : part === '**'
          ? '.*'
          : part === '*'
            ? '[^/]*'
            : part === '?'
              ? '[^/]'
              : part.replace(/[.+^${}()|[\]\\]/g, '\\$&'),
    )
    .join('');
  return new RegExp(`^${source}$`);
}
