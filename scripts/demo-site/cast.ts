// Chooses, deterministically from the feed, who and what the demo pages show: the first few
// public communities with their topics and members (core first), and every unit with people.
// The same feed always yields the same pages, so screenshots and tests are stable.
import type { Community, Feed, Membership, Person, Topic, Unit } from '../../lib/model/feed';
import { PARTICIPATION_LEVELS } from '../../lib/model/vocabulary';
import { DEMO_HOSTS } from './hosts';

/** How many communities get an article, a pull request and an issue. */
export const FEATURED_COMMUNITIES = 3;

export interface CastMember {
  person: Person;
  membership: Membership;
}

export interface FeaturedCommunity {
  community: Community;
  topics: Topic[];
  /** Core members first, then active, then peripheral; feed order within a level. */
  members: CastMember[];
  /** Members with a login on the wiki, in the same order. */
  wikiMembers: CastMember[];
  /** Members with a login on the code host, in the same order. */
  codeMembers: CastMember[];
}

export interface DemoCast {
  feed: Feed;
  featured: FeaturedCommunity[];
  /** Units that have people, in feed order, with their people in feed order. */
  teams: { unit: Unit; people: Person[] }[];
  /** Topics of the featured communities, without repeats, in order of first mention. */
  topics: Topic[];
}

/** The person's login on a host (hosts compare case-insensitively, FEED-V1.md). */
export function loginOn(person: Person, host: string): string | undefined {
  const wanted = host.toLowerCase();
  for (const [key, login] of Object.entries(person.handles)) {
    if (key.toLowerCase() === wanted) return login;
  }
  return undefined;
}

/** The person whose login on `host` is `login`, compared case-insensitively. */
export function personByLogin(feed: Feed, host: string, login: string): Person | undefined {
  const wanted = login.toLowerCase();
  return feed.people.find((person) => loginOn(person, host)?.toLowerCase() === wanted);
}

/** A URL path segment made of lower-case letters, digits and dashes. */
export function slug(text: string): string {
  const cleaned = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return cleaned || 'x';
}

export function castFromFeed(feed: Feed): DemoCast {
  const people = new Map(feed.people.map((person) => [person.id, person]));
  const topicsById = new Map(feed.topics.map((topic) => [topic.id, topic]));
  const rank = (membership: Membership) => PARTICIPATION_LEVELS.indexOf(membership.participation);

  const feature = (community: Community): FeaturedCommunity => {
    const members = feed.memberships
      .filter((membership) => membership.community === community.id)
      .map((membership, order) => ({ membership, order, person: people.get(membership.person) }))
      .filter((entry): entry is typeof entry & { person: Person } => entry.person !== undefined)
      .sort((a, b) => rank(a.membership) - rank(b.membership) || a.order - b.order)
      .map(({ person, membership }) => ({ person, membership }));
    return {
      community,
      topics: community.topics.flatMap((id) => topicsById.get(id) ?? []),
      members,
      wikiMembers: members.filter((m) => loginOn(m.person, DEMO_HOSTS.wiki) !== undefined),
      codeMembers: members.filter((m) => loginOn(m.person, DEMO_HOSTS.code) !== undefined),
    };
  };

  // Public communities whose pages can show at least two people; if the feed has too few,
  // fall back to any community so that a small feed still yields pages.
  const candidates = feed.communities.map(feature);
  const preferred = candidates.filter(
    (c) => c.community.visibility === 'public' && c.members.length >= 2,
  );
  const featured = (preferred.length > 0 ? preferred : candidates).slice(0, FEATURED_COMMUNITIES);

  const teams = feed.units
    .map((unit) => ({ unit, people: feed.people.filter((person) => person.unit === unit.id) }))
    .filter((team) => team.people.length > 0);

  const topics: Topic[] = [];
  for (const topic of featured.flatMap((c) => c.topics)) {
    if (!topics.includes(topic)) topics.push(topic);
  }
  return { feed, featured, teams, topics };
}

/** A date `daysBefore` days before the feed was generated: stable, and plausible. */
export function feedDate(feed: Feed, daysBefore: number, hour = 10, minute = 2): Date {
  const date = new Date(feed.generatedAt);
  date.setUTCDate(date.getUTCDate() - daysBefore);
  date.setUTCHours(hour, minute, 0, 0);
  return date;
}
