// The search box's memory of a word's rows (lib/db/search-cache.ts): later keystrokes of a
// several-word query are answered from it, and every change to the data forgets it, so an
// answer is never stale. Completeness against the documented rule at every keystroke is
// test/unit/db/search.test.ts, which runs with the memory in use.
import { describe, expect, it, vi } from 'vitest';
import type { ConstellationDB } from '../../../lib/db/database';
import { replaceFeed } from '../../../lib/db/ingest';
import { searchPeople } from '../../../lib/db/search';
import { personTokens } from '../../../lib/db/rows';
import { CACHED_WORD_ENTRIES, searchScope } from '../../../lib/db/search-cache';
import { generateSyntheticFeed } from '../../../lib/demo/synthetic';
import type { Feed } from '../../../lib/model/feed';
import { validateFeedText } from '../../../lib/model/validate';
import { emptyTestDb } from '../../fixtures/test-db';
import { visibleRecords } from '../../../lib/db/packed';
import type { PersonRow } from '../../../lib/db/schema';
import { packItems } from '../../../lib/db/packs';
import { rewrittenPack } from '../../fixtures/packs';

function parsed(input: unknown): Feed {
  const result = validateFeedText(JSON.stringify(input));
  if (!result.ok) throw new Error(result.error.reason);
  return result.feed;
}

async function directory(): Promise<{
  db: ConstellationDB;
  input: ReturnType<typeof generateSyntheticFeed>;
}> {
  const db = emptyTestDb();
  const input = generateSyntheticFeed({ people: 600, seed: 5, feedId: 'org' });
  await replaceFeed(db, parsed(input), { source: 'url', now: new Date('2026-12-03T10:00:00Z') });
  return { db, input };
}

/** "first last" of someone whose first name others share, so the first word has many rows. */
function twoWordName(input: ReturnType<typeof generateSyntheticFeed>): string {
  const first = (name: string) => name.split(' ')[0]!;
  const shared = input.people.find(
    (p) =>
      p.name.split(' ').length === 2 &&
      input.people.filter((q) => first(q.name) === first(p.name)).length > 1,
  );
  if (!shared) throw new Error('no shared first name in the synthetic feed');
  return shared.name.toLowerCase();
}

const ids = (rows: { id: string }[]) => rows.map((r) => r.id).sort();

describe('the search memory', () => {
  it('answers later keystrokes of a several-word query from the rows it read once', async () => {
    const { db, input } = await directory();
    const name = twoWordName(input);
    const space = name.indexOf(' ');
    // Packs are read one (`get`) or several at a time (`bulkGet`).
    const gets = vi.spyOn(db.packs, 'get');
    const bulkGets = vi.spyOn(db.packs, 'bulkGet');
    const reads = {
      calls: () => gets.mock.calls.length + bulkGets.mock.calls.length,
      mockClear: () => (gets.mockClear(), bulkGets.mockClear()),
    };
    // "first l": the first word's rows are read once (a few hundred at most here)...
    await searchPeople(db, name.slice(0, space + 2), { limit: 8 });
    expect(reads.calls()).toBeGreaterThan(0);
    expect(CACHED_WORD_ENTRIES).toBeGreaterThan(input.people.length);
    const everyone = await visibleRecords<PersonRow>(db, 'people');
    // ...and every later keystroke is answered without the people table, exactly.
    for (let end = space + 3; end <= name.length; end++) {
      const query = name.slice(0, end);
      reads.mockClear();
      const found = await searchPeople(db, query, { limit: 8 });
      expect(reads.calls(), query).toBe(0);
      const expected = everyone.filter((p) =>
        query.split(' ').every((w) => personTokens(p).some((t) => t.startsWith(w))),
      );
      expect(expected.length, query).toBeLessThanOrEqual(8);
      expect(ids(found), query).toEqual(ids(expected));
    }
  });

  it('forgets what it kept when a new version of the feed is written', async () => {
    const { db, input } = await directory();
    const name = twoWordName(input);
    const found = await searchPeople(db, name, { limit: 8 });
    expect(found.map((p) => p.name.toLowerCase())).toContain(name);
    const scope = await searchScope(db);
    // The same feed without that person, written as a new version.
    const without = {
      ...input,
      generatedAt: '2026-12-03T11:00:00Z',
      people: input.people.filter((p) => p.name.toLowerCase() !== name),
      memberships: input.memberships.filter(
        (m) => input.people.find((p) => p.id === m.person)?.name.toLowerCase() !== name,
      ),
      expertise: input.expertise.filter(
        (e) => input.people.find((p) => p.id === e.person)?.name.toLowerCase() !== name,
      ),
    };
    await replaceFeed(db, parsed(without), {
      source: 'url',
      now: new Date('2026-12-03T11:00:00Z'),
    });
    expect((await searchScope(db)).version).not.toBe(scope.version);
    const after = await searchPeople(db, name, { limit: 8 });
    expect(after.map((p) => p.name.toLowerCase())).not.toContain(name);
  });

  it('forgets what it kept on any write to a searched table, even with the feeds row unchanged', async () => {
    const { db, input } = await directory();
    const name = twoWordName(input);
    const found = await searchPeople(db, name, { limit: 8 });
    const person = found.find((p) => p.name.toLowerCase() === name)!;
    const scope = await searchScope(db);
    // A write that breaks the rule that visible rows change only with the feeds row: the
    // memory still must not answer from what it kept.
    const gen = (await db.feeds.get(person.feedId))!.gen!;
    const pack = (await db.packs
      .where('[feedId+gen+list+first]')
      .between(
        [person.feedId, gen, 'people', ''],
        [person.feedId, gen, 'people', person.id],
        true,
        true,
      )
      .last())!;
    const kept = packItems(pack).filter((row) => (row as PersonRow).id !== person.id);
    await db.packs.put(rewrittenPack(pack, kept as object[]));
    expect((await searchScope(db)).version).toBe(scope.version);
    const after = await searchPeople(db, name, { limit: 8 });
    expect(after.map((p) => p.id)).not.toContain(person.id);
  });
});

describe('broad queries', () => {
  it('show the same rows whatever the context read before (decoded packs are remembered)', async () => {
    const { db, input } = await directory();
    const fresh = (await searchPeople(db, 'n', { limit: 8 })).map((p) => p.id);
    expect(fresh).toHaveLength(8);
    // Read people from all over the directory (their packs are now remembered), then ask again.
    for (const person of input.people.filter((_, i) => i % 7 === 3).slice(0, 60)) {
      await searchPeople(db, person.name, { limit: 8 });
    }
    await searchPeople(db, 'x', { limit: 8 });
    expect((await searchPeople(db, 'n', { limit: 8 })).map((p) => p.id)).toEqual(fresh);
  });
});
