// Reading LDAP entries: attribute values as text (names compare without case, as LDAP's
// do), template cells from them, DNs compared in a normal form, and the nearest unit above
// an entry in the tree.
import type { Entry } from 'ldapts';

export type Cell = (attribute: string) => string | undefined;

/** Attribute values as strings; attribute names compare without case, as LDAP's do. */
export function values(entry: Entry, attribute: string): string[] {
  const name = Object.keys(entry).find((k) => k.toLowerCase() === attribute.toLowerCase());
  if (!name || name === 'dn') return [];
  const value = entry[name]!;
  const list = Array.isArray(value) ? value : [value];
  return list.map((v) => (typeof v === 'string' ? v : v.toString('utf8')));
}

/** A template cell: the attribute's values, several joined with "; " (so emails split). */
export function cellOf(entry: Entry): Cell {
  return (attribute) => {
    const all = values(entry, attribute)
      .map((v) => v.trim())
      .filter(Boolean);
    return all.length > 0 ? all.join('; ') : undefined;
  };
}

/** DNs compare without case and without spaces around separators. */
export function normalizeDn(dn: string): string {
  return dn
    .split(/(?<!\\),/)
    .map((rdn) =>
      rdn
        .split(/(?<!\\)=/)
        .map((s) => s.trim())
        .join('='),
    )
    .join(',')
    .toLowerCase();
}

/** The value of the nearest ancestor of `dn` found in `map`. */
export function nearest(dn: string, map: ReadonlyMap<string, string>): string | undefined {
  const parts = normalizeDn(dn).split(/(?<!\\),/);
  for (let i = 1; i < parts.length; i++) {
    const found = map.get(parts.slice(i).join(','));
    if (found) return found;
  }
  return undefined;
}

export function describe(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ECONNREFUSED')
    return "connection refused: is the server running, and the URL's host and port right?";
  // ldapts names result codes by class (InvalidCredentialsError, SizeLimitExceededError…)
  // and often leaves the message as little more than the code.
  const named =
    error.name && error.name !== 'Error'
      ? error.name
          .replace(/Error$/, '')
          .replace(/([a-z])([A-Z])/g, '$1 $2')
          .toLowerCase()
      : '';
  const message = error.message.split('\n')[0]!.trim();
  if (named && (!message || /^Code: 0x/i.test(message))) return named;
  return named && !message.toLowerCase().includes(named) ? `${named}: ${message}` : message;
}
