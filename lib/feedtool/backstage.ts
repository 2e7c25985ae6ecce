// Importer for Backstage software-catalog YAML (https://backstage.io/docs/features/software-catalog/descriptor-format):
// multi-document files of `kind: User` and `kind: Group` entities. Groups whose spec.type
// is organisational (team, department, …) become units; groups whose type names a
// community (community, guild, …) become communities; users become people, placed in their
// first unit and made members of their community groups. Like Backstage's own processing,
// one invalid entity is reported with its line and skipped; the rest still land.
import { z } from '../model/zod';
import type { BackstageSourceConfig } from './config';
import {
  emptyRecords,
  problemAt,
  type CommunityInput,
  type ImportResult,
  type Origin,
  type SourceProblem,
} from './source';
import { loadYaml, type YamlDocument } from './yaml-load';
import { appendAll } from '../arrays';

const link = z.looseObject({
  url: z.string(),
  title: z.string().optional(),
  type: z.string().optional(),
});
const metadata = z.looseObject({
  name: z.string().regex(/^\S+$/, 'must not contain white space'),
  namespace: z.string().optional(),
  title: z.string().optional(),
  description: z.string().optional(),
  annotations: z.record(z.string(), z.string()).optional(),
  links: z.array(link).optional(),
});
const profile = z
  .looseObject({
    displayName: z.string().optional(),
    email: z.string().optional(),
    picture: z.string().optional(),
  })
  .optional();
const userEntity = z.looseObject({
  kind: z.literal('User'),
  metadata,
  spec: z.looseObject({ profile, memberOf: z.array(z.string()).optional() }).prefault({}),
});
const groupEntity = z.looseObject({
  kind: z.literal('Group'),
  metadata,
  spec: z.looseObject({
    type: z.string(),
    profile,
    parent: z.string().optional(),
    members: z.array(z.string()).optional(),
  }),
});

type User = z.infer<typeof userEntity>;
type GroupEntity = z.infer<typeof groupEntity>;

/** "group:default/team-a", "default/team-a" or "team-a" → "default/team-a" */
function refKey(ref: string, defaultKind: string): { kind: string; key: string } {
  const m = /^(?:([^:/]+):)?(?:([^/]+)\/)?(.+)$/.exec(ref.trim())!;
  return {
    kind: (m[1] ?? defaultKind).toLowerCase(),
    key: `${(m[2] ?? 'default').toLowerCase()}/${m[3]!.toLowerCase()}`,
  };
}

