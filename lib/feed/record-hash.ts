// Content fingerprints of validated feed records, for diffing a new document against what is
// stored. A record's key is its identity within its list; its hash covers every field (the
// validator's output has a fixed key order, so equal records serialise equally). The rows
// derived from a record (lib/db/rows.ts) are a pure function of it, so equal record hashes
// mean equal rows; ROWS_VERSION is mixed in so that changing that derivation rewrites all.
import type { FeedList } from '../model/feed';

/** Bump when lib/db/rows.ts derives rows differently, so every stored row is rewritten. */
export const ROWS_VERSION = 1;

export interface Keyed {
  id?: string;
  person?: string;
  community?: string;
  topic?: string;
}

/** Between the person and the other end in the key of a membership or expertise entry. */
export const PAIR_KEY_SEPARATOR = '\u0000';

/** The field of a pair list's other end (after the person); undefined for lists keyed by id. */
export function pairEndOf(list: FeedList): 'community' | 'topic' | undefined {
  return list === 'memberships' ? 'community' : list === 'expertise' ? 'topic' : undefined;
}

/** The identity of a record within its list (memberships/expertise: person + other end). */
export function recordKey(list: FeedList, record: Keyed): string {
  const end = pairEndOf(list);
  return end ? `${record.person}${PAIR_KEY_SEPARATOR}${record[end]}` : (record.id ?? '');
}

/**
 * The keys a validator problem's record may have. Its id puts "→" between the two ends of a
 * membership or expertise entry, and an id may hold "→" itself, so each "→" is a place the
 * pair may split: every split is a candidate. Only a candidate that is stored and missing from
 * the new document counts (diff.ts), so at worst a stored entry whose ends join to the same
 * text keeps its version too: the last good data stays rather than go.
 */
export function problemKeys(list: FeedList, id: string): string[] {
  if (list !== 'memberships' && list !== 'expertise') return [id];
  const keys: string[] = [];
  for (let at = id.indexOf('→'); at >= 0; at = id.indexOf('→', at + 1))
    keys.push(`${id.slice(0, at)}${PAIR_KEY_SEPARATOR}${id.slice(at + 1)}`);
  return keys;
}

/**
 * cyrb53: a fast 53-bit string hash (public domain, bryc). 53 bits keep the chance that a
 * changed record hashes like its previous version negligible (~1e-16 per changed record).
 */
export function hash53(text: string, seed = ROWS_VERSION): number {
  let h1 = 0xdeadbeef ^ seed;
  let h2 = 0x41c6ce57 ^ seed;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507);
  h1 ^= Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507);
  h2 ^= Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return 4294967296 * (2097151 & h2) + (h1 >>> 0);
}

export function recordHash(record: unknown): number {
  return hash53(JSON.stringify(record));
}
