// The plain data the boundary analyses read: communities, people, units, topics and
// memberships as arrays (no database here). Records are structural subsets of the database
// rows, so lib/db/constellation.ts hands its rows over without copying them, and unit tests
// write small constellations by hand. Every record is scoped by its feed's id, because
// several feeds may use the same ids.
import type {
  LeadershipRole,
  Participation,
  Stage,
  Standing,
  Visibility,
} from '../model/vocabulary';

export interface FeedRef {
  feedId: string;
  id: string;
}

export interface CommunityRecord extends FeedRef {
  name: string;
  domain?: string;
  /** Topic ids of the same feed. */
  topics: readonly string[];
  stage: Stage;
  standing: Standing;
  openToNewcomers?: boolean;
  visibility?: Visibility;
  /** YYYY-MM-DD */
  lastActivity?: string;
}

export interface PersonRecord extends FeedRef {
  name: string;
  /** Unit id of the same feed. */
  unit?: string;
  /** Partner companies' people say theirs; otherwise their unit's company applies. */
  company?: string;
}

export interface UnitRecord extends FeedRef {
  name: string;
  company?: string;
}

export interface TopicRecord extends FeedRef {
  label: string;
}

export interface MembershipRecord {
  feedId: string;
  person: string;
  community: string;
  participation: Participation;
  roles: readonly LeadershipRole[];
  /** YYYY-MM-DD */
  since?: string;
}

/** Everything the analyses need; what the viewer may not see is already left out. */
export interface ConstellationInput {
  communities: readonly CommunityRecord[];
  people: readonly PersonRecord[];
  units: readonly UnitRecord[];
  topics: readonly TopicRecord[];
  memberships: readonly MembershipRecord[];
}

/** A stable string for a record of one feed, for maps, URLs and export. */
export function refKey(ref: FeedRef): string {
  return `${ref.feedId}/${ref.id}`;
}
