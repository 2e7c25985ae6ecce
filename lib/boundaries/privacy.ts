// Privacy thresholds for aggregate views. Wherever the boundaries view shows how many people
// of a unit (or company) are somewhere, a group smaller than the minimum group size is never
// shown on its own: its count becomes "fewer than N" and, in breakdowns, it is folded into an
// unnamed "other units" line, so no small group can be singled out by name and number.

export const DEFAULT_MIN_GROUP_SIZE = 5;
/** The smallest minimum a user can set: 1 would show every count, defeating the rule. */
export const LOWEST_MIN_GROUP_SIZE = 2;

/** A count as an aggregate view may show it. */
export type GroupCount = { exact: number } | { fewerThan: number };

export function groupCount(count: number, minGroupSize: number): GroupCount {
  return count >= minGroupSize ? { exact: count } : { fewerThan: minGroupSize };
}

export function formatGroupCount(count: GroupCount): string {
  return 'exact' in count ? String(count.exact) : `fewer than ${count.fewerThan}`;
}

/** The number behind a group count for sorting: a suppressed group sorts below any shown one. */
export function sortableGroupCount(count: GroupCount): number {
  return 'exact' in count ? count.exact : 0;
}

interface GroupLine {
  label: string;
  count: GroupCount;
}

export interface Breakdown {
  /** Groups at or above the minimum, largest first, by name. */
  shown: GroupLine[];
  /** All smaller groups together (unnamed), or null when there are none. */
  other: GroupCount | null;
  /** How many groups were folded into `other`. */
  otherGroups: number;
}

/** A breakdown of people by group (unit, company) that never names a group below the minimum. */
export function safeBreakdown(
  counts: ReadonlyMap<string, number>,
  minGroupSize: number,
): Breakdown {
  const shown: GroupLine[] = [];
  let otherTotal = 0;
  let otherGroups = 0;
  for (const [label, count] of counts) {
    if (count <= 0) continue;
    if (count >= minGroupSize) shown.push({ label, count: { exact: count } });
    else {
      otherTotal += count;
      otherGroups++;
    }
  }
  shown.sort(
    (x, y) =>
      sortableGroupCount(y.count) - sortableGroupCount(x.count) || x.label.localeCompare(y.label),
  );
  return {
    shown,
    other: otherGroups ? groupCount(otherTotal, minGroupSize) : null,
    otherGroups,
  };
}

/** Reads a user-given minimum, keeping it a whole number no lower than the floor. */
export function clampMinGroupSize(value: number): number {
  if (!Number.isFinite(value)) return DEFAULT_MIN_GROUP_SIZE;
  return Math.max(LOWEST_MIN_GROUP_SIZE, Math.min(1000, Math.round(value)));
}
