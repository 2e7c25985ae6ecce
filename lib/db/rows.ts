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

export function feedRows(feed: Feed): FeedRows {
  const { feedId } = feed;
  return {
    units: feed.units.map((unit) => ({ ...unit, feedId })),
    people: feed.people.map((person) => {
      const logins = Object.values(person.handles);
      return {
        ...person,
        feedId,
        handleKeys: Object.entries(person.handles).map(([host, login]) => handleKey(host, login)),
        emailKeys: person.emails.map(emailKey),
        nameKeys: unique([person.name, ...person.aliases].map(nameKey)),
        tokens: searchTokens([person.name, ...person.aliases, ...person.emails, ...logins]),
      };
    }),
    topics: feed.topics.map((topic) => ({
      ...topic,
      feedId,
      nameKeys: unique([topic.label, ...topic.aliases].map(nameKey)),
      tokens: searchTokens([topic.label, ...topic.aliases]),
    })),
    communities: feed.communities.map((community) => ({
      ...community,
      feedId,
      tokens: searchTokens([community.name]),
    })),
    memberships: feed.memberships.map((membership) => ({ ...membership, feedId })),
    expertise: feed.expertise.map((entry) => ({ ...entry, feedId })),
  };
}

function unique(values: string[]): string[] {
  return [...new Set(values)];
}
