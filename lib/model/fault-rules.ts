// The rule table of the feed contract: for every field of every record, what a bad value
// costs. A record is left out only for a fault in a field it cannot do without; a bad value
// in an optional field costs that value (or that list entry) and the record lands. One table
// drives the validator (validate.ts), the published JSON Schema's descriptions
// (json-schema.ts) and the table in docs/feed-format.md (a test renders it and compares),
// so the extension, the CLI and the documentation can never disagree.
import type { FeedList } from './feed';

/**
 * - `record`: the record is left out (and every record that cannot exist without it);
 * - `value`: the field is dropped, the record lands;
 * - `item`: the one list entry (or handle) is dropped, the record lands.
 */
export type FaultCost = 'record' | 'value' | 'item';

export interface FieldRule {
  /** The field as a path pattern: `[]` is any list index, `{}` any key of a map. */
  field: string;
  cost: FaultCost;
  /** What else happens, in a phrase (dangling references, why a field is not droppable). */
  note?: string;
}

const DANGLING_ITEM = 'an id that is unknown or left out is dropped from the list';

export const FAULT_RULES: Record<FeedList, readonly FieldRule[]> = {
  units: [
    { field: 'id', cost: 'record' },
    { field: 'name', cost: 'record' },
    {
      field: 'parent',
      cost: 'value',
      note: 'an unknown or left-out parent is dropped (the unit becomes a root); units whose parent chain loops are left out',
    },
    { field: 'company', cost: 'value' },
  ],
  people: [
    { field: 'id', cost: 'record' },
    { field: 'name', cost: 'record' },
    { field: 'unit', cost: 'value', note: 'an unknown or left-out unit is dropped' },
    { field: 'company', cost: 'value' },
    { field: 'title', cost: 'value' },
    { field: 'emails', cost: 'value' },
    { field: 'emails[]', cost: 'item' },
    { field: 'handles', cost: 'value' },
    { field: 'handles{}', cost: 'item' },
    { field: 'aliases', cost: 'value' },
    { field: 'aliases[]', cost: 'item' },
    { field: 'timezone', cost: 'value' },
    { field: 'avatar', cost: 'value' },
  ],
  topics: [
    { field: 'id', cost: 'record' },
    { field: 'label', cost: 'record' },
    { field: 'aliases', cost: 'value' },
    { field: 'aliases[]', cost: 'item' },
    { field: 'description', cost: 'value' },
  ],
  communities: [
    { field: 'id', cost: 'record' },
    { field: 'name', cost: 'record' },
    { field: 'domain', cost: 'record' },
    { field: 'stage', cost: 'record' },
    { field: 'standing', cost: 'record' },
    { field: 'openToNewcomers', cost: 'record' },
    {
      field: 'visibility',
      cost: 'record',
      note: 'never dropped: a members-only community must not become public',
    },
    { field: 'topics', cost: 'value' },
    { field: 'topics[]', cost: 'item', note: DANGLING_ITEM },
    { field: 'channels', cost: 'value' },
    { field: 'channels[]', cost: 'item' },
    { field: 'channels[].url', cost: 'value', note: 'only the link goes; the channel stays' },
    { field: 'meetings', cost: 'value' },
    { field: 'meetings[]', cost: 'item' },
    { field: 'meetings[].url', cost: 'value', note: 'only the link goes; the meeting stays' },
    { field: 'repertoire', cost: 'value' },
    { field: 'repertoire[]', cost: 'item' },
    { field: 'related', cost: 'value' },
    {
      field: 'related[]',
      cost: 'item',
      note: `${DANGLING_ITEM}, and so is the community's own id`,
    },
    { field: 'lastActivity', cost: 'value' },
  ],
  memberships: [
    {
      field: 'person',
      cost: 'record',
      note: 'a person who is left out takes the membership with them (counted as dependent)',
    },
    {
      field: 'community',
      cost: 'record',
      note: 'a community that is left out takes the membership with it (counted as dependent)',
    },
    { field: 'participation', cost: 'record' },
    { field: 'roles', cost: 'value' },
    { field: 'roles[]', cost: 'item' },
    { field: 'since', cost: 'value' },
  ],
  expertise: [
    {
      field: 'person',
      cost: 'record',
      note: 'a person who is left out takes the entry with them (counted as dependent)',
    },
    {
      field: 'topic',
      cost: 'record',
      note: 'a topic that is left out takes the entry with it (counted as dependent)',
    },
    { field: 'level', cost: 'record' },
    { field: 'evidence', cost: 'value' },
    { field: 'evidence[]', cost: 'item' },
  ],
};

