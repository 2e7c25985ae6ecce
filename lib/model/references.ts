// The validator's per-list steps (validate.ts runs them in order): parse each record with
// fault isolation, keep the first copy of each id, and resolve references across records
// per the rule table (fault-rules.ts): an unknown or left-out target is dropped from an
// optional reference (a unit's parent, a person's unit, a community's topics and related),
// and only memberships and expertise, which mean nothing without both ends, fall with it.
import type { z } from './zod';
import type { FeedList, RECORD_SCHEMAS } from './feed';
import { compiledRecordSchemas } from './precompiled';
import { repairRecord } from './record-parse';
import { shareValues, type SharedStrings } from './shared-strings';
import type { ProblemEffect, RecordProblem } from './validate';

export type Report = (
  list: FeedList,
  index: number,
  id: string | undefined,
  field: string,
  reason: string,
  effect: ProblemEffect,
) => void;

/** Ids still carried by records that were left out, per list. */
export type LeftOut = Record<FeedList, Set<string>>;

export function emptyLeftOut(): LeftOut {
  return {
    units: new Set(),
    people: new Set(),
    topics: new Set(),
    communities: new Set(),
    memberships: new Set(),
    expertise: new Set(),
  };
}

/** A list aligned with the document: slot i holds record i, or undefined once it is left out. */
export type Parsed<L extends FeedList> = (z.output<(typeof RECORD_SCHEMAS)[L]> | undefined)[];

/**
 * Parses the consecutive records `raw` (the first at `first` in its list) into `out`. With
 * `release`, each raw record is let go as soon as its validated copy exists, so a document
 * the validator owns is never held twice over; with `strings`, the kept records' repeated
 * values share one string each, and their empty lists one frozen list (shared-strings.ts).
 */
export function parseRecords<L extends FeedList>(
  list: L,
  raw: unknown[],
  first: number,
  out: Parsed<L>,
  report: Report,
  leftOut: LeftOut,
  release: boolean,
  strings?: SharedStrings,
): void {
  // The same schema with zod's generated fast path for valid records (precompiled.ts).
  const schema = compiledRecordSchemas().schemas[list];
  for (let at = 0; at < raw.length; at++) {
    const index = first + at;
    const item = raw[at];
    if (release) raw[at] = undefined;
    const fast = schema.safeParse(item);
    if (fast.success) {
      if (strings) shareValues(list, fast.data, strings);
      out[index] = fast.data as z.output<(typeof RECORD_SCHEMAS)[L]>;
      continue;
    }
    const parsed = repairRecord(list, schema, item, fast.error.issues);
    if (parsed.ok) {
      if (strings) shareValues(list, parsed.record, strings);
      out[index] = parsed.record;
      for (const d of parsed.dropped) {
        report(list, index, rawKey(list, item), d.field, d.reason, 'dropped');
      }
      continue;
    }
    const key = rawKey(list, item);
    if (key !== undefined) leftOut[list].add(key);
    report(list, index, key, parsed.field, parsed.reason, 'skipped');
  }
}

export function kept<T>(records: (T | undefined)[]): T[] {
  const out: T[] = [];
  for (const record of records) if (record !== undefined) out.push(record);
  return out;
}

