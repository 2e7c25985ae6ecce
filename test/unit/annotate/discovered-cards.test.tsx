// @vitest-environment happy-dom
// A community discovered from shared work on the hovercards of pages: the person card, the
// topic card and the community card carry "discovered", where and when it was found (never a
// chartered community) and the evidence, from the feed through the database into the card
// data, and the cards render it; declared communities carry none of it.
import { render } from 'preact';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Card } from '../../../lib/annotate/cards';
import { annotatePersonCard, annotateTopicCard } from '../../../lib/background/annotate';
import { annotateCommunityCard } from '../../../lib/background/community-card';
import type { ConstellationDB } from '../../../lib/db/database';
import { replaceFeed } from '../../../lib/db/ingest';
import { CommunityCardView } from '../../../components/hovercard/CommunityCardView';
import { PersonCardView } from '../../../components/hovercard/PersonCardView';
import { TopicCardView } from '../../../components/hovercard/TopicCardView';
import { emptyTestDb, parsedFeed } from '../../fixtures/test-db';
import { smallFeed } from '../../fixtures/small-feed';

const ORIGIN =
  'Discovered from shared work in acme/platform history, 2023–2026 — not a chartered community (standing: unrecognized).';
const COMMUNITY_EVIDENCE =
  '40 commits by 3 people on deploy/helm since 2023; at the core: Bob Okafor';
const MEMBER_EVIDENCE = '12 commits with Bob Okafor on deploy/helm since 2024';

let db: ConstellationDB;
beforeAll(async () => {
  const feed = smallFeed();
  feed.communities.push({
    id: 'git-deploy-helm',
    name: 'Helm',
    domain: 'Looking after deploy/helm together.',
    topics: ['t-k8s'],
    stage: 'active',
    standing: 'unrecognized',
    openToNewcomers: true,
    lastActivity: '2026-10-01',
    discovered: true,
    evidence: {
      summary: COMMUNITY_EVIDENCE,
      commits: 40,
      paths: ['deploy/helm'],
      since: '2023-02-01',
      until: '2026-10-01',
      with: ['Bob Okafor'],
      source: 'acme/platform history',
    },
  });
  feed.memberships.push(
    {
      person: 'p-alice',
      community: 'git-deploy-helm',
      participation: 'active',
      evidence: {
        summary: MEMBER_EVIDENCE,
        commits: 12,
        paths: ['deploy/helm'],
        since: '2024-01-10',
        until: '2026-09-01',
        with: ['Bob Okafor'],
        source: 'acme/platform history',
      },
    },
    { person: 'p-bob', community: 'git-deploy-helm', participation: 'core' },
  );
  db = emptyTestDb();
  await replaceFeed(db, parsedFeed(feed), {
    source: 'url',
    url: 'https://feeds.acme.example/main.json',
    now: new Date('2026-11-21T08:00:00Z'),
  });
});

function rendered(card: Card): HTMLElement {
  const host = document.createElement('div');
  render(
    card.kind === 'person' ? (
      <PersonCardView card={card} />
    ) : card.kind === 'topic' ? (
      <TopicCardView card={card} />
    ) : (
      <CommunityCardView card={card} />
    ),
    host,
  );
  return host;
}

const text = (element: Element | null) => element?.textContent?.replace(/\s+/g, ' ').trim();

describe('discovered communities on hovercards', () => {
  it('the person card labels the discovered community with its origin and the membership evidence', async () => {
    const card = await annotatePersonCard(db, { feedId: 'acme-main', id: 'p-alice' });
    const helm = card.communities.find((c) => c.id === 'git-deploy-helm')!;
    expect(helm.discovered).toEqual({
      origin: ORIGIN,
      evidence: `Evidence: ${COMMUNITY_EVIDENCE}`,
    });
    expect(helm.evidence).toBe(MEMBER_EVIDENCE);
    expect(card.communities.find((c) => c.id === 'c-sre')!.discovered).toBeUndefined();

    const html = rendered(card);
    const item = html.querySelector('[data-community="git-deploy-helm"]')!;
    expect(text(item.querySelector('[data-field="discovered"]'))).toBe('discovered');
    expect(text(item.querySelector('[data-field="discovered-info"]'))).toBe(
      `${ORIGIN} Evidence: ${MEMBER_EVIDENCE}`,
    );
    const declared = html.querySelector('[data-community="c-sre"]')!;
    expect(declared.querySelector('[data-field="discovered"]')).toBeNull();
    expect(declared.querySelector('[data-field="discovered-info"]')).toBeNull();
  });

  it('the topic card labels a discovered community covering the topic, with its evidence', async () => {
    const card = await annotateTopicCard(db, { feedId: 'acme-main', id: 't-k8s' });
    const helm = card.communities.find((c) => c.id === 'git-deploy-helm')!;
    expect(helm.discovered?.origin).toBe(ORIGIN);
    expect(card.communities.find((c) => c.id === 'c-sre')!.discovered).toBeUndefined();

    const html = rendered(card);
    const item = html.querySelector('li[data-community="git-deploy-helm"]')!;
    expect(text(item.querySelector('[data-field="discovered"]'))).toBe('discovered');
    expect(text(item.querySelector('[data-field="discovered-info"]'))).toBe(
      `${ORIGIN} Evidence: ${COMMUNITY_EVIDENCE}`,
    );
    expect(html.querySelector('li[data-community="c-sre"] [data-field="discovered"]')).toBeNull();
  });

  it('the community card says the same', async () => {
    const card = await annotateCommunityCard(db, { feedId: 'acme-main', id: 'git-deploy-helm' });
    expect(card.discovered).toEqual({
      origin: ORIGIN,
      evidence: `Evidence: ${COMMUNITY_EVIDENCE}`,
    });
    const html = rendered(card);
    expect(text(html.querySelector('h2 [data-field="discovered"]'))).toBe('discovered');
    expect(text(html.querySelector('[data-field="discovered-info"]'))).toBe(
      `${ORIGIN} Evidence: ${COMMUNITY_EVIDENCE}`,
    );
    const declared = await annotateCommunityCard(db, { feedId: 'acme-main', id: 'c-sre' });
    expect(declared.discovered).toBeUndefined();
    expect(rendered(declared).querySelector('[data-field="discovered"]')).toBeNull();
  });
});
