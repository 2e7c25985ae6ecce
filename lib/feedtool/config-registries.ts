// Config schemas of the registry importers (issue 15): GitHub org-as-code (peribolos),
// OpenStack-style governance registries, CODEOWNERS / OWNERS trees, declarative mappings of
// any YAML/JSON/TOML, and LDAP directories. Every option has a default that imports a real
// registry whole, so `id`, `type` and `path` (or `url`) are enough; the defaults and their
// reasons are documented in docs/feed-tooling.md.
import { z } from '../model/zod';
import {
  LEADERSHIP_ROLES,
  PARTICIPATION_LEVELS,
  STAGES,
  STANDINGS,
  VISIBILITIES,
} from '../model/vocabulary';

const sourceId = z.string().regex(/^[A-Za-z0-9._-]+$/, 'must be letters, digits, ".", "_" or "-"');
const template = z.string().min(1);
const participation = z.enum(PARTICIPATION_LEVELS);
const roles = z.array(z.enum(LEADERSHIP_ROLES));
type Level = (typeof PARTICIPATION_LEVELS)[number];
type Role = (typeof LEADERSHIP_ROLES)[number];

/** How one kind of seat (maintainer, PTL, approver…) becomes a membership. */
const seat = (p: Level, r: Role[]) =>
  z
    .object({ participation: participation.default(p), roles: roles.default(r) })
    .strict()
    .prefault({});

/** Stage, standing and openness given to every community a registry names. */
const communityStyle = (open = true) =>
  z
    .object({
      stage: z.enum(STAGES).default('active'),
      standing: z.enum(STANDINGS).default('legitimized'),
      openToNewcomers: z.boolean().default(open),
    })
    .strict()
    .prefault({});

const peribolosSource = z
  .object({
    id: sourceId,
    type: z.literal('peribolos'),
    /** A peribolos config (`orgs:`), one org's org.yaml, a teams.yaml, or a folder tree. */
    path: z.string().min(1),
    /** The org's GitHub login when the file does not say it (default: the folder's name). */
    org: z.string().optional(),
    host: z.string().default('github.com'),
    personIdPrefix: z.string().default('gh-'),
    /** Community ids are `<prefix><org>-<team>`. */
    communityIdPrefix: z.string().default(''),
    maintainers: seat('core', ['day-to-day']),
    members: seat('active', []),
    community: communityStyle(),
  })
  .strict();

const governanceSource = z
  .object({
    id: sourceId,
    type: z.literal('governance'),
    /** projects.yaml and/or sigs.yaml, or a folder holding them. */
    path: z.string().min(1),
    personIdPrefix: z.string().default('os-'),
    /** The IRC network nicks belong to (a handle host). */
    ircHost: z.string().default('irc.oftc.net'),
    teamIdPrefix: z.string().default(''),
    sigIdPrefix: z.string().default('sig-'),
    topicIdPrefix: z.string().default('t-'),
    /** Where `openstack/nova`-style repository names live. */
    repositoryBase: z.string().default('https://opendev.org'),
    roles: z
      .object({
        ptl: seat('core', ['day-to-day', 'institutional']),
        /** Project liaisons (release, security, TaCT SIG, events…): the team's seat elsewhere. */
        liaison: seat('core', ['boundary']),
        /** TC members liaising with a team sit outside it and carry the TC's view in. */
        tcLiaison: seat('peripheral', ['institutional', 'boundary']),
        chairs: seat('core', ['day-to-day', 'institutional', 'boundary']),
        /** Recognised contributors outside the code (extra-atcs). */
        extraAtcs: seat('active', []),
      })
      .strict()
      .prefault({}),
    /** SIG status → stage. */
    sigStages: z.record(z.string(), z.enum(STAGES)).default({
      forming: 'coalescing',
      active: 'active',
      advisory: 'active',
      completed: 'memorable',
      archived: 'dispersed',
    }),
    community: communityStyle(),
  })
  .strict();

const codeownersSource = z
  .object({
    id: sourceId,
    type: z.literal('codeowners'),
    /** A CODEOWNERS, OWNERS or OWNERS_ALIASES file, or a repository folder holding them. */
    path: z.string().min(1),
    host: z.string().default('github.com'),
    personIdPrefix: z.string().default('gh-'),
    communityIdPrefix: z.string().default('owners-'),
    /** Alias names often equal a registry's group ids (committee-code-of-conduct): kept apart. */
    aliasIdPrefix: z.string().default('alias-'),
    topicIdPrefix: z.string().default('t-'),
    /** CODEOWNERS paths are grouped into areas by their first `depth` folders. */
    depth: z.int().min(1).max(10).default(1),
    /** The repository's address, for links to the owned folders (optional). */
    repository: z.string().optional(),
    branch: z.string().default('main'),
    approvers: seat('core', ['day-to-day']),
    reviewers: seat('active', []),
    emeritus: seat('peripheral', []).nullable(),
    /** Members of an OWNERS_ALIASES group, in the group's own community. */
    aliasMembers: seat('core', []),
    community: communityStyle(),
  })
  .strict();

const mappedPerson = z
  .object({
    id: z.union([template, z.array(template).min(1)]),
    /** Optional for people listed only by login: the login stands in until a source names them. */
    name: template.optional(),
    unit: template.optional(),
    company: template.optional(),
    title: template.optional(),
    timezone: template.optional(),
    avatar: template.optional(),
    emails: template.optional(),
    aliases: template.optional(),
    handles: z.record(z.string(), template).optional(),
  })
  .strict();

