// Changes files in the sync engine (issue 19 goal 2): a feed that publishes the records it
// changed lands them as a layer over the stored generation, without downloading or validating
// the document; what readers then see equals what the whole document lands (property-tested
// over random edits and successive layers); every fault — a record that is not valid, a
// dangling or left-behind reference, a state that does not add up — falls back to the whole
// document with a note saying what and where; a layer that grows past its share is compacted
// into a whole generation; the generation under a layer outlives garbage collection.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ConstellationDB } from '../../../lib/db/database';
import { collectGarbage } from '../../../lib/db/generation-cleanup';
import { readPacks } from '../../../lib/db/packed';
import { generateSyntheticFeed } from '../../../lib/demo/synthetic';
import { syncFeed, type SyncProgress } from '../../../lib/feed/sync';
import { FEED_LISTS, type FeedInput } from '../../../lib/model/feed';
import { INDEX_LISTS } from '../../../lib/db/packs';
import { nameKey } from '../../../lib/model/keys';
import { emptyTestDb, reopenTestDb } from '../../fixtures/test-db';
import { fingerprintOf, servePublicationWithChanges } from './changes-publication';
import { stateOf } from '../../../lib/feed/changes';
import { FakeFeedServer, syncDeps } from './fake-server';

const URL_A = 'https://feeds.acme.example/main.json';
const target = { url: URL_A, label: 'Acme', intervalMinutes: 60 };

/** Every record and every lookup list a reader sees, in key order, and the feeds rows. */
async function landed(db: ConstellationDB): Promise<unknown[]> {
  const lists = await Promise.all(
    [...FEED_LISTS, ...INDEX_LISTS].map((list) => readPacks(db, (r) => r.all(list))),
  );
  const feeds = (await db.feeds.toArray()).map(
    ({ ingestedAt: _at, gen: _gen, base: _base, ...row }) => row,
  );
  return [...lists, feeds];
}

/**
 * What the reader's other ways in answer: prefix ranges of every index list (whole, and a
 * page of a few), records one by one and several at once, groups by key.
 */
async function lookedUp(db: ConstellationDB): Promise<unknown[]> {
  return readPacks(db, async (r) => {
    const out: unknown[] = [];
    const feedId = r.feedIds[0]!;
    for (const list of INDEX_LISTS) {
      for (const prefix of ['', 'a', 'e', 'm', 's', 'an', 'p-', 'synthetic']) {
        out.push(await r.prefix(list, prefix));
        out.push(await r.prefix(list, prefix, 5));
      }
    }
    const people = await r.all<{ id: string }>('people');
    const refs = people.map((p) => ({ feedId, id: p.id }));
    out.push(await r.bulkGet('people', refs));
    for (const ref of refs.slice(0, 20)) out.push(await r.group('memberships', feedId, ref.id));
    out.push(await r.groups('expertise', refs));
    return out;
  });
}

/** What a whole sync of `document` alone lands. */
async function wholeSync(document: string): Promise<unknown[]> {
  const db = emptyTestDb();
  const report = await syncFeed(
    syncDeps(db, new FakeFeedServer().serveFeed(URL_A, document)),
    target,
  );
  expect(report.outcome).toBe('updated');
  return [...(await landed(db)), ...(await lookedUp(db))];
}

function feed(people = 60): FeedInput {
  return generateSyntheticFeed({ people, seed: 7, feedId: 'acme-main' });
}

function edited(base: FeedInput, generatedAt: string, edit: (f: FeedInput) => void): string {
  const next = structuredClone(base);
  next.generatedAt = generatedAt;
  edit(next);
  return JSON.stringify(next);
}

async function firstSync(server: FakeFeedServer, text: string): Promise<ConstellationDB> {
  const db = emptyTestDb();
  servePublicationWithChanges(server, URL_A, text);
  const first = await syncFeed(syncDeps(db, server), target);
  expect(first).toMatchObject({ outcome: 'updated', delivery: { via: 'document' } });
  return db;
}

