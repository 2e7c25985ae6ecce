// The boundaries view for boundary leaders and knowledge stewards: the constellation of
// communities as a map and a table, brokers, missing bridges, health signals and the
// cross-company boundary, with one set of filters, a details panel and export.
import { useCallback, useEffect, useMemo, useState } from 'preact/hooks';
import type { ConstellationDB } from '../../lib/db/database';
import type { DataStatus } from '../../lib/db/queries';
import {
  NO_FILTERS,
  filterCommunities,
  searchIndex,
  searchMatches,
} from '../../lib/boundaries/filter';
import { DataSourceLine } from '../DataSourceLine';
import { BoundaryTabs, type TabId } from './BoundaryTabs';
import { DetailsPanel } from './DetailsPanel';
import { DiscoveredLayer } from './DiscoveredLayer';
import { ExportPanel } from './ExportPanel';
import { FiltersBar } from './FiltersBar';
import { LayoutWorkerContext, type LayoutWorkerFactory } from './layout-runner';
import { MapSvgContext, type MapSvgSource } from './map-export';
import { ThresholdsForm } from './ThresholdsForm';
import { loadThresholds, saveThresholds, type Thresholds } from './thresholds';
import { useBoundaryReport } from './useBoundaryReport';

const NO_INDEX: readonly string[] = [];

export function BoundariesApp({
  db,
  createLayoutWorker = null,
}: {
  db: ConstellationDB;
  /** Runs the map layout off the main thread; without one it runs in slices per frame. */
  createLayoutWorker?: LayoutWorkerFactory;
}) {
  const [thresholds, setThresholds] = useState<Thresholds>(() => loadThresholds());
  const state = useBoundaryReport(db, thresholds);
  const [filters, setFilters] = useState(NO_FILTERS);
  const [tab, setTab] = useState<TabId>('map');
  const [selectedKey, setSelectedKey] = useState<string | null>(null);
  // The map, while shown, lends the export panel an SVG of itself (map-export.ts).
  const [mapSvg] = useState<{ current: MapSvgSource | null }>(() => ({ current: null }));

  useEffect(() => saveThresholds(thresholds), [thresholds]);

  const report = state.status === 'ready' ? state.report : null;
  // Unit, company and topic filters hold numbers of one indexing of the data; when a feed
  // update re-indexes it, they would point at other records, so they are cleared.
  const constellation = report?.constellation;
  useEffect(() => {
    setFilters((current) => ({ ...current, unit: -1, company: -1, topic: -1 }));
  }, [constellation]);
  // The search's folded names and topics, made at the first search rather than on the way
  // to the first map (issue 19 goal 5); an empty search never reads them.
  const searchable = useMemo(() => {
    let index: string[] | null = null;
    return () => (index ??= report ? searchIndex(report) : []);
  }, [report]);
  const index = filters.search.trim() === '' ? NO_INDEX : searchable();
  const filtered = useMemo(
    () => (report ? filterCommunities(report, filters, index) : []),
    [report, filters, index],
  );
  const hits = useMemo(() => searchMatches(index, filters.search), [index, filters.search]);
  const keyToIndex = useMemo(
    () => new Map(report?.communities.map((c) => [c.key, c.index]) ?? []),
    [report],
  );
  const selected = selectedKey !== null ? (keyToIndex.get(selectedKey) ?? null) : null;
  const select = useCallback(
    (community: number | null) =>
      setSelectedKey(community === null ? null : (report?.communities[community]?.key ?? null)),
    [report],
  );
  const organisation = state.status === 'ready' ? state.loaded.feeds : null;
  // Panels a selection does not change are the same elements across it, so Preact skips them:
  // a click then re-renders only the map's marks and the details (issue 19: select ≤ 100 ms).
  const filtersBar = useMemo(
    () =>
      report && (
        <FiltersBar
          report={report}
          filters={filters}
          onChange={setFilters}
          shown={filtered.length}
        />
      ),
    [report, filters, filtered],
  );
  const sidePanels = useMemo(
    () =>
      report &&
      organisation && (
        <>
          <ExportPanel
            report={report}
            tab={tab}
            filtered={filtered}
            filters={filters}
            organisation={organisation.map((f) => f.organization).join(', ')}
          />
          <ThresholdsForm thresholds={thresholds} onChange={setThresholds} />
        </>
      ),
    [report, organisation, tab, filtered, filters, thresholds],
  );

  if (state.status === 'error') {
    return (
      <main class="boundaries">
        <h1>Boundaries</h1>
        <p role="alert" class="error">
          Could not read the local database: {state.error}
        </p>
      </main>
    );
  }
  if (state.status === 'loading' || !report) {
    return (
      <main class="boundaries">
        <h1>Boundaries</h1>
        <p class="loading" aria-live="polite">
          Reading communities…
        </p>
      </main>
    );
  }

  const { loaded, asOf, discovered } = state;
  const status: DataStatus = {
    feeds: loaded.feeds,
    demo: loaded.feeds.length > 0 && loaded.feeds.every((f) => f.source === 'demo'),
    counts: {
      people: loaded.people.length,
      communities: loaded.communities.length,
      memberships: loaded.memberships.length,
      topics: loaded.topics.length,
    },
  };
  return (
    <LayoutWorkerContext.Provider value={createLayoutWorker}>
      <MapSvgContext.Provider value={mapSvg}>
        <div class="boundaries">
          <header class="page-header">
            <h1>Boundaries</h1>
            <DataSourceLine status={status} />
            <p class="summary" data-summary>
              {report.communities.length} {discovered.length > 0 ? 'chartered ' : ''}communities ·{' '}
              {report.constellation.people.length} people · {report.constellation.membershipCount}{' '}
              memberships · signals as of {asOf}
              {discovered.length > 0 &&
                ` · ${discovered.length} discovered from shared work, listed apart`}
              {loaded.hiddenCommunities > 0 &&
                ` · ${loaded.hiddenCommunities} members-only ${loaded.hiddenCommunities === 1 ? 'community' : 'communities'} not shown (you are not a member)`}
            </p>
          </header>
          {report.communities.length === 0 ? (
            <main>
              {discovered.length > 0 ? (
                <p class="empty" data-empty="only-discovered">
                  The map is empty because it shows chartered communities only, and the data loaded
                  holds none: just {discovered.length}{' '}
                  {discovered.length === 1 ? 'community' : 'communities'} discovered from shared
                  work, listed below with the evidence each was found on.
                </p>
              ) : (
                <p class="empty" data-empty="nothing">
                  No communities to show yet. Load a feed in the options, or use the demo
                  organisation.
                </p>
              )}
            </main>
          ) : (
            <>
              {filtersBar}
              <div class="workspace">
                <main class="views">
                  <BoundaryTabs
                    tab={tab}
                    onTab={setTab}
                    report={report}
                    filtered={filtered}
                    hits={hits}
                    selected={selected}
                    onSelect={select}
                  />
                </main>
                <aside class="side" aria-label="Selection and export">
                  <DetailsPanel
                    report={report}
                    selected={selected}
                    onSelect={select}
                    filtered={filtered}
                  />
                  {sidePanels}
                </aside>
              </div>
            </>
          )}
          <DiscoveredLayer communities={discovered} />
        </div>
      </MapSvgContext.Provider>
    </LayoutWorkerContext.Provider>
  );
}
