// Reading YAML inputs (Backstage catalogs, sigs.yaml, build configs) safely: every document
// of a multi-document stream, each with a way to find the line of any value in it, and with
// alias expansion capped so that a "billion laughs" file is refused in milliseconds instead
// of exhausting memory. Problems come back as values with file:line:column.
import { isNode, LineCounter, parseAllDocuments, visit, type Document } from 'yaml';
import { problemAt, type SourceProblem } from './source';

/** More aliases than this in one document is refused; real catalogs use a handful. */
export const MAX_YAML_ALIASES = 100;

export interface YamlDocument {
  value: unknown;
  /** Line and column of the value at `path` (e.g. ["sigs", 3, "name"]), or of its nearest
   * existing ancestor, or of the document. */
  locate(path: readonly (string | number)[]): { line: number; column: number };
}

export interface YamlLoadResult {
  documents: YamlDocument[];
  problems: SourceProblem[];
}

export function loadYaml(text: string, file: string): YamlLoadResult {
  const lineCounter = new LineCounter();
  const problems: SourceProblem[] = [];
  const documents: YamlDocument[] = [];
  let parsed: ReturnType<typeof parseAllDocuments>;
  try {
    // YAML breaks lines at LF, CRLF or a lone CR; the library knows the first two. A lone CR
    // becomes LF, one character for one, so every offset and line stays where it was.
    const lines = text.includes('\r') ? text.replace(/\r(?!\n)/g, '\n') : text;
    parsed = parseAllDocuments(lines, {
      lineCounter,
      prettyErrors: false,
      uniqueKeys: true,
      // The core schema: plain YAML 1.2 values, no custom tags, no "<<" merge keys.
      schema: 'core',
    });
  } catch (error) {
    return {
      documents,
      problems: [problemAt('error', { file, line: 1 }, `cannot read YAML: ${describe(error)}`)],
    };
  }
  if (!Array.isArray(parsed)) return { documents, problems };

  const position = (offset: number) => {
    const { line, col } = lineCounter.linePos(offset);
    return { line, column: col };
  };
  for (const doc of parsed) {
    if (doc.errors.length > 0) {
      for (const error of doc.errors) {
        problems.push(
          problemAt(
            'error',
            { file, ...position(error.pos[0]) },
            `YAML: ${firstLine(error.message)}`,
          ),
        );
      }
      continue;
    }
    let value: unknown;
    try {
      value = doc.toJS({ maxAliasCount: MAX_YAML_ALIASES });
    } catch (error) {
      const at = firstAliasOffset(doc);
      const message = /alias/i.test(describe(error))
        ? `too many YAML aliases (more than ${MAX_YAML_ALIASES} expansions): refusing what looks like an alias bomb`
        : `cannot read YAML: ${describe(error)}`;
      problems.push(problemAt('error', { file, ...position(at) }, message));
      continue;
    }
    const docStart =
      doc.contents && isNode(doc.contents) && doc.contents.range ? doc.contents.range[0] : 0;
    documents.push({
      value,
      locate(path) {
        // A missing value (a required field left out) is reported at its nearest ancestor.
        for (let depth = path.length; depth > 0; depth--) {
          const node: unknown = doc.getIn(path.slice(0, depth), true);
          if (isNode(node) && node.range) return position(node.range[0]);
        }
        return position(docStart);
      },
    });
  }
  return { documents, problems };
}

function firstAliasOffset(doc: Document): number {
  let offset = 0;
  visit(doc, {
    Alias(_key, node) {
      offset = node.range?.[0] ?? 0;
      return visit.BREAK;
    },
  });
  return offset;
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function firstLine(message: string): string {
  return message.split('\n')[0]!.trim();
}
