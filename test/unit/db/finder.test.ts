// The peer finder's data on the demo organisation, with expected orderings.
import { beforeAll, describe, expect, it, vi } from 'vitest';
import type { ConstellationDB } from '../../../lib/db/database';
import { peerEvidenceForTopic, pathTo, summarizeCommunities } from '../../../lib/db/finder';
import { declareExpertise, setMe } from '../../../lib/db/local';
import { participationInputs } from '../../../lib/db/participate';
import { PackReader } from '../../../lib/db/packed';
import { communityDetail, participationData, topicPeopleData } from '../../../lib/db/views';
import { ANONYMOUS, getCommunity, membersOfCommunity, viewerOf } from '../../../lib/db/queries';
import { rankPeers } from '../../../lib/rank/peers';
import { suggestCommunities } from '../../../lib/rank/participate';
import { demoFeed, demoTestDb } from '../../fixtures/demo-db';
import { emptyTestDb } from '../../fixtures/test-db';
import { syncFeed } from '../../../lib/feed/sync';
import { FakeFeedServer, syncDeps } from '../feed/fake-server';

const F = 'demo-northwind';
const ZOE = { feedId: F, id: 'p-zoe-okafor' };
const { bulkGet } = PackReader.prototype;

describe('peer finder on the demo organisation', () => {
  let db: ConstellationDB;
  beforeAll(async () => {
    db = await demoTestDb();
    await setMe(db, ZOE);
  });

  it('ranks who knows Kubernetes outside my unit (Data Platform)', async () => {
    const viewer = await viewerOf(db);
    const { evidence, communities } = await peerEvidenceForTopic(
      db,
      { feedId: F, id: 't-kubernetes' },
      viewer,
    );
    expect(communities.map((c) => c.id).sort()).toEqual(['c-k8s', 'c-sre']);
    const ranked = rankPeers(
      evidence,
      'Kubernetes',
      { outsideMyUnit: true },
      { personId: ZOE.id, unit: 'data-platform' },
    );
    expect(ranked.slice(0, 4).map((p) => p.personId)).toEqual([
      'p-lukas-kruger',
      'p-michal-sikora',
      'p-do-yun-cho',
      'p-camille-rousseau',
    ]);
    expect(ranked[0]!.reasons).toEqual([
      'authority (5/5) in Kubernetes',
      'core in Platform & Kubernetes Practice · cutting-edge',
      'shares 2 communities with you',
    ]);
    expect(ranked.some((p) => p.unit === 'data-platform' || p.personId === ZOE.id)).toBe(false);
    const everyone = rankPeers(
      evidence,
      'Kubernetes',
      { outsideMyUnit: false },
      { personId: ZOE.id, unit: 'data-platform' },
    );
    expect(everyone.some((p) => p.unit === 'data-platform')).toBe(true);
    expect(everyone.length).toBeGreaterThan(ranked.length);
    // Partner-company experts are found too, and the company filter isolates them.
    const partner = rankPeers(evidence, 'Kubernetes', {
      outsideMyUnit: true,
      company: 'Lumen Analytics',
    });
    expect(partner.map((p) => p.personId)).toContain('p-elizabeth-quinn');
    expect(partner.every((p) => p.company === 'Lumen Analytics')).toBe(true);
  });

  it('hides members-only communities from outsiders in the evidence', async () => {
    const { communities: anonymous } = await peerEvidenceForTopic(
      db,
      { feedId: F, id: 't-fraud-detection' },
      ANONYMOUS,
    );
    expect(anonymous.map((c) => c.id)).toEqual([]);
  });

  it('summarises a community: members by participation, units and companies spanned', async () => {
    const sre = (await getCommunity(db, { feedId: F, id: 'c-sre' }, ANONYMOUS))!;
    const [summary] = await summarizeCommunities(db, [sre]);
    const memberships = demoFeed().memberships.filter((m) => m.community === 'c-sre');
    expect(summary!.members).toEqual({
      core: memberships.filter((m) => m.participation === 'core').length,
      active: memberships.filter((m) => m.participation === 'active').length,
      peripheral: memberships.filter((m) => m.participation === 'peripheral').length,
    });
    expect(summary!.units).toContain('data-platform');
    expect(summary!.companies).toEqual(['Northwind Mutual']);
  });

  it("the popup's community view summarises from the members it lists, as from the feed", async () => {
    const feed = demoFeed();
    const people = new Map(feed.people.map((p) => [p.id, p]));
    const unitCompany = new Map(feed.units.map((u) => [u.id, u.company]));
    const viewer = await viewerOf(db);
    let checked = 0;
    for (const c of feed.communities) {
      const detail = await communityDetail(db, { feedId: F, id: c.id }, viewer);
      if (!detail) continue; // members-only, not the viewer's
      checked++;
      const seats = feed.memberships.filter((m) => m.community === c.id);
      const members = seats.map((m) => people.get(m.person)!);
      expect(detail.members).toHaveLength(seats.length);
      expect(detail.summary.members).toEqual({
        core: seats.filter((m) => m.participation === 'core').length,
        active: seats.filter((m) => m.participation === 'active').length,
        peripheral: seats.filter((m) => m.participation === 'peripheral').length,
      });
      expect(detail.summary.units).toEqual(
        [...new Set(members.flatMap((p) => (p.unit ? [p.unit] : [])))].sort(),
      );
      expect(detail.summary.companies).toEqual(
        [
          ...new Set(
            members.flatMap((p) => {
              const company = p.company ?? (p.unit ? unitCompany.get(p.unit) : undefined);
              return company ? [company] : [];
            }),
          ),
        ].sort(),
      );
    }
    expect(checked).toBeGreaterThan(5);
  });

  it('where to take part reads only the people it names as leaders', async () => {
    // A database of its own: the interests declared here stay out of the other tests.
    const own = await demoTestDb();
    await setMe(own, ZOE);
    await declareExpertise(own, { feedId: F, topic: 't-machine-learning', level: 0 });
    await declareExpertise(own, { feedId: F, topic: 't-kubernetes', level: 0 });
    const viewer = await viewerOf(own);
    const requested: string[] = [];
    const spy = vi.spyOn(PackReader.prototype, 'bulkGet');
    spy.mockImplementation(function (this: PackReader, list, refs) {
      if (list === 'people') for (const ref of refs) requested.push(ref.id);
      return bulkGet.call(this, list, refs);
    });
    let data: Awaited<ReturnType<typeof participationData>>;
    try {
      data = await participationData(own, viewer);
    } finally {
      spy.mockRestore();
    }
    expect(data.detailed.length).toBeGreaterThan(1);
    let everyone = 0;
    for (const { community, leaders } of data.detailed) {
      const all = await membersOfCommunity(own, { feedId: F, id: community.id }, viewer);
      everyone += all.length;
      // The same leaders, in the same order, as filtering every member.
      expect(leaders).toEqual(
        all.filter((m) =>
          m.membership.roles.some((r) => r === 'day-to-day' || r === 'interpersonal'),
        ),
      );
    }
    const named = new Set(data.detailed.flatMap((d) => d.leaders.map((m) => m.person.id)));
    expect(requested.length).toBeLessThan(everyone);
    expect(requested.filter((id) => !named.has(id))).toEqual([]);
  });

  it('finds a path through communities: direct, or through one person', async () => {
    const viewer = await viewerOf(db);
    const direct = await pathTo(db, ZOE, { feedId: F, id: 'p-lukas-kruger' }, viewer);
    expect(direct?.map((s) => [s.person.id, s.via?.id])).toEqual([
      ['p-zoe-okafor', expect.stringMatching(/^c-(k8s|sre)$/)],
      ['p-lukas-kruger', undefined],
    ]);
    const viaOne = await pathTo(db, ZOE, { feedId: F, id: 'p-fatima-al-sayed' }, viewer);
    expect(viaOne).toHaveLength(2);
    // Someone who shares nothing within two steps has no path.
    const loner = demoFeed().people.find(
      (p) => !demoFeed().memberships.some((m) => m.person === p.id),
    )!;
    expect(await pathTo(db, ZOE, { feedId: F, id: loner.id }, viewer)).toBeUndefined();
  });

  it('suggests where to take part from declared interests', async () => {
    await declareExpertise(db, { feedId: F, topic: 't-machine-learning', level: 0 });
    const viewer = await viewerOf(db);
    const { candidates, signals } = await participationInputs(db, viewer);
    const suggestions = suggestCommunities(candidates, signals);
    const ids = suggestions.map((s) => s.community.id);
    expect(ids[0]).toBe('c-ml');
    expect(ids).not.toContain('c-fraud'); // members-only and closed
    expect(ids).not.toContain('c-sre'); // already a member
    expect(suggestions.every((s) => s.community.openToNewcomers)).toBe(true);
  });
});

