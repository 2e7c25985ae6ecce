// The sync engine against fake-indexeddb and a scripted server: each rule of issue 3 —
// conditional fetch, refusals, per-record validation, diffing, generations, backoff.
import { describe, expect, it } from 'vitest';
import { ensureDemoData } from '../../../lib/background/demo-data';
import { LOCAL_TABLES } from '../../../lib/db/database';
import { declareMembership, follow, saveNote, setMe } from '../../../lib/db/local';
import { dataStatus, peopleByEmail, visibleFeedIds } from '../../../lib/db/queries';
import { acceptGeneration } from '../../../lib/db/sync-status';
import { syncFeed } from '../../../lib/feed/sync';
import { FEED_LISTS, type FeedInput } from '../../../lib/model/feed';
import { recordKey, type Keyed } from '../../../lib/feed/record-hash';
import { smallFeed, smallFeedJson } from '../../fixtures/small-feed';
import { emptyTestDb } from '../../fixtures/test-db';
import { FakeFeedServer, T0, syncDeps } from './fake-server';
import { getPerson, communitiesOfPerson, ANONYMOUS } from '../../../lib/db/queries';
import { visibleRecords } from '../../../lib/db/packed';

const URL_A = 'https://feeds.acme.example/main.json';
const URL_B = 'https://mirror.acme.example/main.json';

const target = (url = URL_A, more: { publicKey?: string } = {}) => ({
  url,
  label: 'Acme',
  intervalMinutes: 60,
  ...more,
});

function json(feed: FeedInput | Record<string, unknown>): string {
  return JSON.stringify(feed);
}

function later(feed: FeedInput, generatedAt: string): FeedInput {
  return { ...feed, generatedAt };
}

