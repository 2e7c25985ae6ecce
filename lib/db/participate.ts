// Gathers the signals for "where can I take part?": communities I may see, the topics I care
// about (declared interests and expertise, my expertise in the feed, topics of pages I read)
// and the communities I already belong to. Ranking is lib/rank/participate.ts.
import type { ConstellationDB } from './database';
import { canSee, visibleFeedIds, type Viewer } from './queries';
import { readPacks } from './packed';
import type { CommunityRow, ExpertiseRow } from './schema';
import type { CommunityCandidate, InterestSignals } from '../rank/participate';
import { visitedTopics, type VisitedTopic } from './visits';

/** How much each kind of signal weighs for a topic. */
const INTEREST_WEIGHTS = {
  declaredInterest: 3,
  /** Added to a declared or feed expertise level (1–5). */
  expertiseBase: 1,
} as const;

export async function participationInputs(
  db: ConstellationDB,
  viewer: Viewer,
  now = new Date(),
): Promise<{
  candidates: CommunityCandidate[];
  signals: InterestSignals;
  /** Topics of pages I read, strongest first (empty when the user turned this off). */
  visited: VisitedTopic[];
}> {
  const visible = await visibleFeedIds(db);
  const communities = (await readPacks(db, (r) => r.all<CommunityRow>('communities'))).filter((c) =>
    canSee(viewer, c),
  );
  const weights = new Map<string, number>();
  const add = (topic: string, weight: number) =>
    weights.set(topic, (weights.get(topic) ?? 0) + weight);

  for (const row of await db.myExpertise.toArray()) {
    add(
      row.topic,
      row.level === 0
        ? INTEREST_WEIGHTS.declaredInterest
        : row.level + INTEREST_WEIGHTS.expertiseBase,
    );
  }
  if (viewer.me) {
    const me = viewer.me;
    const mine = await readPacks(db, (r) => r.group<ExpertiseRow>('expertise', me.feedId, me.id));
    for (const e of mine) add(e.topic, e.level + INTEREST_WEIGHTS.expertiseBase);
  }
  const visited = (await visitedTopics(db, now)).filter((v) => visible.has(v.feedId));
  for (const v of visited) add(v.topic, v.weight);

  const memberOf = new Set([...viewer.memberOf].map((key) => key.slice(key.indexOf('\u0000') + 1)));
  return {
    candidates: communities.map((c) => ({
      feedId: c.feedId,
      id: c.id,
      name: c.name,
      stage: c.stage,
      openToNewcomers: c.openToNewcomers,
      topics: c.topics,
    })),
    signals: { topicWeights: weights, memberOf },
    visited,
  };
}
