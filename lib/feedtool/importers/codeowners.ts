// Importer for code ownership: GitHub/GitLab CODEOWNERS files and Kubernetes-style OWNERS /
// OWNERS_ALIASES trees. Each owned area (a folder, cut to `depth` for CODEOWNERS; each
// OWNERS file's folder) becomes a community with a topic named after its path: approvers
// (and CODEOWNERS owners, whose approval is required) core, reviewers active, emeritus
// approvers peripheral. Each OWNERS_ALIASES group becomes a community of its own, and an
// area owned through an alias is related to it. Teams (@org/team) are not people: they are
// noted, and a peribolos source gives their members.
import { parse } from 'yaml';
import type { CodeownersSourceConfig } from '../config-registries';
import {
  emptyRecords,
  problemAt,
  slug,
  type ImportResult,
  type Origin,
  type SourceProblem,
} from '../source';
import { areaOf, parseCodeowners, parseOwner } from './codeowners-parse';
import { describeKeys, withoutEmpty } from './empty';
import { readRegistry, type RegistryFile } from './files';
import { Roster } from './roster';
import { isMapping, loadYamlFiles, stringList } from './yaml-files';
import { appendAll } from '../../arrays';

type Kind = 'codeowners' | 'owners' | 'aliases';

function kindOf(name: string): Kind | undefined {
  if (/^CODEOWNERS$/i.test(name)) return 'codeowners';
  if (/^OWNERS_ALIASES$/.test(name)) return 'aliases';
  if (/^OWNERS$/.test(name)) return 'owners';
  return undefined;
}

interface Area {
  id: string;
  path: string;
  origin: Origin;
  patterns: string[];
  related: Set<string>;
}

