// Export of the current selection: the rows of the current tab under the current filters as
// CSV or JSON, and on the map tab the map itself as SVG or PNG (legend in words included).
import { useContext, useState } from 'preact/hooks';
import { downloadFile, serializeMapSvg, svgToPng } from '../../lib/export/image';
import { exportFileName, tableToCsv, tableToJson } from '../../lib/export/table';
import type { CommunityFilters } from '../../lib/boundaries/filter';
import type { BoundaryReport } from '../../lib/boundaries/report';
import { TABS, type TabId } from './BoundaryTabs';
import { exportTable, filtersInWords } from './export-tables';
import { MapSvgContext } from './map-export';
import { legendLines } from './MapLegend';

interface Props {
  report: BoundaryReport;
  tab: TabId;
  filtered: readonly number[];
  filters: CommunityFilters;
  organisation: string;
}

export function ExportPanel({ report, tab, filtered, filters, organisation }: Props) {
  const [message, setMessage] = useState('');
  const map = useContext(MapSvgContext);
  const now = () => new Date();
  const day = () => now().toISOString().slice(0, 10);
  const table = () => exportTable(report, tab, filtered);
  const tabLabel = TABS.find((t) => t.id === tab)!.label;

  const exportRows = (kind: 'csv' | 'json') => {
    const rows = table();
    const text =
      kind === 'csv'
        ? tableToCsv(rows)
        : tableToJson(rows, {
            organisation,
            exportedAt: now().toISOString(),
            filters: filtersInWords(report, filters),
            minGroupSize: report.options.minGroupSize,
          });
    const file = exportFileName(rows, day(), kind);
    downloadFile(file, text, kind === 'csv' ? 'text/csv;charset=utf-8' : 'application/json');
    setMessage(`Saved ${rows.rows.length} rows as ${file}.`);
  };

  const exportMap = async (kind: 'svg' | 'png') => {
    const source = map.current;
    if (!source) return setMessage('The map is not drawn yet.');
    // The SVG is built for this export only (map-export.ts) and gone once serialised.
    const image = source.withSvg((svg, box) =>
      serializeMapSvg(svg, {
        title: `${organisation}: constellation of communities (${day()})`,
        viewBox: { x: box.x, y: box.y, width: box.width, height: box.height },
        caption: [...legendLines(), ...filtersInWords(report, filters).map((f) => `Filter — ${f}`)],
      }),
    );
    const file = exportFileName({ name: 'map' }, day(), kind);
    try {
      if (kind === 'svg') downloadFile(file, image.text, 'image/svg+xml');
      else downloadFile(file, await svgToPng(image.text, image.width, image.height), 'image/png');
      setMessage(`Saved the map as ${file}.`);
    } catch (error) {
      setMessage(
        `Could not save the map: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
  };

  return (
    <section class="export" aria-labelledby="export-title">
      <h2 id="export-title">Export</h2>
      <p class="muted">{tabLabel}: what this tab shows under the current filters.</p>
      <div class="buttons">
        <button type="button" onClick={() => exportRows('csv')}>
          {tabLabel} as CSV
        </button>
        <button type="button" onClick={() => exportRows('json')}>
          {tabLabel} as JSON
        </button>
        {tab === 'map' && (
          <>
            <button type="button" onClick={() => void exportMap('svg')}>
              Map as SVG
            </button>
            <button type="button" onClick={() => void exportMap('png')}>
              Map as PNG
            </button>
          </>
        )}
      </div>
      <p class="export-message" role="status">
        {message}
      </p>
    </section>
  );
}
