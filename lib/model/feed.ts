// The feed contract (../shared/FEED-V1.md) as zod schemas: the single source of the feed's
// TypeScript types and of the published JSON Schema (docs/feed.schema.json).
// Record schemas check one record in isolation; cross-record rules (unique ids, references)
// live in validate.ts because they need the whole document.
import { z } from './zod';
import {
  CHANNEL_KINDS,
  LEADERSHIP_ROLES,
  PARTICIPATION_LEVELS,
  STAGES,
  STANDINGS,
  VISIBILITIES,
} from './vocabulary';
import { FEED_LISTS, type FeedList } from './lists';
import { unsafeUrlReason } from './safe-url';

export { FEED_LISTS, type FeedList };

export const FEED_FORMAT = 'constellation-feed';
export const FEED_VERSION = 1;

/** Length caps: generous for real data, small enough that a hostile feed cannot bloat the UI. */
export const LIMITS = {
  id: 200,
  name: 200,
  label: 300,
  text: 5000,
  url: 2048,
  listItems: 200,
} as const;

const id = z
  .string()
  .min(1, 'must not be empty')
  .max(LIMITS.id, `must be at most ${LIMITS.id} characters`)
  // Control characters too: U+0000 joins a pair's two ids in the keys a sync compares, so an id
  // holding one could pass for another pair. (Ranges, not \p{Cc}: the JSON Schema's pattern
  // must read the same in validators without Unicode property escapes.)
  // eslint-disable-next-line no-control-regex -- matching control characters is the point
  .regex(/^[^\s\x00-\x1f\x7f-\x9f]+$/, 'must not contain white space or control characters')
  .meta({
    description: 'Identifier, unique within its list; no white space or control characters.',
  });

const name = z.string().trim().min(1, 'must not be empty').max(LIMITS.name);
const label = z.string().trim().min(1, 'must not be empty').max(LIMITS.label);
const text = z.string().max(LIMITS.text);

const safeUrl = z
  .string()
  .max(LIMITS.url)
  .superRefine((value, ctx) => {
    const reason = unsafeUrlReason(value);
    if (reason) ctx.addIssue({ code: 'custom', message: `URL ${reason}` });
  })
  .meta({
    format: 'uri',
    description: 'An https URL (http is accepted only for localhost and 127.0.0.1).',
  });

const isoDate = z.iso.date().meta({ description: 'A calendar date, YYYY-MM-DD.' });

function list<T extends z.ZodType>(item: T) {
  return z.array(item).max(LIMITS.listItems, `must have at most ${LIMITS.listItems} entries`);
}

