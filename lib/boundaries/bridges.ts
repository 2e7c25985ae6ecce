// Missing bridges: pairs of communities whose topics overlap strongly but who share few or no
// members — candidates for a joint session or a broker. Topic overlap is the Jaccard
// similarity of the two topic sets (shared topics / all topics of the pair); "few" members is
// at most a given share of the smaller community. Memorable communities are left out: they
// are past the stage where a joint session would help.
import { sizeOf, topicCountOf, type Constellation } from './constellation';
import type { ConstellationGraph } from './graph';
import type { BoundaryOptions } from './options';

export interface MissingBridge {
  a: number;
  b: number;
  /** Jaccard similarity of the two communities' topics, 0…1. */
  topicSimilarity: number;
  sharedTopics: string[];
  sharedMembers: number;
  sizeA: number;
  sizeB: number;
}

export function missingBridges(
  g: Constellation,
  graph: ConstellationGraph,
  options: Pick<BoundaryOptions, 'bridgeMinTopicSimilarity' | 'bridgeMaxSharedShare' | 'listLimit'>,
): MissingBridge[] {
  const { topicEdges } = graph;
  const found: MissingBridge[] = [];
  for (let e = 0; e < topicEdges.count; e++) {
    const a = topicEdges.a[e]!;
    const b = topicEdges.b[e]!;
    if (g.communities[a]!.stage === 'memorable' || g.communities[b]!.stage === 'memorable')
      continue;
    const shared = topicEdges.weight[e]!;
    const similarity = shared / (topicCountOf(g, a) + topicCountOf(g, b) - shared);
    if (similarity < options.bridgeMinTopicSimilarity) continue;
    const sizeA = sizeOf(g, a);
    const sizeB = sizeOf(g, b);
    const sharedMembers = topicEdges.sharedMembers[e]!;
    if (sharedMembers > options.bridgeMaxSharedShare * Math.min(sizeA, sizeB)) continue;
    found.push({
      a,
      b,
      topicSimilarity: similarity,
      sharedTopics: [],
      sharedMembers,
      sizeA,
      sizeB,
    });
  }
  // Strongest overlap first; then the emptier bridge; then the pair that would reach most people.
  found.sort(
    (x, y) =>
      y.topicSimilarity - x.topicSimilarity ||
      x.sharedMembers - y.sharedMembers ||
      y.sizeA + y.sizeB - (x.sizeA + x.sizeB) ||
      g.communities[x.a]!.name.localeCompare(g.communities[y.a]!.name),
  );
  const top = found.slice(0, options.listLimit);
  for (const bridge of top) bridge.sharedTopics = sharedTopicLabels(g, bridge.a, bridge.b);
  return top;
}

function sharedTopicLabels(g: Constellation, a: number, b: number): string[] {
  const ofB = new Set(g.communityTopics.subarray(g.topicStart[b], g.topicStart[b + 1]));
  const labels: string[] = [];
  for (let i = g.topicStart[a]!, end = g.topicStart[a + 1]!; i < end; i++) {
    const t = g.communityTopics[i]!;
    if (ofB.has(t)) labels.push(g.topics[t]!.label);
  }
  return labels;
}
