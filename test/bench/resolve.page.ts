// Resolving the people a page shows against a large directory, as the annotator does
// (lib/db/resolve.ts): every person's record found by their email key, then their memberships,
// from a cold reader (no pack remembered) — the cost that grows with the packs' size, since
// each person found reads and decodes a whole pack of people and one of memberships.
// Baseline in the same page: the same lookups again right after, answered from the packs the
// context remembers (lib/db/pack-memory.ts) as far as its budget holds them: about 40 packs of
// memberships, so from 50 people on most are read again.
import { ConstellationDB } from '../../lib/db/database';
import { benchFeed, seededDatabase } from './seed';
import { forgetPacks } from '../../lib/db/pack-memory';
import { membershipsOfPeople, peopleByKeys } from '../../lib/db/resolve';
import { emailKey } from '../../lib/model/keys';
import { median } from '../../lib/stats';

const DB_NAME = 'bench-resolve';

export interface ResolveRow {
  people: number;
  coldMs: number;
  warmMs: number;
  memberships: number;
}

export async function runResolveBench(
  feedUrl: string,
  counts: number[],
  runs: number,
): Promise<ResolveRow[]> {
  const feed = await benchFeed(feedUrl);
  (await seededDatabase(DB_NAME, feed)).db.close();
  const everyone = feed.people;
  const out: ResolveRow[] = [];
  for (const count of counts) {
    const cold: number[] = [];
    const warm: number[] = [];
    let memberships = 0;
    // The first round is discarded (JIT and IndexedDB warm-up); each round a different spread.
    for (let round = 0; round <= runs; round++) {
      const step = Math.floor(everyone.length / count);
      const emails = Array.from({ length: count }, (_, i) => {
        const person = everyone[(i * step + round * 7919) % everyone.length]!;
        return emailKey(person.emails[0]!);
      });
      forgetPacks();
      const db = new ConstellationDB(DB_NAME);
      await db.open();
      const resolve = async () => {
        const keyed = await peopleByKeys(db, { handles: [], emails, names: [] });
        const people = [...keyed.emails.values()].flat();
        const ofPeople = await membershipsOfPeople(db, people);
        return { people: people.length, memberships: [...ofPeople.values()].flat().length };
      };
      let t = performance.now();
      const first = await resolve();
      const c = performance.now() - t;
      t = performance.now();
      const again = await resolve();
      const w = performance.now() - t;
      db.close();
      if (first.people !== count || again.people !== count)
        throw new Error(`found ${first.people} of ${count} people`);
      if (round > 0) {
        cold.push(c);
        warm.push(w);
        memberships = first.memberships;
      }
    }
    out.push({ people: count, coldMs: median(cold), warmMs: median(warm), memberships });
  }
  return out;
}
