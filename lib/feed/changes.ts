// The changes file of the feed delta protocol (docs/feed-format.md, "Changes"): the records a
// new document added, changed and removed since an earlier one, for a client whose stored
// data is that earlier document. Where a delta (delta.ts) rebuilds the new document's bytes,
// which then cost a whole validation and a whole new generation, a changes file costs what
// changed: the client validates the changed records only and lands them as a small layer over
// the generation it holds (lib/db/overlay.ts). It declares, per list, how many records the new
// document holds and the sum of their content hashes (lib/feed/record-hash.ts), so the client
// proves that what it ends up storing is exactly the new document's records before it shows
// any of it. Shared by the extension (apply) and the feed tool (which writes them).
import { FEED_LISTS, type FeedList } from '../model/lists';
import { recordHash, recordKey, type Keyed } from './record-hash';

export const CHANGES_FORMAT = 'constellation-feed-changes';
export const CHANGES_VERSION = 1;

/** What a list of the new document holds: its record count and the sum of their hashes. */
export interface ListState {
  count: number;
  /** `hashSumOf` the `recordHash` of every record of the list (validator output). */
  hashSum: number;
}

/** A removed membership or expertise entry: [person, community] or [person, topic]. */
export type PairKey = [string, string];

export interface FeedChanges {
  format: typeof CHANGES_FORMAT;
  version: typeof CHANGES_VERSION;
  /** SHA-256 (hex) of the document these changes apply to. */
  from: string;
  /** SHA-256 (hex) of the document they make. */
  to: string;
  /** The new document's envelope fields. */
  feedId: string;
  generatedAt: string;
  organization: unknown;
  /** Records added or changed, per list, as the validator gives them (whole records). */
  upsert: Partial<Record<FeedList, unknown[]>>;
  /** Records removed, per list: ids, or pairs for memberships and expertise. */
  remove: Partial<Record<FeedList, (string | PairKey)[]>>;
  /** Every list of the new document. */
  state: Record<FeedList, ListState>;
}

export type ChangesParse = { ok: true; changes: FeedChanges } | { ok: false; reason: string };

const SHA256_HEX = /^[0-9a-f]{64}$/;
const PAIR_LISTS: ReadonlySet<FeedList> = new Set(['memberships', 'expertise']);

/**
 * Reads a changes file's bytes: its structure only. The records themselves are validated by
 * the client like any document's (lib/feed/apply-changes.ts), and the envelope's fields too.
 */
