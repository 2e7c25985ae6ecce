// A membership discovered from shared work says why on the person's hovercard: the evidence
// sentence travels from the feed through the database into the card; other memberships
// carry none.
import { describe, expect, it } from 'vitest';
import { annotatePersonCard } from '../../../lib/background/annotate';
import { replaceFeed } from '../../../lib/db/ingest';
import { emptyTestDb, parsedFeed } from '../../fixtures/test-db';
import { smallFeed } from '../../fixtures/small-feed';

describe('person card evidence', () => {
  it('carries the evidence sentence of a discovered membership', async () => {
    const feed = smallFeed();
    const alice = feed.memberships.filter((m) => m.person === 'p-alice');
    expect(alice.length).toBeGreaterThan(0);
    const summary = '12 commits with Bob Smith on platform/k8s since 2024';
    Object.assign(alice[0]!, { evidence: { summary, commits: 12, paths: ['platform/k8s'] } });
    const db = emptyTestDb();
    await replaceFeed(db, parsedFeed(feed), {
      source: 'url',
      url: 'https://feeds.acme.example/main.json',
      now: new Date('2026-11-21T08:00:00Z'),
    });
    const card = await annotatePersonCard(db, { feedId: feed.feedId, id: 'p-alice' });
    const withEvidence = card.communities.filter((c) => c.evidence !== undefined);
    expect(withEvidence.map((c) => [c.id, c.evidence])).toEqual([[alice[0]!.community, summary]]);
  });
});
