// Lands a changes file (lib/feed/changes.ts) as a layer over the stored generation
// (lib/db/overlay.ts), for what it changed: the changed records are validated like a
// document's, the new fingerprint (record key → content hash) must give exactly the per-list
// count and hash sum the file declares for the new document, and every reference of the new
// state must resolve. Strict on purpose: anything the whole-document path would repair or
// leave out (an invalid value, a dangling reference, a record removed that others still
// name) makes this answer "take the whole document" with what was wrong and where, and the
// whole document then goes through the full verdict. Reads only the groups the changes touch.
import {
  envelopeSchema,
  FEED_FORMAT,
  FEED_LISTS,
  FEED_VERSION,
  type FeedList,
} from '../model/feed';
import { compiledRecordSchemas } from '../model/precompiled';
import type { ConstellationDB } from '../db/database';
import { readPacks, type PackReader } from '../db/packed';
import { dropItem, patchOf, planLayer, putItem, type LayerPatches } from '../db/overlay';
import {
  compareKeys,
  secondOf,
  type IndexEntry,
  type PackList,
  type PlannedPack,
  RECORD_LISTS,
  INDEX_LISTS,
  lookupKeysOf,
} from '../db/packs';
import type { MembersOnlyCount } from '../db/schema';
import type { SyncCounts } from '../db/sync-schema';
import { removalKey, stateMismatchOf, type FeedChanges } from './changes';
import { noCounts } from './diff';
import type { StoredFingerprint } from '../db/fingerprints';
import { recordHash, recordKey, type Keyed } from './record-hash';

/** A layer may hold at most this share of the items of the generation under it. */
export const LAYER_SHARE = 0.1;

export interface ChangesPlan {
  feedId: string;
  generatedAt: string;
  organization: string;
  /** The generation the layer lies over. */
  base: number;
  /** The layer's packs: the previous layer's groups and the ones these changes replaced. */
  packs: PlannedPack[];
  /** Records in the layer (each once), and in the generation before these changes. */
  layerRecords: number;
  baseRecords: number;
  /** The stored fingerprint, changed into the new document's. */
  fingerprint: StoredFingerprint;
  counts: SyncCounts;
  membersOnly: MembersOnlyCount[];
}

export type ChangesVerdict =
  | { ok: true; plan: ChangesPlan }
  /** Take the whole document: `reason` says why (a fault, or `compact`: the layer is full). */
  | { ok: false; reason: string; compact?: true };

type Rec = Record<string, unknown> & Keyed;

/**
 * Checks a changes file against the feed's stored generation and plans its layer. `stored`
 * is the fingerprint of the visible generation (the caller read it; this changes it in place
 * into the new one).
 */
