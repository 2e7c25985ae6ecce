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
  RECORD_SCHEMAS,
  type Feed,
  type FeedList,
} from './feed';

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
  const counts = {} as Record<FeedList, ListCounts>;
  const parsed = {} as { [L in FeedList]: Indexed<z.output<(typeof RECORD_SCHEMAS)[L]>>[] };
  for (const list of FEED_LISTS) {
    const raw = value[list] as unknown[];
    parsed[list] = parseList(list, raw, problems) as never;
  }

  const report = (
    list: FeedList,
    entry: Indexed<unknown>,
    key: string | undefined,
    field: string,
    reason: string,
  ) => problems.push(problem(list, entry.index, key, field, reason));

  // Unique ids per list (the first occurrence wins).
  const units = dedupe('units', parsed.units, (u) => u.id, report);
  const people = dedupe('people', parsed.people, (p) => p.id, report);
  const topics = dedupe('topics', parsed.topics, (t) => t.id, report);
  let communities = dedupe('communities', parsed.communities, (c) => c.id, report);
  const memberships = dedupe('memberships', parsed.memberships, membershipKey, report);
  const expertise = dedupe('expertise', parsed.expertise, expertiseKey, report);

  const validUnits = resolveUnits(units, report);
  const unitIds = new Set(validUnits.map((u) => u.record.id));
  const topicIds = new Set(topics.map((t) => t.record.id));

  const validPeople = people.filter((entry) => {
    const unit = entry.record.unit;
    if (unit !== undefined && !unitIds.has(unit)) {
      report('people', entry, entry.record.id, 'unit', danglingReason('unit', unit));
      return false;
    }
    return true;
  });
  const personIds = new Set(validPeople.map((p) => p.record.id));

  communities = communities.filter((entry) => {
    const c = entry.record;
    const missing = c.topics.findIndex((t) => !topicIds.has(t));
    if (missing >= 0) {
      report(
        'communities',
        entry,
        c.id,
        `topics[${missing}]`,
        danglingReason('topic', c.topics[missing]!),
      );
      return false;
    }
    const self = c.related.indexOf(c.id);
    if (self >= 0) {
      report(
        'communities',
        entry,
        c.id,
        `related[${self}]`,
        'a community cannot be related to itself',
      );
      return false;
    }
    return true;
  });
  // `related` points into the same list, so dropping one community can orphan another.
  for (let changed = true; changed;) {
    changed = false;
    const ids = new Set(communities.map((c) => c.record.id));
    communities = communities.filter((entry) => {
      const missing = entry.record.related.findIndex((r) => !ids.has(r));
      if (missing < 0) return true;
      const target = entry.record.related[missing]!;
      report(
        'communities',
        entry,
        entry.record.id,
        `related[${missing}]`,
        danglingReason('community', target),
      );
      changed = true;
      return false;
    });
  }
  const communityIds = new Set(communities.map((c) => c.record.id));

  const validMemberships = memberships.filter((entry) => {
    const m = entry.record;
    const key = membershipKey(m);
    if (!personIds.has(m.person)) {
      report('memberships', entry, key, 'person', danglingReason('person', m.person));
      return false;
    }
    if (!communityIds.has(m.community)) {
      report('memberships', entry, key, 'community', danglingReason('community', m.community));
      return false;
    }
    return true;
  });
  const validExpertise = expertise.filter((entry) => {
    const e = entry.record;
    const key = expertiseKey(e);
    if (!personIds.has(e.person)) {
      report('expertise', entry, key, 'person', danglingReason('person', e.person));
      return false;
    }
    if (!topicIds.has(e.topic)) {
      report('expertise', entry, key, 'topic', danglingReason('topic', e.topic));
      return false;
    }
    return true;
  });

  const envelopeValue = envelope.data;
  const feed: Feed = {
    ...envelopeValue,
    units: validUnits.map((e) => e.record),
    people: validPeople.map((e) => e.record),
    topics: topics.map((e) => e.record),
    communities: communities.map((e) => e.record),
    memberships: validMemberships.map((e) => e.record),
    expertise: validExpertise.map((e) => e.record),
  };
  for (const list of FEED_LISTS) {
    const total = (value[list] as unknown[]).length;
    counts[list] = { total, valid: feed[list].length, invalid: total - feed[list].length };
  }
  problems.sort(
    (a, b) => FEED_LISTS.indexOf(a.list) - FEED_LISTS.indexOf(b.list) || a.index - b.index,
  );
  return { ok: true, feed, problems, counts };
}

