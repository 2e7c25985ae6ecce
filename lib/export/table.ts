// One exported table: named columns and rows of plain values, written as CSV (for
// spreadsheets) or JSON (for scripts, with what was exported and under which filters).
import { toCsv, type CsvValue } from './csv';

interface ExportColumn {
  key: string;
  header: string;
}

export interface ExportTable {
  /** Used in file names, e.g. "communities". */
  name: string;
  title: string;
  columns: ExportColumn[];
  rows: Record<string, CsvValue | string[]>[];
}

export interface ExportContext {
  organisation: string;
  exportedAt: string;
  /** Filters in words, e.g. ["stage: active", "unit: Claims Processing"]. */
  filters: string[];
  minGroupSize: number;
}

export function tableToCsv(table: ExportTable): string {
  return toCsv(
    table.columns.map((column) => ({
      header: column.header,
      value: (row: ExportTable['rows'][number]) => {
        const value = row[column.key];
        return Array.isArray(value) ? value.join('; ') : value;
      },
    })),
    table.rows,
  );
}

export function tableToJson(table: ExportTable, context: ExportContext): string {
  return `${JSON.stringify(
    {
      format: 'constellation-boundaries-export',
      version: 1,
      title: table.title,
      ...context,
      columns: table.columns,
      rows: table.rows,
    },
    null,
    2,
  )}\n`;
}

/** A file name safe everywhere: "constellation-communities-2026-11-01.csv". */
export function exportFileName(table: Pick<ExportTable, 'name'>, day: string, ext: string) {
  const slug = table.name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
  return `constellation-${slug || 'export'}-${day}.${ext}`;
}
