// The feed validator. Two kinds of failure, kept apart on purpose (FEED-V1.md, Rules):
// - the document is not a feed at all (not JSON, HTML, wrong format or version, broken
//   envelope): rejected whole, so the caller keeps its last good data;
// - some records break a rule (schema, duplicate id, dangling reference): each is reported
//   with list, index, id, field and reason, and skipped; the rest of the feed is returned.
// Never throws, whatever the input (property-tested in test/unit/model/validate.property.test.ts).
import type { z } from './zod';
import {
  envelopeSchema,
  FEED_FORMAT,
  FEED_LISTS,
  FEED_VERSION,
  type Feed,
  type FeedList,
} from './feed';
import type { RECORD_SCHEMAS } from './feed';
import { compiledRecordSchemas } from './precompiled';

/** Why a whole document was refused. `path` points at the offending field when there is one. */
export interface FeedRejection {
  reason: string;
  path?: string;
}

/** One record that was skipped, and why. */
export interface RecordProblem {
  list: FeedList;
  index: number;
  /** The record's id (for memberships and expertise: "person→community" / "person→topic"). */
  id?: string;
  /** The offending field within the record, e.g. "emails[1]"; empty for the record itself. */
  field: string;
  reason: string;
  /** JSON path of the field in the document, e.g. "people[3].emails[1]". */
  path: string;
}

export interface ListCounts {
  total: number;
  valid: number;
  invalid: number;
}

export type FeedValidation =
  | { ok: true; feed: Feed; problems: RecordProblem[]; counts: Record<FeedList, ListCounts> }
  | { ok: false; error: FeedRejection };

/** Validates a feed from the bytes of a response body or file, decoded as text. */
export function validateFeedText(body: string): FeedValidation {
  const trimmed = body.replace(/^\uFEFF/, '').trimStart();
  if (trimmed.length === 0) return reject('the body is empty');
  if (trimmed.startsWith('<')) {
    return reject('the body is an HTML or XML page (often an error or sign-in page), not JSON');
  }
  let value: unknown;
  try {
    value = JSON.parse(trimmed);
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    return reject(`the body is not valid JSON (${detail}); it may be truncated`);
  }
  return validateFeed(value);
}

/** Validates an already parsed JSON value. */
export function validateFeed(value: unknown): FeedValidation {
  try {
    return validateDocument(value);
  } catch (error) {
    // Defence in depth: a bug here must not crash a sync; it rejects the document instead.
    const detail = error instanceof Error ? error.message : String(error);
    return reject(`the validator failed unexpectedly (${detail})`);
  }
}

