// The counts a viewer sees leave out members-only communities they cannot see, and agree
// with the boundaries view's snapshot of the same data, for an outsider and for a member.
import { describe, expect, it } from 'vitest';
import { loadConstellation } from '../../../lib/db/constellation';
import { setMe } from '../../../lib/db/local';
import { ANONYMOUS, dataStatus, viewerOf } from '../../../lib/db/queries';
import { viewerStatus } from '../../../lib/db/visible-counts';
import { demoFeed, demoTestDb } from '../../fixtures/demo-db';
import { smallTestDb } from '../../fixtures/test-db';

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
