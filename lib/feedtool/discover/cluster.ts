// Finding the groups: a bipartite graph of people × areas (edge weight = the person's work on
// the area, each commit counting 1/k toward each of the k areas it touched, so sweeping
// clean-ups weigh little), clustered with Louvain modularity optimisation
// (graphology-communities-louvain). Louvain on the bipartite graph groups people together
// with the areas they share, which names the group and keeps hub files from gluing everyone
// into one. A cluster holding more than `maxShare` of all work is clustered again on its own
// (no giant catch-all community). The seeded random source keeps builds reproducible.
import Graph from 'graphology';
import louvain from 'graphology-communities-louvain';
import type { History } from './history';

export interface ClusterOptions {
  resolution: number;
  seed: number;
  /** Largest share of all work one cluster may hold before it is split again. */
  maxShare: number;
  /** People with fewer commits in total stay out of the graph (one-off fixes are not practice). */
  minCommits: number;
  /** The smallest community: a cluster with twice as many people is checked for a split. */
  minMembers: number;
}

export interface Cluster {
  people: number[];
  areas: number[];
}

/** person → area → weight; also each person's commit count. */
export interface WorkMatrix {
  work: Map<number, Map<number, number>>;
  commits: Int32Array;
}

export function workMatrix(history: History, personOf: Int32Array, people: number): WorkMatrix {
  const work = new Map<number, Map<number, number>>();
  const commits = new Int32Array(people);
  for (let c = 0; c < history.size; c++) {
    const person = personOf[history.authors[c]!]!;
    if (person < 0) continue;
    commits[person]!++;
    const areas = history.areasOf[c]!;
    if (areas.length === 0) continue;
    let row = work.get(person);
    if (!row) work.set(person, (row = new Map<number, number>()));
    const share = 1 / areas.length;
    for (const a of areas) row.set(a, (row.get(a) ?? 0) + share);
  }
  return { work, commits };
}

/** A small seeded generator (mulberry32): same input, same communities. */
export function seededRandom(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function findClusters(matrix: WorkMatrix, options: ClusterOptions): Cluster[] {
  const graph = new Graph({ type: 'undirected' });
  let total = 0;
  for (const [person, row] of matrix.work) {
    if (matrix.commits[person]! < options.minCommits) continue;
    const p = `p${person}`;
    graph.mergeNode(p);
    for (const [area, weight] of row) {
      const a = `a${area}`;
      graph.mergeNode(a);
      graph.mergeEdge(p, a, { weight });
      total += weight;
    }
  }
  if (graph.order === 0) return [];
  const rng = seededRandom(options.seed);
  const queue: { nodes: string[]; depth: number }[] = [{ nodes: graph.nodes(), depth: 0 }];
  const done: string[][] = [];
  while (queue.length > 0) {
    const { nodes, depth } = queue.shift()!;
    const sub = depth === 0 ? graph : inducedSubgraph(graph, nodes);
    const { parts, modularity } = partition(sub, options.resolution, rng);
    // The first pass always counts; a catch-all is split again only where its own graph
    // has real structure (modularity of the split), never into arbitrary pieces.
    if (depth > 0 && (parts.length < 2 || modularity < MIN_SPLIT_MODULARITY)) {
      done.push(nodes);
      continue;
    }
    for (const part of parts) {
      // Louvain's resolution limit merges small groups in a large graph, and hub files can
      // glue a catch-all: every cluster big enough to hold two groups is looked at again.
      const people = part.reduce((n, node) => n + (node[0] === 'p' ? 1 : 0), 0);
      const large = workWithin(sub, part) > options.maxShare * total;
      if ((large || people >= 2 * options.minMembers) && depth < 4)
        queue.push({ nodes: part, depth: depth + 1 });
      else done.push(part);
    }
  }
  return done
    .map((nodes) => ({
      people: nodes.filter((n) => n[0] === 'p').map((n) => Number(n.slice(1))),
      areas: nodes.filter((n) => n[0] === 'a').map((n) => Number(n.slice(1))),
    }))
    .filter((c) => c.people.length > 0 && c.areas.length > 0);
}

/** Below this modularity a split of a large cluster is noise, not structure. */
const MIN_SPLIT_MODULARITY = 0.2;

function partition(
  graph: Graph,
  resolution: number,
  rng: () => number,
): { parts: string[][]; modularity: number } {
  if (graph.size === 0) return { parts: [graph.nodes()], modularity: 0 };
  const detailed = louvain.detailed(graph, { getEdgeWeight: 'weight', resolution, rng });
  const assignment = detailed.communities;
  const groups = new Map<number, string[]>();
  for (const [node, group] of Object.entries(assignment)) {
    let list = groups.get(group);
    if (!list) groups.set(group, (list = []));
    list.push(node);
  }
  return { parts: [...groups.values()], modularity: detailed.modularity };
}

function inducedSubgraph(graph: Graph, nodes: string[]): Graph {
  const keep = new Set(nodes);
  const sub = new Graph({ type: 'undirected' });
  for (const n of nodes) sub.addNode(n);
  for (const n of nodes) {
    graph.forEachEdge(n, (_edge, attributes, source, target) => {
      if (source === n && keep.has(target)) sub.mergeEdge(source, target, attributes);
    });
  }
  return sub;
}

function workWithin(graph: Graph, nodes: string[]): number {
  const keep = new Set(nodes);
  let sum = 0;
  for (const n of nodes) {
    if (n[0] !== 'p') continue;
    graph.forEachEdge(n, (_edge, attributes, _source, target) => {
      const other = target === n ? _source : target;
      if (keep.has(other)) sum += (attributes as { weight: number }).weight;
    });
  }
  return sum;
}
