// Parsing one record against its schema, with fault isolation (fault-rules.ts): a record whose
// only faults are in optional fields lands without those values, each reported as dropped; a
// fault in a field the record cannot do without leaves the record out. Valid records take
// zod's generated fast path (precompiled.ts) and never reach the repair below.
import type { z } from './zod';
import type { FeedList, RECORD_SCHEMAS } from './feed';
import { droppablePrefix } from './fault-rules';

type Issue = z.core.$ZodIssue;

export interface DroppedValue {
  /** The offending field within the record, e.g. "repertoire[2].url". */
  field: string;
  reason: string;
}

export type RecordParse<L extends FeedList> =
  | { ok: true; record: z.output<(typeof RECORD_SCHEMAS)[L]>; dropped: DroppedValue[] }
  | { ok: false; field: string; reason: string };

// Each repair removes at least one value; a record's faults are found in one or two rounds
// (a refinement can only run once the value's type is right), so a few rounds suffice.
const MAX_ROUNDS = 4;

/**
 * Repairs a record that failed its schema with `issues`: drops the values the rule table lets
 * go and parses again, or says which fault leaves the record out. Valid records never come
 * here (the caller's fast path), so nothing is allocated for them.
 */
export function repairRecord<L extends FeedList>(
  list: L,
  schema: (typeof RECORD_SCHEMAS)[L],
  item: unknown,
  issues: readonly Issue[],
): RecordParse<L> {
  const dropped: DroppedValue[] = [];
  let current = item;
  let faults = issues;
  for (let round = 0; round < MAX_ROUNDS; round++) {
    const cuts: PropertyKey[][] = [];
    for (const issue of faults) {
      const keep = droppablePrefix(list, issue.path);
      if (keep === null)
        return { ok: false, field: formatPath(issue.path), reason: message(issue) };
      cuts.push(issue.path.slice(0, keep));
    }
    for (const issue of faults) {
      dropped.push({ field: formatPath(issue.path), reason: message(issue) });
    }
    current = without(current, cuts);
    const again = schema.safeParse(current);
    if (again.success) {
      return { ok: true, record: again.data as z.output<(typeof RECORD_SCHEMAS)[L]>, dropped };
    }
    faults = again.error.issues;
  }
  const issue = faults[0]!;
  return { ok: false, field: formatPath(issue.path), reason: message(issue) };
}

function message(issue: Issue): string {
  // A bad key of a map (handles) carries its own reason one level down.
  if (issue.code === 'invalid_key') {
    const inner = issue.issues[0]?.message;
    return `the key ${inner ? inner : 'is invalid'}`;
  }
  return issue.message;
}

const REMOVED = Symbol('removed');

/**
 * A copy of `value` without the values at `cuts` (list entries are removed, keys deleted).
 * Only the lists and objects on a cut's path are copied, one level each: the rest (unknown
 * fields included, however deep) is shared untouched, as the schema never reads it. A copy
 * keeps every own field as a field, `__proto__` included (spread defines, assignment would
 * set the copy's prototype, whose fields the schema would then read).
 */
function without(value: unknown, cuts: readonly PropertyKey[][]): unknown {
  if (typeof value !== 'object' || value === null) return value;
  const copies = new Set<object>();
  const copyOf = (container: object): object => {
    const copy = Array.isArray(container) ? [...(container as unknown[])] : { ...container };
    copies.add(copy);
    return copy;
  };
  const root = copyOf(value);
  for (const cut of cuts) {
    let parent: unknown = root;
    for (let i = 0; i < cut.length - 1 && parent !== undefined; i++) {
      const holder = parent as Record<PropertyKey, unknown>;
      const child = holder[cut[i]!];
      if (typeof child !== 'object' || child === null) {
        parent = undefined;
        break;
      }
      parent = copies.has(child) ? child : (holder[cut[i]!] = copyOf(child));
    }
    if (typeof parent !== 'object' || parent === null) continue;
    const key = cut[cut.length - 1]!;
    if (Array.isArray(parent) && typeof key === 'number') parent[key] = REMOVED;
    else delete (parent as Record<PropertyKey, unknown>)[key];
  }
  // Removed entries go once every cut is made: the cuts' indexes are the document's.
  for (const copy of copies) {
    if (!Array.isArray(copy)) continue;
    let kept = 0;
    for (const entry of copy as unknown[]) if (entry !== REMOVED) copy[kept++] = entry;
    copy.length = kept;
  }
  return root;
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
