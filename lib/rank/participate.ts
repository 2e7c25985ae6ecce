// "Where can I take part?": ranks communities for me, a newcomer or a member looking for
// more, from the topics I declared and the topics of pages I read. Legitimate peripheral
// participation needs a door that is open: communities closed to newcomers, and those I am
// already in, are not suggested; active and coalescing communities are preferred.
import type { Stage } from '../model/vocabulary';

export interface CommunityCandidate {
  feedId: string;
  id: string;
  name: string;
  stage: Stage;
  openToNewcomers: boolean;
  topics: string[];
}

export interface InterestSignals {
  /** Topic id → weight (declared interests and expertise, visits to pages about it). */
  topicWeights: ReadonlyMap<string, number>;
  /** Community ids I am already a member of (feed or declared). */
  memberOf: ReadonlySet<string>;
}

const STAGE_BONUS: Record<Stage, number> = {
  coalescing: 3,
  active: 3,
  potential: 1,
  dispersed: -2,
  memorable: -5,
};

export interface Suggestion {
  community: CommunityCandidate;
  score: number;
  /** Topic ids that matched my interests, strongest first. */
  matchedTopics: string[];
}

export function suggestCommunities(
  candidates: CommunityCandidate[],
  signals: InterestSignals,
  limit = 10,
): Suggestion[] {
  const hasInterests = signals.topicWeights.size > 0;
  const out: Suggestion[] = [];
  for (const community of candidates) {
    if (!community.openToNewcomers || signals.memberOf.has(community.id)) continue;
    const matched = community.topics
      .filter((t) => (signals.topicWeights.get(t) ?? 0) > 0)
      .sort((a, b) => signals.topicWeights.get(b)! - signals.topicWeights.get(a)!);
    if (hasInterests && matched.length === 0) continue;
    const interest = matched.reduce((sum, t) => sum + signals.topicWeights.get(t)!, 0);
    out.push({
      community,
      score: interest * 2 + STAGE_BONUS[community.stage],
      matchedTopics: matched,
    });
  }
  return out
    .sort((a, b) => b.score - a.score || a.community.name.localeCompare(b.community.name))
    .slice(0, limit);
}
