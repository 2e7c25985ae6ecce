// The schema of each kind of build source (CSV, sigs.yaml, experts index, Backstage,
// existing feed) with its mapping options and their defaults. The defaults carry the
// mapping choices documented in docs/feed-tooling.md; every one can be overridden.
import { z } from '../model/zod';
import { LEADERSHIP_ROLES, PARTICIPATION_LEVELS, STAGES, STANDINGS } from '../model/vocabulary';
import { registrySourceSchemas } from './config-registries';

/** "{column|filter}" templates build values from CSV cells; text outside braces is literal. */
const template = z.string().min(1);
export const sourceId = z
  .string()
  .regex(/^[A-Za-z0-9._-]+$/, 'must be letters, digits, ".", "_" or "-"');
const participation = z.enum(PARTICIPATION_LEVELS);
const roles = z.array(z.enum(LEADERSHIP_ROLES));
const level = z.int().min(1).max(5);

const rowCondition = z
  .object({ empty: z.string().optional(), nonEmpty: z.string().optional() })
  .strict()
  .describe('keep the row only when the named column is empty / not empty');

const csvSource = z
  .object({
    id: sourceId,
    type: z.literal('csv'),
    path: z.string().min(1),
    encoding: z.enum(['utf-8', 'utf-16le', 'utf-16be', 'latin1', 'windows-1252']).default('utf-8'),
    delimiter: z.string().length(1).default(','),
    header: z.boolean().default(true),
    /** Column names for a file without a header row (or to rename a header). */
    columns: z.array(z.string().min(1)).optional(),
    /** Columns the mapping deliberately does not use (no "unknown column" warning). */
    ignoreColumns: z.array(z.string()).default([]),
    rows: z.object({ when: rowCondition.optional() }).strict().optional(),
    people: z
      .object({
        /** One template, or alternatives: the first whose columns are all non-empty. */
        id: z.union([template, z.array(template).min(1)]),
        name: template,
        unit: template.optional(),
        company: template.optional(),
        title: template.optional(),
        timezone: template.optional(),
        avatar: template.optional(),
        /** Several addresses in one cell are separated by ";" or ",". */
        emails: template.optional(),
        aliases: template.optional(),
        handles: z.record(z.string(), template).optional(),
      })
      .strict()
      .optional(),
    units: z
      .array(
        z
          .object({
            id: template,
            name: template,
            parent: template.optional(),
            company: template.optional(),
          })
          .strict(),
      )
      .default([]),
    memberships: z
      .array(
        z
          .object({
            community: template,
            participation: template,
            roles: roles.default([]),
            since: template.optional(),
            when: rowCondition.optional(),
          })
          .strict(),
      )
      .default([]),
  })
  .strict();

const kindDefaults = (
  stage: string,
  standing: string,
  open: boolean,
  prefix: string,
  suffix: string,
) =>
  z
    .object({
      stage: z.enum(STAGES).default(stage as (typeof STAGES)[number]),
      standing: z.enum(STANDINGS).default(standing as (typeof STANDINGS)[number]),
      openToNewcomers: z.boolean().default(open),
      namePrefix: z.string().default(prefix),
      nameSuffix: z.string().default(suffix),
    })
    .strict()
    .prefault({});

const leadership = (
  p: (typeof PARTICIPATION_LEVELS)[number],
  r: (typeof LEADERSHIP_ROLES)[number][],
) =>
  z
    .object({ participation: participation.default(p), roles: roles.default(r) })
    .strict()
    .prefault({});

const k8sSigsSource = z
  .object({
    id: sourceId,
    type: z.literal('k8s-sigs'),
    path: z.string().min(1),
    /** communication/slack-config/users.yaml: GitHub login → Slack member id. */
    slackUsers: z.string().optional(),
    slackWorkspace: z.string().default('kubernetes.slack.com'),
    /** Where relative charter links and group folders live. */
    repository: z.string().default('https://github.com/kubernetes/community'),
    branch: z.string().default('master'),
    communityIdPrefix: z.string().default(''),
    topicIdPrefix: z.string().default('t-'),
    kinds: z
      .object({
        sigs: kindDefaults('active', 'legitimized', true, 'SIG ', ''),
        workinggroups: kindDefaults('active', 'legitimized', true, 'WG ', ''),
        committees: kindDefaults('active', 'strategic', false, '', ' Committee'),
        usergroups: kindDefaults('active', 'legitimized', true, 'UG ', ''),
      })
      // Any other top-level list of groups (a CNCF-style `tags`, `toc_subprojects`) is read
      // too; its key is its kind, styled here (default: active, legitimized, open, no prefix).
      .catchall(kindDefaults('active', 'legitimized', true, '', ''))
      .prefault({}),
    roles: z
      .object({
        chairs: leadership('core', ['day-to-day', 'institutional']),
        tech_leads: leadership('core', ['inspirational', 'classificatory']),
        /** null leaves emeritus leads out of the feed. */
        emeritus_leads: leadership('peripheral', []).nullable(),
        subproject_leads: leadership('core', ['day-to-day']),
        liaison: leadership('peripheral', ['institutional']),
        /** Working-group chairs also get these roles: a WG exists to bridge SIGs. */
        workinggroup_chairs_extra: roles.default(['boundary']),
      })
      .strict()
      .prefault({}),
    expertise: z
      .object({
        tech_leads: level.nullable().default(4),
        subproject_leads: level.nullable().default(null),
      })
      .strict()
      .prefault({}),
    subprojectTopics: z.boolean().default(false),
  })
  .strict();

