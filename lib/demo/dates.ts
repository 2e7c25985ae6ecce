// Calendar arithmetic for generated feeds, on whole UTC days so results never depend on the
// machine's time zone or clock.

const MS_PER_DAY = 86_400_000;

/** "2026-11-01" → days since 1970-01-01. */
export function dayNumber(date: string): number {
  const [year, month, day] = date.split('-').map(Number);
  return Math.floor(Date.UTC(year!, month! - 1, day) / MS_PER_DAY);
}

/** Days since 1970-01-01 → "2026-11-01". */
export function isoDay(days: number): string {
  return new Date(days * MS_PER_DAY).toISOString().slice(0, 10);
}
