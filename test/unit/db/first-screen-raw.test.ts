// The popup's first read through raw IndexedDB (no Dexie) gives exactly what the Dexie path
// gives, on the demo organisation and on synced data (a whole generation, then a layer of
// changes over it), for an anonymous viewer, a member of a members-only community, someone who
// declared a membership, and a "me" no longer in the feed; and it declines (undefined, so the
// popup reads through Dexie) whenever the database is not as it expects, creating nothing.
import { describe, expect, it } from 'vitest';
import Dexie from 'dexie';
import { SCHEMA_VERSION } from '../../../lib/db/database-id';
import { readFirstScreen } from '../../../lib/db/first-screen';
import { readFirstScreenRaw } from '../../../lib/db/first-screen-raw';
import { declareMembership, setMe } from '../../../lib/db/local';
import { generateSyntheticFeed } from '../../../lib/demo/synthetic';
import { syncFeed } from '../../../lib/feed/sync';
import type { FeedInput } from '../../../lib/model/feed';
import { demoFeed, demoTestDb } from '../../fixtures/demo-db';
import { emptyTestDb, reopenTestDb, testIndexedDB } from '../../fixtures/test-db';
import { servePublicationWithChanges } from '../feed/changes-publication';
import { FakeFeedServer, syncDeps } from '../feed/fake-server';
import type { ConstellationDB } from '../../../lib/db/database';

/** Both paths on the same database; the Dexie one through a fresh connection (nothing remembered). */
async function expectSame(db: ConstellationDB) {
  const raw = await readFirstScreenRaw(testIndexedDB(db), db.name);
  const dexie = await readFirstScreen(reopenTestDb(db));
  expect(raw).toBeDefined();
  expect(raw).toEqual(dexie);
  return raw!;
}

describe('first screen without Dexie', () => {
  it('equals the Dexie read on the demo organisation, whoever looks', async () => {
    const db = await demoTestDb();
    const feed = demoFeed();
    const anonymous = await expectSame(db);
    expect(anonymous.me).toBeNull();
    expect(anonymous.status.hiddenCommunities).toBeGreaterThan(0);

    // A member of a members-only community: counted for them.
    const membersOnly = feed.communities.find((c) => c.visibility === 'members')!;
    const insider = feed.memberships.find((m) => m.community === membersOnly.id)!;
    await setMe(db, { feedId: feed.feedId, id: insider.person });
    const member = await expectSame(db);
    expect(member.me?.id).toBe(insider.person);
    expect(member.status.hiddenCommunities).toBeLessThan(anonymous.status.hiddenCommunities);

    // A declared membership of another members-only community counts too.
    const other = feed.communities.filter((c) => c.visibility === 'members').at(-1)!;
    await declareMembership(db, {
      feedId: feed.feedId,
      community: other.id,
      participation: 'peripheral',
      roles: [],
    });
    await expectSame(db);

    // "Me" chosen, then gone from the feed.
    await setMe(db, { feedId: feed.feedId, id: 'no-such-person' });
    const gone = await expectSame(db);
    expect(gone.me).toBeNull();
    expect(gone.viewer.me).toEqual({ feedId: feed.feedId, id: 'no-such-person' });
    await setMe(db, { feedId: 'no-such-feed', id: insider.person });
    await expectSame(db);
  });

  it('equals the Dexie read on a synced generation and on a layer of changes over it', async () => {
    const URL = 'https://feeds.acme.example/main.json';
    const target = { url: URL, label: 'Acme', intervalMinutes: 60 };
    const base: FeedInput = generateSyntheticFeed({ people: 300, seed: 7, feedId: 'acme-main' });
    base.communities[0]!.visibility = 'members';
    base.communities[1]!.visibility = 'members';
    const me = base.memberships.find((m) => m.community === base.communities[0]!.id)!.person;
    const server = new FakeFeedServer();
    const db = emptyTestDb();
    const v1 = JSON.stringify(base);
    servePublicationWithChanges(server, URL, v1);
    expect((await syncFeed(syncDeps(db, server), target)).outcome).toBe('updated');
    await expectSame(db);
    await setMe(db, { feedId: 'acme-main', id: me });
    const first = await expectSame(db);
    expect(first.me?.id).toBe(me);

    // A changes file renames me and moves one of my memberships: a layer over the generation.
    const next = structuredClone(base);
    next.generatedAt = '2026-11-02T09:00:00Z';
    const person = next.people.find((p) => p.id === me)!;
    person.name = 'Ilse Lighthouse';
    const mine = next.memberships.find((m) => m.person === me)!;
    mine.participation = mine.participation === 'core' ? 'peripheral' : 'core';
    servePublicationWithChanges(server, URL, JSON.stringify(next), [v1]);
    const report = await syncFeed(syncDeps(db, server), target);
    expect(report).toMatchObject({ outcome: 'updated', delivery: { via: 'changes' } });
    expect((await db.feeds.toArray())[0]!.base).toBeDefined();
    const layered = await expectSame(db);
    expect(layered.me?.name).toBe('Ilse Lighthouse');

    await setMe(db, undefined);
    await expectSame(db);
  });

  it('declines, creating nothing, when the database is missing or not as expected', async () => {
    const missing = emptyTestDb();
    const env = testIndexedDB(missing);
    expect(await readFirstScreenRaw(env, 'never-created')).toBeUndefined();
    expect((await env.indexedDB.databases()).map((d) => d.name)).not.toContain('never-created');

    // A feed row written before the members-only list existed: Dexie scans, raw declines.
    const db = await demoTestDb();
    const row = (await db.feeds.toArray())[0]!;
    const { membersOnly: _list, ...legacy } = row;
    await db.feeds.put(legacy);
    expect(await readFirstScreenRaw(testIndexedDB(db), db.name)).toBeUndefined();

    // Another schema version (here an older one, as if never upgraded).
    const old = new Dexie('old-schema', { ...testIndexedDB(db) });
    old.version(SCHEMA_VERSION - 1).stores({
      feeds: 'feedId',
      me: 'key',
      myMemberships: '[feedId+community]',
      packs: '[feedId+gen+list+first]',
    });
    await old.open();
    old.close();
    expect(await readFirstScreenRaw(testIndexedDB(db), 'old-schema')).toBeUndefined();
  });

  it('knows the schema version Dexie declares last', () => {
    expect(emptyTestDb().verno).toBe(SCHEMA_VERSION);
  });
});
