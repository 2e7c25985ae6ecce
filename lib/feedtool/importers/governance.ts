// Importer for OpenStack-style governance registries: projects.yaml (project teams with a
// PTL or distributed leadership, liaisons by role, mission, IRC channel, URL, deliverables
// with their repositories) and sigs.yaml (SIGs with chairs, scope, status, URL). Each team
// and SIG becomes a community; each deliverable a topic and its repositories the team's
// repertoire. People are keyed by IRC nick (os-<nick>) with their email; the role table and
// its reasons are in docs/feed-tooling.md ("governance").
import type { Channel, Link } from '../../model/feed';
import type { GovernanceSourceConfig } from '../config-registries';
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
import { isMapping, loadYamlFiles, stringList } from './yaml-files';
import { appendAll } from '../../arrays';

type Seat = GovernanceSourceConfig['roles'][keyof GovernanceSourceConfig['roles']];

const TEAM_KEYS = ['ptl', 'deliverables', 'mission', 'liaisons', 'irc-channel', 'leadership_type'];
const SIG_KEYS = ['chairs', 'scope'];

export async function importGovernance(
  config: GovernanceSourceConfig,
  root: string,
  display: (p: string) => string,
): Promise<ImportResult> {
  const records = emptyRecords();
  const read = await readRegistry(root, display, (name) => /\.ya?ml$/i.test(name));
  const problems: SourceProblem[] = [...read.problems];
  const roster = new Roster();
  const topicIds = new Set<string>();
  const communityIds = new Set<string>();

  /** A person entry: {name, irc, email} or a bare IRC nick. */
  const person = (raw: unknown, origin: Origin): string | undefined => {
    const entry = withoutEmpty(raw);
    const fields = typeof entry === 'string' ? { irc: entry } : isMapping(entry) ? entry : {};
    const irc = typeof fields.irc === 'string' ? fields.irc.replace(/\\/g, '').trim() : undefined;
    const name = typeof fields.name === 'string' ? fields.name.trim() : undefined;
    const email =
      typeof fields.email === 'string' && /^[^\s@]+@[^\s@]+$/.test(fields.email)
        ? fields.email
        : undefined;
    const key = irc ? slug(irc) : name ? slug(name) : email ? slug(email.split('@')[0]!) : '';
    if (!key) {
      problems.push(
        problemAt('warning', origin, 'a person without name, IRC nick or email; left out'),
      );
      return undefined;
    }
    return roster.person(
      {
        id: `${config.personIdPrefix}${key}`,
        name: name ?? irc ?? email!,
        ...(irc && !/\s/.test(irc) ? { handles: { [config.ircHost]: irc } } : {}),
        ...(email ? { emails: [email] } : {}),
      },
      origin,
      !name,
    );
  };
  const seat = (raw: unknown, community: string, role: Seat, origin: Origin) => {
    const id = person(raw, origin);
    if (id) roster.seat(id, community, role.participation, role.roles, origin);
  };
  const topic = (id: string, label: string, description: string, origin: Origin) => {
    if (topicIds.has(id)) return;
    topicIds.add(id);
    records.topics.push({ record: { id, label, ...(description ? { description } : {}) }, origin });
  };
  const uniqueId = (id: string, name: string, origin: Origin): boolean => {
    if (!communityIds.has(id)) {
      communityIds.add(id);
      return true;
    }
    problems.push(problemAt('warning', origin, `"${name}" is listed twice; the first is kept`));
    return false;
  };

  const addTeam = (
    name: string,
    team: Record<string, unknown>,
    at: (p: (string | number)[]) => Origin,
  ) => {
    const id = `${config.teamIdPrefix}${slug(name)}`;
    if (!uniqueId(id, name, at([]))) return;
    const teamTopic = `${config.topicIdPrefix}${slug(name)}`;
    const service = typeof team.service === 'string' ? team.service.trim() : '';
    const mission =
      typeof team.mission === 'string' ? team.mission.replace(/\s+/g, ' ').trim() : '';
    topic(teamTopic, name, service || mission, at([]));
    const topics = [teamTopic];
    const repertoire: Link[] = [];
    if (isMapping(team.deliverables)) {
      for (const [deliverable, value] of Object.entries(team.deliverables)) {
        const d = isMapping(value) ? value : {};
        const did = `${config.topicIdPrefix}${slug(deliverable)}`;
        topic(did, deliverable, `A deliverable of ${name}`, at(['deliverables', deliverable]));
        if (!topics.includes(did)) topics.push(did);
        for (const repo of stringList(d.repos)) {
          repertoire.push({
            label: repo,
            url: `${config.repositoryBase.replace(/\/+$/, '')}/${repo}`,
          });
        }
        if (isMapping(d.docs)) {
          for (const [kind, url] of Object.entries(d.docs)) {
            if (typeof url === 'string' && /^https:\/\//.test(url))
              repertoire.push({ label: `${deliverable} ${kind} docs`, url });
          }
        }
      }
    }
    const channels: Channel[] = [];
    if (typeof team['irc-channel'] === 'string')
      channels.push({
        kind: 'chat',
        label: `#${team['irc-channel'].replace(/^#/, '')} on ${config.ircHost}`,
      });
    if (typeof team.url === 'string' && /^https?:\/\//.test(team.url))
      channels.push({
        kind: 'wiki',
        label: `${name} team page`,
        url: team.url.replace(/^http:/, 'https:'),
      });
    records.communities.push({
      record: {
        id,
        name,
        domain: mission,
        topics: topics.slice(0, 200),
        stage: config.community.stage,
        standing: config.community.standing,
        openToNewcomers: config.community.openToNewcomers,
        channels,
        repertoire: repertoire.slice(0, 200),
      },
      origin: at([]),
    });
    if (team.ptl !== undefined) seat(team.ptl, id, config.roles.ptl, at(['ptl']));
    const liaisons = team.liaisons;
    if (Array.isArray(liaisons)) {
      // Older registries list only the TC members liaising with the team.
      liaisons.forEach((entry, i) => seat(entry, id, config.roles.tcLiaison, at(['liaisons', i])));
    } else if (isMapping(liaisons)) {
      for (const [role, entries] of Object.entries(liaisons)) {
        const kind = /^tc/i.test(role) ? config.roles.tcLiaison : config.roles.liaison;
        (Array.isArray(entries) ? entries : [entries]).forEach((entry, i) =>
          seat(entry, id, kind, at(['liaisons', role, ...(Array.isArray(entries) ? [i] : [])])),
        );
      }
    }
    if (Array.isArray(team['extra-atcs'])) {
      team['extra-atcs'].forEach((entry, i) =>
        seat(entry, id, config.roles.extraAtcs, at(['extra-atcs', i])),
      );
    }
  };

  const addSig = (
    name: string,
    sig: Record<string, unknown>,
    at: (p: (string | number)[]) => Origin,
  ) => {
    const id = `${config.sigIdPrefix}${slug(name)}`;
    if (!uniqueId(id, name, at([]))) return;
    const scope = typeof sig.scope === 'string' ? sig.scope.replace(/\s+/g, ' ').trim() : '';
    const topicId = `${config.topicIdPrefix}${config.sigIdPrefix}${slug(name)}`;
    topic(topicId, name, scope, at([]));
    const status = typeof sig.status === 'string' ? sig.status.toLowerCase() : '';
    const stage = config.sigStages[status] ?? config.community.stage;
    const channels: Channel[] = [];
    if (typeof sig.url === 'string' && /^https?:\/\//.test(sig.url))
      channels.push({
        kind: 'wiki',
        label: `${name} SIG page`,
        url: sig.url.replace(/^http:/, 'https:'),
      });
    records.communities.push({
      record: {
        id,
        name: `${name} SIG`,
        domain: scope,
        topics: [topicId],
        stage,
        standing: config.community.standing,
        openToNewcomers: config.community.openToNewcomers,
        channels,
      },
      origin: at([]),
    });
    (Array.isArray(sig.chairs) ? sig.chairs : []).forEach((entry, i) =>
      seat(entry, id, config.roles.chairs, at(['chairs', i])),
    );
  };

  let recognised = 0;
  const found: string[] = [];
  for (const doc of loadYamlFiles(read.files, config.id, problems)) {
    if (!isMapping(doc.value)) {
      found.push(`${doc.file.file}: ${describeKeys(doc.value)}`);
      continue;
    }
    let here = 0;
    for (const [name, raw] of Object.entries(doc.value)) {
      const entry = withoutEmpty(raw);
      if (!isMapping(entry)) continue;
      const at = (p: (string | number)[]) => doc.at([name, ...p]);
      if (TEAM_KEYS.some((k) => k in entry)) addTeam(name, entry, at);
      else if (SIG_KEYS.some((k) => k in entry)) addSig(name, entry, at);
      else continue;
      here++;
    }
    if (here === 0) found.push(`${doc.file.file}: ${describeKeys(doc.value)}`);
    recognised += here;
  }
  if (recognised === 0 && !problems.some((p) => p.severity === 'error')) {
    problems.push(
      problemAt(
        'error',
        { file: display(root), line: read.folder ? undefined : 1 },
        `found no project teams or SIGs: expected top-level entries with \`ptl\`, \`mission\` or \`deliverables\` (projects.yaml) or \`chairs\` and \`scope\` (sigs.yaml); found ${found.length > 0 ? found.slice(0, 5).join('; ') : 'no YAML files'}`,
      ),
    );
    return { records, problems };
  }
  appendAll(records.people, roster.peopleRecords());
  appendAll(records.memberships, roster.membershipRecords());
  return { records, problems };
}
