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

/** `reader`: the caller's, when it has one (the search box reads everything through one). */
export async function personSummaries(
  db: ConstellationDB,
  people: PersonRow[],
  reader?: PackReader,
): Promise<PersonSummary[]> {
  const unitsOf = (r: PackReader) =>
    r.bulkGet<UnitRow>(
      'units',
      people.map((p) => ({ feedId: p.feedId, id: p.unit ?? '' })),
    );
  const units = await (reader ? unitsOf(reader) : readPacks(db, unitsOf));
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
    const unit = units[i];
    if (unit) summary.unitName = unit.name;
    const company = p.company ?? unit?.company;
    if (company) summary.company = company;
    return summary;
  });
}
