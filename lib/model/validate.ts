// The feed validator. Two kinds of failure, kept apart on purpose (FEED-V1.md, Rules):
// - the document is not a feed at all (not JSON, HTML, wrong format or version, broken
//   envelope): rejected whole, so the caller keeps its last good data;
// - some records break a rule: each problem is reported with list, index, id, field, reason
//   and what it cost (fault-rules.ts): the record left out (its own fault), left out with a
//   record it cannot exist without (a dependent), or only a bad value dropped; the rest of the
//   feed is returned.
// Never throws, whatever the input (property-tested in test/unit/model/validate.property.test.ts).
import {
  envelopeSchema,
  FEED_FORMAT,
  FEED_LISTS,
  FEED_VERSION,
  type Feed,
  type FeedList,
} from './feed';
import { formatPath } from './record-parse';
import {
  checkPairs,
  dedupeIds,
  dropDanglingLists,
  dropDanglingUnits,
  emptyLeftOut,
  kept,
  parseRecords,
  problem,
  resolveUnits,
  type LeftOut,
  type Parsed,
  type Report,
} from './references';
import { SharedStrings } from './shared-strings';

/** Why a whole document was refused. `path` points at the offending field when there is one. */
export interface FeedRejection {
  reason: string;
  path?: string;
}

/**
 * What a problem cost (docs/feed-format.md, "What a bad value costs"):
 * - `skipped`: the record was left out for a fault of its own;
 * - `dependent`: the record was left out because a record it cannot exist without (the person,
 *   community or topic of a membership or expertise entry) was left out;
 * - `dropped`: only the value at `path` was dropped; the record landed.
 */
export type ProblemEffect = 'skipped' | 'dependent' | 'dropped';

/** One problem of one record: where, why, and what it cost. */
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
  effect: ProblemEffect;
}

export interface ListCounts {
  total: number;
  /** Records that landed (possibly without some dropped values). */
  valid: number;
  /** Records left out, for their own faults or as dependents: total − valid. */
  invalid: number;
  /** Of the records left out, those that fell only because their target was left out. */
  dependent: number;
  /** Values dropped from records that landed. */
  dropped: number;
}

export type FeedValidation =
  | { ok: true; feed: Feed; problems: RecordProblem[]; counts: Record<FeedList, ListCounts> }
  | { ok: false; error: FeedRejection };

/**
 * Where the validator reads each list's records: the parsed document's own arrays, or batches
 * parsed one at a time from the document's bytes (validate-bytes.ts).
 */
export interface RecordSource {
  /** Records in the list. */
  count(list: FeedList): number;
  /** Hands over the list's records in consecutive batches; `first` is a batch's first index. */
  read(list: FeedList, take: (records: unknown[], first: number) => void): void;
  /** Nobody else holds the records: each may be let go as soon as it is validated. */
  owned: boolean;
}

/** The lists of a parsed document as a record source (one batch per list). */
function arraySource(lists: Record<FeedList, unknown[]>, owned: boolean): RecordSource {
  return {
    count: (list) => lists[list].length,
    read: (list, take) => take(lists[list], 0),
    owned,
  };
}

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
  // The parsed value is this function's alone: its records are let go as they are validated.
  return guarded(() => validateRecords(value, (lists) => arraySource(lists, true)));
}

/** Validates an already parsed JSON value (left as it was). */
export function validateFeed(value: unknown): FeedValidation {
  return guarded(() => validateRecords(value, (lists) => arraySource(lists, false)));
}

function guarded(validate: () => FeedValidation): FeedValidation {
  try {
    return validate();
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

/**
 * Validates a document whose records come from `source`, given the lists the parsed `value`
 * holds (a source may ignore them and read elsewhere). Throws only on a bug of its own, which
 * the callers turn into a refusal.
 */
export function validateRecords(
  value: unknown,
  source: (lists: Record<FeedList, unknown[]>) => RecordSource,
): FeedValidation {
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
  const report: Report = (list, index, id, field, reason, effect) =>
    problems.push(problem(list, index, id, field, reason, effect));
  const records = source(value as Record<FeedList, unknown[]>);

  // Each list is kept aligned with the document: slot i holds record i, or undefined once the
  // record is left out, so a problem's index is the slot and nothing is copied until the end.
  // `leftOut` remembers the ids those records still carry, so that a membership naming one is
  // known to have fallen with it (a dependent) rather than to name something never there.
  const leftOut = emptyLeftOut();
  // Ids and vocabulary words that records repeat share one string (for the whole document).
  const strings = new SharedStrings();
  const read = <L extends FeedList>(list: L) => readList(list, records, report, leftOut, strings);
  const units = read('units');
  const people = read('people');
  const topics = read('topics');
  // A community's topics and related as the document has them: problems name their places.
  const communityRefs = new Array<CommunityRefs | undefined>(records.count('communities'));
  const communities = readList('communities', records, report, leftOut, strings, (item, index) => {
    if (isPlainObject(item)) communityRefs[index] = { topics: item.topics, related: item.related };
  });
  const memberships = read('memberships');
  const expertise = read('expertise');

  // Unique ids per list: the first valid copy in document order wins.
  const unitIds = dedupeIds('units', units, report);
  const personIds = dedupeIds('people', people, report);
  const topicIds = dedupeIds('topics', topics, report);
  const communityIds = dedupeIds('communities', communities, report);

  resolveUnits(units, unitIds, report, leftOut.units);
  dropDanglingUnits(people, unitIds, report, leftOut.units);
  dropDanglingLists(communities, communityRefs, topicIds, communityIds, report, leftOut);

  // Memberships and expertise: duplicates first (the first entry wins), then references.
  const bound = Math.max(people.length, communities.length, topics.length);
  const pairs = { bound, report, leftOutPeople: leftOut.people };
  checkPairs(
    'memberships',
    memberships,
    personIds,
    communityIds,
    'community',
    pairs,
    leftOut.communities,
  );
  checkPairs('expertise', expertise, personIds, topicIds, 'topic', pairs, leftOut.topics);

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
    const total = records.count(list);
    counts[list] = {
      total,
      valid: feed[list].length,
      invalid: total - feed[list].length,
      dependent: 0,
      dropped: 0,
    };
  }
  for (const p of problems) {
    if (p.effect === 'dependent') counts[p.list].dependent++;
    else if (p.effect === 'dropped') counts[p.list].dropped++;
  }
  problems.sort(
    (a, b) => FEED_LISTS.indexOf(a.list) - FEED_LISTS.indexOf(b.list) || a.index - b.index,
  );
  return { ok: true, feed, problems, counts };
}

interface CommunityRefs {
  topics: unknown;
  related: unknown;
}

function readList<L extends FeedList>(
  list: L,
  source: RecordSource,
  report: Report,
  leftOut: LeftOut,
  strings: SharedStrings,
  onRaw?: (item: unknown, index: number) => void,
): Parsed<L> {
  const out = new Array<Parsed<L>[number]>(source.count(list)) as Parsed<L>;
  source.read(list, (batch, first) => {
    if (onRaw) for (let at = 0; at < batch.length; at++) onRaw(batch[at], first + at);
    parseRecords(list, batch, first, out, report, leftOut, source.owned, strings);
  });
  return out;
}

/** Re-exported: the CLI and other parsers format zod paths the same way. */
export { formatPath };