describe('syncFeed: first sync, 304 and changes', () => {
  it('lands a first generation, stores validators and fingerprints, reports counts', async () => {
    const db = emptyTestDb();
    const server = new FakeFeedServer().serveFeed(URL_A, json(smallFeed()));
    const report = await syncFeed(syncDeps(db, server), target());
    expect(report).toMatchObject({
      outcome: 'updated',
      feedId: 'acme-main',
      counts: { added: 21, changed: 0, removed: 0, unchanged: 0, invalid: 0, kept: 0 },
      failures: 0,
      problems: [],
    });
    expect(report.message).toContain('Updated Acme Corp: 21 added');
    expect([...(await visibleFeedIds(db))]).toEqual(['acme-main']);
    const status = await dataStatus(db);
    expect(status.counts).toEqual({ people: 4, communities: 2, memberships: 5, topics: 3 });
    expect(status.feeds[0]).toMatchObject({ source: 'url', url: URL_A });
    expect((await db.syncSources.get(URL_A))?.validators.etag).toMatch(/^"/);
    expect(await db.syncStaging.count()).toBe(0);
    expect(await db.syncLeases.count()).toBe(0);
    expect(await db.syncReports.get(URL_A)).toEqual(report);
    // The next attempt is the feed's interval later.
    expect(Date.parse(report.nextAttemptAt!) - Date.parse(report.finishedAt)).toBe(60 * 60_000);
  });

  it('sends the validators explicitly and does nothing on 304', async () => {
    const db = emptyTestDb();
    const server = new FakeFeedServer().serveFeed(URL_A, json(smallFeed()));
    await syncFeed(syncDeps(db, server), target());
    const before = await db.feeds.get('acme-main');
    const report = await syncFeed(syncDeps(db, server), target());
    expect(server.requestsTo(URL_A)[1]!.headers['if-none-match']).toBe(
      (await db.syncSources.get(URL_A))!.validators.etag,
    );
    expect(report).toMatchObject({ outcome: 'not-modified', httpStatus: 304, failures: 0 });
    expect(await db.feeds.get('acme-main')).toEqual(before);
  });

  it('fails, storing nothing, when a first sync is answered 304 (nothing was asked for)', async () => {
    const db = emptyTestDb();
    const server = new FakeFeedServer().serve(URL_A, { status: 304, headers: { ETag: '"x"' } });
    const report = await syncFeed(syncDeps(db, server), target());
    expect(server.requestsTo(URL_A)[0]!.headers['if-none-match']).toBeUndefined();
    expect(report).toMatchObject({ outcome: 'failed', httpStatus: 304, failures: 1 });
    expect(report.message).toBe(
      'Could not download the feed: the server answered HTTP 304 Not Modified to a request that sent no validators (If-None-Match, If-Modified-Since), so it names no copy to keep; a cache or proxy in front of it may be misconfigured. Nothing from this feed is stored yet.',
    );
    expect(report.lastSuccessAt).toBeUndefined();
    expect((await db.syncSources.get(URL_A))?.validators ?? {}).toEqual({});
    expect([...(await visibleFeedIds(db))]).toEqual([]);
  });

  it('sends If-Modified-Since when the server gave only Last-Modified', async () => {
    const db = emptyTestDb();
    const server = new FakeFeedServer().serve(URL_A, {
      body: json(smallFeed()),
      headers: { 'Last-Modified': 'Fri, 20 Nov 2026 10:00:00 GMT' },
    });
    await syncFeed(syncDeps(db, server), target());
    await syncFeed(syncDeps(db, server), target());
    const feedRequests = server.requestsTo(URL_A);
    expect(feedRequests[1]!.headers['if-modified-since']).toBe('Fri, 20 Nov 2026 10:00:00 GMT');
    expect(feedRequests[0]!.headers['if-modified-since']).toBeUndefined();
  });

  it('treats a 200 with the stored bytes as not modified (no parsing, no writes)', async () => {
    const db = emptyTestDb();
    const server = new FakeFeedServer().serve(URL_A, { body: json(smallFeed()) });
    await syncFeed(syncDeps(db, server), target());
    const report = await syncFeed(syncDeps(db, server), target());
    expect(report).toMatchObject({ outcome: 'not-modified', httpStatus: 200 });
  });

  it('writes only what changed, removes what is gone, keeps other feeds', async () => {
    const db = emptyTestDb();
    const server = new FakeFeedServer().serveFeed(URL_A, json(smallFeed()));
    const other = { ...smallFeed(), feedId: 'globex' };
    server.serveFeed(URL_B, json(other));
    await syncFeed(syncDeps(db, server), target());
    await syncFeed(syncDeps(db, server), target(URL_B));
    const next = later(smallFeed(), '2026-11-21T10:00:00Z');
    next.people[0]!.title = 'Claims Lead';
    next.people = next.people.filter((p) => p.id !== 'p-carol');
    next.memberships = next.memberships.filter((m) => m.person !== 'p-carol');
    next.expertise = next.expertise.filter((e) => e.person !== 'p-carol');
    next.people.push({ id: 'p-dana', name: 'Dana Scully', emails: ['dana@acme.example'] });
    server.serveFeed(URL_A, json(next));
    const report = await syncFeed(syncDeps(db, server), target());
    expect(report.counts).toEqual({
      added: 1,
      changed: 1,
      removed: 3,
      unchanged: 17,
      invalid: 0,
      kept: 0,
    });
    expect((await getPerson(db, { feedId: 'acme-main', id: 'p-alice' }))?.title).toBe(
      'Claims Lead',
    );
    expect(await getPerson(db, { feedId: 'acme-main', id: 'p-carol' })).toBeUndefined();
    expect(await peopleByEmail(db, 'DANA@acme.example')).toHaveLength(1);
    expect(await getPerson(db, { feedId: 'globex', id: 'p-carol' })).toBeDefined();
    expect((await db.feeds.get('acme-main'))?.counts).toMatchObject({ people: 4, memberships: 4 });
    expect(await db.syncStaging.count()).toBe(0);
  });

  it('refuses another feed id at a URL until the user accepts it, then replaces the old feed id in the same switch', async () => {
    const db = emptyTestDb();
    const server = new FakeFeedServer().serveFeed(URL_A, json(smallFeed()));
    await syncFeed(syncDeps(db, server), target());
    server.serveFeed(URL_A, json({ ...smallFeed(), feedId: 'acme-renamed' }));
    const refusedReport = await syncFeed(syncDeps(db, server), target());
    expect(refusedReport).toMatchObject({ outcome: 'refused', problems: [{ path: 'feedId' }] });
    expect(refusedReport.message).toContain('this URL served the feed "acme-main"');
    expect([...(await visibleFeedIds(db))]).toEqual(['acme-main']);
    await acceptGeneration(db, URL_A, refusedReport.acceptable!.digest, new Date());
    const report = await syncFeed(syncDeps(db, server), target());
    expect(report).toMatchObject({ outcome: 'updated', feedId: 'acme-renamed' });
    expect([...(await visibleFeedIds(db))]).toEqual(['acme-renamed']);
    expect((await visibleRecords(db, 'people')).length).toBe(4);
    expect(await db.syncFingerprints.get('acme-main')).toBeUndefined();
  });

  it('never touches local data', async () => {
    const db = emptyTestDb();
    await setMe(db, { feedId: 'acme-main', id: 'p-alice' });
    await follow(db, { feedId: 'acme-main', id: 'c-sre' });
    await declareMembership(db, {
      feedId: 'acme-main',
      community: 'c-fraud',
      participation: 'peripheral',
      roles: [],
    });
    await saveNote(db, 'person', { feedId: 'acme-main', id: 'p-carol' }, 'Met at the meetup');
    const before = await Promise.all(LOCAL_TABLES.map((t) => db.table(t).toArray()));
    const server = new FakeFeedServer().serveFeed(URL_A, json(smallFeed()));
    await syncFeed(syncDeps(db, server), target());
    const next = later(smallFeed(), '2026-11-22T10:00:00Z');
    next.people = next.people.filter((p) => p.id !== 'p-carol');
    next.memberships = next.memberships.filter((m) => m.person !== 'p-carol');
    next.expertise = next.expertise.filter((e) => e.person !== 'p-carol');
    server.serveFeed(URL_A, json(next));
    await syncFeed(syncDeps(db, server), target());
    expect(await Promise.all(LOCAL_TABLES.map((t) => db.table(t).toArray()))).toEqual(before);
  });
});

describe('syncFeed: what must not land', () => {
  async function withStoredFeed() {
    const db = emptyTestDb();
    const server = new FakeFeedServer().serveFeed(URL_A, json(smallFeed()));
    await syncFeed(syncDeps(db, server), target());
    return { db, server };
  }

  it.each([
    ['an HTML error page with 200', '<!doctype html><p>Sign in</p>', 'HTML'],
    ['an empty body', '', 'empty'],
    ['a truncated body', json(smallFeed()).slice(0, 300), 'truncated'],
    ['another format', json({ ...smallFeedJson(), format: 'other' }), '"format" must be'],
    ['an unknown version', json({ ...smallFeedJson(), version: 2 }), 'unsupported feed version 2'],
  ])('refuses %s and keeps the last good generation', async (_name, body, reason) => {
    const { db, server } = await withStoredFeed();
    server.serve(URL_A, { body });
    const report = await syncFeed(syncDeps(db, server), target());
    expect(report.outcome).toBe('refused');
    expect(report.problems[0]!.reason).toContain(reason);
    expect(report.message).toContain('The data generated 2026-11-20T10:00:00Z stays');
    expect(report.failures).toBe(1);
    expect((await dataStatus(db)).counts.people).toBe(4);
  });

  it('says at which byte of the body the JSON breaks (after a BOM, white space and non-ASCII names)', async () => {
    const db = emptyTestDb();
    const feed = smallFeed();
    feed.people[0]!.name = 'Zoë Brontë-Müller';
    const json = JSON.stringify(feed);
    const before = new TextEncoder().encode(`\uFEFF\n${json}`);
    const body = Uint8Array.from([...before, ...new TextEncoder().encode('<!-- cached -->')]);
    const server = new FakeFeedServer().serve(URL_A, { body });
    const report = await syncFeed(syncDeps(db, server), target());
    expect(report).toMatchObject({ outcome: 'refused', httpStatus: 200 });
    // The byte where the stray text starts, counted in the body as served.
    expect(report.problems[0]!.reason).toMatch(
      new RegExp(
        `^the body is not valid JSON at byte ${before.length.toLocaleString('en-US')} of ${body.length.toLocaleString('en-US')} \\(`,
      ),
    );
  });

  it('says where a body stops being UTF-8, and when it is UTF-16', async () => {
    const json = JSON.stringify(smallFeed());
    const utf16 = new Uint8Array(2 + json.length * 2);
    utf16.set([0xff, 0xfe]);
    for (let i = 0; i < json.length; i++) utf16[2 + i * 2] = json.charCodeAt(i);
    const latin1 = new TextEncoder().encode(json.replace('Alice Chen', 'Alice Ch\u00e9n'));
    const at = latin1.indexOf(0xc3);
    // "é" as Latin-1 (0xE9), as an export from an older tool writes it.
    const broken = Uint8Array.from([...latin1.subarray(0, at), 0xe9, ...latin1.subarray(at + 2)]);
    for (const [body, reason] of [
      [
        utf16,
        'the body is not UTF-8 text: it starts with a UTF-16 byte order mark; publish the feed as UTF-8',
      ],
      [
        broken,
        `the body is not UTF-8 text: the byte 0xE9 at byte ${at.toLocaleString('en-US')} of ${broken.length.toLocaleString('en-US')} is not UTF-8 (Latin-1 or Windows-1252?); publish the feed as UTF-8`,
      ],
    ] as const) {
      const db = emptyTestDb();
      const server = new FakeFeedServer().serve(URL_A, { body });
      const report = await syncFeed(syncDeps(db, server), target());
      expect(report).toMatchObject({ outcome: 'refused', httpStatus: 200 });
      expect(report.problems[0]!.reason).toBe(reason);
    }
  });

  it('refuses a rollback to an older generatedAt', async () => {
    const { db, server } = await withStoredFeed();
    server.serveFeed(URL_A, json(later(smallFeed(), '2026-11-01T00:00:00Z')));
    const report = await syncFeed(syncDeps(db, server), target());
    expect(report).toMatchObject({ outcome: 'refused', problems: [{ path: 'generatedAt' }] });
    expect(report.problems[0]!.reason).toContain(
      'older than the 2026-11-20T10:00:00Z that landed from this URL',
    );
    expect(report.acceptable?.digest).toMatch(/^[0-9a-f]{64}$/);
  });

  it('refuses a feed id that another configured URL serves', async () => {
    const { db, server } = await withStoredFeed();
    server.serveFeed(URL_B, json(smallFeed()));
    const report = await syncFeed(syncDeps(db, server), target(URL_B));
    expect(report.outcome).toBe('refused');
    expect(report.problems[0]!.reason).toContain(`already served by ${URL_A}`);
    expect((await db.feeds.get('acme-main'))?.url).toBe(URL_A);
  });

  it('lands the valid records when one is invalid, keeping its previous version', async () => {
    const { db, server } = await withStoredFeed();
    const next = smallFeedJson();
    next.generatedAt = '2026-11-22T00:00:00Z';
    const people = next.people as Record<string, unknown>[];
    people[0]!.name = '';
    people[1]!.title = 'Platform Lead';
    people[2]!.emails = ['not an email'];
    server.serveFeed(URL_A, json(next));
    const report = await syncFeed(syncDeps(db, server), target());
    expect(report.outcome).toBe('updated');
    // Carol lost only her bad email (a change); Alice is left out with her three entries.
    expect(report.counts).toMatchObject({ changed: 2, invalid: 4, kept: 4, removed: 0 });
    expect(report.verdict).toMatchObject({ faulty: 1, dependent: 3, dropped: 1 });
    // Alice is invalid: her stored version stays, and so do her two memberships and her
    // expertise, which now dangle.
    expect((await getPerson(db, { feedId: 'acme-main', id: 'p-alice' }))?.emails).toEqual([
      'Alice.Chen@acme.example',
    ]);
    expect(
      (await communitiesOfPerson(db, { feedId: 'acme-main', id: 'p-alice' }, ANONYMOUS)).find(
        (m) => m.membership.community === 'c-sre',
      ),
    ).toBeDefined();
    expect((await getPerson(db, { feedId: 'acme-main', id: 'p-bob' }))?.title).toBe(
      'Platform Lead',
    );
    expect(report.problems.slice(0, 2)).toEqual([
      { path: 'people[0].name', reason: 'must not be empty', effect: 'skipped' },
      { path: 'people[2].emails[0]', reason: 'must be an email address', effect: 'dropped' },
    ]);
    expect((await getPerson(db, { feedId: 'acme-main', id: 'p-carol' }))?.emails).toEqual([]);
    expect(report.problemCount).toBe(5);
    // The stored fingerprint and counts include the kept versions: every record a reader sees,
    // each with its hash.
    const stored = (await db.syncFingerprints.get('acme-main'))!;
    const feedRow = (await db.feeds.get('acme-main'))!;
    for (const list of FEED_LISTS) {
      const seen = (await visibleRecords<Keyed>(db, list)).map((r) => recordKey(list, r)).sort();
      expect(stored.lists[list].keys.split('\n').filter(Boolean).sort()).toEqual(seen);
      expect(stored.lists[list].hashes.length).toBe(seen.length);
      expect(feedRow.counts[list]).toBe(seen.length);
    }
    // The same document again changes nothing: the kept versions stay kept.
    server.serveFeed(URL_A, json({ ...next, generatedAt: '2026-11-22T01:00:00Z' }));
    expect((await syncFeed(syncDeps(db, server), target())).counts).toMatchObject({
      added: 0,
      changed: 0,
      removed: 0,
      kept: 4,
    });
  });

  it('refuses the whole document when too many records are invalid', async () => {
    const { db, server } = await withStoredFeed();
    const next = smallFeedJson();
    next.generatedAt = '2026-11-22T00:00:00Z';
    for (const person of next.people as Record<string, unknown>[]) person.name = '';
    for (const c of next.communities as Record<string, unknown>[]) c.stage = 'thriving';
    server.serveFeed(URL_A, json(next));
    const report = await syncFeed(syncDeps(db, server), target());
    expect(report.outcome).toBe('refused');
    // Six records bad in themselves; the memberships and expertise that fell with them are
    // not counted against the threshold.
    expect(report.problems[0]!.reason).toMatch(
      /^6 of 21 records have problems of their own \(28.6%\), more than the 25% allowed/,
    );
    expect(report.verdict!.dependent).toBeGreaterThan(0);
    expect((await getPerson(db, { feedId: 'acme-main', id: 'p-alice' }))?.name).toBe('Alice Chen');
  });

  it('does not count dependents against the threshold', async () => {
    const { db, server } = await withStoredFeed();
    const next = smallFeedJson();
    next.generatedAt = '2026-11-22T00:00:00Z';
    // One community bad in itself (1 of 21 < 25%), though its memberships fall with it.
    (next.communities as Record<string, unknown>[])[0]!.stage = 'thriving';
    server.serveFeed(URL_A, json(next));
    const report = await syncFeed(syncDeps(db, server), target());
    expect(report.outcome).toBe('updated');
    expect(report.verdict).toMatchObject({ total: 21, faulty: 1 });
    expect(report.summary).toMatch(
      /^1 of 21 records had problems and was left out; \d+ entries that depended on it went too/,
    );
  });

  it('refuses a generatedAt more than a day ahead, and a stored date from the future never blocks later updates', async () => {
    const { db, server } = await withStoredFeed();
    const now = Date.parse('2026-11-21T00:00:00Z');
    server.serveFeed(URL_A, json(later(smallFeed(), '2099-01-01T00:00:00Z')));
    const future = await syncFeed({ ...syncDeps(db, server), now: () => now }, target());
    expect(future).toMatchObject({ outcome: 'refused', problems: [{ path: 'generatedAt' }] });
    expect(future.message).toContain('more than 24 hours in the future');
    expect(future.acceptable).toBeUndefined();
    // A date from the future stored by an older version of the extension:
    const source = await db.syncSources.get(URL_A);
    await db.syncSources.put({ ...source!, generatedAt: '2099-01-01T00:00:00Z' });
    server.serveFeed(URL_A, json(later(smallFeed(), '2026-11-20T12:00:00Z')));
    const correct = await syncFeed({ ...syncDeps(db, server), now: () => now }, target());
    expect(correct).toMatchObject({ outcome: 'updated', generatedAt: '2026-11-20T12:00:00Z' });
  });
});

describe('syncFeed: failures and scheduling', () => {
  it('backs off exponentially with jitter on server errors', async () => {
    const db = emptyTestDb();
    const server = new FakeFeedServer().serve(URL_A, { status: 500, body: 'oops' });
    const first = await syncFeed(syncDeps(db, server), target());
    expect(first).toMatchObject({ outcome: 'failed', httpStatus: 500, failures: 1 });
    expect(first.message).toContain('HTTP 500');
    expect(first.message).toContain('Nothing from this feed is stored yet');
    const second = await syncFeed(syncDeps(db, server), target());
    expect(second.failures).toBe(2);
    const delay = (r: typeof first) => Date.parse(r.nextAttemptAt!) - Date.parse(r.finishedAt);
    // random() = 0.5 → 3/4 of 1 min (raised to the 1 min floor), then 3/4 of 2 min.
    expect(delay(first)).toBe(60_000);
    expect(delay(second)).toBe(90_000);
  });

  it('honours Retry-After on 429 and 503', async () => {
    const db = emptyTestDb();
    const server = new FakeFeedServer().serve(URL_A, {
      status: 429,
      headers: { 'Retry-After': '7200' },
    });
    const report = await syncFeed(syncDeps(db, server), target());
    expect(report).toMatchObject({ outcome: 'failed', httpStatus: 429 });
    expect(report.message).toBe(
      'Could not download the feed: the server answered HTTP 429; it asked to be tried again in 2 h, and the next attempt waits at least that long. Nothing from this feed is stored yet.',
    );
    expect(Date.parse(report.nextAttemptAt!) - Date.parse(report.finishedAt)).toBe(7_200_000);
    server.serve(URL_A, {
      status: 503,
      headers: { 'Retry-After': new Date(T0 + 3 * 3600_000).toUTCString() },
    });
    const again = await syncFeed(syncDeps(db, server), target());
    expect(Date.parse(again.nextAttemptAt!)).toBeGreaterThanOrEqual(T0 + 3 * 3600_000 - 1000);
    // Any other failure that carries one is a fault, not a pause; its Retry-After still sets
    // the next attempt, and the report says so.
    server.serve(URL_A, { status: 500, headers: { 'Retry-After': '90' } });
    const fault = await syncFeed(syncDeps(db, server), target());
    expect(fault.message).toBe(
      'Could not download the feed: the server answered HTTP 500; it asked to be tried again in 90 s, and the next attempt waits at least that long. Nothing from this feed is stored yet.',
    );
    server.serve(URL_A, { status: 500 });
    const plain = await syncFeed(syncDeps(db, server), target());
    expect(plain.message).toBe(
      'Could not download the feed: the server answered HTTP 500. Nothing from this feed is stored yet.',
    );
  });

  it('resets the failure count after a success', async () => {
    const db = emptyTestDb();
    const server = new FakeFeedServer().serve(URL_A, { status: 500 });
    await syncFeed(syncDeps(db, server), target());
    server.serveFeed(URL_A, json(smallFeed()));
    const ok = await syncFeed(syncDeps(db, server), target());
    expect(ok.failures).toBe(0);
    expect(ok.lastSuccessAt).toBe(ok.finishedAt);
  });

  it('reports busy (and writes nothing) while another live sync holds the lease', async () => {
    const db = emptyTestDb();
    await db.syncLeases.put({ url: URL_A, owner: 'worker-0', expiresAt: T0 + 60_000 });
    const server = new FakeFeedServer().serveFeed(URL_A, json(smallFeed()));
    const busy = await syncFeed(syncDeps(db, server), target());
    expect(busy.outcome).toBe('busy');
    expect(server.requests).toHaveLength(0);
    expect(await db.syncReports.count()).toBe(0);
    // A lease whose holder is known to be gone is taken over at once.
    const taken = await syncFeed(
      syncDeps(db, server, { isLeaseAbandoned: async () => true }),
      target(),
    );
    expect(taken.outcome).toBe('updated');
  });
});

describe('syncFeed: the demo makes way', () => {
  it('removes the demo in the same transaction as the first real generation', async () => {
    const db = emptyTestDb();
    const demo = { ...smallFeed(), feedId: 'demo-test' };
    await ensureDemoData(db, { feedsConfigured: false, loadDemo: async () => json(demo) });
    expect((await dataStatus(db)).demo).toBe(true);
    const server = new FakeFeedServer().serveFeed(URL_A, json(smallFeed()));
    await syncFeed(syncDeps(db, server), target());
    const status = await dataStatus(db);
    expect(status.feeds.map((f) => f.feedId)).toEqual(['acme-main']);
    expect(status.demo).toBe(false);
    // Not a pack of any generation of that feed is left.
    expect(await db.packs.filter((p) => p.feedId === 'demo-test').count()).toBe(0);
  });

  it('refuses a real feed that claims the demo feed id', async () => {
    const db = emptyTestDb();
    await ensureDemoData(db, { feedsConfigured: false, loadDemo: async () => json(smallFeed()) });
    const server = new FakeFeedServer().serveFeed(URL_A, json(smallFeed()));
    const report = await syncFeed(syncDeps(db, server), target());
    expect(report.outcome).toBe('refused');
    expect(report.problems[0]!.reason).toContain('bundled demo');
  });
});
