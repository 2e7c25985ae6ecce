// Communities as first-class marks (issue 14) with the demo organisation answered by the real
// background handlers: a community's name gets its own mark (never split by a topic mark),
// its card says stage, standing, how to take part, whom to ask and my relation; the topic
// card lists first the community named on the page, then mine, then by activity.
import { Window } from 'happy-dom';
import { describe, expect, it } from 'vitest';
import { startAnnotator } from '../../../lib/annotate/annotator';
import { summaryLine } from '../../../lib/annotate/summary';
import { liveHosts, ownHost } from '../../../lib/annotate/registry';
import { annotateTopicCard } from '../../../lib/background/annotate';
import { annotateCommunityCard } from '../../../lib/background/community-card';
import { setMe } from '../../../lib/db/local';
import { generic } from '../../../lib/sites/generic/adapter';
import { demoTestDb, recordingClient } from './support';

const FEED = 'demo-northwind';

function page(html: string) {
  const window = new Window({ url: 'http://intranet.northwind.test/news/1' });
  window.document.write(`<!doctype html><html><body>${html}</body></html>`);
  return { document: window.document as unknown as Document, close: () => window.happyDOM.close() };
}

// What the extension marked, as only the extension knows it (registry.ts): the marks carry
// no attributes a page could read.
const marks = (document: Document) =>
  liveHosts()
    .filter((el) => document.contains(el))
    .sort((a, b) => (a.compareDocumentPosition(b) & 4 ? -1 : 1))
    .flatMap((el) => {
      const host = ownHost(el);
      if (host?.kind !== 'topic') return [];
      const kind = host.topic.kind === 'community' ? 'community' : 'topic';
      return [`${kind} ${host.topic.id}:${el.textContent}`];
    });

describe('community marks', () => {
  it('marks a community by name, whole, and topics only outside it', async () => {
    const db = await demoTestDb();
    const { document, close } = page(
      '<main><p>The SRE Guild runs SRE reviews; ask the sre guild.</p><p>Kubernetes day.</p></main>',
    );
    const annotator = startAnnotator({
      document,
      url: new URL(document.location.href),
      adapter: generic,
      client: recordingClient(db),
      signal: new AbortController().signal,
    });
    await annotator.idle();
    expect(marks(document)).toEqual([
      'community c-sre:SRE Guild',
      'topic t-sre:SRE',
      'topic t-kubernetes:Kubernetes',
    ]);
    expect(annotator.communitiesOnPage()).toEqual([{ feedId: FEED, id: 'c-sre' }]);
    // The page summary counts topic marks as topics, and the named community among the
    // communities the page touches.
    expect(annotator.summary().topics).toBe(2);
    expect(annotator.summary().namedCommunities).toEqual(['SRE Guild']);
    expect(annotator.summary().communities).toContain('SRE Guild');
    await close();
  });

  it('counts a community named on the page in the page summary, with no topic of it there', async () => {
    const db = await demoTestDb();
    const { document, close } = page('<main><p>Questions go to the SRE Guild.</p></main>');
    const annotator = startAnnotator({
      document,
      url: new URL(document.location.href),
      adapter: generic,
      client: recordingClient(db),
      signal: new AbortController().signal,
    });
    await annotator.idle();
    expect(marks(document)).toEqual(['community c-sre:SRE Guild']);
    const summary = annotator.summary();
    expect(summary.topics).toBe(0);
    expect(summary.communities).toEqual(['SRE Guild']);
    expect(summary.namedCommunities).toEqual(['SRE Guild']);
    expect(summaryLine(summary)).toBe(
      'This page: 0 people across 0 units; touches 1 community; 0 of your colleagues',
    );
    await close();
  });

  it('gives the community its own card: facts, how to take part, whom to ask, my relation', async () => {
    const db = await demoTestDb();
    const card = await annotateCommunityCard(db, { feedId: FEED, id: 'c-sre' });
    expect(card).toMatchObject({
      kind: 'community',
      name: 'SRE Guild',
      stage: 'active',
      standing: 'strategic',
      me: { member: false },
      viewerKnown: false,
    });
    expect(card.ask.length).toBeGreaterThan(0);
    expect(card.ask.length).toBeLessThanOrEqual(5);
    // Leaders (a leadership role) come before plain core members.
    const firstPlain = card.ask.findIndex((p) => p.roles.length === 0);
    if (firstPlain >= 0)
      expect(card.ask.slice(firstPlain).every((p) => p.roles.length === 0)).toBe(true);
    expect(card.topics).toContain('Site Reliability Engineering');
    expect(card.channels.length + card.meetings.length).toBeGreaterThan(0);
    // As one of its members, the card says so, with the participation the feed records.
    const member = card.ask[0]!;
    await setMe(db, { feedId: FEED, id: member.id });
    const mine = await annotateCommunityCard(db, { feedId: FEED, id: 'c-sre' });
    expect(mine.me).toMatchObject({ member: true, participation: member.participation });
    expect(mine.ask.map((p) => p.id)).not.toContain(member.id);
  });

  it('orders the topic card: named on the page, then mine, then most recently active', async () => {
    const db = await demoTestDb();
    const ref = { feedId: FEED, id: 't-observability' };
    const names = async (context?: Parameters<typeof annotateTopicCard>[2]) =>
      (await annotateTopicCard(db, ref, context)).communities.map((c) => c.name);
    const platform = 'Platform & Kubernetes Practice';
    // By activity: Platform & Kubernetes (10-30), SRE Guild (10-29), Observability Circle (10-24).
    expect(await names()).toEqual([platform, 'SRE Guild', 'Observability Circle']);
    const named = { namedOnPage: [{ feedId: FEED, id: 'c-observability' }] };
    expect(await names(named)).toEqual(['Observability Circle', platform, 'SRE Guild']);
    // Mine next: a member of the SRE Guild (only) sees it right after the one on the page.
    await setMe(db, { feedId: FEED, id: 'p-fatima-al-sayed' });
    expect(await names(named)).toEqual(['Observability Circle', 'SRE Guild', platform]);
    expect(await names()).toEqual(['SRE Guild', platform, 'Observability Circle']);
  });
});
