// Turns validated feed records into database rows: adds provenance and the normalised keys
// that the indexes are built on. Pure functions, so ingest and benchmarks share them.
import type { Feed } from '../model/feed';
import { emailKey, handleKey, nameKey, searchTokens } from '../model/keys';
import type {
  CommunityRow,
  ExpertiseRow,
  MembershipRow,
  PersonRow,
  TopicRow,
  UnitRow,
} from './schema';

export interface FeedRows {
  units: UnitRow[];
  people: PersonRow[];
  topics: TopicRow[];
  communities: CommunityRow[];
  memberships: MembershipRow[];
  expertise: ExpertiseRow[];
}

/** The rows of a feed, on copies of its records (the feed itself is left as it was). */
export function feedRows(feed: Feed): FeedRows {
  const copy = <T extends object>(records: readonly T[]): T[] => records.map((r) => ({ ...r }));
  return feedRowsInPlace({
    ...feed,
    units: copy(feed.units),
    people: copy(feed.people),
    topics: copy(feed.topics),
    communities: copy(feed.communities),
    memberships: copy(feed.memberships),
    expertise: copy(feed.expertise),
  });
}

/**
 * The same rows as `feedRows`, derived on the feed's own record objects (the feed is not used
 * as a document afterwards): a 100,000-person sync then holds one copy of its records, not two.
 */
export function feedRowsInPlace(feed: Feed): FeedRows {
  const { feedId } = feed;
  for (const unit of feed.units) Object.assign(unit, { feedId });
  for (const person of feed.people) {
    const logins = Object.values(person.handles);
    Object.assign(person, {
      feedId,
      handleKeys: Object.entries(person.handles).map(([host, login]) => handleKey(host, login)),
      emailKeys: person.emails.map(emailKey),
      nameKeys: unique([person.name, ...person.aliases].map(nameKey)),
      tokens: searchTokens([person.name, ...person.aliases, ...person.emails, ...logins]),
    });
  }
  for (const topic of feed.topics) {
    Object.assign(topic, {
      feedId,
      nameKeys: unique([topic.label, ...topic.aliases].map(nameKey)),
      tokens: searchTokens([topic.label, ...topic.aliases]),
    });
  }
  for (const community of feed.communities) {
    Object.assign(community, { feedId, tokens: searchTokens([community.name]) });
  }
  for (const membership of feed.memberships) Object.assign(membership, { feedId });
  for (const entry of feed.expertise) Object.assign(entry, { feedId });
  const lists = feed as unknown as FeedRows;
  return {
    units: lists.units,
    people: lists.people,
    topics: lists.topics,
    communities: lists.communities,
    memberships: lists.memberships,
    expertise: lists.expertise,
  };
}

/** `rows` with `more` appended per list (stored rows kept beside a new document's). */
export function appendRows(rows: FeedRows, more: FeedRows | undefined): FeedRows {
  if (!more) return rows;
  return {
    units: [...rows.units, ...more.units],
    people: [...rows.people, ...more.people],
    topics: [...rows.topics, ...more.topics],
    communities: [...rows.communities, ...more.communities],
    memberships: [...rows.memberships, ...more.memberships],
    expertise: [...rows.expertise, ...more.expertise],
  };
}

function unique(values: string[]): string[] {
  return [...new Set(values)];
}
