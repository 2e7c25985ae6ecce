// The validator's fast path (lib/model/precompiled.ts): zod's compiled record parsers, built
// from code generated ahead of time, so they work where eval is refused (the extension CSP).
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { FEED_LISTS, RECORD_SCHEMAS, type FeedList } from '../../../lib/model/feed';
import {
  compiledRecordSchemas,
  generatedTable,
  withGeneratedCode,
  type Factory,
} from '../../../lib/model/precompiled';
import { precompiledSource } from '../../../lib/model/precompiled-source';
import { installedZodVersion } from '../../../scripts/compile-schemas';

const GENERATED_FILE = new URL('../../../lib/model/precompiled.generated.ts', import.meta.url);
const demo = JSON.parse(
  readFileSync(new URL('../../../public/demo-feed.json', import.meta.url), 'utf8'),
) as Record<FeedList, Record<string, unknown>[]>;

const realFunction = globalThis.Function;
afterEach(() => {
  globalThis.Function = realFunction;
  vi.resetModules();
});

describe('precompiled record parsers', () => {
  it('the zod-free list of lists (lib/model/lists.ts) names every schema, in document order', () => {
    expect(Object.keys(RECORD_SCHEMAS)).toEqual(FEED_LISTS);
  });

  it('the generated code matches feed.ts and the installed zod (run `npm run compile-schemas`)', () => {
    expect(readFileSync(GENERATED_FILE, 'utf8')).toBe(precompiledSource(installedZodVersion()));
  });

  it('gives every record list its fast path where eval is refused, and never evaluates text', async () => {
    let evals = 0;
    globalThis.Function = function refused() {
      evals++;
      throw new EvalError('Refused to evaluate a string as JavaScript (CSP)');
    } as unknown as FunctionConstructor;
    vi.resetModules();
    const fresh = await import('../../../lib/model/precompiled');
    const compiled = fresh.compiledRecordSchemas();
    expect(compiled.interpreted).toEqual([]);
    expect(evals).toBe(0);
    for (const list of FEED_LISTS) expect(compiled.schemas[list]).not.toBe(RECORD_SCHEMAS[list]);
    // And the fast path answers: a demo record parses without the interpreter's help.
    const person = compiled.schemas.people.safeParse(demo.people[0]);
    expect(person.success).toBe(true);
    // What compiling found in place (the refusing Function) is back in place.
    expect(globalThis.Function).not.toBe(realFunction);
  });

  it('builds the compiled parser from the generated code only', () => {
    const table = generatedTable();
    let built = 0;
    const counted = new Map<string, Factory>(
      [...table].map(([key, factory]) => [
        key,
        (...constants: unknown[]) => {
          built++;
          return factory(...constants);
        },
      ]),
    );
    expect(withGeneratedCode(RECORD_SCHEMAS.memberships, counted)).toBeDefined();
    expect(built).toBeGreaterThan(0);
  });

  it('keeps the interpreter for a schema whose code was not generated (stale table)', () => {
    expect(withGeneratedCode(RECORD_SCHEMAS.people, new Map())).toBeUndefined();
    expect(globalThis.Function).toBe(realFunction);
  });

  it('parses and reports exactly as the interpreter, on valid and broken records alike', () => {
    const { schemas } = compiledRecordSchemas();
    const junk = fc.oneof(
      fc.constantFrom(
        undefined,
        null,
        '',
        ' ',
        '  padded  ',
        'a b',
        'x'.repeat(201),
        0,
        3,
        6,
        2.5,
        true,
        [],
        {},
      ),
      fc.constantFrom(
        'https://example.org/a',
        'http://localhost:8080/x',
        'javascript:alert(1)',
        'ftp://x.org',
      ),
      fc.constantFrom('2024-02-29', '2023-02-29', '2024-13-01', 'Europe/Berlin', 'Mars/Olympus'),
      fc.constantFrom(
        'a@b.org',
        'not-an-email',
        'github.com',
        'bad host',
        'core',
        'boundary',
        'dispersed',
      ),
      fc.jsonValue({ maxDepth: 2 }),
      fc.string(),
    );
    fc.assert(
      fc.property(
        fc.constantFrom(...FEED_LISTS),
        fc.nat(),
        fc.array(fc.tuple(fc.nat(), fc.oneof(fc.string({ maxLength: 12 }), fc.nat()), junk), {
          maxLength: 4,
        }),
        (list, at, edits) => {
          const record = structuredClone<Record<string, unknown>>(
            demo[list][at % demo[list].length]!,
          );
          const fields = Object.keys(record);
          for (const [pick, extra, value] of edits) {
            // Mostly a field the schema knows, sometimes an unknown one (to be stripped).
            const key = typeof extra === 'number' ? fields[pick % fields.length]! : extra;
            if (value === undefined && pick % 2) delete record[key];
            else record[key] = value;
          }
          const fast = schemas[list].safeParse(record);
          const slow = RECORD_SCHEMAS[list].safeParse(record);
          expect(fast.success).toBe(slow.success);
          if (fast.success && slow.success) {
            expect(fast.data).toEqual(slow.data);
            expect(JSON.stringify(fast.data)).toBe(JSON.stringify(slow.data)); // key order too
          } else {
            expect(fast.error?.issues).toEqual(slow.error?.issues);
          }
        },
      ),
      { numRuns: 1500 },
    );
  });
});
