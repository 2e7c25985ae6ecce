// Shared harness for benchmarks in real Chromium: bundles a page module from test/bench/,
// serves it and any data files from 127.0.0.1, opens it in headless Chromium (nothing else
// resolves), calls one exported async function in the page and returns its result. Each
// suite (scripts/bench/<suite>.ts) measures its baseline in the same page, in the same run.
import { writeFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { chromium, type Page } from 'playwright-core';
import { chromiumExecutable, hostResolverRules } from '../chromium';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

export interface ServedFile {
  body: string | Uint8Array;
  contentType: string;
}

export interface PageBenchmark {
  /** Page module relative to the repository root, e.g. "test/bench/foundation.page.ts". */
  entry: string;
  /** The async function the module exports; called with `args` (JSON-serialisable). */
  exportName: string;
  args: unknown[];
  /** Extra files served at these paths, e.g. { "/feed.json": … }. */
  files?: Record<string, ServedFile>;
  /** Extra Chromium switches (e.g. --enable-precise-memory-info). */
  chromiumArgs?: string[];
  /** Called with the page before the benchmark function runs (e.g. to open CDP sessions). */
  beforeRun?: (page: Page, origin: string) => Promise<void>;
  /** Called with the page after the benchmark function returned; its answer is `after`. */
  afterRun?: (page: Page) => Promise<unknown>;
}

/** Reads `--name N` from the command line. */
export function numberOption(name: string, fallback: number): number {
  const at = process.argv.indexOf(`--${name}`);
  const value = at >= 0 ? Number(process.argv[at + 1]) : fallback;
  if (!Number.isInteger(value) || value <= 0) {
    throw new Error(`--${name} takes a positive whole number`);
  }
  return value;
}

/** Reads `--name a,b,c` from the command line: each value must be one of `allowed`. */
export function listOption<T extends string>(
  name: string,
  fallback: readonly T[],
  allowed: (value: string) => value is T,
  example: string,
): T[] {
  const at = process.argv.indexOf(`--${name}`);
  if (at < 0) return [...fallback];
  const values = (process.argv[at + 1] ?? '').split(',');
  if (!values.every(allowed)) throw new Error(`--${name} takes a list like ${example}`);
  return values;
}

/** Reads `--name on` or `--name off` from the command line. */
export function switchOption(name: string, fallback: boolean): boolean {
  const at = process.argv.indexOf(`--${name}`);
  if (at < 0) return fallback;
  const value = process.argv[at + 1];
  if (value !== 'on' && value !== 'off') throw new Error(`--${name} takes "on" or "off"`);
  return value === 'on';
}

export async function runPageBenchmark<T>(
  bench: PageBenchmark,
): Promise<{ result: T; browserVersion: string; after?: unknown }> {
  const bundle = await build({
    stdin: {
      contents: `import { ${bench.exportName} } from './${bench.entry}';
        Object.assign(globalThis, { ${bench.exportName} });`,
      resolveDir: ROOT,
      loader: 'ts',
    },
    bundle: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    // A CPU or heap profile (BENCH_CPU_PROFILE, BENCH_HEAP_PROFILE, below) keeps names readable.
    minify: !process.env.BENCH_CPU_PROFILE && !process.env.BENCH_HEAP_PROFILE,
    write: false,
    logLevel: 'error',
    jsx: 'automatic',
    jsxImportSource: 'preact',
    // Components import their stylesheets for the extension build; a page serves its own.
    loader: { '.css': 'empty' },
  });
  const files: Record<string, ServedFile> = {
    '/': {
      body: '<!doctype html><meta charset="utf-8"><title>bench</title><script type="module" src="/bench.js"></script>',
      contentType: 'text/html',
    },
    '/bench.js': { body: bundle.outputFiles[0]!.text, contentType: 'text/javascript' },
    ...bench.files,
  };
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const file = files[new URL(req.url ?? '/', 'http://x').pathname];
    if (!file) return void res.writeHead(404).end();
    // Pages run under the extension's own script policy (the MV3 default for extension pages):
    // no eval, no inline script, so what is measured here is what the extension can do.
    res
      .writeHead(200, {
        'content-type': file.contentType,
        'content-security-policy': "script-src 'self' 'wasm-unsafe-eval'; object-src 'self'",
      })
      .end(file.body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  const browser = await chromium.launch({
    executablePath: chromiumExecutable(),
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      // Nothing but 127.0.0.1 resolves: a benchmark can never reach the network.
      `--host-resolver-rules=${hostResolverRules()}`,
      ...(bench.chromiumArgs ?? []),
    ],
  });
  try {
    // A page of its own context: @axe-core/playwright (test/e2e/cards-axe.e2e.test.ts) needs one.
    const page = await (await browser.newContext()).newPage();
    page.on('crash', () => console.error('The benchmark page crashed (out of memory?).'));
    page.on('pageerror', (error) => console.error(`Page error: ${error.message}`));
    // BENCH_VERBOSE=1: the page's own console (where a long suite says which step it is at).
    if (process.env.BENCH_VERBOSE)
      page.on('console', (message) =>
        console.error(`[page ${new Date().toISOString().slice(11, 19)}] ${message.text()}`),
      );
    await page.route('**/*', (route) =>
      route.request().url().startsWith(origin) ? route.continue() : route.abort(),
    );
    await page.goto(origin);
    await page.waitForFunction((name) => name in globalThis, bench.exportName);
    await bench.beforeRun?.(page, origin);
    // BENCH_CPU_PROFILE=<file>: a CPU profile of the run. BENCH_HEAP_PROFILE=<file>: a sampling
    // heap profile that keeps what a major collection freed and drops what a minor one did, so
    // it shows where the old generation's garbage was allocated (what a sampled peak heap counts
    // beyond the live set).
    const cpuFile = process.env.BENCH_CPU_PROFILE;
    const heapFile = process.env.BENCH_HEAP_PROFILE;
    const cdp = cpuFile || heapFile ? await page.context().newCDPSession(page) : null;
    if (cdp && cpuFile) {
      await cdp.send('Profiler.enable');
      await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
      await cdp.send('Profiler.start');
    }
    if (cdp && heapFile) {
      await cdp.send('HeapProfiler.enable');
      await cdp.send('HeapProfiler.startSampling', {
        samplingInterval: 8192,
        includeObjectsCollectedByMajorGC: true,
        includeObjectsCollectedByMinorGC: false,
      });
    }
    const result = await page.evaluate(
      ([name, args]) =>
        (globalThis as unknown as Record<string, (...a: unknown[]) => Promise<unknown>>)[name]!(
          ...args,
        ),
      [bench.exportName, bench.args] as const,
    );
    if (cdp && cpuFile) {
      const { profile } = await cdp.send('Profiler.stop');
      writeFileSync(cpuFile, JSON.stringify(profile));
      console.log(`CPU profile written to ${cpuFile}`);
    }
    if (cdp && heapFile) {
      const { profile } = await cdp.send('HeapProfiler.stopSampling');
      writeFileSync(heapFile, JSON.stringify(profile));
      console.log(`Heap profile written to ${heapFile}`);
    }
    const after = await bench.afterRun?.(page);
    return { result: result as T, browserVersion: browser.version(), after };
  } finally {
    await browser.close();
    server.close();
  }
}

/** Prints rows as an aligned table (first row is the header). */
export function printTable(rows: string[][]): void {
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((row) => (row[i] ?? '').length)));
  for (const row of rows) console.log(row.map((cell, i) => cell.padEnd(widths[i]!)).join('  '));
}

export const ms = (value: number) => `${value.toFixed(1)} ms`;
export const ratio = (a: number, b: number) => (a / b).toFixed(2);
