// Health signals per community, each with a sentence that says why it was raised, so a
// knowledge steward can act on it without reading the rules: siloed, no newcomers, leadership
// gap, stale, and stage/standing mismatch. Memorable communities have finished their active
// life by definition, so the signals about sustaining a living community (newcomers, leaders,
// activity) are not raised for them; a mismatch still is.
import type { Stage, Standing } from '../model/vocabulary';
import { NO_DATE, dayOf, type Constellation } from './constellation';
import { monthsBefore, type BoundaryOptions } from './options';
import type { CommunityFacts } from './profile';

export const HEALTH_SIGNALS = [
  'siloed',
  'no-newcomers',
  'leadership-gap',
  'stale',
  'mismatch',
] as const;
export type HealthSignalKind = (typeof HEALTH_SIGNALS)[number];

export const HEALTH_SIGNAL_LABELS: Record<HealthSignalKind, string> = {
  siloed: 'Siloed',
  'no-newcomers': 'No newcomers',
  'leadership-gap': 'Leadership gap',
  stale: 'Stale',
  mismatch: 'Stage and standing mismatch',
};

export interface HealthSignal {
  kind: HealthSignalKind;
  /** One or two sentences in the product's words. */
  explanation: string;
}

const HIGH_STANDING: readonly Standing[] = ['strategic', 'transformative'];
const WEAK_STAGE: readonly Stage[] = ['potential', 'dispersed', 'memorable'];
const LOW_STANDING: readonly Standing[] = ['unrecognized', 'bootlegged'];

const percent = (share: number) => `${Math.round(share * 100)}%`;
const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

function isoDay(day: number): string {
  return new Date(day * 86_400_000).toISOString().slice(0, 10);
}

export function healthSignals(
  g: Constellation,
  facts: CommunityFacts,
  options: BoundaryOptions,
): HealthSignal[] {
  const signals: HealthSignal[] = [];
  const living = facts.stage !== 'memorable';
  const min = options.minGroupSize;

  // Siloed: most members in one unit. Small communities are skipped (a handful of colleagues
  // from one team is a team, not a silo), and the count is only stated when the group is at
  // least the privacy minimum.
  const top = facts.dominantUnit;
  if (top && facts.members >= min && top.count >= min) {
    const share = top.count / facts.members;
    if (share >= options.siloShare) {
      signals.push({
        kind: 'siloed',
        explanation:
          `${top.count} of ${facts.members} members (${percent(share)}) are in ` +
          `${g.units[top.unit]!.name}; the community hears little from other units.`,
      });
    }
  }

  if (living) {
    const reasons: string[] = [];
    if (facts.members > 0 && facts.peripheral === 0)
      reasons.push('no one takes part at the periphery, where newcomers usually start');
    if (facts.datedMembers > 0 && facts.recentJoiners === 0)
      reasons.push(
        `no one joined in the last ${plural(options.newcomerMonths, 'month')} ` +
          `(latest join ${isoDay(facts.latestJoin)})`,
      );
    if (facts.members === 0) reasons.push('it has no members on record');
    if (reasons.length > 0) {
      const sentence = reasons.join(', and ');
      signals.push({
        kind: 'no-newcomers',
        explanation: `${sentence[0]!.toUpperCase()}${sentence.slice(1)}.`,
      });
    }

    const gap = leadershipGap(facts, options);
    if (gap) signals.push({ kind: 'leadership-gap', explanation: gap });

    const asOf = dayOf(options.asOf);
    const last = dayOf(facts.lastActivity);
    if (last === NO_DATE) {
      // A feed that records no activity dates at all (e.g. one built from a project's
      // governance files) says nothing about staleness: flagging every community would be noise.
      if (feedsWithActivity(g).has(facts.ref.feedId))
        signals.push({
          kind: 'stale',
          explanation:
            'No activity date is recorded for it, while other communities of its feed have one.',
        });
    } else if (last < monthsBefore(asOf, options.staleMonths)) {
      const months = Math.max(1, Math.floor((asOf - last) / 30.44));
      signals.push({
        kind: 'stale',
        explanation: `No activity since ${facts.lastActivity} (about ${plural(months, 'month')}, more than ${plural(options.staleMonths, 'month')}).`,
      });
    }
  }

  if (HIGH_STANDING.includes(facts.standing) && WEAK_STAGE.includes(facts.stage)) {
    signals.push({
      kind: 'mismatch',
      explanation:
        `Its standing is ${facts.standing}, but its stage is ${facts.stage}: ` +
        (facts.stage === 'potential'
          ? 'the organisation counts on a community that has not formed yet.'
          : facts.stage === 'dispersed'
            ? 'the organisation counts on a community whose members have drifted apart.'
            : 'the organisation counts on a community that has finished its active life.'),
    });
  } else if (
    facts.stage === 'active' &&
    LOW_STANDING.includes(facts.standing) &&
    facts.activeMembers >= Math.max(min, options.recognitionActiveMembers)
  ) {
    signals.push({
      kind: 'mismatch',
      explanation:
        `It is active with ${facts.activeMembers} core and active members, but its standing is ` +
        `${facts.standing}: a candidate for legitimizing.`,
    });
  }
  return signals;
}

const activityFeeds = new WeakMap<Constellation, Set<string>>();

/** Feeds that record a last activity date for at least one community (once per constellation). */
function feedsWithActivity(g: Constellation): Set<string> {
  let feeds = activityFeeds.get(g);
  if (!feeds) {
    feeds = new Set(g.communities.filter((c) => c.lastActivity).map((c) => c.feedId));
    activityFeeds.set(g, feeds);
  }
  return feeds;
}

/**
 * Why a living community lacks leadership, or undefined. Day-to-day leadership (someone keeping
 * the rhythm) matters once a community is more than a handful of people; interpersonal
 * leadership once it is too large for everyone to know everyone.
 */
function leadershipGap(facts: CommunityFacts, options: BoundaryOptions): string | undefined {
  const has = (role: 'day-to-day' | 'interpersonal') => facts.rolesPresent.includes(role);
  if (facts.members >= options.leadershipMinMembers && !has('day-to-day')) {
    return (
      `No one holds the day-to-day leadership role among its ${facts.members} members: ` +
      'no one keeps the rhythm of meetings and follow-ups.'
    );
  }
  if (facts.members >= options.leadershipLargeMembers && !has('interpersonal')) {
    return (
      `No one holds the interpersonal leadership role among its ${facts.members} members: at ` +
      `this size (${options.leadershipLargeMembers} or more) people no longer all know each ` +
      'other, and no one tends relationships or welcomes newcomers.'
    );
  }
  return undefined;
}
