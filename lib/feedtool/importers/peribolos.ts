// Importer for GitHub org-as-code in peribolos' format (kubernetes/org and its many copies):
// a config with `orgs: {<login>: {admins, members, teams}}`, one org's org.yaml, per-team
// teams.yaml files, or a folder tree of them. Each team (nested teams too) becomes a
// community: maintainers core with the day-to-day role, members active; `privacy: secret`
// teams are members-only; the team's repositories are its repertoire. People are keyed by
// GitHub login (gh-<login>), their name the login until another source names them.
import path from 'node:path';
import type { Link } from '../../model/feed';
import type { PeribolosSourceConfig } from '../config-registries';
import {
  emptyRecords,
  problemAt,
  slug,
  type ImportResult,
  type Origin,
  type SourceProblem,
} from '../source';
import { describeKeys, withoutEmpty } from './empty';
import { readRegistry } from './files';
import { Roster } from './roster';
import { isMapping, loadYamlFiles, stringList, type LoadedYaml } from './yaml-files';
import { appendAll } from '../../arrays';

const ORG_KEYS = ['admins', 'members', 'teams'];

interface TeamPlace {
  org: string;
  doc: LoadedYaml;
  path: (string | number)[];
}

export async function importPeribolos(
  config: PeribolosSourceConfig,
  root: string,
  display: (p: string) => string,
): Promise<ImportResult> {
  const records = emptyRecords();
  const read = await readRegistry(root, display, (name) => /\.ya?ml$/i.test(name));
  const problems: SourceProblem[] = [...read.problems];
  const docs = loadYamlFiles(read.files, config.id, problems);
  const roster = new Roster();
  const teamIds = new Set<string>();

  const person = (login: string, origin: Origin): string => roster.login(login, config, origin);

  const addTeam = (name: string, raw: unknown, place: TeamPlace, parent?: string) => {
    const team = withoutEmpty(raw);
    const at = (...sub: (string | number)[]) => place.doc.at([...place.path, ...sub]);
    if (!isMapping(team) && team !== undefined) {
      problems.push(problemAt('warning', at(), `team "${name}" is not a mapping; skipped`));
      return;
    }
    const t = team ?? {};
    const teamSlug = slug(name);
    const id = `${config.communityIdPrefix}${slug(place.org)}-${teamSlug}`;
    if (teamIds.has(id)) {
      problems.push(
        problemAt(
          'warning',
          at(),
          `team "${name}" of ${place.org} is defined twice; the first is kept`,
        ),
      );
      return;
    }
    teamIds.add(id);
    const handle = `@${place.org}/${teamSlug}`;
    const description = typeof t.description === 'string' ? t.description.trim() : '';
    const repertoire: Link[] = isMapping(t.repos)
      ? Object.keys(t.repos).map((repo) => ({
          label: `${place.org}/${repo}`,
          url: `https://${config.host}/${place.org}/${repo}`,
        }))
      : [];
    records.communities.push({
      record: {
        id,
        name,
        domain: description,
        stage: config.community.stage,
        standing: config.community.standing,
        openToNewcomers: config.community.openToNewcomers,
        visibility: t.privacy === 'secret' ? 'members' : 'public',
        channels: [
          {
            kind: 'other',
            label: handle,
            url: `https://${config.host}/orgs/${place.org}/teams/${teamSlug}`,
          },
        ],
        repertoire,
        related: parent ? [parent] : [],
      },
      origin: at(),
    });
    for (const [key, seat] of [
      ['maintainers', config.maintainers],
      ['members', config.members],
    ] as const) {
      stringList(t[key]).forEach((login, i) => {
        const where = at(key, i);
        roster.seat(person(login, where), id, seat.participation, seat.roles, where);
      });
    }
    if (isMapping(t.teams)) {
      for (const [child, value] of Object.entries(t.teams)) {
        const childId = `${config.communityIdPrefix}${slug(place.org)}-${slug(child)}`;
        const community = records.communities.find((c) => c.record.id === id)!.record;
        community.related = [...(community.related ?? []), childId];
        addTeam(child, value, { ...place, path: [...place.path, 'teams', child] }, id);
      }
    }
  };

  const addOrg = (
    org: string,
    value: Record<string, unknown>,
    doc: LoadedYaml,
    base: (string | number)[],
  ) => {
    for (const key of ['admins', 'members'] as const) {
      stringList(value[key]).forEach((login, i) => person(login, doc.at([...base, key, i])));
    }
    if (isMapping(value.teams)) {
      for (const [name, team] of Object.entries(value.teams)) {
        addTeam(name, team, { org, doc, path: [...base, 'teams', name] });
      }
    }
  };

  const rootIsOrg = !read.folder || read.files.some((f) => /^org\.ya?ml$/i.test(f.relative));
  let recognised = 0;
  const found: string[] = [];
  for (const doc of docs) {
    const value = doc.value;
    if (isMapping(value) && isMapping(value.orgs)) {
      recognised++;
      for (const [org, orgValue] of Object.entries(value.orgs)) {
        if (isMapping(orgValue)) addOrg(org, orgValue, doc, ['orgs', org]);
      }
    } else if (isMapping(value) && ORG_KEYS.some((k) => k in value)) {
      recognised++;
      addOrg(config.org ?? orgOf(doc.file.relative, root, read.folder, rootIsOrg), value, doc, []);
    } else found.push(`${doc.file.file}: ${describeKeys(value)}`);
  }
  if (recognised === 0 && !problems.some((p) => p.severity === 'error')) {
    problems.push(
      problemAt(
        'error',
        { file: display(root), line: read.folder ? undefined : 1 },
        `found no GitHub org config: expected \`orgs:\` (a peribolos config) or an org.yaml / teams.yaml with \`admins\`, \`members\` or \`teams\`; found ${found.length > 0 ? found.slice(0, 5).join('; ') : 'no YAML files'}`,
      ),
    );
    return { records, problems };
  }
  appendAll(records.people, roster.peopleRecords());
  appendAll(records.memberships, roster.membershipRecords());
  return { records, problems };
}

/** kubernetes/org keeps config/<org>/org.yaml and config/<org>/<sig>/teams.yaml. A folder
 * with an org.yaml of its own is one org (named by the folder); a folder of several orgs
 * names each by its first-level folder. A single file is named by its folder. */
function orgOf(relative: string, root: string, folder: boolean, rootIsOrg: boolean): string {
  if (!folder) return path.basename(path.dirname(root));
  const first = relative.split('/')[0]!;
  return rootIsOrg || !relative.includes('/') ? path.basename(root) : first;
}