export async function planChanges(
  db: ConstellationDB,
  feedId: string,
  changes: FeedChanges,
  stored: StoredFingerprint,
  membersOnlyBefore: readonly MembersOnlyCount[] | undefined,
): Promise<ChangesVerdict> {
  const envelope = envelopeSchema.safeParse({
    format: FEED_FORMAT,
    version: FEED_VERSION,
    feedId: changes.feedId,
    generatedAt: changes.generatedAt,
    organization: changes.organization,
  });
  if (!envelope.success) {
    const issue = envelope.error.issues[0]!;
    return fault(`its ${issue.path.join('.') || 'envelope'} is not valid: ${issue.message}`);
  }
  if (changes.feedId !== feedId)
    return fault(`it is for the feed "${changes.feedId}", not "${feedId}"`);

  // The changed records, validated like a document's (strict: no repair, no duplicates).
  const upserts = {} as Record<FeedList, Rec[]>;
  const upsertKeys = {} as Record<FeedList, Set<string>>;
  const removed = {} as Record<FeedList, Set<string>>;
  const counts = noCounts();
  const { schemas } = compiledRecordSchemas();
  for (const list of FEED_LISTS) {
    const raw = changes.upsert[list] ?? [];
    const out: Rec[] = [];
    const seen = new Set<string>();
    for (let i = 0; i < raw.length; i++) {
      const parsed = schemas[list].safeParse(raw[i]);
      if (!parsed.success) {
        const issue = parsed.error.issues[0]!;
        const field = issue.path.length ? `.${issue.path.join('.')}` : '';
        return fault(`upsert.${list}[${i}]${field} is not valid: ${issue.message}`);
      }
      const record = parsed.data as Rec;
      const key = recordKey(list, record);
      if (seen.has(key))
        return fault(`upsert.${list}[${i}] repeats the record "${printable(key)}"`);
      seen.add(key);
      out.push(record);
    }
    upserts[list] = out;
    upsertKeys[list] = seen;
    const gone = new Set<string>();
    const entries = changes.remove[list] ?? [];
    for (let i = 0; i < entries.length; i++) {
      const key = removalKey(list, entries[i]!);
      if (!stored.has(list, key))
        return fault(`remove.${list}[${i}] names "${printable(key)}", which is not stored`);
      if (seen.has(key) || gone.has(key))
        return fault(`remove.${list}[${i}] names "${printable(key)}" twice (removed or upserted)`);
      gone.add(key);
    }
    removed[list] = gone;
  }

  // The new fingerprint, which must be the new document's: same records, same contents.
  const added = new Set<string>();
  let recordsBefore = 0;
  for (const list of FEED_LISTS) {
    recordsBefore += stored.size(list);
    for (const key of removed[list]) {
      stored.delete(list, key);
      counts.removed++;
    }
    for (const record of upserts[list]) {
      const key = recordKey(list, record);
      const hash = recordHash(record);
      const old = stored.get(list, key);
      if (old === undefined) {
        counts.added++;
        if (list === 'memberships') added.add(key);
      } else if (old !== hash) counts.changed++;
      stored.set(list, key, hash);
    }
  }
  const total = FEED_LISTS.reduce((n, l) => n + stored.size(l), 0);
  counts.unchanged = total - counts.added - counts.changed;
  const mismatch = stateMismatchOf(stored.state(), changes.state);
  if (mismatch)
    return fault(
      mismatch.startsWith('it would leave')
        ? `${mismatch} (the data stored here is not the document it applies to)`
        : mismatch,
    );
  const exists = (list: FeedList, id: unknown) => typeof id === 'string' && stored.has(list, id);
  const problem = upsertReferences(upserts, exists);
  if (problem) return fault(problem);

  return readPacks(db, async (r) => {
    const gen = r.gens.get(feedId);
    if (gen === undefined) return fault('the feed it applies to is not stored');
    const base = r.bases.get(feedId) ?? gen;
    // The previous layer's patches first (its base stays the base), these changes over them.
    const patches = new Map<PackList, LayerPatches>();
    for (const list of [...RECORD_LISTS, ...INDEX_LISTS]) {
      const planned: LayerPatches = new Map();
      if (r.bases.has(feedId)) {
        const previous = await r.layerOf(feedId, list);
        for (const [group, patch] of previous.groups) {
          const p = patchOf(planned, group);
          for (const item of patch.items) {
            const second = secondOf(list, item);
            p.items.set(
              second,
              INDEX_LIST_SET.has(list) ? (item as IndexEntry)[1] : bare(item as Rec),
            );
          }
          for (const second of patch.drops) if (!p.items.has(second)) p.drops.add(second);
        }
      }
      patches.set(list, planned);
    }
    // Whole records: each changed one replaces (or drops) its id's group.
    for (const list of ['units', 'people', 'topics', 'communities'] as const) {
      const p = patches.get(list)!;
      for (const id of removed[list]) dropItem(p, id, '');
      for (const record of upserts[list]) putItem(p, record.id!, '', record);
    }
    // Memberships and expertise, under each of their two ends.
    for (const [list, by, other] of PAIR_GROUPS) {
      const p = patches.get((by === 'person' ? list : `${list}@${by}`) as PackList)!;
      for (const key of removed[list]) {
        const [person, end] = splitPair(key);
        if (by === 'person') dropItem(p, person, end);
        else dropItem(p, end, person);
      }
      for (const record of upserts[list])
        putItem(p, record[by] as string, record[other] as string, record);
    }
    // A removed person, community or topic must take every entry naming it along.
    for (const [list, by, , owner] of PAIR_GROUPS) {
      const names = [...removed[owner]];
      if (names.length === 0) continue;
      const packList = (by === 'person' ? list : `${list}@${by}`) as PackList;
      const current = await r.groups<Rec>(
        packList,
        names.map((id) => ({ feedId, id })),
      );
      for (const [i, name] of names.entries()) {
        const left = current[i]!.filter((item) => !removed[list].has(recordKey(list, item)));
        if (left.length > 0)
          return fault(`${left.length} ${list} still name the removed ${by} "${name}"`);
      }
    }
    // Lookup keys of the changed people, topics and communities: the previous versions read.
    for (const list of ['people', 'topics', 'communities'] as const) {
      const ids = [...removed[list], ...upserts[list].map((x) => x.id!)];
      if (ids.length === 0) continue;
      const old = await r.bulkGet<Rec>(
        list,
        ids.map((id) => ({ feedId, id })),
      );
      const after = new Map(upserts[list].map((x) => [x.id!, x]));
      ids.forEach((id, i) => {
        const record = old[i];
        const next = after.get(id);
        const was = new Map(record ? lookupKeysOf(list, record) : []);
        const now = new Map(next ? lookupKeysOf(list, next) : []);
        for (const index of new Set([...was.keys(), ...now.keys()])) {
          const p = patches.get(index)!;
          const a = new Set((was.get(index) ?? []).filter((key): key is string => !!key));
          const b = new Set((now.get(index) ?? []).filter((key): key is string => !!key));
          for (const key of a) if (!b.has(key)) dropItem(p, key, id);
          for (const key of b) if (!a.has(key)) putItem(p, key, id, id);
        }
      });
    }
    const left = await removedReferences(r, feedId, removed, upserts, upsertKeys);
    if (left) return fault(left);
    const membersOnly = await membersOnlyAfter(
      r,
      feedId,
      membersOnlyBefore,
      upserts,
      removed,
      added,
    );
    if (!membersOnly) return fault('the stored feed has no members-only counts to update');
    let layerRecords = 0;
    const packs: PlannedPack[] = [];
    for (const [list, p] of patches) {
      if (COUNTED_LISTS.has(list))
        for (const patch of p.values()) layerRecords += patch.items.size + patch.drops.size;
      if (p.size > 0) packs.push(...planLayer(list, p));
    }
    if (layerRecords > LAYER_SHARE * recordsBefore)
      return {
        ok: false as const,
        compact: true,
        reason: `the layer of changes over the stored generation would hold ${layerRecords} of its ${recordsBefore} records, over ${Math.round(LAYER_SHARE * 100)}%; a whole generation is written from the document instead`,
      };
    return {
      ok: true as const,
      plan: {
        feedId,
        generatedAt: changes.generatedAt,
        organization: envelope.data.organization.name,
        base,
        packs,
        layerRecords,
        baseRecords: recordsBefore,
        fingerprint: stored,
        counts,
        membersOnly,
      },
    };
  });
}

