// Importer for a Kubernetes-style community registry (kubernetes/community sigs.yaml):
// every SIG, working group, committee and user group becomes a community with its own
// topic; chairs, tech leads, emeritus leads, subproject leads and steering liaisons become
// people (identified by GitHub login) with memberships whose participation and Wenger roles
// come from the config (defaults and reasons in docs/feed-tooling.md). Optionally, the Slack
// user map (communication/slack-config/users.yaml) adds each person's Slack member id.
import { formatPath } from '../model/validate';
import type { K8sSigsSourceConfig } from './config';
import {
  groupChannels,
  groupMeetings,
  groupRepertoire,
  groupSchema,
  linkChecker,
  personEntry,
  type Group,
  type GroupContext,
} from './k8s-community';
import { K8sRoster, readSlackUsers } from './k8s-people';
import {
  emptyRecords,
  problemAt,
  slug,
  type ImportResult,
  type Origin,
  type SourceProblem,
} from './source';
import { loadYaml } from './yaml-load';
import { describeKeys, withoutEmpty } from './importers/empty';
import { appendAll } from '../arrays';

/** The registry's usual kinds, read first and in this order; any other top-level list of
 * groups follows in file order, its key being its kind. */
const KNOWN_KINDS = ['sigs', 'workinggroups', 'committees', 'usergroups'];

/** How a kind the config does not style is shown (the config's own default for other keys). */
const DEFAULT_KIND = {
  stage: 'active',
  standing: 'legitimized',
  openToNewcomers: true,
  namePrefix: '',
  nameSuffix: '',
} as const;

/** A top-level value is a list of groups when it is a list whose entries are mappings with a
 * `dir` or a `name` (an empty list of a known kind is simply empty). */
function isGroupList(value: unknown): value is unknown[] {
  return (
    Array.isArray(value) &&
    value.some(
      (entry) => typeof entry === 'object' && entry !== null && ('dir' in entry || 'name' in entry),
    )
  );
}

