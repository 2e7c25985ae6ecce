// Reads the constellation from the local database (live: a feed update re-runs it) and runs
// the analyses. Indexing and edges depend only on the data; thresholds change only the cheap
// parts, so moving a threshold never re-reads or re-indexes.
import { useMemo } from 'preact/hooks';
import type { ConstellationDB } from '../../lib/db/database';
import { asOfDate, loadConstellation, type LoadedConstellation } from '../../lib/db/constellation';
import { indexConstellation } from '../../lib/boundaries/constellation';
import { splitDiscovered, type DiscoveredCommunityView } from '../../lib/boundaries/discovered';
import { buildGraph } from '../../lib/boundaries/graph';
import { boundaryOptions } from '../../lib/boundaries/options';
import { analyseIndexed, type BoundaryReport } from '../../lib/boundaries/report';
import { markStep } from './marks';
import type { Thresholds } from './thresholds';
import { useLiveQuery } from '../useLiveQuery';

export type ReportState =
  | { status: 'loading' }
  | { status: 'error'; error: string }
  | {
      status: 'ready';
      loaded: LoadedConstellation;
      report: BoundaryReport;
      asOf: string;
      /** Communities found from shared work: shown apart, never analysed as chartered. */
      discovered: DiscoveredCommunityView[];
    };

export function useBoundaryReport(db: ConstellationDB, thresholds: Thresholds): ReportState {
  // The read starts right after the first commit, not after its paint: nothing is waiting
  // for the "Reading communities…" frame, and opening is mostly this read.
  const loaded = useLiveQuery(
    () => loadConstellation(db).then((value) => (markStep('read'), value)),
    [db],
    undefined,
    'before-paint',
  );
  const indexed = useMemo(() => {
    if (loaded.status !== 'ready') return null;
    const { chartered, discovered } = splitDiscovered(loaded.value);
    const constellation = indexConstellation(chartered);
    const graph = buildGraph(constellation);
    markStep('indexed');
    return { constellation, graph, asOf: asOfDate(loaded.value.feeds), discovered };
  }, [loaded]);
  const report = useMemo(() => {
    if (!indexed) return null;
    const analysed = analyseIndexed(
      indexed.constellation,
      boundaryOptions(indexed.asOf, thresholds),
      indexed.graph,
    );
    markStep('analysed');
    return analysed;
  }, [indexed, thresholds]);
  if (loaded.status === 'error') return { status: 'error', error: loaded.error };
  if (loaded.status !== 'ready' || !report || !indexed) return { status: 'loading' };
  return {
    status: 'ready',
    loaded: loaded.value,
    report,
    asOf: indexed.asOf,
    discovered: indexed.discovered,
  };
}