/** Memberships and expertise by each end: list, end, other end, and the list of that end. */
const PAIR_GROUPS = [
  ['memberships', 'person', 'community', 'people'],
  ['memberships', 'community', 'person', 'communities'],
  ['expertise', 'person', 'topic', 'people'],
  ['expertise', 'topic', 'person', 'topics'],
] as const;

const INDEX_LIST_SET: ReadonlySet<PackList> = new Set(INDEX_LISTS);
/** The lists whose layer groups count as records (each record once). */
const COUNTED_LISTS: ReadonlySet<PackList> = new Set(FEED_LISTS);

/** A reference of an upserted record that the new state does not hold, said in a phrase. */
function upsertReferences(
  upserts: Record<FeedList, Rec[]>,
  exists: (list: FeedList, id: unknown) => boolean,
): string | undefined {
  const miss = (list: FeedList, i: number, field: string, target: FeedList, id: unknown) =>
    `upsert.${list}[${i}].${field} names ${target} "${String(id)}", which the new document does not hold`;
  for (const [i, unit] of upserts.units.entries()) {
    if (unit.parent !== undefined && !exists('units', unit.parent))
      return miss('units', i, 'parent', 'units', unit.parent);
  }
  for (const [i, person] of upserts.people.entries()) {
    if (person.unit !== undefined && !exists('units', person.unit))
      return miss('people', i, 'unit', 'units', person.unit);
  }
  for (const [i, community] of upserts.communities.entries()) {
    for (const topic of community.topics as string[])
      if (!exists('topics', topic)) return miss('communities', i, 'topics', 'topics', topic);
    for (const other of community.related as string[]) {
      if (other === community.id)
        return `upsert.communities[${i}].related names the community itself`;
      if (!exists('communities', other))
        return miss('communities', i, 'related', 'communities', other);
    }
  }
  for (const [list, other, target] of [
    ['memberships', 'community', 'communities'],
    ['expertise', 'topic', 'topics'],
  ] as const) {
    for (const [i, record] of upserts[list].entries()) {
      if (!exists('people', record.person)) return miss(list, i, 'person', 'people', record.person);
      if (!exists(target, record[other])) return miss(list, i, other, target, record[other]);
    }
  }
  return undefined;
}