describe('community summaries', () => {
  it('summarise each database’s own data, however alike their feeds’ versions', async () => {
    // Two databases whose feed has the same id and landed at the same clock reading (the sync
    // tests' clock, a test database beside the extension's): one community, different members.
    const feedOf = (members: string[]) =>
      JSON.stringify({
        format: 'constellation-feed',
        version: 1,
        feedId: 'acme',
        generatedAt: '2026-11-20T10:00:00Z',
        organization: { name: 'Acme' },
        units: [{ id: 'u1', name: 'Unit One', company: 'Acme' }],
        people: members.map((id) => ({ id, name: id, unit: 'u1' })),
        topics: [],
        communities: [
          {
            id: 'c',
            name: 'C',
            domain: '',
            stage: 'active',
            standing: 'legitimized',
            openToNewcomers: true,
          },
        ],
        memberships: members.map((person) => ({ person, community: 'c', participation: 'core' })),
        expertise: [],
      });
    const summaryIn = async (text: string) => {
      const db = emptyTestDb();
      const server = new FakeFeedServer().serveFeed('https://feeds.acme.example/f.json', text);
      const target = {
        url: 'https://feeds.acme.example/f.json',
        label: 'Acme',
        intervalMinutes: 60,
      };
      expect((await syncFeed(syncDeps(db, server), target)).outcome).toBe('updated');
      const c = (await getCommunity(db, { feedId: 'acme', id: 'c' }, ANONYMOUS))!;
      return (await summarizeCommunities(db, [c]))[0]!;
    };
    expect((await summaryIn(feedOf(['a', 'b']))).members.core).toBe(2);
    const other = await summaryIn(feedOf([]));
    expect(other.members).toEqual({ core: 0, active: 0, peripheral: 0 });
    expect(other.units).toEqual([]);
    expect(other.companies).toEqual([]);
  });
});