const rstExpertsSource = z
  .object({
    id: sourceId,
    type: z.literal('rst-experts'),
    path: z.string().min(1),
    host: z.string().default('github.com'),
    /** Handles marked with "^" are logins on this host instead (old bugs.python.org names). */
    legacyHost: z.string().default('bugs.python.org'),
    personIdPrefix: z.string().default('gh-'),
    legacyPersonIdPrefix: z.string().default('bpo-'),
    topicIdPrefix: z.string().default('py-'),
    levels: z
      .object({
        assignable: level.default(5),
        listed: level.default(4),
        inactive: level.default(3),
        emeritus: level.default(3),
      })
      .strict()
      .prefault({}),
    emeritusSections: z.array(z.string()).default(['Experts emeritus']),
    /** Header rows of list-tables that lack a :header-rows: option. */
    listTableHeaderRows: z.int().min(0).optional(),
    evidenceUrl: z.string().optional(),
    /** {kind}: the table's first column title (Module, Tool…); {section}: the innermost section. */
    topicDescription: z.string().default('{kind} ({section}) in the experts index'),
  })
  .strict();

const backstageSource = z
  .object({
    id: sourceId,
    type: z.literal('backstage'),
    path: z.string().min(1),
    unitTypes: z
      .array(z.string())
      .default([
        'organization',
        'business-unit',
        'division',
        'department',
        'sub-department',
        'team',
      ]),
    communityTypes: z
      .array(z.string())
      .default(['community', 'community-of-practice', 'guild', 'chapter']),
    community: z
      .object({
        stage: z.enum(STAGES).default('active'),
        standing: z.enum(STANDINGS).default('legitimized'),
        openToNewcomers: z.boolean().default(true),
        participation: participation.default('active'),
      })
      .strict()
      .prefault({}),
    /** Annotation → host of the handle it holds. */
    handleAnnotations: z
      .record(z.string(), z.string())
      .default({ 'github.com/user-login': 'github.com', 'gitlab.com/user-login': 'gitlab.com' }),
    personIdPrefix: z.string().default(''),
  })
  .strict();

const feedSource = z
  .object({ id: sourceId, type: z.literal('feed'), path: z.string().min(1) })
  .strict();

const ratio = z.number().min(0).max(1);

/** A repository's history (or a saved `git log --numstat`): communities found in the work. */
const gitSource = z
  .object({
    id: sourceId,
    type: z.literal('git'),
    /** A repository folder (read with the git program) or a saved log file. */
    path: z.string().min(1),
    /** Only commits from then on: "2024-01-01" or "2 years" (ago). */
    since: z.string().optional(),
    /** A .mailmap for a saved log (git applies a repository's own). */
    mailmap: z.string().optional(),
    /** Regular expressions over "Name <address>" that mark bots (replaces the defaults). */
    bots: z.array(z.string()).optional(),
    /** More bot patterns, in addition to the defaults. */
    extraBots: z.array(z.string()).default([]),
    sameName: z.boolean().default(true),
    depth: z.int().min(1).max(6).default(2),
    ignorePaths: z.array(z.string()).default([]),
    minCommits: z.int().min(1).default(2),
    minMembers: z.int().min(2).default(3),
    secondaryShare: ratio.default(0.2),
    resolution: z.number().positive().default(1),
    maxShare: ratio.default(0.35),
    seed: z.int().default(1),
    rules: z
      .object({
        coreShare: ratio.default(0.1),
        coreMonths: z.int().min(1).default(6),
        activeShare: ratio.default(0.02),
        activeMonths: z.int().min(1).default(3),
        recentMonths: z.int().min(1).default(24),
        newcomerMonths: z.int().min(1).default(6),
      })
      .strict()
      .prefault({}),
    /** When a discovered community is the same as a declared one (docs/discovery.md). */
    match: z
      .object({ people: ratio.default(0.5), peopleWithTopics: ratio.default(0.3) })
      .strict()
      .prefault({}),
    personIdPrefix: z.string().default('git-'),
    communityIdPrefix: z.string().default('git-'),
    topicIdPrefix: z.string().default('t-git-'),
    /** The repository's web address, for the communities' repertoire link. */
    repository: z.string().optional(),
    /** How evidence names this history (default: the repository address or the path). */
    label: z.string().optional(),
  })
  .strict();

export const sourceConfigSchema = z.discriminatedUnion('type', [
  csvSource,
  k8sSigsSource,
  rstExpertsSource,
  backstageSource,
  feedSource,
  ...registrySourceSchemas,
  gitSource,
]);

export type SourceConfig = z.output<typeof sourceConfigSchema>;
export type CsvSourceConfig = z.output<typeof csvSource>;
export type K8sSigsSourceConfig = z.output<typeof k8sSigsSource>;
export type RstExpertsSourceConfig = z.output<typeof rstExpertsSource>;
export type BackstageSourceConfig = z.output<typeof backstageSource>;
export type FeedSourceConfig = z.output<typeof feedSource>;
export type GitSourceConfig = z.output<typeof gitSource>;
