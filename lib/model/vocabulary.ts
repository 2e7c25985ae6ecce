// The product's vocabulary from Wenger's work on communities of practice. These exact words
// appear in feeds, in the database and in the UI; never translate or restyle them in data.

/** Stages of development of a community of practice. */
export const STAGES = ['potential', 'coalescing', 'active', 'dispersed', 'memorable'] as const;

/** How the organisation regards the community. */
export const STANDINGS = [
  'unrecognized',
  'bootlegged',
  'legitimized',
  'strategic',
  'transformative',
] as const;

/** Leadership roles a member may hold in a community. */
export const LEADERSHIP_ROLES = [
  'inspirational',
  'day-to-day',
  'classificatory',
  'interpersonal',
  'boundary',
  'institutional',
  'cutting-edge',
] as const;

/** Levels of participation, from the heart of the community to its edge. */
export const PARTICIPATION_LEVELS = ['core', 'active', 'peripheral'] as const;

export const CHANNEL_KINDS = [
  'chat',
  'mailing-list',
  'forum',
  'wiki',
  'repo',
  'meeting',
  'other',
] as const;

export const VISIBILITIES = ['public', 'members'] as const;

/** Expertise levels: 1 (aware) … 5 (authority). */
export const EXPERTISE_LEVEL_NAMES = {
  1: 'aware',
  2: 'practitioner',
  3: 'proficient',
  4: 'expert',
  5: 'authority',
} as const;

export type Stage = (typeof STAGES)[number];
export type Standing = (typeof STANDINGS)[number];
export type LeadershipRole = (typeof LEADERSHIP_ROLES)[number];
export type Participation = (typeof PARTICIPATION_LEVELS)[number];
export type ChannelKind = (typeof CHANNEL_KINDS)[number];
export type Visibility = (typeof VISIBILITIES)[number];