/**
 * Records the changes left in place that still name something they removed: people of a
 * removed unit, communities of a removed topic or related to a removed community, units under
 * a removed unit (or any loop of parents once units changed).
 */
async function removedReferences(
  r: PackReader,
  feedId: string,
  removed: Record<FeedList, Set<string>>,
  upserts: Record<FeedList, Rec[]>,
  upsertKeys: Record<FeedList, Set<string>>,
): Promise<string | undefined> {
  const untouched = (list: FeedList, id: string) =>
    !removed[list].has(id) && !upsertKeys[list].has(id);
  for (const [index, list, owner, one, target] of [
    ['people.unit', 'people', 'units', 'person', 'unit'],
    ['communities.topics', 'communities', 'topics', 'community', 'topic'],
  ] as const) {
    for (const id of removed[owner]) {
      const still = (await r.lookup(index, id, [feedId])).find((ref) => untouched(list, ref.id));
      if (still) return `the ${one} "${still.id}" still names the removed ${target} "${id}"`;
    }
  }
  if (removed.communities.size > 0) {
    for (const community of await r.all<Rec>('communities', feedId)) {
      if (!untouched('communities', community.id!)) continue;
      const gone = (community.related as string[]).find((id) => removed.communities.has(id));
      if (gone)
        return `the community "${community.id}" is still related to the removed community "${gone}"`;
    }
  }
  if (removed.units.size > 0 || upserts.units.length > 0) {
    const units = new Map<string, Rec>();
    for (const unit of await r.all<Rec>('units', feedId))
      if (untouched('units', unit.id!)) units.set(unit.id!, unit);
    for (const unit of upserts.units) units.set(unit.id!, unit);
    for (const unit of units.values()) {
      if (unit.parent !== undefined && !units.has(unit.parent as string))
        return `the unit "${unit.id}" still names the removed parent "${unit.parent as string}"`;
      const path = new Set<string>();
      for (
        let at: Rec | undefined = unit;
        at;
        at = at.parent === undefined ? undefined : units.get(at.parent as string)
      ) {
        if (path.has(at.id!)) return `the parents of the unit "${unit.id}" loop`;
        path.add(at.id!);
      }
    }
  }
  return undefined;
}

/** Members-only communities and their membership counts once the changes apply. */
async function membersOnlyAfter(
  r: PackReader,
  feedId: string,
  before: readonly MembersOnlyCount[] | undefined,
  upserts: Record<FeedList, Rec[]>,
  removed: Record<FeedList, Set<string>>,
  added: ReadonlySet<string>,
): Promise<MembersOnlyCount[] | undefined> {
  if (!before) return undefined;
  const counts = new Map(before.map((c) => [c.community, c.memberships]));
  // Memberships gained and lost per community.
  const delta = new Map<string, number>();
  const shift = (community: string, by: number) =>
    delta.set(community, (delta.get(community) ?? 0) + by);
  for (const key of added) shift(splitPair(key)[1], 1);
  for (const key of removed.memberships) shift(splitPair(key)[1], -1);
  for (const id of removed.communities) counts.delete(id);
  const becoming: string[] = [];
  for (const community of upserts.communities) {
    if (community.visibility !== 'members') counts.delete(community.id!);
    else if (!counts.has(community.id!)) becoming.push(community.id!);
  }
  for (const [id, n] of counts) counts.set(id, n + (delta.get(id) ?? 0));
  // A community that turned members-only: its members as stored, and what changed.
  const members = await r.groups(
    'memberships@community',
    becoming.map((id) => ({ feedId, id })),
  );
  becoming.forEach((id, i) => counts.set(id, members[i]!.length + (delta.get(id) ?? 0)));
  return [...counts]
    .map(([community, memberships]) => ({ community, memberships }))
    .sort((a, b) => compareKeys(a.community, b.community));
}

function fault(reason: string): ChangesVerdict {
  return { ok: false, reason };
}

function printable(key: string): string {
  return key.replace('\u0000', '→');
}

function splitPair(key: string): [string, string] {
  const at = key.indexOf('\u0000');
  return [key.slice(0, at), key.slice(at + 1)];
}

/** A record read from a pack, without the feed id every read gives it. */
function bare(row: Rec): Rec {
  const { feedId: _feedId, ...record } = row as Rec & { feedId?: string };
  return record;
}
