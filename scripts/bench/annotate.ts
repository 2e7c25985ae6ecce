// Page annotation benchmark (issue 4): scan + match on large real pages (the corpus
// Wikipedia article and GitHub PR) with a 10k-person, 2k-topic vocabulary, against a bare
// TreeWalker pass and a one-regex-per-term highlighter measured in the same run; 1k vs 20k
// topics; long tasks of the whole annotator; the gzip size of the content script.
// `npm run bench -- --suite annotate [--runs N]`
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { generateSyntheticFeed } from '../../lib/demo/synthetic';
import type { VocabularyTopic } from '../../lib/match/vocabulary';
import type { AnnotateBenchResult } from '../../test/bench/annotate.page';
import { builtExtensionDir } from '../../test/e2e/support/extension';
import { numberOption, printTable, ratio, runPageBenchmark } from './harness';

/** Milliseconds with enough digits for sub-millisecond text passes. */
const ms = (value: number) => `${value < 1 ? value.toFixed(3) : value.toFixed(1)} ms`;

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const CORPUS = `${ROOT}../shared/corpus/pages/`;

const PAGES = [
  {
    name: 'Wikipedia article "Microsoft" (MediaWiki)',
    file: 'mediawiki/wikipedia-article--markitdown-test.html',
    url: 'https://en.wikipedia.org/wiki/Microsoft',
  },
  {
    name: 'GitHub PR conversation sourcegraph#3221',
    file: 'github/pr-conversation--sourcegraph-3221.html',
    url: 'https://github.com/sourcegraph/sourcegraph/pull/3221',
  },
];

/** Real-world terms likely on the pages, so the matcher also finds things. */
const EXTRA_TERMS = [
  ['Redis', 'redis server'],
  ['Windows', 'Win32'],
  ['Azure', 'Microsoft Azure'],
  ['Xbox'],
  ['Cloud Computing', 'cloud'],
  ['Artificial Intelligence', 'AI'],
  ['Kubernetes', 'k8s'],
  ['PostgreSQL', 'Postgres'],
  ['TypeScript', 'TS'],
  ['Go', 'golang'],
  ['Docker'],
  ['Linux'],
];

function vocabulary(topicCount: number): VocabularyTopic[] {
  const feed = generateSyntheticFeed({ people: 10_000, topics: topicCount, seed: 7 });
  const topics: VocabularyTopic[] = feed.topics.map((t) => ({
    feedId: feed.feedId,
    id: t.id,
    label: t.label,
    terms: [t.label, ...(t.aliases ?? [])],
    communities: ['Bench Guild'],
  }));
  EXTRA_TERMS.forEach((terms, i) =>
    topics.push({
      feedId: feed.feedId,
      id: `t-extra-${i}`,
      label: terms[0]!,
      terms,
      communities: ['Bench Guild'],
    }),
  );
  return topics;
}

function contentScriptGzip(): number | undefined {
  // The same build test/e2e/support/extension.ts reads ($CONSTELLATION_OUT_DIR may be absolute).
  const file = join(builtExtensionDir(), 'content-scripts/content.js');
  return existsSync(file) ? gzipSync(readFileSync(file), { level: 9 }).length : undefined;
}

export async function benchAnnotate(): Promise<void> {
  const runs = numberOption('runs', 5);
  const vocabularies = {
    '1k': vocabulary(1_000),
    '2k': vocabulary(2_000),
    '20k': vocabulary(20_000),
  };
  const terms = (name: keyof typeof vocabularies) =>
    vocabularies[name].reduce((n, t) => n + t.terms.length, 0);
  console.log(
    `\n## Annotation: 10,000-person synthetic feed; vocabularies of ${vocabularies['1k'].length}, ` +
      `${vocabularies['2k'].length} and ${vocabularies['20k'].length} topics ` +
      `(${terms('1k')}, ${terms('2k')}, ${terms('20k')} terms)`,
  );
  for (const page of PAGES) {
    const { result: r, browserVersion } = await runPageBenchmark<AnnotateBenchResult>({
      entry: 'test/bench/annotate.page.ts',
      exportName: 'runAnnotateBench',
      args: [{ pageUrl: page.url, htmlPath: '/page.html', vocabularies, main: '2k', runs }],
      files: {
        '/page.html': { body: readFileSync(CORPUS + page.file, 'utf8'), contentType: 'text/html' },
      },
    });
    console.log(
      `\n### ${page.name}\nChromium ${browserVersion}, ${runs} runs (medians). Adapter ${r.adapter}: ` +
        `${r.regions} prose regions, ${r.textNodes.toLocaleString('en')} text nodes, ` +
        `${r.textChars.toLocaleString('en')} characters, ${r.people} people elements; ` +
        `hits with 2k topics: ${r.hits['2k']}; text-pass timings are per pass, ${r.reps} passes per sample\n`,
    );
    const longest = r.longTasks.length ? Math.max(...r.longTasks) : 0;
    printTable([
      ['measure', 'time', 'baseline', 'ratio', 'goal'],
      [
        'scan + match (2k topics) vs bare TreeWalker pass',
        ms(r.scanMatchMs['2k']!),
        ms(r.treeWalkerMs),
        ratio(r.scanMatchMs['2k']!, r.treeWalkerMs),
        '≤ 3.0',
      ],
      [
        'shared normalisation of all prose text (upper bound) vs bare TreeWalker pass',
        ms(r.normalizeMs),
        ms(r.treeWalkerMs),
        ratio(r.normalizeMs, r.treeWalkerMs),
        '(reported)',
      ],
      [
        'scan + match: 20k topics vs 1k topics',
        ms(r.scanMatchMs['20k']!),
        ms(r.scanMatchMs['1k']!),
        ratio(r.scanMatchMs['20k']!, r.scanMatchMs['1k']!),
        '≤ 1.5',
      ],
      [
        `matching vs one regex per term (mark.js-style, ${terms('2k')} regexes, ${r.markjsRuns} runs)`,
        ms(r.scanMatchMs['2k']!),
        ms(r.markjsMs),
        ratio(r.scanMatchMs['2k']!, r.markjsMs),
        '≤ 0.05',
      ],
      ['people elements (adapter, whole document)', ms(r.peopleScanMs), '', '', '(reported)'],
      [
        'compile matcher: 2k / 20k topics (once per page)',
        ms(r.compileMs['2k']!),
        ms(r.compileMs['20k']!),
        '',
        '(reported)',
      ],
      [
        `whole annotator, 2k / 20k topics (${r.highlights} highlights, sliced)`,
        ms(r.annotateMs),
        ms(r.annotate20kMs),
        '',
        '(reported)',
      ],
      [
        'long tasks during both annotator runs (> 50 ms)',
        `${r.longTasks.length}`,
        '',
        longest ? `longest ${ms(longest)}` : 'none',
        '0',
      ],
      [
        'longest main-thread task during both annotator runs (heartbeat)',
        ms(r.longestTaskMs),
        '',
        '',
        '< 50 ms',
      ],
    ]);
  }
  const gzip = contentScriptGzip();
  console.log(
    `\nContent script (loads on every enabled page), gzip -9: ${gzip === undefined ? 'not built (run npx wxt build first)' : `${(gzip / 1024).toFixed(1)} kB`} (goal < 35 kB)`,
  );
}
