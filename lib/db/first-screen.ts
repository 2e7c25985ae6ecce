// The popup's first screen read through Dexie: the fallback of the raw read
// (lib/db/first-screen-raw.ts) and the reference it is tested against.
import type { ConstellationDB } from './database';
import { dataStatus, viewerAndPerson } from './queries';
import { viewerStatus } from './visible-counts';
import type { FirstScreen } from './viewer';

export type { FirstScreen } from './viewer';

/**
 * Reads the first screen before anything renders, so the first frame already shows content:
 * Preact runs effects only after a frame is painted, so reading from the live queries would
 * paint an empty frame first and start the reads one frame late.
 */
export async function readFirstScreen(db: ConstellationDB): Promise<FirstScreen> {
  // The feeds' totals do not depend on who I am: read them beside the viewer.
  const raw = dataStatus(db);
  // My memberships and my own row in one read.
  const { viewer, person } = await viewerAndPerson(db);
  const status = await viewerStatus(db, viewer, raw);
  return { status, viewer, me: person ?? null };
}
