// The counts a viewer sees leave out members-only communities they cannot see, and agree
// with the boundaries view's snapshot of the same data, for an outsider and for a member.
import { describe, expect, it } from 'vitest';
import { loadConstellation } from '../../../lib/db/constellation';
import { setMe } from '../../../lib/db/local';
import type { ConstellationDB } from '../../../lib/db/database';
import { ANONYMOUS, dataStatus, viewerOf, type Viewer } from '../../../lib/db/queries';
import { visibleRecords } from '../../../lib/db/packed';
import type { CommunityRow } from '../../../lib/db/schema';
import { membersOnlyOfFeed, viewerStatus } from '../../../lib/db/visible-counts';
import { generateSyntheticFeed } from '../../../lib/demo/synthetic';
import { syncFeed } from '../../../lib/feed/sync';
import type { FeedInput } from '../../../lib/model/feed';
import { demoFeed, demoTestDb } from '../../fixtures/demo-db';
import { emptyTestDb, smallTestDb } from '../../fixtures/test-db';
import { FakeFeedServer } from '../feed/fake-server';

describe('viewer counts', () => {
  it('leaves out a members-only community and its memberships for an outsider only', async () => {
    const db = await smallTestDb();
    const raw = await dataStatus(db);
    const outsider = await viewerStatus(db, ANONYMOUS);
    expect(outsider.hiddenCommunities).toBe(1);
    expect(outsider.counts.communities).toBe(raw.counts.communities - 1);
    // c-fraud has two members (Carol and Alice).
    expect(outsider.counts.memberships).toBe(raw.counts.memberships - 2);
    expect(outsider.counts.people).toBe(raw.counts.people);

    await setMe(db, { feedId: 'acme-main', id: 'p-carol' });
    const member = await viewerStatus(db, await viewerOf(db));
    expect(member.hiddenCommunities).toBe(0);
    expect(member.counts).toEqual(raw.counts);
  });

  it('matches the boundaries view on the demo organisation, whoever looks', async () => {
    const db = await demoTestDb();
    const feed = demoFeed();
    const membersOnly = feed.communities.filter((c) => c.visibility === 'members');
    expect(membersOnly.length).toBeGreaterThan(0);
    const check = async () => {
      const shown = await viewerStatus(db, await viewerOf(db));
      const loaded = await loadConstellation(db);
      expect(shown.counts.communities).toBe(loaded.communities.length);
      expect(shown.counts.memberships).toBe(loaded.memberships.length);
      expect(shown.hiddenCommunities).toBe(loaded.hiddenCommunities);
      return shown;
    };
    const anonymous = await check();
    expect(anonymous.counts.communities).toBe(feed.communities.length - membersOnly.length);
    // A member of one members-only community sees that one (and its memberships) counted.
    const insider = feed.memberships.find((m) => m.community === membersOnly[0]!.id)!;
    await setMe(db, { feedId: feed.feedId, id: insider.person });
    const member = await check();
    expect(member.counts.communities).toBeGreaterThan(anonymous.counts.communities);
  });
});

