// Compact person descriptions for lists, popups and messages: name, title, unit name and
// company resolved in one bulk read instead of one read per row.
import type { ConstellationDB } from './database';
import { readPacks, type PackReader } from './packed';
import type { PersonRow, UnitRow } from './schema';

export interface PersonSummary {
  feedId: string;
  id: string;
  name: string;
  title?: string;
  unit?: string;
  unitName?: string;
  company?: string;
  emails: string[];
  handles: Record<string, string>;
}

/** Where someone works as a card shows it: their unit's name, and their company or else their unit's. */
export interface Workplace {
  unitName?: string;
  company?: string;
}

/**
 * The unit name and company of each person (their own unit and company given), in one bulk
 * read of the units.
 */
export async function workplaces(
  r: PackReader,
  people: readonly Pick<PersonRow, 'feedId' | 'unit' | 'company'>[],
): Promise<Workplace[]> {
  const units = await r.bulkGet<UnitRow>(
    'units',
    people.map((p) => ({ feedId: p.feedId, id: p.unit ?? '' })),
  );
  return people.map((p, i) => {
    const unit = units[i];
    const company = p.company ?? unit?.company;
    return { ...(unit ? { unitName: unit.name } : {}), ...(company ? { company } : {}) };
  });
}

/** `reader`: the caller's, when it has one (the search box reads everything through one). */
export async function personSummaries(
  db: ConstellationDB,
  people: PersonRow[],
  reader?: PackReader,
): Promise<PersonSummary[]> {
  const places = await (reader
    ? workplaces(reader, people)
    : readPacks(db, (r) => workplaces(r, people)));
  return people.map((p, i) => {
    const summary: PersonSummary = {
      feedId: p.feedId,
      id: p.id,
      name: p.name,
      emails: p.emails,
      handles: p.handles,
    };
    if (p.title) summary.title = p.title;
    if (p.unit) summary.unit = p.unit;
    return Object.assign(summary, places[i]);
  });
}
