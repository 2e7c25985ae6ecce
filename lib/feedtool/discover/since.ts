// "--since": a calendar date ("2024-01-01"), a date-time, or a span back from now
// ("2 years", "18 months", "6 weeks", "30 days", optionally followed by "ago").
const UNIT_DAYS: Record<string, number> = { day: 1, week: 7, month: 30.44, year: 365.25 };

export function parseSince(
  value: string,
  now: number = Date.now(),
): { ok: true; time: number } | { ok: false; message: string } {
  const text = value.trim().toLowerCase();
  const span = /^(\d+(?:\.\d+)?)\s*(day|week|month|year)s?(\s+ago)?$/.exec(text);
  if (span) return { ok: true, time: now - Number(span[1]) * UNIT_DAYS[span[2]!]! * 86_400_000 };
  if (/^\d{4}-\d{2}-\d{2}([t ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(z|[+-]\d{2}:?\d{2})?)?$/.test(text)) {
    const time = Date.parse(text.length === 10 ? `${text}T00:00:00Z` : text.toUpperCase());
    if (!Number.isNaN(time)) return { ok: true, time };
  }
  return {
    ok: false,
    message: `"${value}" is not a date (2024-01-01) or a span such as "2 years" or "18 months"`,
  };
}