function reject(reason: string, path?: string): FeedValidation {
  return { ok: false, error: path ? { reason, path } : { reason } };
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function validateDocument(value: unknown): FeedValidation {
  if (!isPlainObject(value)) return reject('the document is not a JSON object');
  if (value.format !== FEED_FORMAT) {
    return reject(`"format" must be "${FEED_FORMAT}"; this is not a Constellation feed`, 'format');
  }
  if (value.version !== FEED_VERSION) {
    return reject(
      `unsupported feed version ${JSON.stringify(value.version)}; this extension reads version ${FEED_VERSION}`,
      'version',
    );
  }
  const envelope = envelopeSchema.safeParse(value);
  if (!envelope.success) {
    const issue = envelope.error.issues[0]!;
    const path = formatPath(issue.path);
    return reject(`${path || 'the document'}: ${issue.message}`, path);
  }
  for (const list of FEED_LISTS) {
    if (!Array.isArray(value[list])) {
      return reject(`"${list}" must be an array of records`, list);
    }
  }

  const problems: RecordProblem[] = [];
  const report = (
    list: FeedList,
    index: number,
    id: string | undefined,
    field: string,
    reason: string,
  ) => problems.push(problem(list, index, id, field, reason));

  // Each list is kept aligned with the document: slot i holds record i, or undefined once the
  // record is skipped, so a problem's index is the slot and nothing is copied until the end.
  const units = parseList('units', value.units as unknown[], problems);
  const people = parseList('people', value.people as unknown[], problems);
  const topics = parseList('topics', value.topics as unknown[], problems);
  const communities = parseList('communities', value.communities as unknown[], problems);
  const memberships = parseList('memberships', value.memberships as unknown[], problems);
  const expertise = parseList('expertise', value.expertise as unknown[], problems);

  // Unique ids per list (the first occurrence wins).
  const unitIds = dedupeIds('units', units, report);
  const personIds = dedupeIds('people', people, report);
  const topicIds = dedupeIds('topics', topics, report);
  let communityIds = dedupeIds('communities', communities, report);

  resolveUnits(units, unitIds, report);

  for (let i = 0; i < people.length; i++) {
    const person = people[i];
    if (person?.unit === undefined || unitIds.has(person.unit)) continue;
    report('people', i, person.id, 'unit', danglingReason('unit', person.unit));
    people[i] = undefined;
    personIds.delete(person.id);
  }

  for (let i = 0; i < communities.length; i++) {
    const c = communities[i];
    if (!c) continue;
    const missing = c.topics.findIndex((t) => !topicIds.has(t));
    const self = missing >= 0 ? -1 : c.related.indexOf(c.id);
    if (missing < 0 && self < 0) continue;
    if (missing >= 0) {
      report(
        'communities',
        i,
        c.id,
        `topics[${missing}]`,
        danglingReason('topic', c.topics[missing]!),
      );
    } else {
      report('communities', i, c.id, `related[${self}]`, 'a community cannot be related to itself');
    }
    communities[i] = undefined;
    communityIds.delete(c.id);
  }
  // `related` points into the same list, so dropping one community can orphan another.
  for (let changed = true; changed;) {
    changed = false;
    const ids = communityIds;
    communityIds = new Map(ids);
    for (let i = 0; i < communities.length; i++) {
      const c = communities[i];
      if (!c) continue;
      const missing = c.related.findIndex((r) => !ids.has(r));
      if (missing < 0) continue;
      report(
        'communities',
        i,
        c.id,
        `related[${missing}]`,
        danglingReason('community', c.related[missing]!),
      );
      communities[i] = undefined;
      communityIds.delete(c.id);
      changed = true;
    }
  }

  // Memberships and expertise: duplicates first (the first entry wins), then references.
  const bound = Math.max(people.length, communities.length, topics.length);
  checkPairs('memberships', memberships, personIds, communityIds, bound, 'community', report);
  checkPairs('expertise', expertise, personIds, topicIds, bound, 'topic', report);

  const feed: Feed = {
    ...envelope.data,
    units: kept(units),
    people: kept(people),
    topics: kept(topics),
    communities: kept(communities),
    memberships: kept(memberships),
    expertise: kept(expertise),
  };
  const counts = {} as Record<FeedList, ListCounts>;
  for (const list of FEED_LISTS) {
    const total = (value[list] as unknown[]).length;
    counts[list] = { total, valid: feed[list].length, invalid: total - feed[list].length };
  }
  problems.sort(
    (a, b) => FEED_LISTS.indexOf(a.list) - FEED_LISTS.indexOf(b.list) || a.index - b.index,
  );
  return { ok: true, feed, problems, counts };
}

type Report = (
  list: FeedList,
  index: number,
  id: string | undefined,
  field: string,
  reason: string,
) => void;

type Parsed<L extends FeedList> = (z.output<(typeof RECORD_SCHEMAS)[L]> | undefined)[];

function parseList<L extends FeedList>(
  list: L,
  raw: unknown[],
  problems: RecordProblem[],
): Parsed<L> {
  // The same schema with zod's generated fast path for valid records (precompiled.ts).
  const schema = compiledRecordSchemas().schemas[list];
  const out = new Array<Parsed<L>[number]>(raw.length) as Parsed<L>;
  for (let index = 0; index < raw.length; index++) {
    const item = raw[index];
    const result = schema.safeParse(item);
    if (result.success) {
      out[index] = result.data as z.output<(typeof RECORD_SCHEMAS)[L]>;
      continue;
    }
    const issue = result.error.issues[0]!;
    problems.push(problem(list, index, rawKey(list, item), formatPath(issue.path), issue.message));
  }
  return out;
}

function kept<T>(records: (T | undefined)[]): T[] {
  const out: T[] = [];
  for (const record of records) if (record !== undefined) out.push(record);
  return out;
}

function problem(
  list: FeedList,
  index: number,
  id: string | undefined,
  field: string,
  reason: string,
): RecordProblem {
  const path = `${list}[${index}]${field ? (field.startsWith('[') ? field : `.${field}`) : ''}`;
  return id === undefined
    ? { list, index, field, reason, path }
    : { list, index, id, field, reason, path };
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

function danglingReason(kind: string, id: string): string {
  return `refers to ${kind} "${id}", which is not in this feed or is invalid`;
}

/** Skips every record whose id came earlier in its list; returns the ids kept (id → slot). */
function dedupeIds(
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
    report(list, i, record.id, 'id', `duplicate id "${record.id}" (first at index ${seen})`);
    records[i] = undefined;
  }
  return first;
}

/**
 * Skips every membership or expertise entry whose person and target came earlier in the list
 * (reported as a duplicate), then every entry that refers to a person or target not in the
 * feed. Each id is numbered: its slot in its own list when it is a valid record's id (below
 * `bound`), otherwise a fresh number from `bound` up. A pair then becomes the integer
 * person × width + target, which a Map hashes without allocating (several times cheaper than
 * a Map of 300k concatenated strings), and a reference resolves iff its number is below
 * `bound`. A JSON text cannot hold 2^26 records, so the pair is exact in a double.
 */
function checkPairs<
  K extends 'community' | 'topic',
  T extends { person: string } & Record<K, string>,
>(
  list: 'memberships' | 'expertise',
  records: (T | undefined)[],
  people: ReadonlyMap<string, number>,
  targets: ReadonlyMap<string, number>,
  bound: number,
  targetField: K,
  report: Report,
): void {
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
      report(list, i, key, '', `duplicate entry "${key}" (first at index ${seen})`);
    } else if (personNo[i]! >= bound) {
      report(list, i, key, 'person', danglingReason('person', record.person));
    } else {
      report(list, i, key, targetField, danglingReason(targetField, target));
    }
    records[i] = undefined;
  }
}