describe('members-only counts kept on the feed row', () => {
  const URL = 'https://feeds.acme.example/big.json';
  const target = { url: URL, label: 'Big', intervalMinutes: 60 };
  const deps = (db: ConstellationDB, server: FakeFeedServer) => ({
    db,
    fetch: server.fetch,
    owner: 'w1',
    maxInvalidShare: 0.1,
    chunkSize: 50,
  });
  const synthetic = (generatedAt: string): FeedInput => ({
    ...generateSyntheticFeed({ people: 120, seed: 7, feedId: 'big' }),
    generatedAt,
  });

  /** The stored row's list equals a scan of the rows readers see, and so do the counts. */
  async function expectExact(db: ConstellationDB) {
    const row = (await db.feeds.get('big'))!;
    expect(row.membersOnly).toEqual(await membersOnlyOfFeed(db, 'big'));
    const shown = await viewerStatus(db, ANONYMOUS);
    const loaded = await loadConstellation(db);
    expect(shown.counts.communities).toBe(loaded.communities.length);
    expect(shown.counts.memberships).toBe(loaded.memberships.length);
    expect(shown.hiddenCommunities).toBe(loaded.hiddenCommunities);
    return row.membersOnly!;
  }

  it('is exact after a first generation and after a staged switch that changes visibility', async () => {
    const db = emptyTestDb();
    const first = synthetic('2026-11-01T09:00:00Z');
    first.communities[0]!.visibility = 'members';
    first.communities[1]!.visibility = 'members';
    first.communities[2]!.visibility = 'public';
    const server = new FakeFeedServer().serveFeed(URL, JSON.stringify(first));
    expect((await syncFeed(deps(db, server), target)).outcome).toBe('updated');
    const before = await expectExact(db);
    const c0 = first.communities[0]!.id;
    const c1 = first.communities[1]!.id;
    const c2 = first.communities[2]!.id;
    const membersOf = (feed: FeedInput, id: string) =>
      feed.memberships.filter((m) => m.community === id).length;
    expect(before).toContainEqual({ community: c0, memberships: membersOf(first, c0) });
    expect(before.map((m) => m.community)).not.toContain(c2);

    // Next generation: c0 opens up, c2 closes, c1 loses its members but one.
    const next = synthetic('2026-11-02T09:00:00Z');
    next.communities[0]!.visibility = 'public';
    next.communities[1]!.visibility = 'members';
    next.communities[2]!.visibility = 'members';
    const keepOne = next.memberships.find((m) => m.community === c1)!;
    next.memberships = next.memberships.filter((m) => m.community !== c1 || m === keepOne);
    server.serveFeed(URL, JSON.stringify(next));
    expect((await syncFeed(deps(db, server), target)).outcome).toBe('updated');
    const after = await expectExact(db);
    expect(after.map((m) => m.community)).not.toContain(c0);
    expect(after).toContainEqual({ community: c1, memberships: 1 });
    expect(after).toContainEqual({ community: c2, memberships: membersOf(next, c2) });
  });

  it('keeps counting a faulty community’s kept previous version', async () => {
    const db = emptyTestDb();
    const first = synthetic('2026-11-01T09:00:00Z');
    first.communities[0]!.visibility = 'members';
    const server = new FakeFeedServer().serveFeed(URL, JSON.stringify(first));
    await syncFeed(deps(db, server), target);
    const next = synthetic('2026-11-02T09:00:00Z');
    // A bad stage: this record is left out and its previous (members-only) version kept.
    (next.communities[0] as { stage: string }).stage = 'not-a-stage';
    next.communities[0]!.visibility = 'public';
    server.serveFeed(URL, JSON.stringify(next));
    const report = await syncFeed(deps(db, server), target);
    expect(report.outcome).toBe('updated');
    expect(
      (await visibleRecords<CommunityRow>(db, 'communities')).find(
        (c) => c.feedId === 'big' && c.id === first.communities[0]!.id,
      )?.visibility,
    ).toBe('members');
    const after = await expectExact(db);
    expect(after.map((m) => m.community)).toContain(first.communities[0]!.id);
  });

  it('gives the same counts from a feed row written before the list existed (scan)', async () => {
    const db = await demoTestDb();
    const feed = demoFeed();
    const membersOnly = new Set(
      feed.communities.filter((c) => c.visibility === 'members').map((c) => c.id),
    );
    const insider = feed.memberships.find((m) => membersOnly.has(m.community))!;
    const compare = async (viewer: Viewer) => {
      const stored = await viewerStatus(db, viewer);
      const row = (await db.feeds.get(feed.feedId))!;
      expect(row.membersOnly?.length).toBe(membersOnly.size);
      const { membersOnly: _list, ...legacy } = row;
      await db.feeds.put(legacy);
      const scanned = await viewerStatus(db, viewer);
      await db.feeds.put(row);
      expect(scanned).toEqual({ ...stored, feeds: [legacy] });
      return stored;
    };
    const outsider = await compare(ANONYMOUS);
    expect(outsider.hiddenCommunities).toBe(membersOnly.size);
    await setMe(db, { feedId: feed.feedId, id: insider.person });
    const member = await compare(await viewerOf(db));
    expect(member.hiddenCommunities).toBeLessThan(membersOnly.size);
  });
});
