// Readers of the packed storage see one generation per feed: a switch in the middle of a read
// makes the read run again on the new generation, never a mix of the two.
import { describe, expect, it } from 'vitest';
import { replaceFeed } from '../../../lib/db/ingest';
import { readPacks } from '../../../lib/db/packed';
import { planPacks, packList, packIndexFor, groupItems } from '../../../lib/db/packs';
import type { PersonRow } from '../../../lib/db/schema';
import { feedRows } from '../../../lib/db/rows';
import { parsedFeed, smallTestDb } from '../../fixtures/test-db';
import { smallFeed } from '../../fixtures/small-feed';

describe('packs', () => {
  it('never split a group across packs, and find every item of every group', () => {
    const items = Array.from({ length: 3000 }, (_, i) => ({
      person: `p-${i % 97}`,
      community: `c-${i}`,
    }));
    const packs = packList('memberships', items);
    expect(packs.length).toBeGreaterThan(3);
    const firsts = packs.map((p) => p.first);
    expect([...firsts].sort()).toEqual(firsts);
    for (let p = 0; p < 97; p++) {
      const key = `p-${p}`;
      const at = packIndexFor(firsts, key);
      const found = groupItems<{ community: string }>('memberships', packs[at]!.items, key);
      expect(found.length, key).toBe(items.filter((i) => i.person === key).length);
    }
    expect(packIndexFor(firsts, '')).toBe(-1);
  });

  it('plan the same packs for the same rows (a resumed sync writes what it planned)', () => {
    const rows = feedRows(parsedFeed());
    expect(planPacks(rows)).toEqual(planPacks(feedRows(parsedFeed())));
  });
});

describe('readPacks', () => {
  it('runs again on the new generation when a switch happens mid-read', async () => {
    const db = await smallTestDb();
    const renamed = smallFeed();
    renamed.people[0]!.title = 'After the switch';
    let calls = 0;
    const titles = await readPacks(db, async (r) => {
      calls++;
      const before = await r.get<PersonRow>('people', 'acme-main', renamed.people[0]!.id);
      if (calls === 1) await replaceFeed(db, parsedFeed(renamed), { source: 'url' });
      const after = await r.get<PersonRow>('people', 'acme-main', renamed.people[0]!.id);
      return [before?.title, after?.title];
    });
    expect(calls).toBe(2);
    expect(titles).toEqual(['After the switch', 'After the switch']);
  });
});