export async function importCodeowners(
  config: CodeownersSourceConfig,
  root: string,
  display: (p: string) => string,
): Promise<ImportResult> {
  const records = emptyRecords();
  const read = await readRegistry(root, display, (name) => kindOf(name) !== undefined);
  const problems: SourceProblem[] = [...read.problems];
  const roster = new Roster();
  const areas = new Map<string, Area>();
  const aliases = new Map<string, { id: string; logins: string[] }>();
  const teamsNoted = new Set<string>();

  const person = (login: string, origin: Origin): string => roster.login(login, config, origin);
  const area = (folder: string, origin: Origin): Area => {
    const key = folder.replace(/^\/+|\/+$/g, '');
    let found = areas.get(key);
    if (!found) {
      found = {
        id: `${config.communityIdPrefix}${slug(key) || 'root'}`,
        path: key,
        origin,
        patterns: [],
        related: new Set(),
      };
      areas.set(key, found);
    }
    return found;
  };

  // OWNERS_ALIASES first: OWNERS files refer to its groups.
  const byKind = (file: RegistryFile): Kind =>
    kindOf(file.relative.split('/').pop() || file.absolute.split(/[\\/]/).pop()!) ??
    sniff(file.text);
  const aliasFiles = read.files.filter((f) => byKind(f) === 'aliases');
  const ownersFiles = read.files.filter((f) => byKind(f) === 'owners');
  const codeownersFiles = read.files.filter((f) => byKind(f) === 'codeowners');
  const found: string[] = [];

  for (const doc of loadYamlFiles(aliasFiles, config.id, problems)) {
    const map = isMapping(doc.value) ? withoutEmpty(doc.value.aliases) : undefined;
    if (!isMapping(map)) {
      found.push(`${doc.file.file}: ${describeKeys(doc.value)}`);
      continue;
    }
    for (const [name, logins] of Object.entries(map)) {
      if (aliases.has(name.toLowerCase())) continue;
      const id = `${config.aliasIdPrefix}${slug(name)}`;
      const list = stringList(logins);
      aliases.set(name.toLowerCase(), { id, logins: list });
      const origin = doc.at(['aliases', name]);
      records.communities.push({
        record: {
          id,
          name,
          domain: `The "${name}" group of ${doc.file.file.split(/[\\/]/).pop()}: people trusted together with reviews and approvals`,
          stage: config.community.stage,
          standing: config.community.standing,
          openToNewcomers: config.community.openToNewcomers,
        },
        origin,
      });
      list.forEach((login, i) => {
        const where = doc.at(['aliases', name, i]);
        roster.seat(
          person(login, where),
          id,
          config.aliasMembers.participation,
          config.aliasMembers.roles,
          where,
        );
      });
    }
  }

  /** Seats an owner entry (a login or an alias) in an area. */
  const own = (
    entry: string,
    target: Area,
    seat: {
      participation: 'core' | 'active' | 'peripheral';
      roles: CodeownersSourceConfig['approvers']['roles'];
    },
    origin: Origin,
  ) => {
    const alias = aliases.get(entry.toLowerCase());
    if (alias) {
      target.related.add(alias.id);
      for (const login of alias.logins)
        roster.seat(person(login, origin), target.id, seat.participation, seat.roles, origin);
      return;
    }
    roster.seat(person(entry, origin), target.id, seat.participation, seat.roles, origin);
  };

  for (const doc of loadYamlFiles(ownersFiles, config.id, problems)) {
    const value = withoutEmpty(doc.value);
    const keys = ['approvers', 'reviewers', 'emeritus_approvers', 'emeritus_reviewers', 'filters'];
    if (!isMapping(value) || !keys.some((k) => k in value)) {
      found.push(`${doc.file.file}: ${describeKeys(doc.value)}`);
      continue;
    }
    const folder = doc.file.relative.split('/').slice(0, -1).join('/');
    const target = area(folder, doc.at([]));
    const seats = [
      ['approvers', config.approvers],
      ['reviewers', config.reviewers],
      ['emeritus_approvers', config.emeritus],
      ['emeritus_reviewers', config.emeritus],
    ] as const;
    const apply = (block: Record<string, unknown>, base: (string | number)[]) => {
      for (const [key, seat] of seats) {
        if (!seat) continue;
        stringList(block[key]).forEach((entry, i) =>
          own(entry, target, seat, doc.at([...base, key, i])),
        );
      }
    };
    apply(value, []);
    // filters: {"\\.md$": {approvers: […]}}: owners of some files of the folder.
    if (isMapping(value.filters)) {
      for (const [filter, block] of Object.entries(value.filters)) {
        if (isMapping(block)) apply(block, ['filters', filter]);
      }
    }
  }

  for (const file of codeownersFiles) {
    const rules = parseCodeowners(file.text);
    // A file none of whose lines names a real owner is not a CODEOWNERS file (a YAML file
    // given by mistake reads as "pattern owner" lines too).
    if (!rules.some((r) => r.owners.some((o) => parseOwner(o).kind !== 'unknown'))) {
      found.push(`${file.file}: no line of the form "<path> @owner"`);
      continue;
    }
    for (const rule of rules) {
      // A pattern without owners un-assigns its files on GitHub: no area of its own.
      if (rule.owners.length === 0) continue;
      const origin: Origin = { source: config.id, file: file.file, line: rule.line };
      const target = area(areaOf(rule.pattern, config.depth), origin);
      target.patterns.push(rule.pattern);
      for (const text of rule.owners) {
        const owner = parseOwner(text);
        if (owner.kind === 'user') own(owner.login, target, config.approvers, origin);
        else if (owner.kind === 'email') {
          const id = roster.person(
            {
              id: `${config.personIdPrefix}${slug(owner.email)}`,
              name: owner.email.split('@')[0]!,
              emails: [owner.email],
            },
            origin,
            true,
          );
          roster.seat(
            id,
            target.id,
            config.approvers.participation,
            config.approvers.roles,
            origin,
          );
        } else if (owner.kind === 'team') {
          const key = `${owner.org}/${owner.team}`;
          if (!teamsNoted.has(key)) {
            teamsNoted.add(key);
            problems.push(
              problemAt(
                'note',
                origin,
                `team @${key} owns "${rule.pattern}": teams are not people; a peribolos source can give its members`,
              ),
            );
          }
        } else {
          problems.push(
            problemAt(
              'warning',
              origin,
              `owner "${owner.text}" is neither @user, @org/team nor an email address; left out`,
            ),
          );
        }
      }
    }
  }

  for (const a of areas.values()) {
    const topic = a.path ? `${config.topicIdPrefix}${slug(a.path)}` : undefined;
    if (topic) {
      const last = a.path.split('/').pop()!;
      records.topics.push({
        record: { id: topic, label: a.path, ...(last !== a.path ? { aliases: [last] } : {}) },
        origin: a.origin,
      });
    }
    const where = a.path ? `/${a.path}` : 'the whole repository';
    records.communities.push({
      record: {
        id: a.id,
        name: a.path ? `Owners of /${a.path}` : 'Repository owners',
        domain: `Reviews and approves changes to ${where}${a.patterns.length > 0 ? ` (${[...new Set(a.patterns)].slice(0, 10).join(', ')})` : ''}`,
        topics: topic ? [topic] : [],
        stage: config.community.stage,
        standing: config.community.standing,
        openToNewcomers: config.community.openToNewcomers,
        related: [...a.related],
        ...(config.repository
          ? {
              repertoire: [
                {
                  label: where,
                  url: `${config.repository.replace(/\/+$/, '')}/tree/${config.branch}/${a.path}`.replace(
                    /\/$/,
                    '',
                  ),
                },
              ],
            }
          : {}),
      },
      origin: a.origin,
    });
  }
  if (areas.size === 0 && aliases.size === 0 && !problems.some((p) => p.severity === 'error')) {
    problems.push(
      problemAt(
        'error',
        { file: display(root), line: read.folder ? undefined : 1 },
        `found no code owners: expected CODEOWNERS rules ("<path> @owner"), OWNERS files with \`approvers\` / \`reviewers\`, or OWNERS_ALIASES with \`aliases\`; found ${found.length > 0 ? found.slice(0, 5).join('; ') : read.folder ? 'no CODEOWNERS, OWNERS or OWNERS_ALIASES files' : 'nothing'}`,
      ),
    );
    return { records, problems };
  }
  appendAll(records.people, roster.peopleRecords());
  appendAll(records.memberships, roster.membershipRecords());
  return { records, problems };
}

/** A file with another name (owners.yaml, a renamed CODEOWNERS): YAML with `aliases` is
 * OWNERS_ALIASES, any other YAML mapping or list is read as OWNERS (and refused there when it
 * names no approvers or reviewers); text that is not structured YAML is CODEOWNERS. */
function sniff(text: string): Kind {
  if (/^aliases:/m.test(text)) return 'aliases';
  try {
    const value: unknown = parse(text);
    if (typeof value === 'object' && value !== null) return 'owners';
  } catch {
    // Not YAML: "* @owner" starts with an alias indicator, for one.
  }
  return 'codeowners';
}
