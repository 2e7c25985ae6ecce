// CSV in RFC 4180 form: comma separated, CRLF line ends, a field quoted when it holds a comma,
// a quote, CR or LF, and quotes doubled inside. Written by hand rather than with a library:
// it is twenty lines, the rules are fixed, and the tests round-trip it through csv-parse.
// Feed text is untrusted, and spreadsheets run cells that start with = + - @ (or tab/CR) as
// formulas, so such text cells get a leading apostrophe (OWASP "CSV injection"); numbers are
// written as numbers and never altered.

export type CsvValue = string | number | boolean | null | undefined;

export interface CsvColumn<Row> {
  header: string;
  value: (row: Row) => CsvValue;
}

const FORMULA_START = /^[=+\-@\t\r]/;

export function csvField(value: CsvValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  const text = FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function toCsv<Row>(columns: readonly CsvColumn<Row>[], rows: readonly Row[]): string {
  const lines = [columns.map((column) => csvField(column.header)).join(',')];
  for (const row of rows)
    lines.push(columns.map((column) => csvField(column.value(row))).join(','));
  return `${lines.join('\r\n')}\r\n`;
}
