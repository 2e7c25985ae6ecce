// Array helpers that hold for any size. `target.push(...items)` and `Math.max(...values)` pass
// every element as an argument, and V8 throws "Maximum call stack size exceeded" past about
// 125,000 of them (Node 20 here): a 100,000-person directory's 300,000 memberships did exactly
// that in the ldap importer. Lists that grow with a directory or a history go through these
// instead.

/** Appends every item to `target` (in order) and returns it. */
export function appendAll<T>(target: T[], items: Iterable<T>): T[] {
  for (const item of items) target.push(item);
  return target;
}

/**
 * The smallest and largest of some numbers, as `Math.min(...values)` and `Math.max(...values)`
 * would give them (Infinity and -Infinity for none; NaN when any is NaN).
 */
export function extent(values: Iterable<number>): { min: number; max: number } {
  let min = Infinity;
  let max = -Infinity;
  for (const value of values) {
    if (Number.isNaN(value)) return { min: NaN, max: NaN };
    // (-0 is below 0 for Math.min and Math.max, not for < and >.)
    if (value < min || (value === min && Object.is(value, -0))) min = value;
    if (value > max || (value === max && Object.is(max, -0))) max = value;
  }
  return { min, max };
}
