// Wenger's vocabulary from evidence: the rules that turn counts of shared work into
// participation (core / active / peripheral) and a community's stage (potential, coalescing,
// active, dispersed, memorable). docs/discovery.md states the same rules in words; the
// thresholds are options so an organisation can tune them.
import type { Participation, Stage } from '../../model/vocabulary';

export interface VocabularyRules {
  /** Core: at least this share of the community's work… */
  coreShare: number;
  /** …spread over at least this many distinct months. */
  coreMonths: number;
  /** Active: at least this share, or at least `activeMonths` distinct months. */
  activeShare: number;
  activeMonths: number;
  /** Work older than this (before the community's last activity) counts as past, not present. */
  recentMonths: number;
  /** A person whose first commit in the repository is this recent is a newcomer. */
  newcomerMonths: number;
}

export const DEFAULT_RULES: VocabularyRules = {
  coreShare: 0.1,
  coreMonths: 6,
  activeShare: 0.02,
  activeMonths: 3,
  recentMonths: 24,
  newcomerMonths: 6,
};

export const MONTH = 30.44 * 24 * 3600 * 1000;

export interface MemberWork {
  /** Share of the members' work on the community's areas. */
  share: number;
  /** Distinct calendar months with commits there. */
  months: number;
  /** Last commit there (ms). */
  last: number;
}

/**
 * Participation, measured against the community's own last activity (`communityLast`), so a
 * memorable community still shows who carried it while it lived.
 */
export function participationOf(
  work: MemberWork,
  communityLast: number,
  rules: VocabularyRules,
): Participation {
  const recent = communityLast - work.last <= rules.recentMonths * MONTH;
  if (recent && work.share >= rules.coreShare && work.months >= rules.coreMonths) return 'core';
  if (recent && (work.share >= rules.activeShare || work.months >= rules.activeMonths))
    return 'active';
  return 'peripheral';
}

export interface CommunityActivity {
  first: number;
  last: number;
  /** Commit times on the community's areas (any author). */
  times: readonly number[];
  /** Core members by the rule above. */
  core: number;
  /** Distinct people with commits in the last 12 months. */
  recentPeople: number;
}

/** Stage at `now` (the end of the history read). */
export function stageOf(activity: CommunityActivity, now: number): Stage {
  const year = 12 * MONTH;
  if (now - activity.last > 2 * year) return 'memorable';
  const age = now - activity.first;
  const recent = activity.times.filter((t) => now - t <= year).length;
  const earlier = activity.times.length - recent;
  // Average commits per year before the last one.
  const earlierPerYear = age > year ? earlier / ((age - year) / year) : 0;
  if (age <= year) return activity.core >= 2 ? 'coalescing' : 'potential';
  if (age <= 2 * year && recent >= earlierPerYear) return 'coalescing';
  if (recent >= 0.5 * earlierPerYear && activity.recentPeople >= 2) return 'active';
  return 'dispersed';
}

/** "YYYY-MM" of a time, for counting distinct months. */
export function monthOf(time: number): number {
  const d = new Date(time);
  return d.getUTCFullYear() * 12 + d.getUTCMonth();
}
