// All boundary analyses over one constellation, in one call: index, edges, per-community facts
// and health signals, brokers, communities without a boundary role, missing bridges and the
// cross-company boundary. The view computes this once per data change and filters it.
import { indexConstellation, type Constellation } from './constellation';
import { buildGraph, type ConstellationGraph } from './graph';
import { healthSignals, type HealthSignal } from './health';
import { missingBridges, type MissingBridge } from './bridges';
import { companyBoundary, type CompanyBoundary } from './companies';
import type { BoundaryOptions } from './options';
import { communityFacts, type CommunityFacts } from './profile';
import type { ConstellationInput } from './types';
import { communitiesWithoutBoundaryRole, rankBrokers, type Broker } from './brokers';

export interface CommunityReport extends CommunityFacts {
  signals: HealthSignal[];
}

export interface BoundaryReport {
  options: BoundaryOptions;
  constellation: Constellation;
  graph: ConstellationGraph;
  communities: CommunityReport[];
  brokers: Broker[];
  /** Community numbers with no one in the boundary role. */
  withoutBoundaryRole: number[];
  bridges: MissingBridge[];
  companies: CompanyBoundary;
}

export function analyseConstellation(
  input: ConstellationInput,
  options: BoundaryOptions,
): BoundaryReport {
  const constellation = indexConstellation(input);
  return analyseIndexed(constellation, options);
}

/** The analyses over an already indexed constellation (e.g. when only thresholds changed). */
export function analyseIndexed(
  constellation: Constellation,
  options: BoundaryOptions,
  graph: ConstellationGraph = buildGraph(constellation),
): BoundaryReport {
  const communities = communityFacts(constellation, options).map((facts) => ({
    ...facts,
    signals: healthSignals(constellation, facts, options),
  }));
  return {
    options,
    constellation,
    graph,
    communities,
    brokers: rankBrokers(constellation, graph, options.listLimit),
    withoutBoundaryRole: communitiesWithoutBoundaryRole(constellation),
    bridges: missingBridges(constellation, graph, options),
    companies: companyBoundary(constellation, options),
  };
}