export function parseChanges(bytes: Uint8Array): ChangesParse {
  let value: unknown;
  try {
    value = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch {
    return { ok: false, reason: 'the changes file is not UTF-8 JSON' };
  }
  if (!isObject(value)) return { ok: false, reason: 'not an object' };
  const c = value;
  if (c.format !== CHANGES_FORMAT)
    return { ok: false, reason: `"format" is not "${CHANGES_FORMAT}"` };
  if (c.version !== CHANGES_VERSION)
    return { ok: false, reason: `unsupported changes version ${JSON.stringify(c.version)}` };
  for (const field of ['from', 'to'] as const) {
    if (typeof c[field] !== 'string' || !SHA256_HEX.test(c[field]))
      return { ok: false, reason: `"${field}" is not a SHA-256 in hex` };
  }
  for (const field of ['feedId', 'generatedAt'] as const) {
    if (typeof c[field] !== 'string') return { ok: false, reason: `"${field}" is not a string` };
  }
  if (!isObject(c.upsert)) return { ok: false, reason: '"upsert" is not an object' };
  if (!isObject(c.remove)) return { ok: false, reason: '"remove" is not an object' };
  if (!isObject(c.state)) return { ok: false, reason: '"state" is not an object' };
  for (const list of Object.keys(c.upsert)) {
    if (!FEED_LISTS.includes(list as FeedList))
      return { ok: false, reason: `"upsert" names no list "${list}"` };
    if (!Array.isArray(c.upsert[list]))
      return { ok: false, reason: `"upsert.${list}" is not a list` };
  }
  for (const list of Object.keys(c.remove)) {
    if (!FEED_LISTS.includes(list as FeedList))
      return { ok: false, reason: `"remove" names no list "${list}"` };
    const keys = c.remove[list];
    if (!Array.isArray(keys)) return { ok: false, reason: `"remove.${list}" is not a list` };
    const pairs = PAIR_LISTS.has(list as FeedList);
    for (let i = 0; i < keys.length; i++) {
      const key: unknown = keys[i];
      const fits = pairs
        ? Array.isArray(key) &&
          key.length === 2 &&
          typeof key[0] === 'string' &&
          typeof key[1] === 'string'
        : typeof key === 'string';
      if (!fits)
        return {
          ok: false,
          reason: `"remove.${list}[${i}]" is not ${pairs ? 'a [person, other] pair' : 'an id'}`,
        };
    }
  }
  for (const list of FEED_LISTS) {
    const state: unknown = c.state[list];
    if (
      !isObject(state) ||
      !isCount(state.count) ||
      !isCount(state.hashSum) ||
      state.hashSum >= HASH_SUM_MODULUS
    )
      return { ok: false, reason: `"state.${list}" is not {count, hashSum}` };
  }
  return { ok: true, changes: value as unknown as FeedChanges };
}

/** The key a removal names (recordKey's form: ids, or the pair joined by U+0000). */
export function removalKey(list: FeedList, entry: string | PairKey): string {
  return typeof entry === 'string' ? entry : `${entry[0]}\u0000${entry[1]}`;
}

/** The removal entry of a record key (the inverse of `removalKey`). */
export function removalEntry(list: FeedList, key: string): string | PairKey {
  if (!PAIR_LISTS.has(list)) return key;
  const at = key.indexOf('\u0000');
  return [key.slice(0, at), key.slice(at + 1)];
}

/** A record's key in its list (recordKey, for the lists of a feed). */
export function keyOf(list: FeedList, record: unknown): string {
  return recordKey(list, record as Keyed);
}

const TWO_32 = 4294967296;
/** Sums are kept below 2^53 (a safe integer): 2^21 for the high part times 2^32. */
const HASH_SUM_MODULUS = 2 ** 53;

/**
 * The order-free sum of 53-bit record hashes: high and low parts summed apart, each modulo
 * its width, so that it stays exact whatever the number of records.
 */
export function hashSumOf(hashes: Iterable<number>): number {
  let high = 0;
  let low = 0;
  for (const hash of hashes) {
    const h = hash < 0 ? 0 : hash;
    low = (low + (h % TWO_32)) % TWO_32;
    high = (high + Math.floor(h / TWO_32)) % 2097152;
  }
  return high * TWO_32 + low;
}

/**
 * `sum` (a `hashSumOf`) with one record hash counted in (`sign` 1) or taken out (-1), so a
 * sum can follow a few changes without adding up every hash again.
 */
export function shiftHashSum(sum: number, hash: number, sign: 1 | -1): number {
  const h = hash < 0 ? 0 : hash;
  const low = (sum % TWO_32) + sign * (h % TWO_32);
  const high = Math.floor(sum / TWO_32) + sign * Math.floor(h / TWO_32);
  return (((high % 2097152) + 2097152) % 2097152) * TWO_32 + (((low % TWO_32) + TWO_32) % TWO_32);
}

/** The state of every list from a fingerprint (key → record hash per list). */
export function stateOf(fingerprint: Record<FeedList, ReadonlyMap<string, number>>) {
  return Object.fromEntries(
    FEED_LISTS.map((list) => [
      list,
      { count: fingerprint[list].size, hashSum: hashSumOf(fingerprint[list].values()) },
    ]),
  ) as Record<FeedList, ListState>;
}

/** Record key → content hash, per list of a feed's validated records. */
export function fingerprintOfLists(
  lists: Readonly<Record<FeedList, readonly unknown[]>>,
): Record<FeedList, Map<string, number>> {
  const out = {} as Record<FeedList, Map<string, number>>;
  for (const list of FEED_LISTS) {
    const hashes = new Map<string, number>();
    for (const record of lists[list]) hashes.set(keyOf(list, record), recordHash(record));
    out[list] = hashes;
  }
  return out;
}

/**
 * How the state of `fingerprint` differs from a changes file's declared `state`, said in a
 * phrase for its first list that differs (undefined when every list matches).
 */
export function stateMismatch(
  fingerprint: Record<FeedList, ReadonlyMap<string, number>>,
  declared: Record<FeedList, ListState>,
): string | undefined {
  return stateMismatchOf(stateOf(fingerprint), declared);
}

/** `stateMismatch` for states already at hand (count and hash sum per list). */
export function stateMismatchOf(
  reached: Readonly<Record<FeedList, ListState>>,
  declared: Readonly<Record<FeedList, ListState>>,
): string | undefined {
  for (const list of FEED_LISTS) {
    const want = declared[list];
    const got = reached[list];
    if (want.count !== got.count)
      return `it would leave ${got.count} ${list} where the new document has ${want.count}`;
    if (want.hashSum !== got.hashSum)
      return `the ${list} it would leave differ from the new document's (their content hashes do not add up)`;
  }
  return undefined;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isCount(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;
}
