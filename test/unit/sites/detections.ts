// A page's detections in a compact, reviewable form: who appears in which role (counted),
// how many prose regions there are and how each starts. Expected values are hand-checked
// against the page markup and kept in test/fixtures/expected/<page>.json.
import type { PersonMention, SiteAdapter } from '../../../lib/sites/types';

export interface DetectedPerson {
  role: string;
  /** "host login" for handles, the address for emails, else the name. */
  who: string;
  badge: boolean;
  count: number;
}

export interface Detections {
  adapter: string;
  pageKind: string;
  people: DetectedPerson[];
  regions: string[];
}

function who(mention: PersonMention): string {
  const { handles, emails, names } = mention.identity;
  if (handles[0]) return `${handles[0].host} ${handles[0].login}`;
  if (emails[0]) return emails[0];
  return names[0] ?? '?';
}

export function detections(adapter: SiteAdapter, url: URL, document: Document): Detections {
  const people = new Map<string, DetectedPerson>();
  for (const mention of adapter.people(document, url)) {
    const key = `${mention.role}\u0000${who(mention)}\u0000${mention.badge}`;
    const entry = people.get(key);
    if (entry) entry.count++;
    else people.set(key, { role: mention.role, who: who(mention), badge: mention.badge, count: 1 });
  }
  return {
    adapter: adapter.id,
    pageKind: adapter.pageKind(url, document),
    people: [...people.values()],
    regions: adapter
      .proseRegions(document)
      .map((region) => (region.textContent ?? '').replace(/\s+/g, ' ').trim().slice(0, 40)),
  };
}
