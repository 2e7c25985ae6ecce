// Fast record parsing without eval. Zod's ahead-of-time compiler (`compile`, zod ≥ 4.6) turns a
// schema into straight-line code that parses a valid record 4–10× faster than zod's
// interpreter, and hands any record it does not accept to the interpreter, so problems are
// reported exactly as before. It builds that code with `new Function`, which the extension's
// CSP forbids (DESIGN.md: zod runs jitless). So the code is generated ahead of time
// (`npm run compile-schemas` writes lib/model/precompiled.generated.ts from feed.ts), and while
// the schemas are compiled here, zod's request for a function is answered from that table: for
// the exact source zod asks for and nothing else. A schema whose source is not in the table
// (feed.ts changed without regenerating, another zod version) keeps the interpreter: slower,
// never wrong. test/unit/model/precompiled.test.ts fails when the table is stale.
import { compile } from 'zod/v4/core';
import { RECORD_SCHEMAS, type FeedList } from './feed';
import { GENERATED } from './precompiled.generated';

/** Joins the arguments zod passes to `Function` (parameter names, then body) into a table key. */
export const KEY_SEPARATOR = '\u0000';

export type Factory = (...constants: unknown[]) => unknown;

export interface CompiledRecordSchemas {
  schemas: typeof RECORD_SCHEMAS;
  /** Lists whose schema found no generated code and runs on zod's interpreter. */
  interpreted: FeedList[];
}

let cached: CompiledRecordSchemas | undefined;

/** The generated code, by the arguments zod passes to `Function`. */
export function generatedTable(): Map<string, Factory> {
  return new Map<string, Factory>(GENERATED as [string, Factory][]);
}

/** The record schemas with their generated fast paths installed (compiled once, on first use). */
export function compiledRecordSchemas(): CompiledRecordSchemas {
  if (cached) return cached;
  const table = generatedTable();
  const schemas = { ...RECORD_SCHEMAS } as Record<FeedList, unknown>;
  const interpreted: FeedList[] = [];
  for (const list of Object.keys(RECORD_SCHEMAS) as FeedList[]) {
    const fast = withGeneratedCode(RECORD_SCHEMAS[list], table);
    if (fast) schemas[list] = fast;
    else interpreted.push(list);
  }
  if (interpreted.length > 0) {
    // Still correct, only slower: say why and what fixes it, once.
    console.warn(
      `Constellation: no generated fast path for ${interpreted.join(', ')}; validating with zod's interpreter. ` +
        'Run `npm run compile-schemas` after changing lib/model/feed.ts or upgrading zod.',
    );
  }
  cached = { schemas: schemas as typeof RECORD_SCHEMAS, interpreted };
  return cached;
}

/**
 * `schema` with zod's compiled fast path, built from the generated code in `table`, or
 * undefined when zod asks for code the table does not have. Never evaluates source text.
 */
export function withGeneratedCode<T extends Parameters<typeof compile>[0]>(
  schema: T,
  table: ReadonlyMap<string, Factory>,
): T | undefined {
  const global = globalThis as { Function: unknown };
  const original = global.Function;
  // Called with `new` by zod, like the Function constructor: returning a function from a
  // constructor makes `new` evaluate to it.
  global.Function = function generated(...args: string[]) {
    const factory = table.get(args.join(KEY_SEPARATOR));
    if (!factory) throw new EvalError('no generated code for this schema');
    return factory;
  };
  try {
    return compile(schema, { strict: true });
  } catch {
    return undefined;
  } finally {
    global.Function = original;
  }
}
