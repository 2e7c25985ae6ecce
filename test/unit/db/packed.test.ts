// Readers of the packed storage see one generation per feed: a switch in the middle of a read
// makes the read run again on the new generation, never a mix of the two.
import { describe, expect, it } from 'vitest';
import { replaceFeed } from '../../../lib/db/ingest';
import { readPacks } from '../../../lib/db/packed';
import fc from 'fast-check';
import {
  compareKeys,
  groupItems,
  groupOf,
  packIndexFor,
  packItems,
  packList,
  packStream,
  planPacks,
  INDEX_LISTS,
  PACK_SIZE,
  type IndexList,
  type PackList,
  type PlannedPack,
} from '../../../lib/db/packs';
import type { PersonRow } from '../../../lib/db/schema';
import { feedRecords, personKeys, type FeedRows } from '../../../lib/db/rows';
import { parsedFeed, smallTestDb } from '../../fixtures/test-db';
import { smallFeed } from '../../fixtures/small-feed';

describe('packs', () => {
  it('never split a group across packs, and find every item of every group', () => {
    // About six packs' worth, whatever the pack size.
    const items = Array.from({ length: Math.round(PACK_SIZE.memberships * 5.9) }, (_, i) => ({
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

  it('plan every list in (group, second) order, index lists in columns, as a plain sort would', () => {
    const id = fc.constantFrom('a', 'b', 'B', 'é', 'a-1', 'a-10', 'a-2', 'z', 'ß', '😀', 'A');
    const person = fc.record({
      id,
      name: fc.constantFrom('Ana Diaz', 'ANA', 'Zoë Ng', 'Ng', ''),
      aliases: fc.array(fc.constantFrom('Ana', 'zoe', 'Ana Diaz'), { maxLength: 2 }),
      emails: fc.array(fc.constantFrom('ana@x.test', 'Ana@X.test', 'zo@y.test'), { maxLength: 2 }),
      handles: fc.dictionary(
        fc.constantFrom('github.com', 'gitlab.com'),
        fc.constantFrom('ana', 'Zo'),
      ),
      unit: fc.option(fc.constantFrom('u-1', 'u-2'), { nil: undefined }),
    });
    const membership = fc.record({
      person: id,
      community: id,
      participation: fc.constant('core' as const),
      roles: fc.constant([]),
    });
    fc.assert(
      fc.property(
        fc.uniqueArray(person, { selector: (p) => p.id, maxLength: 40 }),
        fc.uniqueArray(membership, {
          selector: (m) => `${m.person} ${m.community}`,
          maxLength: 1500,
        }),
        (people, memberships) => {
          const rows = {
            units: [],
            people: people as unknown as FeedRows['people'],
            topics: [],
            communities: [],
            memberships: memberships as unknown as FeedRows['memberships'],
            expertise: [],
          };
          const packs = planPacks(rows);
          const listItems = (list: string) =>
            packs.filter((p) => p.list === list).flatMap((p) => packItems({ ...p, feedId: 'f' }));
          const byPair = (a: readonly string[], b: readonly string[]) =>
            compareKeys(a[0]!, b[0]!) || compareKeys(a[1]!, b[1]!);
          // Records: each list's items in (group key, second key) order.
          const pairs = (list: string) =>
            (listItems(list) as { person: string; community: string }[]).map((m) =>
              list === 'memberships' ? [m.person, m.community] : [m.community, m.person],
            );
          for (const list of ['memberships', 'memberships@community']) {
            const got = pairs(list);
            expect(got).toEqual([...got].sort(byPair));
            expect(got.length).toBe(memberships.length);
          }
          // Index entries: exactly the keys each person is found by, in (key, id) order.
          const expected: [string, string][] = [];
          for (const p of people) {
            for (const key of new Set(personKeys(p).tokens)) if (key) expected.push([key, p.id]);
          }
          expect(listItems('people.tokens')).toEqual(expected.sort(byPair));
          // No group across two packs; a pack over its size holds one group.
          for (const list of ['memberships', 'people.tokens', 'memberships@community']) {
            const groups = packs
              .filter((p) => p.list === list)
              .map((p) =>
                packItems({ ...p, feedId: 'f' }).map((item) => groupOf(list as PackList, item)),
              );
            for (let i = 1; i < groups.length; i++)
              expect(groups[i]![0]! > groups[i - 1]!.at(-1)!).toBe(true);
            for (const g of groups) if (g.length > 1024) expect(new Set(g).size).toBe(1);
          }
        },
      ),
      { numRuns: 60 },
    );
  });

  it('plan the same packs for the same rows (a resumed sync writes what it planned)', () => {
    const rows = feedRecords(parsedFeed());
    expect(planPacks(rows)).toEqual(planPacks(feedRecords(parsedFeed())));
  });

  it('are planned as they are taken, each index list only when reached, from lists the caller let go of', () => {
    const rows = feedRecords(parsedFeed());
    // Count reads of every person's handles (read by the handle keys and the search words).
    let reads = 0;
    for (const person of rows.people) {
      const handles = person.handles;
      Object.defineProperty(person, 'handles', {
        get: () => {
          reads++;
          return handles;
        },
        enumerable: true,
      });
    }
    const stream = packStream(rows);
    // As the sync does: its own references to the lists go once the stream has them.
    for (const list of Object.keys(rows) as (keyof FeedRows)[]) rows[list] = [];
    const taken: PlannedPack[] = [];
    let next = stream.next();
    while (!next.done && !INDEX_LISTS.includes(next.value.list as IndexList)) {
      taken.push(next.value);
      next = stream.next();
    }
    // Every record list planned, one index list (the handle keys) and no other.
    expect(next.done).toBe(false);
    expect(next.value).toMatchObject({ list: 'people.handleKeys' });
    const people = parsedFeed().people.length;
    expect(reads).toBe(people);
    for (; !next.done; next = stream.next()) taken.push(next.value);
    expect(reads).toBe(2 * people);
    expect(taken).toEqual(planPacks(feedRecords(parsedFeed())));
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