export function problem(
  list: FeedList,
  index: number,
  id: string | undefined,
  field: string,
  reason: string,
  effect: ProblemEffect,
): RecordProblem {
  const path = `${list}[${index}]${field ? (field.startsWith('[') ? field : `.${field}`) : ''}`;
  return id === undefined
    ? { list, index, field, reason, path, effect }
    : { list, index, id, field, reason, path, effect };
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The id of a record that failed its schema, when one can be read from it. */
function rawKey(list: FeedList, item: unknown): string | undefined {
  if (!isPlainObject(item)) return undefined;
  if (list === 'memberships' || list === 'expertise') {
    const other = list === 'memberships' ? item.community : item.topic;
    return typeof item.person === 'string' && typeof other === 'string'
      ? `${item.person}→${other}`
      : undefined;
  }
  return typeof item.id === 'string' ? item.id.slice(0, 200) : undefined;
}

function danglingReason(kind: string, id: string, leftOut: boolean): string {
  return leftOut
    ? `refers to ${kind} "${id}", which was left out`
    : `refers to ${kind} "${id}", which is not in this feed`;
}

/**
 * Leaves out every record whose id came earlier in its list: the first valid copy in document
 * order wins, and each later copy is reported with the winner's path. Returns id → slot.
 */
export function dedupeIds(
  list: FeedList,
  records: ({ id: string } | undefined)[],
  report: Report,
): Map<string, number> {
  const first = new Map<string, number>();
  for (let i = 0; i < records.length; i++) {
    const record = records[i];
    if (!record) continue;
    const seen = first.get(record.id);
    if (seen === undefined) {
      first.set(record.id, i);
      continue;
    }
    report(
      list,
      i,
      record.id,
      'id',
      `duplicate id "${record.id}": the first copy, ${list}[${seen}], wins`,
      'skipped',
    );
    records[i] = undefined;
  }
  return first;
}

/** Drops a person's unit when that unit is unknown or left out; the person lands. */
export function dropDanglingUnits(
  people: ({ id: string; unit?: string | undefined } | undefined)[],
  unitIds: ReadonlyMap<string, number>,
  report: Report,
  leftOutUnits: ReadonlySet<string>,
): void {
  for (let i = 0; i < people.length; i++) {
    const person = people[i];
    if (person?.unit === undefined || unitIds.has(person.unit)) continue;
    const { unit, ...rest } = person;
    report(
      'people',
      i,
      person.id,
      'unit',
      danglingReason('unit', unit, leftOutUnits.has(unit)),
      'dropped',
    );
    people[i] = rest;
  }
}

interface CommunityRefs {
  id: string;
  topics: string[];
  related: string[];
}

/** Drops unknown or left-out topics and related communities (and itself) from each community. */
export function dropDanglingLists<C extends CommunityRefs>(
  communities: (C | undefined)[],
  raw: readonly unknown[],
  topicIds: ReadonlyMap<string, number>,
  communityIds: ReadonlyMap<string, number>,
  report: Report,
  leftOut: LeftOut,
): void {
  for (let i = 0; i < communities.length; i++) {
    const c = communities[i];
    if (!c) continue;
    const rawOf = (field: 'topics' | 'related') => {
      const item = raw[i];
      const values = isPlainObject(item) ? item[field] : undefined;
      return Array.isArray(values) ? (values as unknown[]) : [];
    };
    // Paths name the entry's place in the document (the schema may already have dropped some).
    const at = (field: 'topics' | 'related', id: string) => {
      const index = rawOf(field).indexOf(id);
      return `${field}[${index < 0 ? '?' : index}]`;
    };
    let topics = c.topics;
    if (topics.some((t) => !topicIds.has(t))) {
      topics = topics.filter((t) => {
        if (topicIds.has(t)) return true;
        report(
          'communities',
          i,
          c.id,
          at('topics', t),
          danglingReason('topic', t, leftOut.topics.has(t)),
          'dropped',
        );
        return false;
      });
    }
    let related = c.related;
    if (related.some((r) => r === c.id || !communityIds.has(r))) {
      related = related.filter((r) => {
        if (r !== c.id && communityIds.has(r)) return true;
        const reason =
          r === c.id
            ? 'a community cannot be related to itself'
            : danglingReason('community', r, leftOut.communities.has(r));
        report('communities', i, c.id, at('related', r), reason, 'dropped');
        return false;
      });
    }
    if (topics !== c.topics || related !== c.related) communities[i] = { ...c, topics, related };
  }
}

interface PairContext {
  bound: number;
  report: Report;
  leftOutPeople: ReadonlySet<string>;
}

/**
 * Leaves out every membership or expertise entry whose person and target came earlier in the
 * list (a duplicate), then every entry that refers to a person or target not in the feed: as
 * a dependent when that record was left out, as a fault of its own when it was never there.
 * Each id is numbered: its slot in its own list when it is a valid record's id (below
 * `bound`), otherwise a fresh number from `bound` up. A pair then becomes the integer
 * person × width + target, which a Map hashes without allocating (several times cheaper than
 * a Map of 300k concatenated strings), and a reference resolves iff its number is below
 * `bound`. A JSON text cannot hold 2^26 records, so the pair is exact in a double.
 */
export function checkPairs<
  K extends 'community' | 'topic',
  T extends { person: string } & Record<K, string>,
>(
  list: 'memberships' | 'expertise',
  records: (T | undefined)[],
  people: ReadonlyMap<string, number>,
  targets: ReadonlyMap<string, number>,
  targetField: K,
  context: PairContext,
  leftOutTargets: ReadonlySet<string>,
): void {
  const { bound, report, leftOutPeople } = context;
  const unknown = new Map<string, number>();
  const numberOf = (id: string, known: ReadonlyMap<string, number>) => {
    let n = known.get(id) ?? unknown.get(id);
    if (n === undefined) unknown.set(id, (n = bound + unknown.size));
    return n;
  };
  const personNo = new Int32Array(records.length);
  const targetNo = new Int32Array(records.length);
  for (let i = 0; i < records.length; i++) {
    const record = records[i];
    if (!record) continue;
    personNo[i] = numberOf(record.person, people);
    targetNo[i] = numberOf(record[targetField], targets);
  }
  const width = bound + unknown.size;
  const first = new Map<number, number>();
  for (let i = 0; i < records.length; i++) {
    const record = records[i];
    if (!record) continue;
    const pair = personNo[i]! * width + targetNo[i]!;
    const seen = first.get(pair);
    if (seen === undefined) {
      first.set(pair, i);
      if (personNo[i]! < bound && targetNo[i]! < bound) continue;
    }
    const target = record[targetField];
    const key = `${record.person}→${target}`;
    if (seen !== undefined) {
      report(
        list,
        i,
        key,
        '',
        `duplicate entry "${key}": the first copy, ${list}[${seen}], wins`,
        'skipped',
      );
    } else if (personNo[i]! >= bound) {
      const fell = leftOutPeople.has(record.person);
      report(
        list,
        i,
        key,
        'person',
        danglingReason('person', record.person, fell),
        fell ? 'dependent' : 'skipped',
      );
    } else {
      const fell = leftOutTargets.has(target);
      report(
        list,
        i,
        key,
        targetField,
        danglingReason(targetField, target, fell),
        fell ? 'dependent' : 'skipped',
      );
    }
    records[i] = undefined;
  }
}

/**
 * Drops the parent of a unit when it is unknown or left out (the unit becomes a root), then
 * leaves out the units whose parent chain loops (a loop has no root: a fault of those units),
 * and finally drops the parent of units that hung below a loop.
 */
export function resolveUnits(
  units: ({ id: string; parent?: string | undefined } | undefined)[],
  unitIds: Map<string, number>,
  report: Report,
  leftOutUnits: Set<string>,
): void {
  const dropParent = (i: number, reason: string) => {
    const { parent: _parent, ...rest } = units[i]!;
    report('units', i, units[i]!.id, 'parent', reason, 'dropped');
    units[i] = rest;
  };
  for (let i = 0; i < units.length; i++) {
    const parent = units[i]?.parent;
    if (parent === undefined || unitIds.has(parent)) continue;
    dropParent(i, danglingReason('unit', parent, leftOutUnits.has(parent)));
  }
  const parentOf = new Map<string, string | undefined>();
  for (const unit of units) if (unit) parentOf.set(unit.id, unit.parent);
  const inCycle = new Map<string, string[]>();
  for (const unit of units) {
    if (!unit) continue;
    const chain: string[] = [];
    const seen = new Set<string>();
    for (let at: string | undefined = unit.id; at !== undefined; at = parentOf.get(at)) {
      if (seen.has(at)) {
        if (at === unit.id) inCycle.set(unit.id, [...chain, at]);
        break;
      }
      seen.add(at);
      chain.push(at);
    }
  }
  if (inCycle.size === 0) return;
  for (let i = 0; i < units.length; i++) {
    const unit = units[i];
    const chain = unit && inCycle.get(unit.id);
    if (!unit || !chain) continue;
    report(
      'units',
      i,
      unit.id,
      'parent',
      `the parent chain loops: ${chain.join(' → ')}`,
      'skipped',
    );
    unitIds.delete(unit.id);
    leftOutUnits.add(unit.id);
    units[i] = undefined;
  }
  for (let i = 0; i < units.length; i++) {
    const parent = units[i]?.parent;
    if (parent !== undefined && inCycle.has(parent)) {
      dropParent(i, danglingReason('unit', parent, true));
    }
  }
}
