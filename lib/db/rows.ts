// The records a feed's generation stores, and the lookup keys derived from them (handles,
// emails, folded names, search tokens). Records are stored as the validator gave them: the
// feed id comes from the pack that holds them and the derived keys live only in the index
// lists (lib/db/packs.ts), computed once when the packs are planned. Pure functions, so
// ingest, the sync, the migration and the benchmarks share them.
import type { Community, Expertise, Feed, Membership, Person, Topic, Unit } from '../model/feed';
import { emailKey, foldedTokens, foldText, handleKey, nameKey, searchTokens } from '../model/keys';

/** A feed's records per list (a stored record may still carry its feed id: it is ignored). */
export interface FeedRows {
  units: Unit[];
  people: Person[];
  topics: Topic[];
  communities: Community[];
  memberships: Membership[];
  expertise: Expertise[];
}

/** The records of a feed as they are stored (the feed's own objects, not copied or changed). */
export function feedRecords(feed: Feed): FeedRows {
  return {
    units: feed.units,
    people: feed.people,
    topics: feed.topics,
    communities: feed.communities,
    memberships: feed.memberships,
    expertise: feed.expertise,
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

/** What a person is found by: handles per host, emails, folded names, search words. */
export interface PersonKeys {
  handleKeys: string[];
  emailKeys: string[];
  nameKeys: string[];
  tokens: string[];
}

export function personKeys(person: Person): PersonKeys {
  // Each value folded once: the names serve as name keys and as search words.
  const names = foldedNames(person);
  return {
    handleKeys: personHandleKeys(person),
    emailKeys: personEmailKeys(person),
    nameKeys: unique(names),
    tokens: personFoldedTokens(person, names),
  };
}

/**
 * A person's keys in one index list: what planning computes when it plans that list alone
 * (lib/db/packs.ts, `packStream`), the same values `personKeys` gives for it.
 */
export const personKeysIn = {
  handleKeys: personHandleKeys,
  emailKeys: personEmailKeys,
  nameKeys: (person: Person): string[] => unique(foldedNames(person)),
  tokens: personTokens,
} satisfies Record<keyof PersonKeys, (person: Person) => string[]>;

function personHandleKeys(person: Person): string[] {
  return Object.entries(person.handles).map(([host, login]) => handleKey(host, login));
}

function personEmailKeys(person: Person): string[] {
  return person.emails.map(emailKey);
}

/** The person's name and aliases, folded. */
function foldedNames(person: Person): string[] {
  return [person.name, ...person.aliases].map(foldText);
}

/** The search words of a person whose names are already folded (`names`). */
function personFoldedTokens(person: Person, names: readonly string[]): string[] {
  return foldedTokens([
    ...names,
    ...person.emails.map(foldText),
    ...Object.values(person.handles).map(foldText),
  ]);
}

/** The prefix-search words of a person (the `people.tokens` index's keys for it). */
export function personTokens(person: Person): string[] {
  return personFoldedTokens(person, foldedNames(person));
}

export function topicKeys(topic: Topic): { nameKeys: string[]; tokens: string[] } {
  return { nameKeys: topicNameKeys(topic), tokens: topicTokens(topic) };
}

export function topicNameKeys(topic: Topic): string[] {
  return unique([topic.label, ...topic.aliases].map(nameKey));
}

export function topicTokens(topic: Topic): string[] {
  return searchTokens([topic.label, ...topic.aliases]);
}

export function communityTokens(community: Community): string[] {
  return searchTokens([community.name]);
}

/** Keys schema versions 1–5 stored on people, topics and communities (ignored when read). */
const DERIVED_KEYS = ['handleKeys', 'emailKeys', 'nameKeys', 'tokens'] as const;
const KEYED_LISTS: ReadonlySet<string> = new Set(['people', 'topics', 'communities']);

/** A stored row as the record it was made from: without its feed id and derived keys. */
export function recordOfRow<T extends object>(list: string, row: T): T {
  const copy = { ...row } as Record<string, unknown>;
  delete copy.feedId;
  if (KEYED_LISTS.has(list)) for (const key of DERIVED_KEYS) delete copy[key];
  return copy as T;
}

function unique(values: string[]): string[] {
  return [...new Set(values)];
}