const mappedSeat = z
  .object({
    /** Selector relative to the record it belongs to, e.g. `maintainers[*]`. */
    select: z.string().min(1),
    participation: z.union([participation, template]).default('active'),
    roles: roles.default([]),
    since: template.optional(),
  })
  .strict();

/** Which files of a folder a rule reads, as a path pattern relative to the folder:
 * "people/*.toml" ("*" within a folder name, "**" across folders); default every file. */
const filesPattern = z.string().min(1).optional();

const mappingSource = z
  .object({
    id: sourceId,
    type: z.literal('mapping'),
    path: z.string().min(1),
    /** Which files of a folder are read (by extension). */
    extensions: z
      .array(z.enum(['yaml', 'yml', 'json', 'toml']))
      .default(['yaml', 'yml', 'json', 'toml']),
    units: z
      .array(
        z
          .object({
            select: z.string().min(1),
            files: filesPattern,
            id: template,
            name: template,
            parent: template.optional(),
            company: template.optional(),
          })
          .strict(),
      )
      .default([]),
    people: z
      .array(
        mappedPerson
          .extend({
            select: z.string().min(1),
            files: filesPattern,
            /** Communities this person is in, from the person's own record. */
            memberships: z.array(mappedSeat.extend({ community: template }).strict()).default([]),
          })
          .strict(),
      )
      .default([]),
    communities: z
      .array(
        z
          .object({
            select: z.string().min(1),
            files: filesPattern,
            id: template,
            name: template,
            domain: template.optional(),
            stage: z.union([z.enum(STAGES), template]).default('active'),
            standing: z.union([z.enum(STANDINGS), template]).default('legitimized'),
            openToNewcomers: z.boolean().default(true),
            visibility: z.enum(VISIBILITIES).optional(),
            /** A topic made for the community (and listed in its topics). */
            topic: z
              .object({ id: template, label: template, description: template.optional() })
              .strict()
              .optional(),
            channels: z
              .array(
                z
                  .object({
                    kind: z.enum([
                      'chat',
                      'mailing-list',
                      'forum',
                      'wiki',
                      'repo',
                      'meeting',
                      'other',
                    ]),
                    label: template,
                    url: template.optional(),
                  })
                  .strict(),
              )
              .default([]),
            repertoire: z.array(z.object({ label: template, url: template }).strict()).default([]),
            /** People seated in the community, selected from the community's record. */
            members: z.array(mappedSeat.extend({ person: mappedPerson }).strict()).default([]),
          })
          .strict(),
      )
      .default([]),
  })
  .strict();

const ldapSource = z
  .object({
    id: sourceId,
    type: z.literal('ldap'),
    /** ldap://host:389 (with startTLS) or ldaps://host:636. */
    url: z.string().regex(/^ldaps?:\/\/[^\s]+$/, 'must be an ldap:// or ldaps:// URL'),
    /** Search base, e.g. dc=example,dc=org. */
    base: z.string().min(1),
    bindDN: z.string().optional(),
    /** The name of the environment variable holding the bind password (never the password). */
    passwordEnv: z
      .string()
      .regex(/^[A-Za-z_][A-Za-z0-9_]*$/)
      .optional(),
    startTLS: z.boolean().default(false),
    /** PEM file of the certificate authority for ldaps:// or StartTLS (default: the system's). */
    caFile: z.string().optional(),
    pageSize: z.int().min(1).max(10_000).default(500),
    timeoutMs: z.int().min(100).default(30_000),
    people: z
      .object({
        filter: z.string().default('(objectClass=inetOrgPerson)'),
        id: z
          .union([template, z.array(template).min(1)])
          .default(['ldap-{uid|lower}', 'ldap-{cn|slug}']),
        name: template.default('{displayName}'),
        /** Used when `name` yields nothing. */
        fallbackName: template.default('{cn}'),
        title: template.optional().default('{title}'),
        emails: template.default('{mail}'),
        timezone: template.optional(),
        company: template.optional().default('{o}'),
        handles: z.record(z.string(), template).default({}),
      })
      .strict()
      .prefault({}),
    units: z
      .object({
        filter: z.string().default('(objectClass=organizationalUnit)'),
        id: template.default('ou-{ou|slug}'),
        name: template.default('{ou}'),
      })
      .strict()
      .nullable()
      .prefault({}),
    groups: z
      .object({
        filter: z.string().default('(|(objectClass=groupOfNames)(objectClass=groupOfUniqueNames))'),
        id: template.default('ldap-{cn|slug}'),
        name: template.default('{cn}'),
        domain: template.default('{description}'),
        /** Members (`member` / `uniqueMember`) and owners (`owner`). */
        members: seat('active', []),
        owners: seat('core', ['day-to-day']),
      })
      .strict()
      .nullable()
      .prefault({}),
    community: communityStyle(),
  })
  .strict();

export const registrySourceSchemas = [
  peribolosSource,
  governanceSource,
  codeownersSource,
  mappingSource,
  ldapSource,
] as const;

export type PeribolosSourceConfig = z.output<typeof peribolosSource>;
export type GovernanceSourceConfig = z.output<typeof governanceSource>;
export type CodeownersSourceConfig = z.output<typeof codeownersSource>;
export type MappingSourceConfig = z.output<typeof mappingSource>;
export type LdapSourceConfig = z.output<typeof ldapSource>;
export type RegistrySourceConfig =
  | PeribolosSourceConfig
  | GovernanceSourceConfig
  | CodeownersSourceConfig
  | MappingSourceConfig
  | LdapSourceConfig;