/** Drops units whose parent is missing or whose parent chain loops, until none are left. */
function resolveUnits(
  units: ({ id: string; parent?: string | undefined } | undefined)[],
  unitIds: Map<string, number>,
  report: Report,
): void {
  const drop = (i: number, field: string, reason: string) => {
    report('units', i, units[i]!.id, field, reason);
    unitIds.delete(units[i]!.id);
    units[i] = undefined;
  };
  for (let changed = true; changed;) {
    changed = false;
    const ids = new Map(unitIds);
    for (let i = 0; i < units.length; i++) {
      const parent = units[i]?.parent;
      if (parent === undefined || ids.has(parent)) continue;
      drop(i, 'parent', danglingReason('unit', parent));
      changed = true;
    }
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
  for (let i = 0; i < units.length; i++) {
    const unit = units[i];
    if (!unit) continue;
    const chain = inCycle.get(unit.id);
    if (chain) {
      drop(i, 'parent', `the parent chain loops: ${chain.join(' → ')}`);
      continue;
    }
    // Units hanging below a loop have a parent chain that never ends at a root either.
    const seen = new Set<string>();
    for (let at = parentOf.get(unit.id); at !== undefined && !seen.has(at); at = parentOf.get(at)) {
      seen.add(at);
      if (inCycle.has(at)) {
        drop(i, 'parent', `the parent chain reaches the loop at unit "${at}"`);
        break;
      }
    }
  }
}

/** ["emails", 1, "x"] → "emails[1].x" */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else out += out ? `.${String(part)}` : String(part);
  }
  return out;
}
