// A record that turns invalid keeps its previous version (FEED-V1.md, Rules), whatever its ids
// hold: ids may carry any character but white space and control characters, "→" (what problems
// print between the two ends of a membership) included. U+0000 (what record keys put there) is
// refused in an id, with a message; records stored before that rule are still found
// (lib/db/generations.ts `storedRowsByKey`).
import { describe, expect, it } from 'vitest';
import { validateFeed } from '../../../lib/model/validate';
import { visibleRecords } from '../../../lib/db/packed';
import { syncFeed } from '../../../lib/feed/sync';
import { recordKey } from '../../../lib/feed/record-hash';
import type { Expertise, Membership, Person } from '../../../lib/model/feed';
import { smallFeedJson } from '../../fixtures/small-feed';
import { emptyTestDb } from '../../fixtures/test-db';
import { FakeFeedServer, syncDeps } from './fake-server';

const URL = 'https://feeds.acme.example/main.json';
const target = { url: URL, label: 'Acme', intervalMinutes: 60 };

type Json = Record<string, unknown>;

/** The small feed with p-alice renamed `id` (her memberships and expertise follow). */
function feedWithAliceAs(id: string): Json {
  const feed = smallFeedJson();
  for (const person of feed.people as Json[]) if (person.id === 'p-alice') person.id = id;
  for (const list of ['memberships', 'expertise'])
    for (const entry of feed[list] as Json[]) if (entry.person === 'p-alice') entry.person = id;
  return feed;
}

/**
 * A database synced once from the small feed with p-alice as `id`, its server, and the next
 * version of that feed (a later generatedAt) for the test to break and serve.
 */
async function syncedOnce(id: string) {
  const db = emptyTestDb();
  const server = new FakeFeedServer().serveFeed(URL, JSON.stringify(feedWithAliceAs(id)));
  expect((await syncFeed(syncDeps(db, server), target)).outcome).toBe('updated');
  const next = feedWithAliceAs(id);
  next.generatedAt = '2026-11-22T00:00:00Z';
  return { db, server, next };
}

describe('sync: an invalid record keeps its previous version', () => {
  const ids = [['p-alice'], ['p→alice'], ['p→alice→'], ['→']];

  it.each(ids)('a membership and an expertise entry of the person %j', async (id) => {
    const { db, server, next } = await syncedOnce(id);
    const sre = (next.memberships as Json[]).find(
      (m) => m.person === id && m.community === 'c-sre',
    )!;
    sre.participation = 'lurker';
    const k8s = (next.expertise as Json[]).find((e) => e.person === id)!;
    k8s.level = 9;
    server.serveFeed(URL, JSON.stringify(next));
    const report = await syncFeed(syncDeps(db, server), target);

    expect(report.outcome).toBe('updated');
    expect(report.counts).toMatchObject({ invalid: 2, kept: 2, removed: 0 });
    const memberships = await visibleRecords<Membership>(db, 'memberships');
    expect(memberships.find((m) => m.person === id && m.community === 'c-sre')).toMatchObject({
      participation: 'core',
    });
    const expertise = await visibleRecords<Expertise>(db, 'expertise');
    expect(expertise.map((e) => recordKey('expertise', e))).toContain(
      recordKey('expertise', { person: id, topic: k8s.topic as string }),
    );
  });

  it.each(ids)('the person %j', async (id) => {
    const { db, server, next } = await syncedOnce(id);
    (next.people as Json[]).find((p) => p.id === id)!.name = '';
    server.serveFeed(URL, JSON.stringify(next));
    const report = await syncFeed(syncDeps(db, server), target);

    expect(report.outcome).toBe('updated');
    expect(report.counts).toMatchObject({ kept: 4, removed: 0 });
    const people = await visibleRecords<Person>(db, 'people');
    expect(people.find((p) => p.id === id)).toMatchObject({ name: 'Alice Chen' });
  });
});

describe('an id with a control character', () => {
  it.each([['p\u0000alice'], ['p\u0007alice'], ['p\u009falice']])(
    'is refused with what is wrong and where: %j',
    (id) => {
      const result = validateFeed(feedWithAliceAs(id));
      expect(result.ok).toBe(true);
      if (!result.ok) return;
      expect(result.feed.people.map((p) => p.id)).not.toContain(id);
      expect(result.problems[0]).toMatchObject({
        list: 'people',
        path: 'people[0].id',
        reason: 'must not contain white space or control characters',
      });
      // Her memberships and expertise go with her.
      expect(result.feed.memberships.some((m) => m.person === id)).toBe(false);
    },
  );
});
