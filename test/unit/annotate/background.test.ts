// The background's annotation answers from the small hand-made feed: the vocabulary holds
// only topics a visible community covers (members-only communities hidden from non-members),
// keys resolve in one batch, hovercards show shared communities and whom to ask outside the
// viewer's unit, and the messages are validated like every other.
import { describe, expect, it, vi } from 'vitest';
import {
  annotatePersonCard,
  annotateResolve,
  annotateTopicCard,
  annotateVocabulary,
} from '../../../lib/background/annotate';
import { handleMessage } from '../../../lib/background/handlers';
import { setMe } from '../../../lib/db/local';
import { emailKey, handleKey, nameKey } from '../../../lib/model/keys';
import { replaceFeed } from '../../../lib/db/ingest';
import { warmDigests } from '../../../lib/db/community-digest';
import { PackReader } from '../../../lib/db/packed';
import { parsedFeed, smallTestDb } from '../../fixtures/test-db';

describe('annotation answers', () => {
  it('compiles a vocabulary of covered topics, versioned by data and viewer', async () => {
    const db = await smallTestDb();
    const first = await annotateVocabulary(db, undefined);
    // Fraud Detection is covered only by the members-only Fraud Analytics Circle.
    const ids = (kind?: 'community') => (answer: typeof first) =>
      answer
        .vocabulary!.topics.filter((t) => t.kind === kind)
        .map((t) => t.id)
        .sort();
    expect(ids()(first)).toEqual(['t-k8s', 't-sre']);
    // Every community the viewer can see is marked by name; the members-only one is not.
    expect(ids('community')(first)).toEqual(['c-sre']);
    expect(first.vocabulary!.topics.find((t) => t.id === 't-k8s')).toMatchObject({
      terms: ['Kubernetes', 'k8s'],
      communities: ['SRE Guild'],
    });
    expect(await annotateVocabulary(db, first.version)).toEqual({ version: first.version });
    // Alice belongs to the members-only circle: as her, its topic appears.
    await setMe(db, { feedId: 'acme-main', id: 'p-alice' });
    const asAlice = await annotateVocabulary(db, first.version);
    expect(asAlice.version).not.toBe(first.version);
    expect(ids()(asAlice)).toEqual(['t-fraud', 't-k8s', 't-sre']);
    expect(ids('community')(asAlice)).toEqual(['c-fraud', 'c-sre']);
  });

  it('resolves handles, emails and names in one call; ambiguous or unknown keys stay empty', async () => {
    const db = await smallTestDb();
    await setMe(db, { feedId: 'acme-main', id: 'p-bob' });
    const answer = await annotateResolve(db, {
      handles: [handleKey('github.com', 'ALICEC'), handleKey('github.com', 'nobody')],
      emails: [emailKey('Bob.Okafor@acme.example')],
      names: [nameKey('Jose Muller'), nameKey('Pepe Müller')],
    });
    expect(answer.handles).toEqual({ 'github.com alicec': ['acme-main\u0000p-alice'] });
    expect(answer.emails).toEqual({ 'bob.okafor@acme.example': ['acme-main\u0000p-bob'] });
    expect(answer.names).toEqual({
      'jose muller': ['acme-main\u0000p-jose'],
      'pepe muller': ['acme-main\u0000p-jose'],
    });
    expect(answer.people['acme-main\u0000p-alice']).toEqual({
      feedId: 'acme-main',
      id: 'p-alice',
      name: 'Alice Chen',
      unitName: 'Claims Processing',
      company: 'Acme',
      // The members-only circle is hidden from Bob: only the SRE Guild counts and is shared.
      communities: 1,
      sharedWithMe: ['SRE Guild'],
      isMe: false,
    });
    expect(answer.people['acme-main\u0000p-bob']!.isMe).toBe(true);
  });

  it('builds a person card that hides members-only communities from non-members', async () => {
    const db = await smallTestDb();
    await setMe(db, { feedId: 'acme-main', id: 'p-bob' });
    const card = await annotatePersonCard(db, { feedId: 'acme-main', id: 'p-alice' });
    expect(card).toMatchObject({
      name: 'Alice Chen',
      unitName: 'Claims Processing',
      viewerKnown: true,
      isMe: false,
      demo: false,
    });
    expect(card.communities).toEqual([
      expect.objectContaining({
        id: 'c-sre',
        participation: 'core',
        roles: ['day-to-day', 'boundary'],
        shared: true,
      }),
    ]);
    await setMe(db, { feedId: 'acme-main', id: 'p-alice' });
    const own = await annotatePersonCard(db, { feedId: 'acme-main', id: 'p-carol' });
    expect(own.communities.map((c) => [c.id, c.shared])).toEqual([['c-fraud', true]]);
  });

  it('builds a topic card: covering communities, how to take part, whom to ask outside my unit', async () => {
    const db = await smallTestDb();
    await setMe(db, { feedId: 'acme-main', id: 'p-jose' }); // Platform Engineering, like Bob
    const card = await annotateTopicCard(db, { feedId: 'acme-main', id: 't-k8s' });
    expect(card.communities).toEqual([
      expect.objectContaining({
        id: 'c-sre',
        stage: 'active',
        standing: 'legitimized',
        openToNewcomers: true,
        mine: true,
        channels: [{ kind: 'chat', label: '#sre', url: 'https://chat.acme.example/sre' }],
        meetings: [{ title: 'Fortnightly review', schedule: 'every other Tuesday 15:00 UTC' }],
      }),
    ]);
    // Bob (level 5) shares José's unit; Alice (level 4, Claims) is outside it.
    expect(card.askOutsideMyUnit.map((p) => [p.id, p.reason])).toEqual([
      ['p-alice', 'expertise level 4'],
    ]);
    const hidden = await annotateTopicCard(db, { feedId: 'acme-main', id: 't-fraud' });
    expect(hidden.communities).toEqual([]);
  });

  it("asks core members of another organisation's community whose unit ids happen to equal mine", async () => {
    const db = await smallTestDb();
    await setMe(db, { feedId: 'acme-main', id: 'p-jose' }); // unit "platform" of acme-main
    // Another organisation's feed, whose own unit is also called "platform", and whose person
    // ids include "p-jose" (someone else).
    await replaceFeed(
      db,
      parsedFeed({
        format: 'constellation-feed',
        version: 1,
        feedId: 'globex',
        generatedAt: '2026-12-01T00:00:00Z',
        organization: { name: 'Globex' },
        units: [{ id: 'platform', name: 'Globex Platform' }],
        people: [
          { id: 'p-jose', name: 'José Otro', unit: 'platform' },
          { id: 'p-zed', name: 'Zed Core', unit: 'platform' },
          { id: 'p-amy', name: 'Amy Core' },
        ],
        topics: [{ id: 't-mesh', label: 'Service mesh' }],
        communities: [
          {
            id: 'c-mesh',
            name: 'Mesh Guild',
            domain: 'Service meshes',
            stage: 'active',
            standing: 'legitimized',
            openToNewcomers: true,
            topics: ['t-mesh'],
          },
        ],
        memberships: ['p-jose', 'p-zed', 'p-amy'].map((person) => ({
          person,
          community: 'c-mesh',
          participation: 'core',
        })),
        expertise: [],
      }),
      { source: 'url', url: 'https://feeds.globex.example/main.json' },
    );
    const card = await annotateTopicCard(db, { feedId: 'globex', id: 't-mesh' });
    // By name, as the community's view lists them; none is in my unit.
    expect(card.askOutsideMyUnit.map((p) => [p.id, p.name, p.reason, p.unitName])).toEqual([
      ['p-amy', 'Amy Core', 'core member of Mesh Guild', undefined],
      ['p-jose', 'José Otro', 'core member of Mesh Guild', 'Globex Platform'],
      ['p-zed', 'Zed Core', 'core member of Mesh Guild', 'Globex Platform'],
    ]);
    // From the community's digest, the same card, and no people read.
    expect(await warmDigests(db, 1)).toBeGreaterThan(0);
    const bulkGet = vi.spyOn(PackReader.prototype, 'bulkGet');
    try {
      expect(await annotateTopicCard(db, { feedId: 'globex', id: 't-mesh' })).toEqual(card);
      const peopleRead = bulkGet.mock.calls.flatMap(([list, refs]) =>
        list === 'people' ? refs.map((r) => `${r.feedId}|${r.id}`) : [],
      );
      expect(peopleRead).toEqual([]);
    } finally {
      bulkGet.mockRestore();
    }
  });

  it('validates annotation messages and refuses other senders', async () => {
    const db = await smallTestDb();
    const ext = 'ext-id';
    const tooMany = Array.from({ length: 501 }, (_, i) => `k${i}`);
    expect(
      await handleMessage(
        db,
        { type: 'annotateResolve', request: { handles: tooMany } },
        { id: ext },
        ext,
      ),
    ).toMatchObject({ ok: false });
    expect(
      await handleMessage(
        db,
        { type: 'annotatePersonCard', request: { feedId: 'acme-main' } },
        { id: ext },
        ext,
      ),
    ).toMatchObject({ ok: false });
    expect(
      await handleMessage(db, { type: 'annotateVocabulary', request: {} }, { id: 'evil' }, ext),
    ).toEqual({ ok: false, error: 'sender not allowed' });
    const ok = await handleMessage(
      db,
      { type: 'annotateResolve', request: { emails: ['bob.okafor@acme.example'] } },
      { id: ext },
      ext,
    );
    expect(ok).toMatchObject({
      ok: true,
      value: { emails: { 'bob.okafor@acme.example': ['acme-main\u0000p-bob'] } },
    });
    expect(
      await handleMessage(
        db,
        { type: 'annotatePersonCard', request: { feedId: 'acme-main', id: 'p-nobody' } },
        { id: ext },
        ext,
      ),
    ).toEqual({
      ok: false,
      error: 'no person p-nobody in feed acme-main',
    });
  });
});
