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
import { planLayer, type LayerGroups } from '../db/overlay';
import {
  compareKeys,
  type IndexEntry,
  type IndexList,
  type PackList,
  type PlannedPack,
  RECORD_LISTS,
  INDEX_LISTS,
} from '../db/packs';
import { communityTokens, personKeys, topicKeys } from '../db/rows';
import type { MembersOnlyCount } from '../db/schema';
import type { SyncCounts } from '../db/sync-schema';
import { removalKey, stateOf, type FeedChanges } from './changes';
import type { Fingerprint } from './diff';
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
  fingerprint: Fingerprint;
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
  stored: Fingerprint,
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
  const counts: SyncCounts = {
    added: 0,
    changed: 0,
    removed: 0,
    unchanged: 0,
    invalid: 0,
    kept: 0,
  };
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
      if (!stored[list].has(key))
        return fault(`remove.${list}[${i}] names "${printable(key)}", which is not stored`);
      if (seen.has(key) || gone.has(key))
        return fault(`remove.${list}[${i}] names "${printable(key)}" twice (removed or upserted)`);
      gone.add(key);
    }
    removed[list] = gone;
  }

  // The new fingerprint, which must be the new document's: same records, same contents.
  let recordsBefore = 0;
  for (const list of FEED_LISTS) {
    const fp = stored[list];
    recordsBefore += fp.size;
    for (const key of removed[list]) {
      fp.delete(key);
      counts.removed++;
    }
    for (const record of upserts[list]) {
      const key = recordKey(list, record);
      const hash = recordHash(record);
      const old = fp.get(key);
      if (old === undefined) counts.added++;
      else if (old !== hash) counts.changed++;
      fp.set(key, hash);
    }
  }
  const total = FEED_LISTS.reduce((n, l) => n + stored[l].size, 0);
  counts.unchanged = total - counts.added - counts.changed;
  const state = stateOf(stored);
  for (const list of FEED_LISTS) {
    const want = changes.state[list];
    const got = state[list];
    if (want.count !== got.count)
      return fault(
        `it would leave ${got.count} ${list} where the new document has ${want.count} (the data stored here is not the document it applies to)`,
      );
    if (want.hashSum !== got.hashSum)
      return fault(
        `the ${list} it would leave differ from the new document's (their content hashes do not add up)`,
      );
  }
  const exists = (list: FeedList, id: unknown) => typeof id === 'string' && stored[list].has(id);
  const problem = upsertReferences(upserts, exists);
  if (problem) return fault(problem);

  return readPacks(db, async (r) => {
    const gen = r.gens.get(feedId);
    if (gen === undefined) return fault('the feed it applies to is not stored');
    const base = r.bases.get(feedId) ?? gen;
    const groups = new Map<PackList, LayerGroups>(
      [...RECORD_LISTS, ...INDEX_LISTS].map((list) => [list, new Map()]),
    );
    // Whole records: each changed one is its own group.
    for (const list of ['units', 'people', 'topics', 'communities'] as const) {
      const g = groups.get(list)!;
      for (const id of removed[list]) g.set(id, []);
      for (const record of upserts[list]) g.set(record.id!, [record]);
    }
    // Memberships and expertise, by either end: each touched group replaced whole.
    for (const [list, by, other, owner] of PAIR_GROUPS) {
      const packList = (by === 'person' ? list : `${list}@${by}`) as PackList;
      const added = new Map<string, Rec[]>();
      for (const record of upserts[list]) {
        const name = record[by] as string;
        const at = added.get(name);
        if (at) at.push(record);
        else added.set(name, [record]);
      }
      const touched = new Set<string>(added.keys());
      for (const key of removed[list]) touched.add(pairEnd(key, by === 'person' ? 0 : 1));
      for (const id of removed[owner]) touched.add(id);
      // A changed community's members are in the layer too: its members-only count needs them.
      if (by === 'community')
        for (const community of upserts.communities) touched.add(community.id!);
      const names = [...touched];
      const current = await r.groups<Rec>(
        packList,
        names.map((id) => ({ feedId, id })),
      );
      const g = groups.get(packList)!;
      for (let i = 0; i < names.length; i++) {
        const name = names[i]!;
        const items = current[i]!.map(bare).filter((item) => {
          const key = recordKey(list, item);
          return !removed[list].has(key) && !upsertKeys[list].has(key);
        });
        for (const record of added.get(name) ?? []) items.push(record);
        items.sort((a, b) => compareKeys(a[other] as string, b[other] as string));
        // A removed person, community or topic must take every entry naming it along.
        if (items.length > 0 && removed[owner].has(name))
          return fault(`${items.length} ${list} still name the removed ${by} "${name}"`);
        g.set(name, items);
      }
    }
    // Lookup keys of the changed people, topics and communities.
    for (const list of ['people', 'topics', 'communities'] as const) {
      const ids = [...removed[list], ...upserts[list].map((x) => x.id!)];
      if (ids.length === 0) continue;
      const old = await r.bulkGet<Rec>(
        list,
        ids.map((id) => ({ feedId, id })),
      );
      const after = new Map(upserts[list].map((x) => [x.id!, x]));
      const byIndex = new Map<IndexList, Map<string, Map<string, boolean>>>();
      ids.forEach((id, i) => {
        const record = old[i];
        const next = after.get(id);
        const was = new Map<IndexList, string[]>(record ? lookupKeys(list, record) : []);
        const now = new Map<IndexList, string[]>(next ? lookupKeys(list, next) : []);
        for (const index of new Set([...was.keys(), ...now.keys()])) {
          const a = new Set(was.get(index) ?? []);
          const b = new Set(now.get(index) ?? []);
          let byKey = byIndex.get(index);
          if (!byKey) byIndex.set(index, (byKey = new Map<string, Map<string, boolean>>()));
          for (const key of a) if (!b.has(key)) entry(byKey, key).set(id, false);
          for (const key of b) if (!a.has(key)) entry(byKey, key).set(id, true);
        }
      });
      for (const [index, byKey] of byIndex) {
        const keys = [...byKey.keys()];
        const current = await r.groups<IndexEntry>(
          index,
          keys.map((id) => ({ feedId, id })),
        );
        const g = groups.get(index)!;
        keys.forEach((key, i) => {
          const found = new Set(current[i]!.map((e) => e[1]));
          for (const [id, present] of byKey.get(key)!) {
            if (present) found.add(id);
            else found.delete(id);
          }
          g.set(key, [...found].sort(compareKeys));
        });
      }
    }
    const left = await removedReferences(r, feedId, removed, upserts, upsertKeys);
    if (left) return fault(left);
    const membersOnly = membersOnlyAfter(membersOnlyBefore, upserts, removed, groups);
    if (!membersOnly) return fault('the stored feed has no members-only counts to update');
    // The previous layer's groups stay, under the ones replaced now.
    let layerRecords = 0;
    const packs: PlannedPack[] = [];
    for (const [list, g] of groups) {
      if (r.bases.has(feedId)) {
        const previous = await r.layerOf(feedId, list);
        for (const [name, items] of previous.groups) {
          if (g.has(name)) continue;
          g.set(
            name,
            INDEX_LIST_SET.has(list)
              ? (items as IndexEntry[]).map((e) => e[1])
              : (items as Rec[]).map(bare),
          );
        }
      }
      if (COUNTED_LISTS.has(list))
        for (const items of g.values()) layerRecords += Math.max(1, items.length);
      if (g.size > 0) packs.push(...planLayer(list, g));
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
  for (const [index, list, owner, field] of [
    ['people.unit', 'people', 'units', 'unit'],
    ['communities.topics', 'communities', 'topics', 'topics'],
  ] as const) {
    for (const id of removed[owner]) {
      const still = (await r.lookup(index, id, [feedId])).find((ref) => untouched(list, ref.id));
      if (still)
        return `the ${list.replace(/s$/, '').replace(/ie$/, 'y')} "${still.id}" still names the removed ${field.replace(/s$/, '')} "${id}"`;
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
function membersOnlyAfter(
  before: readonly MembersOnlyCount[] | undefined,
  upserts: Record<FeedList, Rec[]>,
  removed: Record<FeedList, Set<string>>,
  groups: ReadonlyMap<PackList, LayerGroups>,
): MembersOnlyCount[] | undefined {
  if (!before) return undefined;
  const counts = new Map(before.map((c) => [c.community, c.memberships]));
  const members = groups.get('memberships@community')!;
  for (const id of removed.communities) counts.delete(id);
  for (const community of upserts.communities) {
    if (community.visibility !== 'members') counts.delete(community.id!);
    else if (!counts.has(community.id!))
      counts.set(community.id!, members.get(community.id!)?.length ?? 0);
  }
  for (const [id, items] of members) if (counts.has(id)) counts.set(id, items.length);
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

function pairEnd(key: string, end: 0 | 1): string {
  const at = key.indexOf('\u0000');
  return end === 0 ? key.slice(0, at) : key.slice(at + 1);
}

/** A record read from a pack, without the feed id every read gives it. */
function bare(row: Rec): Rec {
  const { feedId: _feedId, ...record } = row as Rec & { feedId?: string };
  return record;
}

function entry(map: Map<string, Map<string, boolean>>, key: string): Map<string, boolean> {
  let m = map.get(key);
  if (!m) map.set(key, (m = new Map<string, boolean>()));
  return m;
}

/** The index lists a record is found in and its keys there (as planPacks derives them). */
function lookupKeys(
  list: 'people' | 'topics' | 'communities',
  record: Rec,
): [IndexList, string[]][] {
  const clean = (keys: readonly (string | undefined)[]) => keys.filter((k): k is string => !!k);
  if (list === 'people') {
    const k = personKeys(record as never);
    return [
      ['people.handleKeys', clean(k.handleKeys)],
      ['people.emailKeys', clean(k.emailKeys)],
      ['people.nameKeys', clean(k.nameKeys)],
      ['people.tokens', clean(k.tokens)],
      ['people.unit', clean([record.unit as string | undefined])],
    ];
  }
  if (list === 'topics') {
    const k = topicKeys(record as never);
    return [
      ['topics.nameKeys', clean(k.nameKeys)],
      ['topics.tokens', clean(k.tokens)],
    ];
  }
  return [
    ['communities.topics', clean((record.topics as string[] | undefined) ?? [])],
    ['communities.tokens', clean(communityTokens(record as never))],
  ];
}
