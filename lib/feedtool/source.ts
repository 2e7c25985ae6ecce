// What every importer hands to the merge step: feed records in the contract's input shape,
// each with the place it came from (so a problem found later can still be reported as
// file:line), plus the problems the importer found itself. Importers never throw on bad
// input; they return problems, and a problem of severity "error" stops the build.
import type { FeedInput } from '../model/feed';

export type UnitInput = FeedInput['units'][number];
export type PersonInput = FeedInput['people'][number];
export type TopicInput = FeedInput['topics'][number];
export type CommunityInput = FeedInput['communities'][number];
export type MembershipInput = FeedInput['memberships'][number];
export type ExpertiseInput = FeedInput['expertise'][number];

/** Where a record or a problem comes from. Lines and columns are 1-based. */
export interface Origin {
  /** The config's id of the source, e.g. "core-team". */
  source: string;
  /** The file or URL as the user wrote it (relative paths stay relative, for short messages). */
  file: string;
  line?: number;
  column?: number;
}

/** A record and its origin. `weak` names fields that are placeholders (e.g. a name that is
 * only a copy of the login): any other source's value replaces them without a conflict. */
export interface Sourced<T> {
  record: T;
  origin: Origin;
  weak?: readonly string[];
}

export interface SourceRecords {
  units: Sourced<UnitInput>[];
  people: Sourced<PersonInput>[];
  topics: Sourced<TopicInput>[];
  communities: Sourced<CommunityInput>[];
  memberships: Sourced<MembershipInput>[];
  expertise: Sourced<ExpertiseInput>[];
}

export type Severity = 'error' | 'warning' | 'note';

export interface SourceProblem {
  severity: Severity;
  file: string;
  line?: number;
  column?: number;
  message: string;
}

export interface ImportResult {
  records: SourceRecords;
  problems: SourceProblem[];
}

export function emptyRecords(): SourceRecords {
  return { units: [], people: [], topics: [], communities: [], memberships: [], expertise: [] };
}

export function problemAt(
  severity: Severity,
  origin: Pick<Origin, 'file' | 'line' | 'column'>,
  message: string,
): SourceProblem {
  const out: SourceProblem = { severity, file: origin.file, message };
  if (origin.line !== undefined) out.line = origin.line;
  if (origin.column !== undefined) out.column = origin.column;
  return out;
}

export function hasErrors(problems: readonly SourceProblem[]): boolean {
  return problems.some((p) => p.severity === 'error');
}

/**
 * Ids are non-empty and free of white space (FEED-V1); this keeps a login or a label usable as
 * one: lower case, accents dropped from Latin letters ("Zoë" → "zoe"), and runs of anything
 * else than letters, digits, ".", "_" or "-" become "-". Letters of other scripts are kept with
 * their marks ("日本語", "Ελληνικά" → "ελληνικά", "हिन्दी"): dropping them made every name in such
 * a script the same empty id. Latin letters beyond a–z ("ø", "ß") become "-", as they always did
 * (ids already published stay the same).
 */
export function slug(value: string): string {
  if (!OTHER_SCRIPT.test(value)) {
    const folded = value
      .normalize('NFKD')
      .replace(/\p{M}+/gu, '')
      .toLowerCase();
    return folded.replace(/[^a-z0-9._-]+/g, '-').replace(EDGES, '');
  }
  // Marks stay on the letters of other scripts (a Devanagari vowel sign is part of the word).
  let kept = '';
  let other = false;
  for (const char of value.normalize('NFKD')) {
    if (MARK.test(char)) {
      if (other) kept += char;
      continue;
    }
    other = OTHER_SCRIPT.test(char);
    kept += char;
  }
  return kept
    .normalize('NFC')
    .toLowerCase()
    .replace(/[^a-z0-9._-]+/gu, (run) => {
      let out = '';
      for (const char of run) {
        if (OTHER_SCRIPT.test(char) || MARK.test(char)) out += char;
        else if (!out.endsWith('-')) out += '-';
      }
      return out;
    })
    .replace(EDGES, '');
}

/**
 * A letter or digit of a script other than Latin (not one every script shares, such as the
 * modifier apostrophe of "ŉ", the micro sign or fullwidth digits).
 */
const OTHER_SCRIPT = /(?=[\p{L}\p{Nd}])[^\p{Script=Latin}\p{Script=Common}\p{Script=Inherited}]/u;
const MARK = /\p{M}/u;
const EDGES = /^-+|-+$/g;
