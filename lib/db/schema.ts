// Row types of the local database. Feed rows are the validated feed records plus their
// feed's id (provenance).
// Local rows are the user's own data: no feed sync ever writes to them.
import type { Community, Expertise, Membership, Person, Topic, Unit } from '../model/feed';
import type { LeadershipRole, Participation } from '../model/vocabulary';

export type FeedSource = 'demo' | 'url' | 'sample';

/** One ingested feed: what it is and how much of it landed. */
export interface FeedRow {
  feedId: string;
  source: FeedSource;
  url?: string;
  organization: string;
  generatedAt: string;
  ingestedAt: string;
  /** The generation of packs (lib/db/packs.ts) readers see; unique for the feed forever. */
  gen?: number;
  /**
   * Set when `gen` is a layer of changed groups over an earlier generation's packs (lib/db/
   * overlay.ts): that generation, whose packs stay until a whole generation replaces both.
   */
  base?: number;
  counts: {
    units: number;
    people: number;
    topics: number;
    communities: number;
    memberships: number;
    expertise: number;
  };
  /**
   * The feed's members-only communities with their membership counts, read from the stored
   * rows in the transaction that writes this row (ingest, generation switch), so the counts a
   * viewer sees are computed without scanning communities (lib/db/visible-counts.ts). Absent
   * on rows written before it existed: readers then scan.
   */
  membersOnly?: MembersOnlyCount[];
}

export interface MembersOnlyCount {
  community: string;
  memberships: number;
}

interface FeedScoped {
  feedId: string;
}

export type UnitRow = Unit & FeedScoped;

// Records as read: the feed's record and its feed's id. The lookup keys derived from them
// (lib/db/rows.ts) live in the index lists of the packs, not on the records.
export type PersonRow = Person & FeedScoped;
export type TopicRow = Topic & FeedScoped;
export type CommunityRow = Community & FeedScoped;

export type MembershipRow = Membership & FeedScoped;
export type ExpertiseRow = Expertise & FeedScoped;

/** A reference to a record of one feed. */
export interface Ref {
  feedId: string;
  id: string;
}

// ---- local data ----

/** Singleton rows of the user's own settings, keyed by name ("me"). */
export interface MeRow {
  key: 'me';
  feedId: string;
  personId: string;
  chosenAt: string;
}

export interface FollowRow {
  feedId: string;
  community: string;
  followedAt: string;
}

/** A membership the user declares for themself, beside (never inside) the feed's. */
export interface MyMembershipRow {
  feedId: string;
  community: string;
  participation: Participation;
  roles: LeadershipRole[];
  since?: string;
}

/** Expertise or interest the user declares; level 0 means "interested, not yet practising". */
export interface MyExpertiseRow {
  feedId: string;
  topic: string;
  level: 0 | 1 | 2 | 3 | 4 | 5;
}

export type NoteTarget = 'person' | 'community' | 'topic';

export interface NoteRow {
  id?: number;
  target: NoteTarget;
  feedId: string;
  targetId: string;
  text: string;
  updatedAt: string;
}

/**
 * A topic found on pages the user read while the extension was on (kept on this device only,
 * never exported or synced): on how many distinct days, and when first and last.
 */
export interface TopicVisitRow {
  feedId: string;
  topic: string;
  /** Distinct days (local calendar days, YYYY-MM-DD) with a page about the topic. */
  days: number;
  firstDay: string;
  lastDay: string;
}