interface Indexed<T> {
  index: number;
  record: T;
}

type Report = (
  list: FeedList,
  entry: Indexed<unknown>,
  key: string | undefined,
  field: string,
  reason: string,
) => void;

function parseList(list: FeedList, raw: unknown[], problems: RecordProblem[]): Indexed<unknown>[] {
  const schema = RECORD_SCHEMAS[list];
  const out: Indexed<unknown>[] = [];
  for (let index = 0; index < raw.length; index++) {
    const item = raw[index];
    const result = schema.safeParse(item);
    if (result.success) {
      out.push({ index, record: result.data });
      continue;
    }
    const issue = result.error.issues[0]!;
    problems.push(problem(list, index, rawKey(list, item), formatPath(issue.path), issue.message));
  }
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

function membershipKey(m: { person: string; community: string }): string {
  return `${m.person}→${m.community}`;
}

function expertiseKey(e: { person: string; topic: string }): string {
  return `${e.person}→${e.topic}`;
}

function danglingReason(kind: string, id: string): string {
  return `refers to ${kind} "${id}", which is not in this feed or is invalid`;
}

function dedupe<T>(
  list: FeedList,
  entries: Indexed<T>[],
  keyOf: (record: T) => string,
  report: Report,
): Indexed<T>[] {
  const first = new Map<string, number>();
  return entries.filter((entry) => {
    const key = keyOf(entry.record);
    const seen = first.get(key);
    if (seen === undefined) {
      first.set(key, entry.index);
      return true;
    }
    const what =
      list === 'memberships' || list === 'expertise' ? 'duplicate entry' : 'duplicate id';
    report(
      list,
      entry,
      key,
      list === 'memberships' || list === 'expertise' ? '' : 'id',
      `${what} "${key}" (first at index ${seen})`,
    );
    return false;
  });
}

/** Drops units whose parent is missing or whose parent chain loops, until none are left. */
function resolveUnits<U extends { id: string; parent?: string | undefined }>(
  units: Indexed<U>[],
  report: Report,
): Indexed<U>[] {
  let current = units;
  for (let changed = true; changed;) {
    changed = false;
    const ids = new Set(current.map((u) => u.record.id));
    current = current.filter((entry) => {
      const parent = entry.record.parent;
      if (parent === undefined || ids.has(parent)) return true;
      report('units', entry, entry.record.id, 'parent', danglingReason('unit', parent));
      changed = true;
      return false;
    });
  }
  const parentOf = new Map(current.map((u) => [u.record.id, u.record.parent]));
  const inCycle = new Set<string>();
  for (const { record } of current) {
    const chain: string[] = [];
    const seen = new Set<string>();
    for (let at: string | undefined = record.id; at !== undefined; at = parentOf.get(at)) {
      if (seen.has(at)) {
        if (at === record.id) {
          inCycle.add(record.id);
          chain.push(at);
        }
        break;
      }
      seen.add(at);
      chain.push(at);
    }
    if (inCycle.has(record.id)) {
      const entry = current.find((u) => u.record.id === record.id)!;
      report('units', entry, record.id, 'parent', `the parent chain loops: ${chain.join(' → ')}`);
    }
  }
  // Units hanging below a loop have a parent chain that never ends at a root either.
  return current.filter(
    (u) => !inCycle.has(u.record.id) && !reachesCycle(u.record.id, parentOf, inCycle, report, u),
  );
}

function reachesCycle(
  id: string,
  parentOf: Map<string, string | undefined>,
  inCycle: Set<string>,
  report: Report,
  entry: Indexed<unknown>,
): boolean {
  const seen = new Set<string>();
  for (let at = parentOf.get(id); at !== undefined && !seen.has(at); at = parentOf.get(at)) {
    seen.add(at);
    if (inCycle.has(at)) {
      report('units', entry, id, 'parent', `the parent chain reaches the loop at unit "${at}"`);
      return true;
    }
  }
  return false;
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
