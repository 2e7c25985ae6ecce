// The thresholds of the boundary analyses, with the defaults the product ships. Every one is
// a plain number a user can change in the view; docs/boundaries.md explains each.
import { DEFAULT_MIN_GROUP_SIZE } from './privacy';

export interface BoundaryOptions {
  /** The day signals are judged on (YYYY-MM-DD); the view uses the newest feed's date. */
  asOf: string;
  /** Aggregate counts by unit or company below this are never shown on their own. */
  minGroupSize: number;
  /** A community with no activity for this many months is stale. */
  staleMonths: number;
  /** Someone who joined within this many months is a newcomer. */
  newcomerMonths: number;
  /** A community is siloed when at least this share of its members is in one unit. */
  siloShare: number;
  /**
   * Leadership gap: from this many members a community is expected to have someone in the
   * day-to-day role; from `leadershipLargeMembers` also someone in the interpersonal role.
   */
  leadershipMinMembers: number;
  leadershipLargeMembers: number;
  /** An active, unrecognized or bootlegged community with this many core and active members is a candidate for legitimizing. */
  recognitionActiveMembers: number;
  /** Topic similarity (Jaccard: shared topics / all topics of the pair) for a missing bridge. */
  bridgeMinTopicSimilarity: number;
  /** A pair shares "few" members when they are at most this share of the smaller community. */
  bridgeMaxSharedShare: number;
  /** The organisation's own company; default: the company most people belong to. */
  homeCompany?: string;
  /** How many brokers, and how many missing bridges, to list. */
  listLimit: number;
}

export const DEFAULT_OPTIONS: Omit<BoundaryOptions, 'asOf'> = {
  minGroupSize: DEFAULT_MIN_GROUP_SIZE,
  staleMonths: 6,
  newcomerMonths: 12,
  siloShare: 0.7,
  // Calibrated on the demo organisation and the real corpora (issue 17): a handful of people
  // coordinate themselves, and in a small community everyone knows everyone; only past these
  // sizes does a missing role leave work undone. With "either role missing at any size" the
  // signal fired on 14 of 23 demo communities: noise, not a signal.
  leadershipMinMembers: 5,
  leadershipLargeMembers: 30,
  recognitionActiveMembers: DEFAULT_MIN_GROUP_SIZE,
  bridgeMinTopicSimilarity: 0.2,
  bridgeMaxSharedShare: 0.1,
  listLimit: 100,
};

export function boundaryOptions(asOf: string, overrides: Partial<BoundaryOptions> = {}) {
  return { ...DEFAULT_OPTIONS, asOf, ...overrides } satisfies BoundaryOptions;
}

/** The day number `months` calendar months before `day` (a day number). */
export function monthsBefore(day: number, months: number): number {
  const date = new Date(day * 86_400_000);
  const earlier = Date.UTC(
    date.getUTCFullYear(),
    date.getUTCMonth() - Math.floor(months),
    date.getUTCDate(),
  );
  return Math.floor(earlier / 86_400_000);
}