describe('sync by changes files', () => {
  it('lands a change as a layer: no document downloaded, the same data as a whole sync', async () => {
    const server = new FakeFeedServer();
    const v1 = JSON.stringify(feed());
    const db = await firstSync(server, v1);
    const v2 = edited(feed(), '2026-11-02T09:00:00Z', (f) => {
      f.people[3]!.title = 'Principal engineer';
      f.people[3]!.name = 'Ilse Lighthouse';
      f.memberships[5]!.participation =
        f.memberships[5]!.participation === 'core' ? 'peripheral' : 'core';
    });
    servePublicationWithChanges(server, URL_A, v2, [v1]);
    const before = server.requests.length;
    const report = await syncFeed(syncDeps(db, server), target);
    expect(report).toMatchObject({
      outcome: 'updated',
      counts: { added: 0, changed: 2, removed: 0 },
      delivery: { via: 'changes' },
    });
    expect(server.requests.slice(before).map((r) => r.url)).not.toContain(URL_A);
    const row = (await db.feeds.toArray())[0]!;
    expect(row.base).toBeDefined();
    expect(row.base).not.toBe(row.gen);
    expect([...(await landed(db)), ...(await lookedUp(db))]).toEqual(await wholeSync(v2));
    // The new name's words find the person; the old name no longer does.
    const { id, name } = feed().people[3]!;
    const found = await readPacks(db, (r) => r.lookup('people.tokens', 'lighthouse'));
    expect(found.map((ref) => ref.id)).toEqual([id]);
    const still = await readPacks(db, (r) => r.lookup('people.nameKeys', nameKey(name)));
    expect(still.map((ref) => ref.id)).not.toContain(id);
    // A page opening meanwhile (a connection of its own, nothing remembered) reads one layer
    // pack for a lone lookup, and finds the same.
    const fresh = reopenTestDb(db);
    const alone = await readPacks(fresh, (r) => r.lookup('people.tokens', 'lighthouse'));
    expect(alone.map((ref) => ref.id)).toEqual([id]);
    const person = await readPacks(fresh, (r) =>
      r.get<{ name: string }>('people', alone[0]!.feedId, id),
    );
    expect(person?.name).toBe('Ilse Lighthouse');
    const gone = await readPacks(fresh, (r) => r.lookup('people.nameKeys', nameKey(name)));
    expect(gone.map((ref) => ref.id)).not.toContain(id);
    fresh.close();
  });

  it('lands layer over layer, adds and removes records, and keeps the base through garbage collection', async () => {
    const server = new FakeFeedServer();
    const v1 = JSON.stringify(feed());
    const db = await firstSync(server, v1);
    const base = feed();
    const v2 = edited(base, '2026-11-02T09:00:00Z', (f) => {
      f.people[0]!.name = 'Ada Quintero-Lovelace';
    });
    servePublicationWithChanges(server, URL_A, v2, [v1]);
    expect(await syncFeed(syncDeps(db, server), target)).toMatchObject({
      delivery: { via: 'changes' },
    });
    // Remove a person with everything that names them; add one with a membership.
    const gone = base.people[10]!.id;
    const v3 = edited(JSON.parse(v2) as FeedInput, '2026-11-03T09:00:00Z', (f) => {
      f.people = f.people.filter((p) => p.id !== gone);
      f.memberships = f.memberships.filter((m) => m.person !== gone);
      f.expertise = f.expertise.filter((e) => e.person !== gone);
      f.people.push({ id: 'p-new', name: 'Noor Haddad', title: 'Cartographer', handles: {} });
      f.memberships.push({
        person: 'p-new',
        community: f.communities[0]!.id,
        participation: 'peripheral',
      });
    });
    servePublicationWithChanges(server, URL_A, v3, [v2]);
    const report = await syncFeed(syncDeps(db, server), target);
    expect(report).toMatchObject({ outcome: 'updated', delivery: { via: 'changes' } });
    expect(report.counts).toMatchObject({ added: 2 });
    expect(report.counts!.removed).toBeGreaterThan(0);
    const row = (await db.feeds.toArray())[0]!;
    const gens = new Set((await db.packs.toArray()).map((p) => p.gen));
    // The base and the newest layer only (the first layer went at the switch).
    expect([...gens].sort()).toEqual([row.base!, row.gen].sort());
    await collectGarbage(db);
    expect([...(await landed(db)), ...(await lookedUp(db))]).toEqual(await wholeSync(v3));
  });

  it('falls back to the whole document, saying why, when the changes do not prove out', async () => {
    // Faults found on reading the file leave the byte delta to serve; faults found on
    // applying it, the whole document.
    const v2 = edited(feed(), '2026-11-02T09:00:00Z', (f) => {
      f.people[4]!.title = 'Archivist';
    });
    const cases: [string, (c: Record<string, unknown>) => void, RegExp, 'delta' | 'document'][] = [
      [
        'a state that does not add up',
        (c) => {
          (c.state as Record<string, { hashSum: number }>).people!.hashSum += 1;
        },
        /people it would leave differ/,
        'document',
      ],
      [
        'a record that is not valid',
        (c) => {
          (c.upsert as Record<string, unknown[]>).people = [{ id: 'x y', name: '' }];
        },
        /upsert\.people\[0\]\.id is not valid/,
        'document',
      ],
      [
        'a removal that leaves memberships behind',
        (c) => {
          // The state declared is the one such a removal would leave: only the references fail.
          const f = feed();
          (c.remove as Record<string, unknown[]>).people = [f.people[2]!.id];
          const gone = f.people[2]!.id;
          c.state = stateOf(fingerprintOf(v2, (list, key) => list === 'people' && key === gone));
        },
        /still name the removed person/,
        'document',
      ],
      [
        'a removed unit still named by a person',
        (c) => {
          const unit = feed().people.find((p) => p.unit)!.unit!;
          (c.remove as Record<string, unknown[]>).units = [unit];
          c.state = stateOf(fingerprintOf(v2, (list, key) => list === 'units' && key === unit));
        },
        /the person "[^"]+" still names the removed unit "/,
        'document',
      ],
      [
        'a removed topic still named by a community',
        (c) => {
          const f = feed();
          const topic = f.communities.find((x) => x.topics?.length)!.topics![0]!;
          const gone = (list: string, key: string) =>
            (list === 'topics' && key === topic) ||
            (list === 'expertise' && key.endsWith(`\u0000${topic}`));
          (c.remove as Record<string, unknown[]>).topics = [topic];
          (c.remove as Record<string, unknown[]>).expertise = f.expertise
            .filter((e) => e.topic === topic)
            .map((e) => [e.person, e.topic]);
          c.state = stateOf(fingerprintOf(v2, gone));
        },
        /the community "[^"]+" still names the removed topic "/,
        'document',
      ],
      [
        'another feed',
        (c) => {
          c.feedId = 'someone-else';
        },
        /is for the feed "someone-else"/,
        'delta',
      ],
    ];
    for (const [what, override, note, via] of cases) {
      const server = new FakeFeedServer();
      const v1 = JSON.stringify(feed());
      const db = await firstSync(server, v1);
      servePublicationWithChanges(server, URL_A, v2, [v1], override);
      const report = await syncFeed(syncDeps(db, server), target);
      expect(report.outcome, what).toBe('updated');
      expect(report.delivery?.via, what).toBe(via);
      expect(report.delivery?.note, what).toMatch(note);
      expect(report.message, what).toMatch(/The feed delta was not used/);
      expect([...(await landed(db)), ...(await lookedUp(db))], what).toEqual(await wholeSync(v2));
      expect((await db.feeds.toArray())[0]!.base, what).toBeUndefined();
    }
  });

  it('refuses changes that would roll the feed back, like a document, and lands nothing', async () => {
    const server = new FakeFeedServer();
    const v1 = JSON.stringify(feed());
    const db = await firstSync(server, v1);
    const before = await landed(db);
    // Older than the generatedAt that landed: a rollback or a stale mirror.
    const v2 = edited(feed(), '2026-10-01T09:00:00Z', (f) => {
      f.people[1]!.title = 'Rolled back';
    });
    servePublicationWithChanges(server, URL_A, v2, [v1]);
    const report = await syncFeed(syncDeps(db, server), target);
    expect(report).toMatchObject({ outcome: 'refused', delivery: { via: 'changes' } });
    expect(report.message).toMatch(/is older than the .* that landed from this URL/);
    expect(await landed(db)).toEqual(before);
    expect((await db.feeds.toArray())[0]!.base).toBeUndefined();
  });

  it('lands changes for a document too large to keep as a delta base', async () => {
    // Chromium refuses an IndexedDB value over 127 MiB: such a document is not kept as a base
    // (here the limit is lowered to a kilobyte), so deltas cannot apply, changes files can.
    const server = new FakeFeedServer();
    const db = emptyTestDb();
    const v1 = JSON.stringify(feed());
    servePublicationWithChanges(server, URL_A, v1);
    const small = { baseMaxBytes: 1024 };
    expect(await syncFeed(syncDeps(db, server, small), target)).toMatchObject({
      outcome: 'updated',
    });
    expect(await db.syncBases.count()).toBe(0);
    const v2 = edited(feed(), '2026-11-02T09:00:00Z', (f) => {
      f.people[2]!.title = 'Navigator';
    });
    servePublicationWithChanges(server, URL_A, v2, [v1]);
    expect(await syncFeed(syncDeps(db, server, small), target)).toMatchObject({
      outcome: 'updated',
      delivery: { via: 'changes' },
    });
    expect([...(await landed(db)), ...(await lookedUp(db))]).toEqual(await wholeSync(v2));
  });

  it('resumes a layer interrupted mid-write', async () => {
    const server = new FakeFeedServer();
    const v1 = JSON.stringify(feed());
    const db = await firstSync(server, v1);
    const v2 = edited(feed(), '2026-11-02T09:00:00Z', (f) => {
      for (const p of f.people.slice(0, 5)) p.name = `${p.name} Renamed`;
    });
    servePublicationWithChanges(server, URL_A, v2, [v1]);
    let reached!: () => void;
    const frozen = new Promise<void>((resolve) => (reached = resolve));
    void syncFeed(
      syncDeps(db, server, {
        owner: 'worker-dead',
        chunkSize: 4,
        onProgress: (p: SyncProgress) =>
          p.phase === 'writing' && p.chunksDone === 2
            ? (reached(), new Promise<void>(() => undefined))
            : undefined,
      }),
      target,
    );
    await frozen;
    // Nothing of the half-written layer shows meanwhile.
    expect((await db.feeds.toArray())[0]!.base).toBeUndefined();
    const report = await syncFeed(
      syncDeps(db, server, { chunkSize: 4, isLeaseAbandoned: async () => true }),
      target,
    );
    expect(report).toMatchObject({
      outcome: 'updated',
      resumedAtChunk: 2,
      delivery: { via: 'changes' },
    });
    expect(report.chunkCount).toBeGreaterThan(2);
    expect([...(await landed(db)), ...(await lookedUp(db))]).toEqual(await wholeSync(v2));
  });

  it('compacts a layer that grew past its share into a whole generation', async () => {
    const server = new FakeFeedServer();
    const v1 = JSON.stringify(feed());
    const db = await firstSync(server, v1);
    const v2 = edited(feed(), '2026-11-02T09:00:00Z', (f) => {
      for (const p of f.people) p.title = 'Surveyor';
      for (const m of f.memberships)
        m.participation = m.participation === 'core' ? 'active' : 'core';
    });
    servePublicationWithChanges(server, URL_A, v2, [v1]);
    const report = await syncFeed(syncDeps(db, server), target);
    expect(report.delivery).toMatchObject({ via: 'document' });
    expect(report.delivery?.note).toMatch(/a whole generation is written/);
    expect((await db.feeds.toArray())[0]!.base).toBeUndefined();
    expect(new Set((await db.packs.toArray()).map((p) => p.gen)).size).toBe(1);
    expect([...(await landed(db)), ...(await lookedUp(db))]).toEqual(await wholeSync(v2));
  });

  it('writes only a layer of the fingerprint for a change, and a whole one for a whole document', async () => {
    const server = new FakeFeedServer();
    const v1 = JSON.stringify(feed());
    const db = await firstSync(server, v1);
    const whole = (await db.syncFingerprints.get('acme-main'))!;
    expect(whole.gen).toBe((await db.feeds.get('acme-main'))!.gen);
    expect(await db.syncFingerprintLayers.count()).toBe(0);

    const v2 = edited(feed(), '2026-11-02T09:00:00Z', (f) => {
      f.people[3]!.title = 'Principal engineer';
    });
    servePublicationWithChanges(server, URL_A, v2, [v1]);
    expect((await syncFeed(syncDeps(db, server), target)).delivery).toMatchObject({
      via: 'changes',
    });
    // The whole fingerprint is as it was; the layer holds the one changed person.
    expect(await db.syncFingerprints.get('acme-main')).toEqual(whole);
    const layer = (await db.syncFingerprintLayers.get('acme-main'))!;
    expect(layer.over).toBe(whole.gen);
    expect(layer.lists.people.keys).toBe(feed().people[3]!.id);
    expect(FEED_LISTS.map((l) => layer.lists[l].hashes.length)).toEqual([0, 1, 0, 0, 0, 0]);

    // Everything changed: a whole generation, a whole fingerprint, no layer.
    const v3 = edited(feed(), '2026-11-03T09:00:00Z', (f) => {
      for (const p of f.people) p.title = 'Surveyor';
    });
    servePublicationWithChanges(server, URL_A, v3, [v1, v2]);
    expect((await syncFeed(syncDeps(db, server), target)).delivery).toMatchObject({
      via: 'document',
    });
    expect((await db.syncFingerprints.get('acme-main'))!.gen).toBe(
      (await db.feeds.get('acme-main'))!.gen,
    );
    expect(await db.syncFingerprintLayers.count()).toBe(0);

    // And the next change lands over that one.
    const v4 = edited(JSON.parse(v3) as FeedInput, '2026-11-04T09:00:00Z', (f) => {
      f.people.splice(7, 1);
      f.memberships = f.memberships.filter((m) => m.person !== feed().people[7]!.id);
      f.expertise = f.expertise?.filter((e) => e.person !== feed().people[7]!.id);
    });
    servePublicationWithChanges(server, URL_A, v4, [v3]);
    const report = await syncFeed(syncDeps(db, server), target);
    expect(report.delivery).toMatchObject({ via: 'changes' });
    expect(report.counts?.removed).toBeGreaterThan(1);
    expect([...(await landed(db)), ...(await lookedUp(db))]).toEqual(await wholeSync(v4));
  });

  it('lands changes over a fingerprint stored by schema version 5 (no generation named)', async () => {
    const server = new FakeFeedServer();
    const v1 = JSON.stringify(feed());
    const db = await firstSync(server, v1);
    const { gen: _gen, ...asVersion5 } = (await db.syncFingerprints.get('acme-main'))!;
    await db.syncFingerprints.put(asVersion5);
    let previous = v1;
    for (const [i, at] of [3, 11].entries()) {
      const next = edited(JSON.parse(previous) as FeedInput, `2026-11-0${i + 2}T09:00:00Z`, (f) => {
        f.people[at]!.title = 'Cartographer';
      });
      servePublicationWithChanges(server, URL_A, next, [previous]);
      expect((await syncFeed(syncDeps(db, server), target)).delivery).toMatchObject({
        via: 'changes',
      });
      expect([...(await landed(db)), ...(await lookedUp(db))]).toEqual(await wholeSync(next));
      previous = next;
    }
    expect((await db.syncFingerprintLayers.get('acme-main'))!.lists.people.hashes).toHaveLength(2);
  });

  it('does not lay a fingerprint layer over a whole fingerprint that changed under it', async () => {
    const server = new FakeFeedServer();
    const v1 = JSON.stringify(feed());
    const db = await firstSync(server, v1);
    const before = await landed(db);
    const v2 = edited(feed(), '2026-11-02T09:00:00Z', (f) => {
      f.people[3]!.title = 'Principal engineer';
    });
    servePublicationWithChanges(server, URL_A, v2, [v1]);
    // Between planning and the switch, something else rewrites the whole fingerprint.
    const report = await syncFeed(
      syncDeps(db, server, {
        onProgress: async (p: SyncProgress) => {
          if (p.phase !== 'validated') return;
          const row = (await db.syncFingerprints.get('acme-main'))!;
          await db.syncFingerprints.put({ ...row, gen: (row.gen ?? 0) + 100 });
        },
      }),
      target,
    );
    expect(report.outcome).toBe('failed');
    expect(report.message).toMatch(/the stored fingerprint changed under this sync/);
    expect(await db.syncFingerprintLayers.count()).toBe(0);
    expect(await landed(db)).toEqual(before);
  });
});

