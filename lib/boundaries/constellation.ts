// Indexes a constellation once for every analysis: records get dense numbers, memberships
// become typed arrays, and members per community / communities per person become compressed
// adjacency lists (offsets + entries). At 300k memberships this keeps each analysis a few
// linear passes over flat arrays instead of millions of map look-ups and small objects.
import { LEADERSHIP_ROLES, PARTICIPATION_LEVELS, type LeadershipRole } from '../model/vocabulary';
import type {
  CommunityRecord,
  ConstellationInput,
  FeedRef,
  PersonRecord,
  TopicRecord,
  UnitRecord,
} from './types';

export const PARTICIPATION_CODE = { core: 0, active: 1, peripheral: 2 } as const;
export const NO_DATE = -1;

/** Bit of a leadership role in a membership's role mask. */
export function roleBit(role: LeadershipRole): number {
  return 1 << LEADERSHIP_ROLES.indexOf(role);
}

export function rolesOfMask(mask: number): LeadershipRole[] {
  return LEADERSHIP_ROLES.filter((_, i) => mask & (1 << i));
}

export const PARTICIPATION_OF_CODE = PARTICIPATION_LEVELS;

/** Days from 1970-01-01 to a proleptic Gregorian date (H. Hinnant's days_from_civil). */
function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const dayOfEra =
    yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146097 + dayOfEra - 719468;
}

function digits(text: string, from: number, to: number): number {
  let value = 0;
  for (let i = from; i < to; i++) {
    const digit = text.charCodeAt(i) - 48;
    if (digit < 0 || digit > 9) return -1;
    value = value * 10 + digit;
  }
  return value;
}

/**
 * "2026-11-01" → whole days since 1970-01-01 (UTC); NO_DATE when absent or malformed.
 * Read digit by digit: it runs once per membership, 300k times for a large organisation.
 */
export function dayOf(date: string | undefined): number {
  if (!date || date.length < 10) return NO_DATE;
  const year = digits(date, 0, 4);
  const month = digits(date, 5, 7);
  const day = digits(date, 8, 10);
  if (year < 0 || month < 1 || month > 12 || day < 1 || day > 31) return NO_DATE;
  return daysFromCivil(year, month, day);
}

/** core → 0, active → 1, peripheral → 2, by first letter (no string hashing per row). */
function participationCode(participation: string): number {
  const first = participation.charCodeAt(0);
  return first === 99 ? 0 : first === 97 ? 1 : 2;
}

/** Ids → dense numbers, per feed. */
class RefIndex {
  private readonly byFeed = new Map<string, Map<string, number>>();
  private lastFeed = '';
  private lastMap: Map<string, number> | undefined;

  add(ref: FeedRef, index: number): void {
    let ids = this.byFeed.get(ref.feedId);
    if (!ids) this.byFeed.set(ref.feedId, (ids = new Map<string, number>()));
    if (!ids.has(ref.id)) ids.set(ref.id, index);
  }

  get(feedId: string, id: string): number {
    // Memberships arrive grouped by feed, so the last feed's map is almost always the one.
    if (feedId !== this.lastFeed || !this.lastMap) {
      this.lastFeed = feedId;
      this.lastMap = this.byFeed.get(feedId);
    }
    return this.lastMap?.get(id) ?? -1;
  }
}

export interface Constellation {
  communities: readonly CommunityRecord[];
  people: readonly PersonRecord[];
  units: readonly UnitRecord[];
  topics: readonly TopicRecord[];
  /** Distinct companies, most people first. */
  companies: readonly string[];
  communityIndex(ref: FeedRef): number;
  personIndex(ref: FeedRef): number;
  unitIndex(ref: FeedRef): number;
  topicIndex(ref: FeedRef): number;

  /** Memberships whose person and community both resolved. */
  membershipCount: number;
  mCommunity: Int32Array;
  mPerson: Int32Array;
  /** PARTICIPATION_CODE */
  mParticipation: Uint8Array;
  /** One bit per LEADERSHIP_ROLES entry. */
  mRoles: Uint8Array;
  /** Day number of `since`, or NO_DATE. */
  mSince: Int32Array;

  /** Membership numbers of community c: communityMembers[communityStart[c] … communityStart[c+1]). */
  communityStart: Int32Array;
  communityMembers: Int32Array;
  /** Membership numbers of person p. */
  personStart: Int32Array;
  personMemberships: Int32Array;

  /** Unit number of each person, or -1. */
  personUnit: Int32Array;
  /** Company number of each person (own company, else their unit's), or -1. */
  personCompany: Int32Array;

  /** Topic numbers of community c: communityTopics[topicStart[c] … topicStart[c+1]), distinct. */
  topicStart: Int32Array;
  communityTopics: Int32Array;
  /** Community numbers covering topic t. */
  topicCommunityStart: Int32Array;
  topicCommunities: Int32Array;
}

function refIndexOf(records: readonly FeedRef[]): RefIndex {
  const index = new RefIndex();
  records.forEach((record, i) => index.add(record, i));
  return index;
}

/** Turns counts per group into offsets (length n+1) for a compressed adjacency list. */
function offsetsOf(counts: Int32Array): Int32Array {
  const start = new Int32Array(counts.length + 1);
  for (let i = 0; i < counts.length; i++) start[i + 1] = start[i]! + counts[i]!;
  return start;
}

