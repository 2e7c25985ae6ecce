// Tiny templates that build feed values from CSV cells: "gh-{GitHub login|lower}".
// Text outside braces is literal; "{column}" is a cell, trimmed; filters follow "|".
// A template whose cells are all non-empty yields a value; otherwise it yields nothing,
// which lets a mapping list alternatives ("gh-{login|lower}", "name-{name|slug}").
import { slug } from './source';

const FILTERS = {
  lower: (v: string) => v.toLowerCase(),
  upper: (v: string) => v.toUpperCase(),
  slug,
  /** Drops reStructuredText/Markdown backslash escapes: "R\. David" → "R. David". */
  unescape: (v: string) => v.replace(/\\(.)/g, '$1'),
} as const;

export type FilterName = keyof typeof FILTERS;

interface Part {
  literal?: string;
  column?: string;
  filters?: FilterName[];
}

export interface Template {
  source: string;
  parts: Part[];
  columns: string[];
}

export type TemplateParse = { ok: true; template: Template } | { ok: false; message: string };

export function parseTemplate(source: string): TemplateParse {
  const parts: Part[] = [];
  const columns: string[] = [];
  let i = 0;
  while (i < source.length) {
    const open = source.indexOf('{', i);
    if (open < 0) {
      parts.push({ literal: source.slice(i) });
      break;
    }
    if (open > i) parts.push({ literal: source.slice(i, open) });
    const close = source.indexOf('}', open);
    if (close < 0) return { ok: false, message: `unclosed "{" in template "${source}"` };
    const [column, ...filters] = source
      .slice(open + 1, close)
      .split('|')
      .map((s) => s.trim());
    if (!column) return { ok: false, message: `empty "{}" in template "${source}"` };
    for (const filter of filters) {
      // Own names only: "toString" or "__proto__" are `in` every object.
      if (!Object.hasOwn(FILTERS, filter)) {
        return {
          ok: false,
          message: `unknown filter "${filter}" in template "${source}" (known: ${Object.keys(FILTERS).join(', ')})`,
        };
      }
    }
    parts.push({ column, filters: filters as FilterName[] });
    columns.push(column);
    i = close + 1;
  }
  return { ok: true, template: { source, parts, columns } };
}

/** The template's value for a row, or undefined when one of its cells is empty. */
export function renderTemplate(
  template: Template,
  cell: (column: string) => string | undefined,
): string | undefined {
  let out = '';
  for (const part of template.parts) {
    if (part.literal !== undefined) {
      out += part.literal;
      continue;
    }
    let value = cell(part.column!)?.trim();
    if (!value) return undefined;
    for (const filter of part.filters ?? []) value = FILTERS[filter](value);
    if (!value) return undefined;
    out += value;
  }
  return out.trim() || undefined;
}