export function importBackstage(
  config: BackstageSourceConfig,
  text: string,
  file: string,
): ImportResult {
  const records = emptyRecords();
  const problems: SourceProblem[] = [];
  const loaded = loadYaml(text, file);
  appendAll(problems, loaded.problems);
  const users: { entity: User; origin: Origin }[] = [];
  const groups: { entity: GroupEntity; origin: Origin }[] = [];
  const otherKinds = new Map<string, number>();
  for (const doc of loaded.documents) collect(doc);

  function collect(doc: YamlDocument) {
    const value = doc.value as { kind?: unknown } | null;
    if (value === null || value === undefined) return;
    const origin: Origin = { source: config.id, file, ...doc.locate([]) };
    const kind = typeof value === 'object' ? value.kind : undefined;
    if (kind !== 'User' && kind !== 'Group') {
      const name = typeof kind === 'string' ? kind : '(no kind)';
      otherKinds.set(name, (otherKinds.get(name) ?? 0) + 1);
      return;
    }
    const parsed = (kind === 'User' ? userEntity : groupEntity).safeParse(value);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      const path = issue.path.filter((p): p is string | number => typeof p !== 'symbol');
      const where = { ...origin, ...doc.locate(path) };
      problems.push(
        problemAt(
          'warning',
          where,
          `${kind} entity: ${path.join('.') || 'entity'}: ${issue.message}; skipped`,
        ),
      );
      return;
    }
    if (kind === 'User') users.push({ entity: parsed.data as User, origin });
    else groups.push({ entity: parsed.data as GroupEntity, origin });
  }
  if (otherKinds.size > 0) {
    const list = [...otherKinds].map(([k, n]) => `${k}: ${n}`).join(', ');
    problems.push(problemAt('note', { file }, `ignored entities of other kinds (${list})`));
  }

  const idOf = (key: string) =>
    `${config.personIdPrefix}${key.startsWith('default/') ? key.slice(8) : key}`;
  const unitIds = new Map<string, string>();
  const communityIds = new Map<string, string>();
  const groupMembers = new Map<string, string[]>(); // user key → group keys from Group.spec.members
  for (const { entity, origin } of groups) {
    const key = refKey(
      `${entity.metadata.namespace ?? 'default'}/${entity.metadata.name}`,
      'group',
    ).key;
    const type = entity.spec.type.toLowerCase();
    if (config.unitTypes.includes(type)) unitIds.set(key, idOf(key));
    else if (config.communityTypes.includes(type)) communityIds.set(key, idOf(key));
    else {
      problems.push(
        problemAt(
          'note',
          origin,
          `group "${entity.metadata.name}" has type "${entity.spec.type}", neither a unit nor a community type; ignored`,
        ),
      );
      continue;
    }
    for (const member of entity.spec.members ?? []) {
      const user = refKey(member, 'user').key;
      groupMembers.set(user, [...(groupMembers.get(user) ?? []), key]);
    }
  }
  for (const { entity, origin } of groups) {
    const key = refKey(
      `${entity.metadata.namespace ?? 'default'}/${entity.metadata.name}`,
      'group',
    ).key;
    const name = entity.spec.profile?.displayName ?? entity.metadata.title ?? entity.metadata.name;
    if (unitIds.has(key)) {
      const unit: { id: string; name: string; parent?: string } = { id: unitIds.get(key)!, name };
      if (entity.spec.parent) {
        const parent = unitIds.get(refKey(entity.spec.parent, 'group').key);
        if (parent) unit.parent = parent;
        else
          problems.push(
            problemAt(
              'warning',
              origin,
              `group "${entity.metadata.name}": parent "${entity.spec.parent}" is not a unit in this catalog; left out`,
            ),
          );
      }
      records.units.push({ record: unit, origin });
    } else if (communityIds.has(key)) {
      records.communities.push({
        record: communityOf(entity, communityIds.get(key)!, name, config),
        origin,
      });
    }
  }

  for (const { entity, origin } of users) {
    const key = refKey(
      `${entity.metadata.namespace ?? 'default'}/${entity.metadata.name}`,
      'user',
    ).key;
    const id = idOf(key);
    const display = entity.spec.profile?.displayName ?? entity.metadata.title;
    const person: {
      id: string;
      name: string;
      unit?: string;
      emails?: string[];
      avatar?: string;
      handles?: Record<string, string>;
    } = {
      id,
      name: display ?? entity.metadata.name,
    };
    if (entity.spec.profile?.email) person.emails = [entity.spec.profile.email];
    if (entity.spec.profile?.picture?.startsWith('https://'))
      person.avatar = entity.spec.profile.picture;
    const handles: Record<string, string> = {};
    for (const [annotation, host] of Object.entries(config.handleAnnotations)) {
      const login = entity.metadata.annotations?.[annotation];
      if (login) handles[host] = login;
    }
    if (Object.keys(handles).length > 0) person.handles = handles;
    const memberOf = [
      ...(entity.spec.memberOf ?? []).map((r) => refKey(r, 'group').key),
      ...(groupMembers.get(key) ?? []),
    ];
    const unit = memberOf.map((g) => unitIds.get(g)).find((u) => u !== undefined);
    if (unit) person.unit = unit;
    records.people.push({ record: person, origin, ...(display ? {} : { weak: ['name'] }) });
    const joined = new Set<string>();
    for (const group of memberOf) {
      const community = communityIds.get(group);
      if (!community || joined.has(community)) continue;
      joined.add(community);
      records.memberships.push({
        record: { person: id, community, participation: config.community.participation },
        origin,
      });
    }
  }
  return { records, problems };
}

function communityOf(
  entity: GroupEntity,
  id: string,
  name: string,
  config: BackstageSourceConfig,
): CommunityInput {
  const community: CommunityInput = {
    id,
    name,
    domain: entity.metadata.description?.trim() ?? '',
    stage: config.community.stage,
    standing: config.community.standing,
    openToNewcomers: config.community.openToNewcomers,
  };
  const channels: NonNullable<CommunityInput['channels']> = [];
  const repertoire: NonNullable<CommunityInput['repertoire']> = [];
  for (const l of entity.metadata.links ?? []) {
    const kind = (['chat', 'mailing-list', 'forum', 'wiki', 'repo', 'meeting'] as const).find(
      (k) => k === l.type,
    );
    if (kind) channels.push({ kind, label: l.title ?? l.url, url: l.url });
    else repertoire.push({ label: l.title ?? l.url, url: l.url });
  }
  if (entity.spec.profile?.email)
    channels.push({ kind: 'mailing-list', label: entity.spec.profile.email });
  if (channels.length > 0) community.channels = channels;
  if (repertoire.length > 0) community.repertoire = repertoire;
  return community;
}