export function indexConstellation(input: ConstellationInput): Constellation {
  const { communities, people, units, topics, memberships } = input;
  const communityRefs = refIndexOf(communities);
  const personRefs = refIndexOf(people);
  const unitRefs = refIndexOf(units);
  const topicRefs = refIndexOf(topics);

  // People → unit and company.
  const personUnit = new Int32Array(people.length).fill(-1);
  const companyNumbers = new Map<string, number>();
  const companyPeople: number[] = [];
  const personCompanyName: (string | undefined)[] = new Array<string | undefined>(people.length);
  for (let p = 0; p < people.length; p++) {
    const person = people[p]!;
    const u = person.unit ? unitRefs.get(person.feedId, person.unit) : -1;
    personUnit[p] = u;
    personCompanyName[p] = person.company ?? (u >= 0 ? units[u]!.company : undefined);
  }
  for (const name of personCompanyName) {
    if (name === undefined) continue;
    let n = companyNumbers.get(name);
    if (n === undefined) companyNumbers.set(name, (n = companyPeople.length));
    companyPeople[n] = (companyPeople[n] ?? 0) + 1;
  }
  const companies = [...companyNumbers.keys()].sort(
    (a, b) =>
      companyPeople[companyNumbers.get(b)!]! - companyPeople[companyNumbers.get(a)!]! ||
      a.localeCompare(b),
  );
  const companyRank = new Map(companies.map((name, i) => [name, i]));
  const personCompany = new Int32Array(people.length).fill(-1);
  personCompanyName.forEach((name, p) => {
    if (name !== undefined) personCompany[p] = companyRank.get(name)!;
  });

  // Memberships → typed arrays (unresolvable ones are dropped: their community is hidden).
  const total = memberships.length;
  const mCommunity = new Int32Array(total);
  const mPerson = new Int32Array(total);
  const mParticipation = new Uint8Array(total);
  const mRoles = new Uint8Array(total);
  const mSince = new Int32Array(total);
  const perCommunity = new Int32Array(communities.length);
  const perPerson = new Int32Array(people.length);
  let count = 0;
  for (let i = 0; i < total; i++) {
    const m = memberships[i]!;
    const c = communityRefs.get(m.feedId, m.community);
    if (c < 0) continue;
    const p = personRefs.get(m.feedId, m.person);
    if (p < 0) continue;
    mCommunity[count] = c;
    mPerson[count] = p;
    mParticipation[count] = participationCode(m.participation);
    let mask = 0;
    if (m.roles.length > 0)
      for (const role of m.roles) {
        const bit = LEADERSHIP_ROLES.indexOf(role);
        if (bit >= 0) mask |= 1 << bit;
      }
    mRoles[count] = mask;
    mSince[count] = dayOf(m.since);
    perCommunity[c]!++;
    perPerson[p]!++;
    count++;
  }

  const communityStart = offsetsOf(perCommunity);
  const personStart = offsetsOf(perPerson);
  const communityMembers = new Int32Array(count);
  const personMemberships = new Int32Array(count);
  const cFill = communityStart.slice(0, communities.length);
  const pFill = personStart.slice(0, people.length);
  for (let m = 0; m < count; m++) {
    communityMembers[cFill[mCommunity[m]!]!++] = m;
    personMemberships[pFill[mPerson[m]!]!++] = m;
  }

  // Topics of each community (distinct, resolvable) and communities of each topic.
  const topicLists: number[][] = communities.map((community) => {
    const seen: number[] = [];
    for (const id of community.topics) {
      const t = topicRefs.get(community.feedId, id);
      if (t >= 0 && !seen.includes(t)) seen.push(t);
    }
    return seen;
  });
  const topicCounts = new Int32Array(communities.length);
  const perTopic = new Int32Array(topics.length);
  topicLists.forEach((list, c) => {
    topicCounts[c] = list.length;
    for (const t of list) perTopic[t]!++;
  });
  const topicStart = offsetsOf(topicCounts);
  const communityTopics = new Int32Array(topicStart[communities.length]!);
  const topicCommunityStart = offsetsOf(perTopic);
  const topicCommunities = new Int32Array(topicCommunityStart[topics.length]!);
  const tFill = topicCommunityStart.slice(0, topics.length);
  topicLists.forEach((list, c) => {
    list.forEach((t, k) => {
      communityTopics[topicStart[c]! + k] = t;
      topicCommunities[tFill[t]!++] = c;
    });
  });

  return {
    communities,
    people,
    units,
    topics,
    companies,
    communityIndex: (ref) => communityRefs.get(ref.feedId, ref.id),
    personIndex: (ref) => personRefs.get(ref.feedId, ref.id),
    unitIndex: (ref) => unitRefs.get(ref.feedId, ref.id),
    topicIndex: (ref) => topicRefs.get(ref.feedId, ref.id),
    membershipCount: count,
    mCommunity: mCommunity.subarray(0, count),
    mPerson: mPerson.subarray(0, count),
    mParticipation: mParticipation.subarray(0, count),
    mRoles: mRoles.subarray(0, count),
    mSince: mSince.subarray(0, count),
    communityStart,
    communityMembers,
    personStart,
    personMemberships,
    personUnit,
    personCompany,
    topicStart,
    communityTopics,
    topicCommunityStart,
    topicCommunities,
  };
}

/** Number of members of community c. */
export function sizeOf(g: Constellation, c: number): number {
  return g.communityStart[c + 1]! - g.communityStart[c]!;
}

/** Number of topics of community c. */
export function topicCountOf(g: Constellation, c: number): number {
  return g.topicStart[c + 1]! - g.topicStart[c]!;
}
