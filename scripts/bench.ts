// `npm run bench`: runs the benchmark pages (test/bench/*.page.ts) in real headless Chromium
// against data served from 127.0.0.1, and prints medians and ratios against baselines taken
// in the same run. Options: --people N (default 10000), --runs N (default 5).
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { chromium } from 'playwright-core';
import { generateSyntheticFeed } from '../lib/demo/synthetic';
import type { FoundationResult } from '../test/bench/foundation.page';
import { chromiumExecutable, hostResolverRules } from './chromium';

function option(name: string, fallback: number): number {
  const at = process.argv.indexOf(`--${name}`);
  const value = at >= 0 ? Number(process.argv[at + 1]) : fallback;
  if (!Number.isInteger(value) || value <= 0)
    throw new Error(`--${name} takes a positive whole number`);
  return value;
}

const people = option('people', 10_000);
const runs = option('runs', 5);
const root = fileURLToPath(new URL('..', import.meta.url));

console.log(`Generating a synthetic feed of ${people.toLocaleString('en')} people…`);
const feedText = JSON.stringify(generateSyntheticFeed({ people, seed: 42 }));

const bundle = await build({
  stdin: {
    contents: `import { runFoundationBench } from './test/bench/foundation.page.ts';
      Object.assign(globalThis, { runFoundationBench });`,
    resolveDir: root,
    loader: 'ts',
  },
  bundle: true,
  format: 'esm',
  platform: 'browser',
  target: 'es2022',
  minify: true,
  write: false,
  logLevel: 'error',
});
const script = bundle.outputFiles[0]!.text;

const server = createServer((req, res) => {
  if (req.url === '/feed.json')
    res.writeHead(200, { 'content-type': 'application/json' }).end(feedText);
  else if (req.url === '/bench.js')
    res.writeHead(200, { 'content-type': 'text/javascript' }).end(script);
  else if (req.url === '/') {
    res
      .writeHead(200, { 'content-type': 'text/html' })
      .end('<!doctype html><title>bench</title><script type="module" src="/bench.js"></script>');
  } else res.writeHead(404).end();
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
    // Nothing but 127.0.0.1 resolves: the benchmark can never reach the network.
    `--host-resolver-rules=${hostResolverRules()}`,
  ],
});
try {
  const page = await browser.newPage();
  page.on('crash', () => console.error('The benchmark page crashed (out of memory?).'));
  page.on('pageerror', (error) => console.error(`Page error: ${error.message}`));
  await page.route('**/*', (route) =>
    route.request().url().startsWith(origin) ? route.continue() : route.abort(),
  );
  await page.goto(origin);
  await page.waitForFunction(() => 'runFoundationBench' in globalThis);
  console.log(`Running in ${browser.version()} (${runs} runs each, medians)…\n`);
  const result = await page.evaluate(
    ([url, n]) =>
      (
        globalThis as unknown as {
          runFoundationBench: (u: string, r: number) => Promise<FoundationResult>;
        }
      ).runFoundationBench(url, n),
    [`${origin}/feed.json`, runs] as const,
  );
  report(result);
} finally {
  await browser.close();
  server.close();
}

function report(r: FoundationResult): void {
  const ms = (v: number) => `${v.toFixed(1)} ms`;
  const ratio = (a: number, b: number) => (a / b).toFixed(2);
  console.log(
    `Feed: ${r.people.toLocaleString('en')} people, ${r.memberships.toLocaleString('en')} memberships, ${(r.bytes / 1e6).toFixed(2)} MB\n`,
  );
  const rows: [string, string, string, string, string][] = [
    ['measure', 'time', 'baseline', 'ratio', 'goal'],
    [
      'validate vs JSON.parse',
      ms(r.validateMs),
      ms(r.jsonParseMs),
      ratio(r.validateMs, r.jsonParseMs),
      '≤ 3.0',
    ],
    [
      'ingest (validated feed → DB) vs raw bulkPut',
      ms(r.writeMs),
      ms(r.rawBulkPutMs),
      ratio(r.writeMs, r.rawBulkPutMs),
      '≤ 2.0',
    ],
    [
      'ingest (bytes → DB) vs raw bulkPut',
      ms(r.ingestMs),
      ms(r.rawBulkPutMs),
      ratio(r.ingestMs, r.rawBulkPutMs),
      '(reported)',
    ],
  ];
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((row) => row[i]!.length)));
  for (const row of rows) console.log(row.map((cell, i) => cell.padEnd(widths[i]!)).join('  '));
}
