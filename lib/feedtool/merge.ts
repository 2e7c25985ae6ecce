// Merging the records of several sources into one feed, with fixed, documented rules
// (docs/feed-tooling.md, "Precedence and conflicts"):
// - Sources are ranked; records are visited from the highest-ranked source down.
// - People are the same person when they share an id, a handle on the same host
//   (case-insensitive) or an email (case-insensitive). The first-seen id wins; references
//   from other sources are rewritten to it.
// - Other records are the same when they share an id (memberships: person + community;
//   expertise: person + topic).
// - A single value (name, title, stage, level, …): the higher-ranked source wins; a
//   different value from a lower-ranked source is reported as a conflict (a differing
//   person name is also kept as an alias). Placeholder values ("weak") lose silently.
// - A list (emails, aliases, channels, roles, evidence, …): the union, in rank order.
// - Two memberships of one person in one community are one: the union of roles, the
//   strongest participation, the earliest date; never a conflict.
import { emailKey, foldText, handleKey } from '../model/keys';
import type { FeedList } from '../model/feed';
import { PARTICIPATION_LEVELS, type Participation } from '../model/vocabulary';
import {
  emptyRecords,
  type Origin,
  type PersonInput,
  type SourceRecords,
  type Sourced,
} from './source';

export interface Conflict {
  list: FeedList;
  id: string;
  field: string;
  kept: string;
  keptFrom: Origin;
  dropped: string;
  droppedFrom: Origin;
}

/** Two records found to be one: `from` was folded into the record first seen at `into`. */
export interface Merged {
  list: FeedList;
  id: string;
  reason: string;
  from: Origin;
  into: Origin;
}

export interface MergeResult {
  records: SourceRecords;
  conflicts: Conflict[];
  merged: Merged[];
}

export interface IdentityOptions {
  handles: boolean;
  emails: boolean;
}

type Loose = Record<string, unknown>;
type Keyed = (value: unknown) => string;

const text = (v: unknown) => (typeof v === 'string' ? foldText(v) : JSON.stringify(v));
const same: Keyed = (v) => (typeof v === 'string' ? v : JSON.stringify(v));

/** Per list: fields compared as single values, and list fields with their identity. */
const RULES: Record<FeedList, { scalars: string[]; lists: Record<string, Keyed> }> = {
  units: { scalars: ['name', 'parent', 'company'], lists: {} },
  people: {
    scalars: ['name', 'unit', 'company', 'title', 'timezone', 'avatar'],
    lists: { emails: (v) => emailKey(String(v)), aliases: text },
  },
  topics: { scalars: ['label', 'description'], lists: { aliases: text } },
  communities: {
    scalars: [
      'name',
      'domain',
      'stage',
      'standing',
      'openToNewcomers',
      'visibility',
      'lastActivity',
      'discovered',
      'evidence',
    ],
    lists: {
      topics: same,
      related: same,
      channels: (v) => {
        const c = v as Loose;
        return `${String(c.kind)} ${String(c.url ?? c.label)}`;
      },
      meetings: (v) => {
        const m = v as Loose;
        return `${String(m.title)} ${typeof m.schedule === 'string' ? m.schedule : ''}`;
      },
      repertoire: (v) => String((v as Loose).url),
    },
  },
  // Participation and since are combined, not compared (see mergeMembership).
  memberships: { scalars: ['evidence'], lists: { roles: same } },
  expertise: { scalars: ['level'], lists: { evidence: (v) => String((v as Loose).url) } },
};

const KEY: Record<FeedList, (r: Loose) => string> = {
  units: (r) => String(r.id),
  people: (r) => String(r.id),
  topics: (r) => String(r.id),
  communities: (r) => String(r.id),
  memberships: (r) => `${String(r.person)}→${String(r.community)}`,
  expertise: (r) => `${String(r.person)}→${String(r.topic)}`,
};

export function mergeSources(ranked: SourceRecords[], identity: IdentityOptions): MergeResult {
  const out = emptyRecords();
  const conflicts: Conflict[] = [];
  const merged: Merged[] = [];
  const idMaps = ranked.map(() => new Map<string, string>());
  mergePeople(ranked, identity, out, idMaps, conflicts, merged);

  for (const list of ['units', 'topics', 'communities', 'memberships', 'expertise'] as const) {
    const index = new Map<string, Sourced<Loose>>();
    const target = out[list] as unknown as Sourced<Loose>[];
    ranked.forEach((source, s) => {
      for (const entry of source[list] as unknown as Sourced<Loose>[]) {
        let record = entry.record;
        if ('person' in record) {
          const person = idMaps[s]!.get(String(record.person)) ?? record.person;
          if (person !== record.person) record = { ...record, person };
        }
        const key = KEY[list](record);
        const found = index.get(key);
        if (!found) {
          const fresh = { ...entry, record };
          index.set(key, fresh);
          target.push(fresh);
          continue;
        }
        merged.push({ list, id: key, reason: 'same id', from: entry.origin, into: found.origin });
        mergeInto(list, key, found, { ...entry, record }, conflicts);
      }
    });
  }
  return { records: out, conflicts, merged };
}