const hostName = z
  .string()
  .max(253)
  .regex(
    /^[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?(\.[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?)*(:\d{1,5})?$/,
    {
      message: 'must be a host name such as github.com',
    },
  );

const login = z
  .string()
  .min(1, 'must not be empty')
  .max(100)
  .regex(/^[^\s]+$/, 'must not contain white space');

const email = z.email({ message: 'must be an email address' }).max(254);

const timezone = z
  .string()
  .max(64)
  .refine(isKnownTimeZone, { message: 'must be an IANA time zone such as Europe/Berlin' });

// Constructing an Intl.DateTimeFormat costs ~100 µs, and a feed names the same few zones
// thousands of times, so answers are remembered (boundedly: a hostile feed cannot grow it).
const timeZoneCache = new Map<string, boolean>();

function isKnownTimeZone(zone: string): boolean {
  const known = timeZoneCache.get(zone);
  if (known !== undefined) return known;
  let valid: boolean;
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    valid = true;
  } catch {
    valid = false;
  }
  if (timeZoneCache.size < 2000) timeZoneCache.set(zone, valid);
  return valid;
}

export const linkSchema = z.object({ label, url: safeUrl });

export const unitSchema = z
  .object({
    id,
    name,
    parent: id.optional().meta({ description: 'Id of the parent unit.' }),
    company: name.optional(),
  })
  .meta({ title: 'Unit', description: 'A business unit (department, team) of a company.' });

export const personSchema = z
  .object({
    id,
    name,
    unit: id.optional().meta({ description: 'Id of the person’s unit.' }),
    company: name.optional().meta({ description: 'People of partner companies say theirs.' }),
    title: name.optional(),
    emails: list(email).default([]),
    handles: z
      .record(hostName, login)
      .default({})
      .meta({ description: 'Host → login, e.g. {"github.com": "alicec"}; case-insensitive.' }),
    aliases: list(name).default([]).meta({ description: 'Other spellings of the name.' }),
    timezone: timezone.optional(),
    avatar: safeUrl.optional(),
  })
  .meta({ title: 'Person' });

export const topicSchema = z
  .object({
    id,
    label: name,
    aliases: list(name).default([]),
    description: text.optional(),
    matchAnywhere: z.boolean().optional().meta({
      description:
        'When the label or an alias is a common English word ("map", "Go"), pages mark it only as written, outside sentence starts, or in label areas; true marks it anywhere, in any case.',
    }),
  })
  .meta({ title: 'Topic' });

export const channelSchema = z.object({
  kind: z.enum(CHANNEL_KINDS),
  label,
  url: safeUrl.optional(),
});

export const meetingSchema = z.object({
  title: label,
  schedule: label.optional(),
  url: safeUrl.optional(),
});

/** Why a discovered fact is believed: the shared work behind it (docs/discovery.md). */
export const evidenceSchema = z
  .object({
    summary: text.meta({
      description:
        'The evidence in one sentence, e.g. "12 commits with Serhiy on clinic since 2024".',
    }),
    commits: z.int().min(0).optional(),
    paths: list(label).default([]).meta({ description: 'The parts of the repertoire worked on.' }),
    since: isoDate.optional(),
    until: isoDate.optional(),
    with: list(name).default([]).meta({ description: 'The people the work was shared with.' }),
    newcomer: z.boolean().optional().meta({ description: 'First contribution is recent.' }),
    source: label
      .optional()
      .meta({ description: 'Where the evidence was read, e.g. a repository.' }),
  })
  .meta({ title: 'Evidence' });

export const communitySchema = z
  .object({
    id,
    name,
    aliases: list(name).optional().meta({
      description:
        'Other names pages use for the community ("SRE Guild" for "Site Reliability Guild").',
    }),
    domain: text.meta({ description: 'The joint enterprise: what the community is about.' }),
    topics: list(id).default([]),
    stage: z.enum(STAGES),
    standing: z.enum(STANDINGS),
    openToNewcomers: z.boolean(),
    visibility: z
      .enum(VISIBILITIES)
      .default('public')
      .meta({ description: '"members": shown only to members.' }),
    channels: list(channelSchema).default([]),
    meetings: list(meetingSchema).default([]),
    repertoire: list(linkSchema).default([]).meta({ description: 'Shared artefacts.' }),
    related: list(id).default([]),
    lastActivity: isoDate.optional(),
    discovered: z.boolean().optional().meta({
      description: 'true: found from shared work (e.g. a repository history), declared by no one.',
    }),
    evidence: evidenceSchema.optional(),
  })
  .meta({ title: 'Community', description: 'A community of practice.' });

export const membershipSchema = z
  .object({
    person: id,
    community: id,
    participation: z.enum(PARTICIPATION_LEVELS),
    roles: list(z.enum(LEADERSHIP_ROLES)).default([]),
    since: isoDate.optional(),
    evidence: evidenceSchema.optional(),
  })
  .meta({ title: 'Membership' });

export const expertiseSchema = z
  .object({
    person: id,
    topic: id,
    level: z.int().min(1).max(5).meta({ description: '1 (aware) … 5 (authority).' }),
    evidence: list(linkSchema).default([]),
  })
  .meta({ title: 'Expertise' });

export const organizationSchema = z.object({ name }).meta({ title: 'Organization' });

/** The fields of the document itself; a failure here means "not a feed at all". */
export const envelopeSchema = z.object({
  format: z.literal(FEED_FORMAT),
  version: z.literal(FEED_VERSION),
  feedId: id,
  generatedAt: z.iso.datetime({ offset: true }).meta({ description: 'RFC 3339 date-time.' }),
  organization: organizationSchema,
});

/** Each list of a feed, and the schema of one of its records. */
export const RECORD_SCHEMAS = {
  units: unitSchema,
  people: personSchema,
  topics: topicSchema,
  communities: communitySchema,
  memberships: membershipSchema,
  expertise: expertiseSchema,
} as const satisfies Record<FeedList, z.ZodType>;

/** The whole document; used to publish the JSON Schema and as the type of a valid feed. */
export const feedSchema = envelopeSchema
  .extend({
    units: z.array(unitSchema),
    people: z.array(personSchema),
    topics: z.array(topicSchema),
    communities: z.array(communitySchema),
    memberships: z.array(membershipSchema),
    expertise: z.array(expertiseSchema),
  })
  .meta({
    title: 'Constellation feed, version 1',
    description:
      "An organisation's communities of practice, people, topics, memberships and expertise.",
  });

export type Unit = z.infer<typeof unitSchema>;
export type Person = z.infer<typeof personSchema>;
export type Topic = z.infer<typeof topicSchema>;
export type Community = z.infer<typeof communitySchema>;
export type Membership = z.infer<typeof membershipSchema>;
export type Expertise = z.infer<typeof expertiseSchema>;
export type Channel = z.infer<typeof channelSchema>;
export type Meeting = z.infer<typeof meetingSchema>;
export type Link = z.infer<typeof linkSchema>;
export type Evidence = z.infer<typeof evidenceSchema>;
export type Feed = z.infer<typeof feedSchema>;
export type FeedEnvelope = z.infer<typeof envelopeSchema>;
/** A feed as a producer writes it: defaults not yet applied. */
export type FeedInput = z.input<typeof feedSchema>;