describe('who knows a topic, outside my unit, with two feeds', () => {
  it('takes my person and unit from my own feed only: another feed’s ids name other people and units', async () => {
    // Feed A: Zed in A's unit "ss" knows a topic, and so does A's "p1". Feed B: I am B's "p1",
    // in B's unit "ss" — not A's, whatever the ids.
    const feed = (feedId: string, people: object[], expertise: object[]) =>
      JSON.stringify({
        format: 'constellation-feed',
        version: 1,
        feedId,
        generatedAt: '2026-11-20T10:00:00Z',
        organization: { name: feedId },
        units: [{ id: 'ss', name: `Unit of ${feedId}` }],
        people,
        topics: [{ id: 't', label: 'Kubernetes' }],
        communities: [],
        memberships: [],
        expertise,
      });
    const a = feed(
      'feed-a',
      [
        { id: 'z', name: 'Zed', unit: 'ss' },
        { id: 'p1', name: 'Pia' },
      ],
      [
        { person: 'z', topic: 't', level: 3 },
        { person: 'p1', topic: 't', level: 2 },
      ],
    );
    const b = feed(
      'feed-b',
      [{ id: 'p1', name: 'Me', unit: 'ss' }],
      [{ person: 'p1', topic: 't', level: 1 }],
    );
    const db = emptyTestDb();
    const server = new FakeFeedServer()
      .serveFeed('https://feeds.example/a.json', a)
      .serveFeed('https://feeds.example/b.json', b);
    for (const url of ['https://feeds.example/a.json', 'https://feeds.example/b.json'])
      expect(
        (await syncFeed(syncDeps(db, server), { url, label: url, intervalMinutes: 60 })).outcome,
      ).toBe('updated');
    await setMe(db, { feedId: 'feed-b', id: 'p1' });
    const viewer = await viewerOf(db);

    const other = await topicPeopleData(db, { feedId: 'feed-a', id: 't' }, viewer);
    expect(other.me).toBeUndefined();
    const ranked = rankPeers(other.evidence, 'Kubernetes', { outsideMyUnit: true }, other.me);
    expect(ranked.map((p) => p.personId)).toEqual(['z', 'p1']);

    const mine = await topicPeopleData(db, { feedId: 'feed-b', id: 't' }, viewer);
    expect(mine.me).toEqual({ personId: 'p1', unit: 'ss' });
    expect(rankPeers(mine.evidence, 'Kubernetes', { outsideMyUnit: true }, mine.me)).toEqual([]);
  });
});
