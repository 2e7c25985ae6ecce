// A small reader for the reStructuredText constructs an experts index uses: section titles
// (with or without overline), simple tables ("====  ====" borders, continuation lines) and
// list-tables ("* - cell"). Not a general rST parser: anything else is skipped. Every row
// keeps the line it starts on, for file:line messages.

export interface RstTable {
  /** Section titles from the outermost to the innermost around the table. */
  sections: string[];
  header: string[] | null;
  rows: { cells: string[]; line: number }[];
  line: number;
}

const ADORNMENT = /^([=\-~^"'`#*+:.])\1{2,}\s*$/;
const SIMPLE_BORDER = /^(\s*)(=+)( +=+)+\s*$/;

export function readRstTables(text: string, listTableHeaderRows?: number): RstTable[] {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  const tables: RstTable[] = [];
  const styles: string[] = []; // adornment styles in order of first use = section levels
  const sections: string[] = [];
  let i = 0;
  while (i < lines.length) {
    const line = lines[i]!;
    const next = lines[i + 1] ?? '';
    // Title with overline: ADORNMENT / text / same ADORNMENT.
    if (
      ADORNMENT.test(line) &&
      !SIMPLE_BORDER.test(line) &&
      next.trim() &&
      lines[i + 2]?.trim() === line.trim()
    ) {
      enterSection(styles, sections, `o${line.trim()[0]}`, next.trim());
      i += 3;
      continue;
    }
    if (
      line.trim() &&
      !/^\s/.test(line) &&
      ADORNMENT.test(next) &&
      !SIMPLE_BORDER.test(next) &&
      next.trim().length >= line.trim().length
    ) {
      enterSection(styles, sections, `u${next.trim()[0]}`, line.trim());
      i += 2;
      continue;
    }
    if (SIMPLE_BORDER.test(line)) {
      const read = readSimpleTable(lines, i);
      tables.push({ ...read.table, sections: [...sections] });
      i = read.next;
      continue;
    }
    if (/^\s*\.\. list-table::/.test(line)) {
      const read = readListTable(lines, i, listTableHeaderRows);
      tables.push({ ...read.table, sections: [...sections] });
      i = read.next;
      continue;
    }
    i++;
  }
  return tables;
}

function enterSection(styles: string[], sections: string[], style: string, title: string): void {
  let level = styles.indexOf(style);
  if (level < 0) {
    styles.push(style);
    level = styles.length - 1;
  }
  sections.length = Math.min(sections.length, level);
  sections[level] = title;
}

type Read = { table: Omit<RstTable, 'sections'>; next: number };

function readSimpleTable(lines: string[], start: number): Read {
  const border = lines[start]!;
  // Column starts are where each run of "=" begins; the last column runs to the line's end.
  const starts: number[] = [];
  for (let c = 0; c < border.length; c++)
    if (border[c] === '=' && (c === 0 || border[c - 1] === ' ')) starts.push(c);
  const split = (text: string) =>
    starts.map((s, k) => text.slice(s, k + 1 < starts.length ? starts[k + 1] : undefined).trim());
  const segments: { cells: string[]; line: number }[][] = [[]];
  let i = start + 1;
  for (; i < lines.length; i++) {
    const line = lines[i]!;
    if (SIMPLE_BORDER.test(line)) {
      // A border followed by a blank line (or the end) closes the table.
      if (!(lines[i + 1] ?? '').trim()) {
        i++;
        break;
      }
      segments.push([]);
      continue;
    }
    if (!line.trim()) continue;
    const cells = split(line);
    const rows = segments[segments.length - 1]!;
    const previous = rows[rows.length - 1];
    if (!cells[0] && previous) {
      // Blank first column: a continuation of the previous row.
      cells.forEach((cell, k) => {
        if (cell) previous.cells[k] = previous.cells[k] ? `${previous.cells[k]} ${cell}` : cell;
      });
    } else rows.push({ cells, line: i + 1 });
  }
  const header = segments.length > 1 ? (segments[0]![0]?.cells ?? null) : null;
  const rows = segments.length > 1 ? segments.slice(1).flat() : segments[0]!;
  return { table: { header, rows, line: start + 1 }, next: i };
}

function readListTable(lines: string[], start: number, headerRowsOverride?: number): Read {
  let i = start + 1;
  let headerRows = 0;
  for (; i < lines.length && /^\s+:[\w-]+:/.test(lines[i]!); i++) {
    const m = /^\s+:header-rows:\s*(\d+)/.exec(lines[i]!);
    if (m) headerRows = Number(m[1]);
  }
  if (headerRowsOverride !== undefined) headerRows = headerRowsOverride;
  const rows: { cells: string[]; line: number }[] = [];
  for (; i < lines.length; i++) {
    const line = lines[i]!;
    if (!line.trim()) continue;
    if (!/^\s/.test(line)) break; // back at the left margin: the directive ended
    const row = /^\s*\*\s+-\s+(.*)$/.exec(line);
    const cell = /^\s*-\s+(.*)$/.exec(line);
    const current = rows[rows.length - 1];
    if (row) rows.push({ cells: [row[1]!.trim()], line: i + 1 });
    else if (cell && current) current.cells.push(cell[1]!.trim());
    else if (current) {
      const last = current.cells.length - 1;
      current.cells[last] = `${current.cells[last]} ${line.trim()}`.trim();
    }
  }
  const header = headerRows > 0 ? (rows[0]?.cells ?? null) : null;
  return { table: { header, rows: rows.slice(headerRows), line: start + 1 }, next: i };
}