function mergePeople(
  ranked: SourceRecords[],
  identity: IdentityOptions,
  out: SourceRecords,
  idMaps: Map<string, string>[],
  conflicts: Conflict[],
  merged: Merged[],
): void {
  const byKey = new Map<string, Sourced<PersonInput>>();
  const keysOf = (p: PersonInput): { key: string; reason: string }[] => [
    { key: `id ${p.id}`, reason: 'same id' },
    ...(identity.handles
      ? Object.entries(p.handles ?? {}).map(([host, login]) => ({
          key: `handle ${handleKey(host, login)}`,
          reason: `same ${host} handle "${login}"`,
        }))
      : []),
    ...(identity.emails
      ? (p.emails ?? []).map((e) => ({ key: `email ${emailKey(e)}`, reason: `same email "${e}"` }))
      : []),
  ];
  ranked.forEach((source, s) => {
    for (const entry of source.people) {
      const record = entry.record;
      const keys = keysOf(record);
      const hit = keys.find((k) => byKey.has(k.key));
      if (!hit) {
        const fresh: Sourced<PersonInput> = { ...entry, record };
        out.people.push(fresh);
        for (const k of keys) byKey.set(k.key, fresh);
        idMaps[s]!.set(entry.record.id, record.id);
        continue;
      }
      const found = byKey.get(hit.key)!;
      merged.push({
        list: 'people',
        id: found.record.id,
        reason: hit.reason,
        from: entry.origin,
        into: found.origin,
      });
      mergeInto('people', found.record.id, found, { ...entry, record }, conflicts);
      // The folded record's own keys now lead to the merged person too (first owner keeps a key).
      for (const k of keys) if (!byKey.has(k.key)) byKey.set(k.key, found);
      idMaps[s]!.set(entry.record.id, found.record.id);
    }
  });
}

/**
 * Records stay the sources' own objects until another is merged into them: the first merge
 * gives the kept record a copy of its own to change. A shallow copy is enough, since merging
 * only sets a record's fields (lists and maps are replaced, never changed in place). Copying
 * every record up front (structuredClone) took ≈ 0.7 s of a 100,000-person build and its
 * garbage (docs/benchmarks.md, "Feed tool at directory scale").
 */
const owned = new WeakSet<object>();

function ownRecord(entry: Sourced<Loose>): Loose {
  if (!owned.has(entry)) {
    entry.record = { ...entry.record };
    owned.add(entry);
  }
  return entry.record;
}

function mergeInto(
  list: FeedList,
  id: string,
  into: Sourced<Loose>,
  from: Sourced<Loose>,
  conflicts: Conflict[],
): void {
  const rules = RULES[list];
  const a = ownRecord(into);
  const b = from.record;
  if (list === 'memberships') mergeMembership(a, b);
  const weak = new Set(into.weak ?? []);
  const fromWeak = new Set(from.weak ?? []);
  const conflict = (field: string, kept: unknown, dropped: unknown) =>
    conflicts.push({
      list,
      id,
      field,
      kept: show(kept),
      keptFrom: into.origin,
      dropped: show(dropped),
      droppedFrom: from.origin,
    });

  for (const field of rules.scalars) {
    const next = b[field];
    if (next === undefined) continue;
    const current = a[field];
    if (current === undefined || (weak.has(field) && !fromWeak.has(field))) {
      a[field] = next;
      weak.delete(field);
      continue;
    }
    if (fromWeak.has(field) || text(current) === text(next)) continue;
    conflict(field, current, next);
    if (list === 'people' && field === 'name') addUnique(a, 'aliases', next, text);
  }
  for (const [field, keyOf] of Object.entries(rules.lists)) {
    for (const value of (b[field] as unknown[] | undefined) ?? [])
      addUnique(a, field, value, keyOf);
  }
  if (list === 'people') {
    const handles = { ...((a.handles as Record<string, string> | undefined) ?? {}) };
    for (const [host, login] of Object.entries(
      (b.handles as Record<string, string> | undefined) ?? {},
    )) {
      const existingHost = Object.keys(handles).find((h) => h.toLowerCase() === host.toLowerCase());
      if (existingHost === undefined) handles[host] = login;
      else if (handles[existingHost]!.toLowerCase() !== login.toLowerCase()) {
        conflict(`handles.${host}`, handles[existingHost], login);
      }
    }
    if (Object.keys(handles).length > 0) a.handles = handles;
    // A dropped name alias equal to the kept name is noise.
    if (Array.isArray(a.aliases))
      a.aliases = (a.aliases as string[]).filter((x) => text(x) !== text(a.name));
  }
  into.weak = [...weak];
}

/** Several seats of one person in one community are one membership: the strongest
 * participation and the earliest date, never a conflict (a lead who is also the team's
 * liaison is one member with both roles). */
function mergeMembership(a: Loose, b: Loose): void {
  // A membership discovered from shared work (it carries evidence) enriches a declared one
  // and never overrides it: what the organisation wrote down stands (docs/discovery.md).
  if (b.evidence !== undefined && a.evidence === undefined && a.participation !== undefined) return;
  const rank = (p: unknown) => PARTICIPATION_LEVELS.indexOf(p as Participation);
  if (
    rank(b.participation) >= 0 &&
    (rank(a.participation) < 0 || rank(b.participation) < rank(a.participation))
  )
    a.participation = b.participation;
  if (typeof b.since === 'string' && (typeof a.since !== 'string' || b.since < a.since))
    a.since = b.since;
}

function addUnique(record: Loose, field: string, value: unknown, keyOf: Keyed): void {
  const current = (record[field] as unknown[] | undefined) ?? [];
  if (current.some((v) => keyOf(v) === keyOf(value))) return;
  record[field] = [...current, value];
}

function show(value: unknown): string {
  return typeof value === 'string' ? value : JSON.stringify(value);
}
