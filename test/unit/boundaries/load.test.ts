// The boundaries view's bulk read (lib/db/constellation.ts) over a real Dexie schema in
// fake-indexeddb: only feeds with a feeds row, members-only communities only for members, and
// no membership of a hidden community reaches the analyses.
import { describe, expect, it } from 'vitest';
import { asOfDate, loadConstellation } from '../../../lib/db/constellation';
import { setMe, declareMembership } from '../../../lib/db/local';
import { boundaryOptions } from '../../../lib/boundaries/options';
import { analyseConstellation } from '../../../lib/boundaries/report';
import { smallTestDb, writeUnlistedFeed } from '../../fixtures/test-db';

describe('loadConstellation', () => {
  it('leaves a members-only community and its memberships out for a non-member', async () => {
    const db = await smallTestDb();
    const loaded = await loadConstellation(db);
    expect(loaded.communities.map((c) => c.id)).toEqual(['c-sre']);
    expect(loaded.hiddenCommunities).toBe(1);
    expect(loaded.memberships.map((m) => `${m.person}>${m.community}`).sort()).toEqual([
      'p-alice>c-sre',
      'p-bob>c-sre',
      'p-jose>c-sre',
    ]);
    expect(loaded.people).toHaveLength(4);
    // Every person is read for what the analyses use; the rest of the record is not decoded.
    expect(loaded.people.find((p) => p.id === 'p-alice')).toStrictEqual({
      id: 'p-alice',
      name: 'Alice Chen',
      unit: 'claims',
      company: 'Acme',
      feedId: 'acme-main',
    });
    expect(loaded.people.find((p) => p.id === 'p-bob')).toStrictEqual({
      id: 'p-bob',
      name: 'Bob Okafor',
      unit: 'platform',
      feedId: 'acme-main',
    });
    // Nothing in the analyses can reveal the hidden community, e.g. through a broker.
    const report = analyseConstellation(loaded, boundaryOptions(asOfDate(loaded.feeds)));
    expect(report.brokers).toEqual([]);
    expect(report.companies.partners).toEqual([]);
  });

  it('shows it to a member, whether the feed says so or the user declared it', async () => {
    const db = await smallTestDb();
    await setMe(db, { feedId: 'acme-main', id: 'p-carol' });
    const asCarol = await loadConstellation(db);
    expect(asCarol.communities.map((c) => c.id).sort()).toEqual(['c-fraud', 'c-sre']);
    expect(asCarol.memberships).toHaveLength(5);
    expect(asCarol.hiddenCommunities).toBe(0);

    const other = await smallTestDb();
    await declareMembership(other, {
      feedId: 'acme-main',
      community: 'c-fraud',
      participation: 'peripheral',
      roles: [],
    });
    expect((await loadConstellation(other)).communities).toHaveLength(2);
  });

  it('ignores rows of a feed that has no feeds row yet (still being written)', async () => {
    const db = await smallTestDb();
    await writeUnlistedFeed(db, 'half-written', {
      communities: [
        {
          id: 'c-ghost',
          name: 'Ghost',
          domain: '',
          topics: [],
          stage: 'active',
          standing: 'legitimized',
          openToNewcomers: true,
          visibility: 'public',
          channels: [],
          meetings: [],
          repertoire: [],
          related: [],
        },
      ],
      memberships: [
        {
          person: 'p-x',
          community: 'c-ghost',
          participation: 'core',
          roles: [],
        },
      ],
    });
    const loaded = await loadConstellation(db);
    expect(loaded.communities.map((c) => c.id)).toEqual(['c-sre']);
    expect(loaded.memberships.every((m) => m.feedId === 'acme-main')).toBe(true);
  });

  it('judges signals as of the newest feed', async () => {
    const db = await smallTestDb();
    expect(asOfDate((await loadConstellation(db)).feeds)).toBe('2026-11-20');
    expect(asOfDate([], new Date('2027-01-02T03:00:00Z'))).toBe('2027-01-02');
  });
});