/** A field name, or `[]` (each list item) or `{}` (each map value). */
type Token = string;

function tokens(field: string): Token[] {
  const out: Token[] = [];
  for (const part of field.split('.')) {
    const m = /^([^[{]+)((?:\[\]|\{\})?)$/.exec(part)!;
    out.push(m[1]!);
    if (m[2]) out.push(m[2]);
  }
  return out;
}

const COMPILED: Record<FeedList, { pattern: Token[]; cost: FaultCost }[]> = Object.fromEntries(
  Object.entries(FAULT_RULES).map(([list, rules]) => [
    list,
    rules
      .map((r) => ({ pattern: tokens(r.field), cost: r.cost }))
      // Longest pattern first: `channels[].url` decides before `channels[]`.
      .sort((a, b) => b.pattern.length - a.pattern.length),
  ]),
) as Record<FeedList, { pattern: Token[]; cost: FaultCost }[]>;

function matches(pattern: readonly Token[], path: readonly PropertyKey[]): boolean {
  if (pattern.length > path.length) return false;
  return pattern.every((token, i) => {
    const part = path[i];
    if (token === '[]') return typeof part === 'number';
    if (token === '{}') return typeof part === 'string';
    return part === token;
  });
}

/**
 * How much of a record a fault at `path` (a zod issue path) costs: the number of leading path
 * segments to delete (the value or entry dropped), or null when the record must be left out.
 */
export function droppablePrefix(list: FeedList, path: readonly PropertyKey[]): number | null {
  if (path.length === 0) return null;
  for (const rule of COMPILED[list]) {
    if (!matches(rule.pattern, path)) continue;
    return rule.cost === 'record' ? null : rule.pattern.length;
  }
  return null;
}

/** The rule of a top-level field, for the JSON Schema's descriptions. */
export function fieldRules(list: FeedList, field: string): FieldRule[] {
  return FAULT_RULES[list].filter(
    (r) => r.field === field || r.field.startsWith(`${field}[`) || r.field.startsWith(`${field}{`),
  );
}

const COST_TEXT: Record<FaultCost, string> = {
  record: 'the record is left out',
  value: 'the value is dropped; the record lands',
  item: 'the entry is dropped; the record lands',
};

/** One sentence on what a bad value of `field` costs, as published in the JSON Schema. */
export function faultSentence(list: FeedList, field: string): string {
  return fieldRules(list, field)
    .map((r) => `If ${r.field} is invalid: ${COST_TEXT[r.cost]}${r.note ? ` (${r.note})` : ''}.`)
    .join(' ');
}

/** The rule table as Markdown, for docs/feed-format.md. */
export function faultRulesMarkdown(): string {
  const lines = ['| List | Field | A bad value costs | Also |', '| --- | --- | --- | --- |'];
  for (const [list, rules] of Object.entries(FAULT_RULES)) {
    for (const r of rules) {
      const cost =
        r.cost === 'record' ? '**the record**' : r.cost === 'item' ? 'that entry' : 'that value';
      lines.push(`| ${list} | \`${r.field}\` | ${cost} | ${r.note ?? ''} |`);
    }
  }
  return lines.join('\n');
}
