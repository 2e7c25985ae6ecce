// Topics of pages the user read: counted once per day, fading with time, pruned, cleared,
// and used by "where can I take part?" (on the demo organisation).
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { ConstellationDB } from '../../../lib/db/database';
import { setMe } from '../../../lib/db/local';
import { participationInputs } from '../../../lib/db/participate';
import { viewerOf } from '../../../lib/db/queries';
import { participationData } from '../../../lib/db/views';
import {
  MAX_VISITED_TOPICS,
  VISIT_RETENTION_DAYS,
  VISIT_WEIGHTS,
  clearTopicVisits,
  localDay,
  recordTopicVisits,
  visitWeight,
  visitedTopics,
} from '../../../lib/db/visits';
import { suggestCommunities } from '../../../lib/rank/participate';
import { demoTestDb } from '../../fixtures/demo-db';
import { emptyTestDb } from '../../fixtures/test-db';

const F = 'demo-northwind';
const ML = { feedId: F, id: 't-machine-learning' };
const K8S = { feedId: F, id: 't-kubernetes' };
const day = (iso: string) => new Date(`${iso}T12:00:00`);

describe('remembered topics of pages read', () => {
  it('counts a topic once per calendar day, however many pages name it', async () => {
    const db = emptyTestDb();
    expect(await recordTopicVisits(db, [ML, K8S, ML], day('2026-11-01'))).toBe(2);
    expect(await recordTopicVisits(db, [ML], day('2026-11-01'))).toBe(0);
    expect(await recordTopicVisits(db, [ML], day('2026-11-02'))).toBe(1);
    const rows = await db.topicVisits.toArray();
    expect(rows.find((r) => r.topic === ML.id)).toEqual({
      feedId: F,
      topic: ML.id,
      days: 2,
      firstDay: '2026-11-01',
      lastDay: '2026-11-02',
    });
    expect(rows.find((r) => r.topic === K8S.id)?.days).toBe(1);
  });

  it('weighs more days more, up to the cap, and halves the weight every half-life', () => {
    const row = (days: number, lastDay: string) => ({
      feedId: F,
      topic: 't',
      days,
      firstDay: '2026-01-01',
      lastDay,
    });
    const now = day('2026-11-20');
    expect(visitWeight(row(1, '2026-11-20'), now)).toBe(VISIT_WEIGHTS.perDay);
    expect(visitWeight(row(50, '2026-11-20'), now)).toBe(VISIT_WEIGHTS.cap);
    const aged = visitWeight(row(50, '2026-10-21'), now); // 30 days ago
    expect(aged).toBeCloseTo(VISIT_WEIGHTS.cap / 2, 5);
    // Stronger signals first.
    expect(visitWeight(row(2, '2026-11-20'), now)).toBeGreaterThan(
      visitWeight(row(1, '2026-11-20'), now),
    );
  });

  it('forgets topics not seen within the retention period, and keeps at most the cap', async () => {
    const db = emptyTestDb();
    await recordTopicVisits(db, [ML], day('2026-01-01'));
    const later = new Date(day('2026-01-01').getTime() + (VISIT_RETENTION_DAYS + 2) * 864e5);
    await recordTopicVisits(db, [K8S], later);
    expect((await db.topicVisits.toArray()).map((r) => r.topic)).toEqual([K8S.id]);

    const many = Array.from({ length: MAX_VISITED_TOPICS + 5 }, (_, i) => ({
      feedId: F,
      id: `t-${i}`,
    }));
    await recordTopicVisits(db, many, new Date(later.getTime() + 864e5));
    expect(await db.topicVisits.count()).toBe(MAX_VISITED_TOPICS);
    // The least recently seen (K8S, a day older) went first.
    expect(await db.topicVisits.get([F, K8S.id])).toBeUndefined();
  });

  it('uses the local calendar day', () => {
    expect(localDay(new Date(2026, 0, 5, 23, 59))).toBe('2026-01-05');
  });
});

describe('where to take part, from pages read (demo organisation)', () => {
  let db: ConstellationDB;
  beforeAll(async () => {
    db = await demoTestDb();
    await setMe(db, { feedId: F, id: 'p-zoe-okafor' });
  });
  beforeEach(() => clearTopicVisits(db));

  it('suggests the communities of a topic I keep reading about, and explains why', async () => {
    const now = new Date();
    await recordTopicVisits(db, [ML], new Date(now.getTime() - 2 * 864e5));
    await recordTopicVisits(db, [ML], new Date(now.getTime() - 864e5));
    await recordTopicVisits(db, [ML], now);
    const viewer = await viewerOf(db);
    const { candidates, signals, visited } = await participationInputs(db, viewer, now);
    expect(visited.map((v) => [v.topic, v.days])).toEqual([[ML.id, 3]]);
    expect(signals.topicWeights.get(ML.id)).toBe(VISIT_WEIGHTS.cap);
    const suggestions = suggestCommunities(candidates, signals);
    expect(suggestions[0]?.community.id).toBe('c-ml');
    expect(suggestions[0]?.matchedTopics).toEqual([ML.id]);

    const data = await participationData(db, viewer, now);
    expect(data.visited.total).toBe(1);
    expect(data.topicLabels.get(ML.id)).toBe('Machine Learning');
  });

  it('forgets: after clearing, no suggestion is matched by reading', async () => {
    await recordTopicVisits(db, [ML]);
    await clearTopicVisits(db);
    const viewer = await viewerOf(db);
    const { signals, visited } = await participationInputs(db, viewer);
    expect(visited).toEqual([]);
    expect(signals.topicWeights.has(ML.id)).toBe(false);
    expect(await visitedTopics(db)).toEqual([]);
  });
});