/** One random edit of a feed that keeps it free of problems. */
type Edit =
  | { kind: 'title'; at: number; title: string }
  | { kind: 'participation'; at: number }
  | { kind: 'remove-person'; at: number }
  | { kind: 'add-person'; n: number; community: number }
  | { kind: 'community-topics'; at: number; topic: number }
  | { kind: 'email'; at: number; n: number }
  | { kind: 'members-only'; at: number }
  | { kind: 'remove-community'; at: number }
  | { kind: 'topic-label'; at: number; n: number }
  | { kind: 'person-unit'; at: number; unit: number };

const editArb: fc.Arbitrary<Edit> = fc.oneof(
  fc.record({
    kind: fc.constant('title' as const),
    at: fc.nat(),
    title: fc.constantFrom('Analyst', 'Data steward', 'Field engineer', 'Analyst lead'),
  }),
  fc.record({ kind: fc.constant('participation' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('remove-person' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('add-person' as const), n: fc.nat(999), community: fc.nat() }),
  fc.record({ kind: fc.constant('community-topics' as const), at: fc.nat(), topic: fc.nat() }),
  fc.record({ kind: fc.constant('email' as const), at: fc.nat(), n: fc.nat(99) }),
  fc.record({ kind: fc.constant('members-only' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('remove-community' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('topic-label' as const), at: fc.nat(), n: fc.nat(99) }),
  fc.record({ kind: fc.constant('person-unit' as const), at: fc.nat(), unit: fc.nat() }),
);

function apply(f: FeedInput, edit: Edit): void {
  const people = f.people;
  const memberships = f.memberships;
  switch (edit.kind) {
    case 'title':
      people[edit.at % people.length]!.title = edit.title;
      break;
    case 'participation': {
      const m = memberships[edit.at % memberships.length];
      if (m) m.participation = m.participation === 'core' ? 'active' : 'core';
      break;
    }
    case 'remove-person': {
      const gone = people[edit.at % people.length]!.id;
      f.people = people.filter((p) => p.id !== gone);
      f.memberships = memberships.filter((m) => m.person !== gone);
      f.expertise = f.expertise.filter((e) => e.person !== gone);
      break;
    }
    case 'add-person': {
      const id = `p-added-${edit.n}`;
      if (people.some((p) => p.id === id)) break;
      people.push({ id, name: `Added Person ${edit.n}`, handles: { github: `added${edit.n}` } });
      const community = f.communities[edit.community % f.communities.length]!.id;
      memberships.push({ person: id, community, participation: 'peripheral' });
      break;
    }
    case 'community-topics': {
      const c = f.communities[edit.at % f.communities.length]!;
      const topic = f.topics[edit.topic % f.topics.length]!.id;
      c.topics = c.topics?.includes(topic)
        ? c.topics.filter((t) => t !== topic)
        : [...(c.topics ?? []), topic];
      break;
    }
    case 'email':
      people[edit.at % people.length]!.emails = [`someone.${edit.n}@acme.example`];
      break;
    case 'members-only': {
      const c = f.communities[edit.at % f.communities.length]!;
      c.visibility = c.visibility === 'members' ? 'public' : 'members';
      break;
    }
    case 'remove-community': {
      if (f.communities.length < 3) break;
      const gone = f.communities[edit.at % f.communities.length]!.id;
      f.communities = f.communities.filter((c) => c.id !== gone);
      for (const c of f.communities) c.related = (c.related ?? []).filter((id) => id !== gone);
      f.memberships = memberships.filter((m) => m.community !== gone);
      break;
    }
    case 'topic-label':
      f.topics[edit.at % f.topics.length]!.label = `Practice ${edit.n} of mapping`;
      break;
    case 'person-unit': {
      const unit = f.units[edit.unit % f.units.length]!.id;
      people[edit.at % people.length]!.unit = unit;
      break;
    }
  }
}

describe('changes files, property', () => {
  it('land what the whole document lands, change after change', async () => {
    const landedBy = { changes: 0, compacted: 0 };
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.array(editArb, { minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 3 }),
        async (steps) => {
          const server = new FakeFeedServer();
          let current = feed(80);
          let text = JSON.stringify(current);
          const db = await firstSync(server, text);
          for (const [i, edits] of steps.entries()) {
            const next = structuredClone(current);
            next.generatedAt = `2026-11-0${i + 2}T09:00:00Z`;
            for (const edit of edits) apply(next, edit);
            const nextText = JSON.stringify(next);
            servePublicationWithChanges(server, URL_A, nextText, [text]);
            const report = await syncFeed(syncDeps(db, server), target);
            expect(report.outcome).toBe('updated');
            // By the changes file, unless the layer grew past its share (then compacted).
            if (/a whole generation is written/.test(report.delivery?.note ?? '')) {
              landedBy.compacted++;
            } else {
              expect(report.delivery?.via, report.delivery?.note).toBe('changes');
              landedBy.changes++;
            }
            expect([...(await landed(db)), ...(await lookedUp(db))]).toEqual(
              await wholeSync(nextText),
            );
            current = next;
            text = nextText;
          }
        },
      ),
      { numRuns: 25 },
    );
    // Compaction is the exception the edits of a small feed sometimes reach, not the rule.
    expect(landedBy.changes).toBeGreaterThan(2 * landedBy.compacted);
  });
});
