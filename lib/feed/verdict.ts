// The one verdict on a feed document, shared by the extension's sync and
// `constellation-feed validate`: the validation (what lands, every problem with its path and
// what it cost), the numbers, the sentence people read, and whether the invalid-record
// threshold refuses the document. The threshold counts records bad in themselves, never the
// memberships and expertise entries that only fell with them (docs/feed-format.md).
import { FEED_LISTS } from '../model/feed';
import type { FeedValidation } from '../model/validate';
import { parseFeedBytes } from './parse-body';

/** The share of records bad in themselves above which a document is refused. */
export const DEFAULT_THRESHOLD = 0.1;

export interface VerdictPolicy {
  maxInvalidShare: number;
}

export interface VerdictCounts {
  /** Records in the document. */
  total: number;
  /** Records that landed (some without dropped values). */
  landed: number;
  /** Records left out for their own faults: what the threshold counts. */
  faulty: number;
  /** Records left out only because a record they need was left out. */
  dependent: number;
  /** Bad values dropped from records that landed. */
  dropped: number;
}

export type FeedVerdict =
  | { ok: false; validation: Extract<FeedValidation, { ok: false }>; sentence: string }
  | {
      ok: true;
      validation: Extract<FeedValidation, { ok: true }>;
      counts: VerdictCounts;
      sentence: string;
      /** Set when the threshold refuses the document. */
      threshold?: string;
    };

/** The verdict on the bytes of a response body or a file. */
export function feedVerdict(bytes: Uint8Array, policy: VerdictPolicy): FeedVerdict {
  return verdictOf(parseFeedBytes(bytes), policy);
}

export function verdictOf(validation: FeedValidation, policy: VerdictPolicy): FeedVerdict {
  if (!validation.ok) {
    return {
      ok: false,
      validation,
      sentence: `The document is not a usable feed: ${validation.error.reason}.`,
    };
  }
  const counts: VerdictCounts = { total: 0, landed: 0, faulty: 0, dependent: 0, dropped: 0 };
  for (const list of FEED_LISTS) {
    const c = validation.counts[list];
    counts.total += c.total;
    counts.landed += c.valid;
    counts.faulty += c.invalid - c.dependent;
    counts.dependent += c.dependent;
    counts.dropped += c.dropped;
  }
  const verdict: FeedVerdict = { ok: true, validation, counts, sentence: sentenceOf(counts) };
  const share = counts.total > 0 ? counts.faulty / counts.total : 0;
  if (share > policy.maxInvalidShare) {
    const have = counts.faulty === 1 ? 'has problems of its own' : 'have problems of their own';
    verdict.threshold = `${number(counts.faulty)} of ${number(counts.total)} records ${have} (${percent(share)}), more than the ${percent(policy.maxInvalidShare)} allowed`;
  }
  return verdict;
}

/** "5 of 3,929 records had problems and were left out, …": the numbers people read. */
export function sentenceOf(c: VerdictCounts): string {
  if (c.faulty + c.dependent + c.dropped === 0) {
    return `All ${number(c.total)} record${c.total === 1 ? ' is' : 's are'} valid.`;
  }
  const parts: string[] = [];
  parts.push(
    c.faulty === 0
      ? `None of ${number(c.total)} records had problems of their own`
      : `${number(c.faulty)} of ${number(c.total)} records had problems and ${c.faulty === 1 ? 'was' : 'were'} left out`,
  );
  if (c.dependent > 0) {
    parts.push(
      `${number(c.dependent)} ${c.dependent === 1 ? 'entry' : 'entries'} that depended on ${c.faulty === 1 ? 'it' : 'them'} went too`,
    );
  }
  if (c.dropped > 0) {
    parts.push(
      `${number(c.dropped)} bad value${c.dropped === 1 ? ' was' : 's were'} dropped from records that landed`,
    );
  }
  return `${parts.join('; ')}.`;
}

/** 3929 → "3,929": the same digits in the extension, the CLI and the docs. */
export function number(n: number): string {
  return n.toLocaleString('en-US');
}

export function percent(share: number): string {
  const value = share * 100;
  return `${value < 1 && value > 0 ? value.toFixed(2) : Math.round(value * 10) / 10}%`;
}
