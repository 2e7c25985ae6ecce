// What the constellation map draws: at most a few hundred communities (an SVG map of 5,000
// circles is neither fast nor readable), chosen from the filtered set with the selection and
// search hits first and then by active membership; and for each community only its strongest
// few edges, by shared members and by shared topics. The table always lists the whole set.
import type { BoundaryReport } from './report';

const MAP_NODE_LIMIT = 500;
// Few edges per node, thinned by strength (issue 17: the map was a tangle): each community's
// strongest member link, a second only if at least half as strong, and its strongest topic
// link to a community it shares no drawn member link with. Each drawn line also costs paint
// time on every zoom and pan frame.
// Strength is the share of members in common relative to both sizes (cosine: shared /
// √(members a × members b)), not the raw count: by raw count the largest community is every
// small community's strongest link, and a map of 500 became a star of lines into one hub.
const MEMBER_EDGES_PER_NODE = 2;
const TOPIC_EDGES_PER_NODE = 1;
// Above this many communities topic links are left off the map: dashed lines across hundreds
// of circles read as noise, not structure (the Missing bridges tab lists topic overlaps).
export const TOPIC_EDGES_UP_TO = 200;
const MIN_RADIUS = 4;
const MAX_RADIUS = 30;

interface MapNodeModel {
  community: number;
  radius: number;
}

interface MapEdgeModel {
  kind: 'members' | 'topics';
  a: number;
  b: number;
  /** Shared members, or shared topics. */
  weight: number;
  /** Shared relative to both sizes, 0–1 (cosine): what thinning, line width and pull use. */
  strength: number;
}

export interface MapModel {
  nodes: MapNodeModel[];
  edges: MapEdgeModel[];
  /** Filtered communities left off the map because of the node limit. */
  omitted: number;
}

export function mapModel(
  report: BoundaryReport,
  filtered: readonly number[],
  priority: ReadonlySet<number> = new Set(),
  limit = MAP_NODE_LIMIT,
): MapModel {
  const facts = report.communities;
  const order = [...filtered].sort(
    (x, y) =>
      Number(priority.has(y)) - Number(priority.has(x)) ||
      facts[y]!.activeMembers - facts[x]!.activeMembers ||
      facts[y]!.members - facts[x]!.members ||
      x - y,
  );
  const shown = order.slice(0, limit);
  // A flag per community, not a Set: it is tested once per edge of every drawn community.
  const inMap = new Uint8Array(report.constellation.communities.length);
  for (const c of shown) inMap[c] = 1;
  const largest = Math.max(1, ...shown.map((c) => facts[c]!.activeMembers));
  const nodes = shown.map((community) => ({
    community,
    radius:
      MIN_RADIUS + (MAX_RADIUS - MIN_RADIUS) * Math.sqrt(facts[community]!.activeMembers / largest),
  }));

  const { graph } = report;
  const edges: MapEdgeModel[] = [];
  const seen = new Set<number>();
  const n = report.constellation.communities.length;
  // The few strongest edges of a node, kept in a small sorted array while scanning its list
  // once: a large community has thousands of edges, and sorting them all per node is slow.
  const best: number[] = [];
  const bestScore: number[] = [];
  const strongest = (
    kind: MapEdgeModel['kind'],
    list: Int32Array,
    a: Int32Array,
    b: Int32Array,
    weight: Int32Array,
    size: (c: number) => number,
    perNode: number,
    c: number,
  ) => {
    best.length = 0;
    bestScore.length = 0;
    for (const e of list) {
      if (!inMap[a[e] === c ? b[e]! : a[e]!]) continue;
      if (kind === 'topics' && seen.has(a[e]! * n + b[e]!)) continue;
      const s = weight[e]! / Math.sqrt(Math.max(1, size(a[e]!) * size(b[e]!)));
      if (best.length === perNode && s <= bestScore[perNode - 1]!) continue;
      let at = best.length;
      while (at > 0 && bestScore[at - 1]! < s) at--;
      best.splice(at, 0, e);
      bestScore.splice(at, 0, s);
      if (best.length > perNode) {
        best.pop();
        bestScore.pop();
      }
    }
    for (let i = 0; i < best.length; i++) {
      const e = best[i]!;
      // A weaker second link only when it is at least half as strong as the first.
      if (bestScore[i]! * 2 < bestScore[0]!) break;
      const key = (kind === 'members' ? 0 : n * n) + a[e]! * n + b[e]!;
      if (seen.has(key)) continue;
      seen.add(key);
      edges.push({ kind, a: a[e]!, b: b[e]!, weight: weight[e]!, strength: bestScore[i]! });
    }
  };
  const m = graph.memberEdges;
  const members = (c: number) => facts[c]!.members;
  for (const c of shown)
    strongest(
      'members',
      graph.memberEdgesOf(c),
      m.a,
      m.b,
      m.weight,
      members,
      MEMBER_EDGES_PER_NODE,
      c,
    );
  const t = graph.topicEdges;
  const topics = (c: number) => facts[c]!.topicLabels.length;
  for (const c of shown.length <= TOPIC_EDGES_UP_TO ? shown : [])
    strongest('topics', graph.topicEdgesOf(c), t.a, t.b, t.weight, topics, TOPIC_EDGES_PER_NODE, c);
  return { nodes, edges, omitted: filtered.length - shown.length };
}
