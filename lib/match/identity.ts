// Identity candidates: what a page says about who someone is (a login on a host, an email,
// a display name), turned into the lookup keys the database indexes (lib/model/keys.ts), and
// merged so that a person found several times on a page is one person.
import { emailKey, handleKey, nameKey } from '../model/keys';
import type { Handle } from './profile-url';

export interface PersonIdentity {
  handles: Handle[];
  emails: string[];
  /** Display names, only from elements an adapter says name a person (never free text). */
  names: string[];
}

/** The keys the content script asks the background to resolve, grouped by kind. */
export interface IdentityQuery {
  handles: string[];
  emails: string[];
  names: string[];
}

/** A resolved person as content scripts see it: a reference plus what badges need. */
export interface ResolvedPerson {
  feedId: string;
  id: string;
  name: string;
  unitName?: string;
  company?: string;
  /** Visible communities the person belongs to. */
  communities: number;
  /** Names of communities shared with the viewer ("your colleague in SRE Guild"). */
  sharedWithMe: string[];
  /** True when this person is the viewer. */
  isMe: boolean;
}

/** The background's answer: for each key, the people it names (more than one = ambiguous). */
export interface IdentityAnswer {
  handles: Record<string, string[]>;
  emails: Record<string, string[]>;
  names: Record<string, string[]>;
  /** Keyed by personRefKey. */
  people: Record<string, ResolvedPerson>;
}

export function personRefKey(feedId: string, id: string): string {
  return `${feedId}\u0000${id}`;
}

// Names shorter than this, or made only of digits and punctuation, are never looked up:
// they are initials, bots or counters, not names. A name is a full name of two tokens or
// more: a single token ("Sam", "alex") names too many people to mark any of them.
const MIN_NAME_LENGTH = 3;

/**
 * What one resolve message may hold (the background's schema, lib/messaging.ts): keys of at
 * most this length — no name, address or account is longer — and this many keys of each kind.
 */
export const MAX_KEY_LENGTH = 400;
export const MAX_KEYS_PER_KIND = 500;
const HAS_LETTER = /\p{L}/u;

/**
 * A display name worth looking up, folded; undefined for blanks, initials, numbers and
 * single tokens.
 */
export function usableNameKey(name: string): string | undefined {
  const key = nameKey(name.replace(/^@/, ''));
  return key.length >= MIN_NAME_LENGTH &&
    key.length <= MAX_KEY_LENGTH &&
    HAS_LETTER.test(key) &&
    key.includes(' ')
    ? key
    : undefined;
}

export function identityKeys(identity: PersonIdentity): IdentityQuery {
  const names: string[] = [];
  for (const name of identity.names) {
    const key = usableNameKey(name);
    if (key) names.push(key);
  }
  const fits = (key: string) => key.length <= MAX_KEY_LENGTH;
  return {
    handles: identity.handles.map((h) => handleKey(h.host, h.login)).filter(fits),
    emails: identity.emails.map(emailKey).filter((key) => key.includes('@') && fits(key)),
    names,
  };
}

/** The query in parts the background takes in one message each (a staff list holds more). */
export function queryBatches(query: IdentityQuery, size = MAX_KEYS_PER_KIND): IdentityQuery[] {
  const batches: IdentityQuery[] = [];
  const longest = Math.max(query.handles.length, query.emails.length, query.names.length);
  for (let from = 0; from < longest; from += size)
    batches.push({
      handles: query.handles.slice(from, from + size),
      emails: query.emails.slice(from, from + size),
      names: query.names.slice(from, from + size),
    });
  return batches;
}

/** One query for a whole page: every distinct key once. */
export function mergeQueries(queries: Iterable<IdentityQuery>): IdentityQuery {
  const handles = new Set<string>();
  const emails = new Set<string>();
  const names = new Set<string>();
  for (const query of queries) {
    for (const key of query.handles) handles.add(key);
    for (const key of query.emails) emails.add(key);
    for (const key of query.names) names.add(key);
  }
  return { handles: [...handles], emails: [...emails], names: [...names] };
}

/**
 * Who one mention is, from the answer. A handle or an email is an account and wins; a name
 * counts only when it names exactly one person (two people called "Sam Lee" → no guess).
 */
export function resolveIdentity(
  query: IdentityQuery,
  answer: IdentityAnswer,
): ResolvedPerson | undefined {
  for (const [keys, table] of [
    [query.handles, answer.handles],
    [query.emails, answer.emails],
  ] as const) {
    for (const key of keys) {
      const refs = table[key];
      if (refs && refs.length > 0) return answer.people[refs[0]!];
    }
  }
  for (const key of query.names) {
    const refs = answer.names[key];
    if (refs && refs.length === 1) return answer.people[refs[0]!];
  }
  return undefined;
}