export function importK8sSigs(
  config: K8sSigsSourceConfig,
  text: string,
  file: string,
  slackUsers?: { text: string; file: string },
): ImportResult {
  const records = emptyRecords();
  const problems: SourceProblem[] = [];
  const loaded = loadYaml(text, file);
  appendAll(problems, loaded.problems);
  const doc = loaded.documents[0];
  if (!doc || typeof doc.value !== 'object' || doc.value === null || Array.isArray(doc.value)) {
    if (loaded.problems.length === 0)
      problems.push(
        problemAt(
          'error',
          { file, line: 1 },
          `found no groups: expected a mapping with top-level lists such as \`sigs\` or \`workinggroups\`; found ${describeKeys(doc?.value)}`,
        ),
      );
    return { records, problems };
  }
  const root = doc.value as Record<string, unknown>;
  const at = (path: (string | number)[]): Origin => ({
    source: config.id,
    file,
    ...doc.locate(path),
  });
  const slackIds = slackUsers
    ? readSlackUsers(slackUsers.text, slackUsers.file, problems)
    : new Map<string, string>();

  const roster = new K8sRoster(slackIds, config.slackWorkspace, problems);
  const notes = new Set<string>();
  const ctxFor = (groupPath: (string | number)[]): GroupContext => ({
    repository: config.repository.replace(/\/+$/, ''),
    branch: config.branch,
    slackWorkspace: config.slackWorkspace,
    link: linkChecker((severity, message, path) => {
      if (notes.has(message)) return;
      notes.add(message);
      problems.push(problemAt(severity, at([...groupPath, ...path]), message));
    }),
  });

  const groups: {
    kind: string;
    group: Group;
    index: number;
    communityId: string;
  }[] = [];
  const kinds = [
    ...KNOWN_KINDS.filter((k) => k in root),
    ...Object.keys(root).filter((k) => !KNOWN_KINDS.includes(k) && isGroupList(root[k])),
  ];
  for (const kind of kinds) {
    const list = root[kind];
    if (list === undefined || list === null) continue;
    if (!Array.isArray(list)) {
      problems.push(problemAt('error', at([kind]), `"${kind}" must be a list`));
      continue;
    }
    list.forEach((raw, index) => {
      // Blank optional values (`company:` with nothing after it) mean "not given".
      const parsed = groupSchema.safeParse(withoutEmpty(raw));
      if (!parsed.success) {
        const issue = parsed.error.issues[0]!;
        const path = [
          kind,
          index,
          ...issue.path.filter((p): p is string | number => typeof p !== 'symbol'),
        ];
        problems.push(
          problemAt(
            'warning',
            at(path),
            `${formatPath(path)}: ${issue.message}; this group is skipped`,
          ),
        );
        return;
      }
      groups.push({
        kind,
        group: parsed.data,
        index,
        communityId: `${config.communityIdPrefix}${parsed.data.dir}`,
      });
    });
  }
  if (groups.length === 0 && !problems.some((p) => p.severity === 'error')) {
    const skipped = problems.filter((p) => p.message.endsWith('this group is skipped')).length;
    problems.push(
      problemAt(
        'error',
        { file, line: 1 },
        skipped > 0
          ? `found no usable groups: all ${skipped} were skipped (see the warnings above)`
          : `found no groups: expected a top-level list such as \`sigs\` or \`workinggroups\` whose entries have \`dir\` and \`name\`; found ${describeKeys(root)}`,
      ),
    );
    return { records, problems };
  }
  const sigIdByName = new Map(
    groups.filter((g) => g.kind === 'sigs').map((g) => [g.group.name.toLowerCase(), g.communityId]),
  );

  for (const { kind, group, index, communityId } of groups) {
    const origin = at([kind, index]);
    const ctx = ctxFor([kind, index]);
    const style = config.kinds[kind] ?? DEFAULT_KIND;
    const name = `${style.namePrefix}${group.name}${style.nameSuffix}`;
    const domain = (group.mission_statement ?? '').replace(/\s+/g, ' ').trim();
    const topicId = `${config.topicIdPrefix}${group.dir}`;
    const topicIds = [topicId];
    records.topics.push({
      record: {
        id: topicId,
        label: name,
        aliases: [group.dir],
        ...(domain ? { description: domain } : {}),
      },
      origin,
    });
    if (config.subprojectTopics) {
      (group.subprojects ?? []).forEach((sub, s) => {
        const id = `${topicId}-${slug(sub.name)}`;
        if (topicIds.includes(id)) return;
        topicIds.push(id);
        records.topics.push({
          record: {
            id,
            label: sub.name,
            ...(sub.description ? { description: sub.description } : {}),
          },
          origin: at([kind, index, 'subprojects', s]),
        });
      });
    }
    const related: string[] = [];
    (group.stakeholder_sigs ?? []).forEach((sigName, s) => {
      const id = sigIdByName.get(sigName.toLowerCase());
      if (id && id !== communityId && !related.includes(id)) related.push(id);
      else if (!id)
        problems.push(
          problemAt(
            'warning',
            at([kind, index, 'stakeholder_sigs', s]),
            `stakeholder SIG "${sigName}" is not a SIG in this file; not linked`,
          ),
        );
    });
    records.communities.push({
      record: {
        id: communityId,
        name,
        domain,
        topics: topicIds,
        stage: style.stage,
        standing: style.standing,
        openToNewcomers: style.openToNewcomers,
        channels: groupChannels(group, ctx),
        meetings: groupMeetings(group, ctx),
        repertoire: groupRepertoire(group, ctx),
        related,
      },
      origin,
    });

    const evidence = [
      {
        label: `${name} in ${config.repository.replace(/^https:\/\/github\.com\//, '')}`,
        url: `${config.repository.replace(/\/+$/, '')}/tree/${config.branch}/${group.dir}`,
      },
    ];
    const expertiseIn = (personId: string, level: number | null, topic: string, origin: Origin) => {
      if (level === null) return;
      records.expertise.push({ record: { person: personId, topic, level, evidence }, origin });
    };
    const leadership = group.leadership ?? {};
    for (const role of ['chairs', 'tech_leads', 'emeritus_leads'] as const) {
      const mapping = config.roles[role];
      (leadership[role] ?? []).forEach((entry, j) => {
        const where = at([kind, index, 'leadership', role, j]);
        const personId = roster.person(entry, where);
        if (!mapping) return;
        const extra =
          role === 'chairs' && kind === 'workinggroups'
            ? config.roles.workinggroup_chairs_extra
            : [];
        roster.seat(
          personId,
          communityId,
          mapping.participation,
          [...mapping.roles, ...extra],
          where,
        );
        if (role === 'tech_leads')
          expertiseIn(personId, config.expertise.tech_leads, topicId, where);
      });
    }
    (group.subprojects ?? []).forEach((sub, s) => {
      (sub.leads ?? []).forEach((entry, j) => {
        const where = at([kind, index, 'subprojects', s, 'leads', j]);
        const personId = roster.person(entry, where);
        roster.seat(
          personId,
          communityId,
          config.roles.subproject_leads.participation,
          config.roles.subproject_leads.roles,
          where,
        );
        const subTopic = config.subprojectTopics ? `${topicId}-${slug(sub.name)}` : topicId;
        expertiseIn(personId, config.expertise.subproject_leads, subTopic, where);
      });
    });
    if (group.contact?.liaison) {
      const where = at([kind, index, 'contact', 'liaison']);
      const personId = roster.person(group.contact.liaison, where);
      roster.seat(
        personId,
        communityId,
        config.roles.liaison.participation,
        config.roles.liaison.roles,
        where,
      );
    }
  }
  // The governing-board representative is a known person but holds no seat in any group here.
  const gbRep = personEntry.safeParse(withoutEmpty(root.gb_rep));
  if (gbRep.success) roster.person(gbRep.data, at(['gb_rep']));

  appendAll(records.people, roster.peopleRecords());
  appendAll(records.memberships, roster.membershipRecords());
  // Expertise listed twice (tech lead of a group and lead of its subproject): keep the first.
  const seen = new Set<string>();
  records.expertise = records.expertise.filter((e) => {
    const key = `${e.record.person}\u0000${e.record.topic}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  return { records, problems };
}
