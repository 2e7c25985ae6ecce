// "Empty is absent": registries written by hand leave optional fields as `company:` (null),
// `""` or `[]`. Those mean "not given", never "invalid", so they are removed before a record
// is checked; a record is dropped only for what it lacks, not for what it leaves blank.

/** A copy of `value` without null, undefined, blank strings and empty lists/maps in objects,
 * and without null or blank entries in lists. Non-plain values are returned as they are. */
export function withoutEmpty(value: unknown): unknown {
  if (Array.isArray(value)) {
    return value.map(withoutEmpty).filter((v) => !isEmpty(v));
  }
  if (value !== null && typeof value === 'object' && !(value instanceof Date)) {
    const out: Record<string, unknown> = {};
    for (const [key, entry] of Object.entries(value as Record<string, unknown>)) {
      const cleaned = withoutEmpty(entry);
      if (!isEmpty(cleaned)) out[key] = cleaned;
    }
    return out;
  }
  return value;
}

export function isEmpty(value: unknown): boolean {
  if (value === null || value === undefined) return true;
  if (typeof value === 'string') return value.trim() === '';
  if (Array.isArray(value)) return value.length === 0;
  if (typeof value === 'object' && !(value instanceof Date)) return Object.keys(value).length === 0;
  return false;
}

/** A short description of a document's top-level keys, for "found …" in refusals. */
export function describeKeys(value: unknown, max = 8): string {
  if (value === null || value === undefined) return 'an empty document';
  if (Array.isArray(value)) return `a list of ${value.length} entries`;
  if (typeof value !== 'object') return `a single ${typeof value} value`;
  const keys = Object.keys(value);
  if (keys.length === 0) return 'an empty mapping';
  const shown = keys.slice(0, max).map((k) => `\`${k}\``);
  return `${shown.join(', ')}${keys.length > max ? ` and ${keys.length - max} more keys` : ''}`;
}
