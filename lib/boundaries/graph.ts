// The constellation's edges, found in one sweep over communities: for each community a, every
// other community b > a that shares members with it (through its members' other memberships)
// and every one that shares topics (through its topics' other communities). Dense counters
// indexed by community number replace a map of pairs, so memory stays linear in the number of
// communities and a topic shared by thousands of communities cannot exhaust it. The same sweep
// credits each person with the connections only they provide (pairs whose sole shared member
// they are), which is what the brokers analysis ranks.
import type { Constellation } from './constellation';

/** Pairs a < b with a weight; parallel typed arrays. */
interface EdgeList {
  count: number;
  a: Int32Array;
  b: Int32Array;
  /** Shared members (member edges) or shared topics (topic edges). */
  weight: Int32Array;
}

export interface ConstellationGraph {
  /** Pairs of communities that share at least one member. */
  memberEdges: EdgeList;
  /** Pairs of communities that share at least one topic; `sharedMembers` alongside. */
  topicEdges: EdgeList & { sharedMembers: Int32Array };
  /** Per person: pairs of their communities that they alone connect. */
  soleConnections: Int32Array;
  /** Per person: Σ over pairs of their communities of 1 / members the pair shares. */
  brokerage: Float64Array;
  /** Shared members of a pair (0 when none). */
  sharedMembers(a: number, b: number): number;
  /** Member edges and topic edges of one community, as edge numbers. */
  memberEdgesOf(c: number): Int32Array;
  topicEdgesOf(c: number): Int32Array;
}

class EdgeBuilder {
  count = 0;
  a = new Int32Array(1024);
  b = new Int32Array(1024);
  weight = new Int32Array(1024);
  extra = new Int32Array(1024);

  push(a: number, b: number, weight: number, extra = 0): void {
    if (this.count === this.a.length) {
      const grow = (array: Int32Array) => {
        const bigger = new Int32Array(array.length * 2);
        bigger.set(array);
        return bigger;
      };
      this.a = grow(this.a);
      this.b = grow(this.b);
      this.weight = grow(this.weight);
      this.extra = grow(this.extra);
    }
    this.a[this.count] = a;
    this.b[this.count] = b;
    this.weight[this.count] = weight;
    this.extra[this.count] = extra;
    this.count++;
  }
}

/** Edge numbers per community (both ends), as a compressed adjacency list. */
function adjacency(edges: EdgeBuilder, communities: number): (c: number) => Int32Array {
  const counts = new Int32Array(communities + 1);
  for (let e = 0; e < edges.count; e++) {
    counts[edges.a[e]! + 1]!++;
    counts[edges.b[e]! + 1]!++;
  }
  for (let c = 0; c < communities; c++) counts[c + 1]! += counts[c]!;
  const entries = new Int32Array(edges.count * 2);
  const fill = counts.slice(0, communities);
  for (let e = 0; e < edges.count; e++) {
    entries[fill[edges.a[e]!]!++] = e;
    entries[fill[edges.b[e]!]!++] = e;
  }
  return (c) => entries.subarray(counts[c], counts[c + 1]);
}

export function buildGraph(g: Constellation): ConstellationGraph {
  const n = g.communities.length;
  const shared = new Int32Array(n);
  const lastPerson = new Int32Array(n);
  const topicShared = new Int32Array(n);
  const touched = new Int32Array(n);
  const topicTouched = new Int32Array(n);
  const soleConnections = new Int32Array(g.people.length);
  const brokerage = new Float64Array(g.people.length);
  const member = new EdgeBuilder();
  const topic = new EdgeBuilder();
  const { communityStart, communityMembers, personStart, personMemberships, mPerson, mCommunity } =
    g;

  for (let a = 0; a < n; a++) {
    let touchedCount = 0;
    const from = communityStart[a]!;
    const to = communityStart[a + 1]!;
    for (let i = from; i < to; i++) {
      const p = mPerson[communityMembers[i]!]!;
      for (let j = personStart[p]!, end = personStart[p + 1]!; j < end; j++) {
        const b = mCommunity[personMemberships[j]!]!;
        if (b <= a) continue;
        if (shared[b] === 0) touched[touchedCount++] = b;
        shared[b]!++;
        lastPerson[b] = p;
      }
    }
    // Each pair's connection is split among the people who provide it.
    for (let i = from; i < to; i++) {
      const p = mPerson[communityMembers[i]!]!;
      for (let j = personStart[p]!, end = personStart[p + 1]!; j < end; j++) {
        const b = mCommunity[personMemberships[j]!]!;
        if (b > a) brokerage[p]! += 1 / shared[b]!;
      }
    }
    let topicTouchedCount = 0;
    for (let i = g.topicStart[a]!, end = g.topicStart[a + 1]!; i < end; i++) {
      const t = g.communityTopics[i]!;
      for (let j = g.topicCommunityStart[t]!, last = g.topicCommunityStart[t + 1]!; j < last; j++) {
        const b = g.topicCommunities[j]!;
        if (b <= a) continue;
        if (topicShared[b] === 0) topicTouched[topicTouchedCount++] = b;
        topicShared[b]!++;
      }
    }
    for (let k = 0; k < topicTouchedCount; k++) {
      const b = topicTouched[k]!;
      topic.push(a, b, topicShared[b]!, shared[b]);
      topicShared[b] = 0;
    }
    for (let k = 0; k < touchedCount; k++) {
      const b = touched[k]!;
      member.push(a, b, shared[b]!);
      if (shared[b] === 1) soleConnections[lastPerson[b]!]!++;
      shared[b] = 0;
    }
  }

  const memberWeights = member.weight;
  const memberEdgesOf = adjacency(member, n);
  return {
    memberEdges: {
      count: member.count,
      a: member.a.subarray(0, member.count),
      b: member.b.subarray(0, member.count),
      weight: member.weight.subarray(0, member.count),
    },
    topicEdges: {
      count: topic.count,
      a: topic.a.subarray(0, topic.count),
      b: topic.b.subarray(0, topic.count),
      weight: topic.weight.subarray(0, topic.count),
      sharedMembers: topic.extra.subarray(0, topic.count),
    },
    soleConnections,
    brokerage,
    // A scan of one community's edges (asked for a few pairs per broker and per selection),
    // instead of a map of every pair: at 5,000 communities that map held hundreds of
    // thousands of entries, built on the way to the first map (issue 19 goal 5).
    sharedMembers(a, b) {
      if (a === b) return 0;
      const [lo, hi] = a < b ? [a, b] : [b, a];
      for (const e of memberEdgesOf(lo))
        if (member.a[e] === lo && member.b[e] === hi) return memberWeights[e]!;
      return 0;
    },
    memberEdgesOf,
    topicEdgesOf: adjacency(topic, n),
  };
}
