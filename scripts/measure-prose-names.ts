// False positives of "full names in page text" (issue 14, item 3) on the saved real pages of
// ../shared/corpus/pages/, with the code the extension runs: a fake-indexeddb database holding
// the real-pages test feed (the people those pages name, test/e2e/support/real-pages.ts) and a
// synthetic directory of realistic names (lib/demo/synthetic.ts), the background's vocabulary
// with the option on (hashes of the full names that name one person), each page's adapter and
// prose regions as the annotator takes them, the content script's prose-name finder, and the
// background's exact resolution. A mark is a true positive when it is a person of the pages'
// feed (the person the page talks about), a false positive when it is a synthetic colleague
// who merely shares the name. Beside the synthetic names (a few given and family names per
// culture, so many repeat and are left out as ambiguous), the directory holds real people's
// names read in place from the shared corpus: the Kubernetes SIG leads and chairs
// (kubernetes-community/sigs.yaml) and CPython's core team (python-devguide/core-team/
// core-team.csv), as a real organisation's directory would — common names included.
// A mark of one of those is printed by name, to be judged by hand (the page may really be
// about that person).
//   npx tsx scripts/measure-prose-names.ts [--people 10000] [--seed 1]
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { createProseNameFinder } from '../lib/annotate/prose-people';
import { TOPIC_SKIP } from '../lib/annotate/scan';
import { compileSkip } from '../lib/annotate/skip';
import type { AnnotateClient } from '../lib/annotate/client';
import { annotateResolve, annotateVocabulary } from '../lib/background/annotate';
import { replaceFeed } from '../lib/db/ingest';
import { generateSyntheticFeed } from '../lib/demo/synthetic';
import { identityKeys, resolveIdentity } from '../lib/match/identity';
import { validateFeed } from '../lib/model/validate';
import { detectSite } from '../lib/sites';
import { NEVER_TOUCH } from '../lib/sites/dom';
import { REAL_PAGES_FEED } from '../test/e2e/support/real-pages';
import { emptyTestDb } from '../test/fixtures/test-db';
import { loadPage } from '../test/unit/sites/load-page';
import { TEST_PAGES } from '../test/unit/sites/pages';

const { values } = parseArgs({
  options: { people: { type: 'string', default: '10000' }, seed: { type: 'string', default: '1' } },
});
const people = Number(values.people);
const seed = Number(values.seed);

const CORPUS = new URL('../../shared/corpus/', import.meta.url);

/** Real people's names from the corpus (read in place), as a directory feed. */
function realDirectory(): unknown {
  const names = new Map<string, string>();
  const sigs = readFileSync(new URL('kubernetes-community/sigs.yaml', CORPUS), 'utf8');
  for (const m of sigs.matchAll(/github:\s*(\S+)\s*\n\s*name:\s*(.+)/g))
    names.set(m[1]!.toLowerCase(), m[2]!.trim());
  const core = readFileSync(new URL('python-devguide/core-team/core-team.csv', CORPUS), 'utf8');
  for (const line of core.split('\n')) {
    const [name, github] = line.split(',');
    if (name && github) names.set(github.toLowerCase(), name.trim());
  }
  return {
    format: 'constellation-feed',
    version: 1,
    feedId: 'directory-real',
    generatedAt: '2026-12-01T10:00:00Z',
    organization: { name: 'Directory' },
    units: [{ id: 'eng', name: 'Engineering' }],
    people: [...names].map(([github, name], i) => ({
      id: `r-${i}`,
      name,
      unit: 'eng',
      handles: { 'github.com': `dir-${github}` },
    })),
    topics: [],
    communities: [],
    memberships: [],
    expertise: [],
  };
}

async function main(): Promise<void> {
  const db = emptyTestDb();
  for (const input of [REAL_PAGES_FEED, generateSyntheticFeed({ people, seed }), realDirectory()]) {
    const result = validateFeed(input);
    if (!result.ok) throw new Error(result.error.reason);
    await replaceFeed(db, result.feed, {
      source: 'url',
      now: new Date('2026-12-03T12:00:00Z'),
    });
  }
  const vocabulary = (await annotateVocabulary(db, undefined, { namesInProse: true })).vocabulary!;
  const client = { vocabulary: async () => vocabulary } as unknown as AnnotateClient;
  console.log(
    `Directory: ${people} synthetic people (seed ${seed}), real names from the corpus, the ` +
      `real-pages feed; ` +
      `${vocabulary.personNames?.length ?? 0} full names that name one person\n`,
  );
  const rows: string[][] = [
    ['page', 'prose words', 'name marks', 'pages’ people', 'directory people', 'directory names'],
  ];
  const total = { words: 0, marks: 0, truePositives: 0, falsePositives: 0 };
  for (const page of TEST_PAGES.filter((p) => p.corpus)) {
    const loaded = loadPage(page.file, page.url);
    const { adapter } = detectSite(loaded.url, loaded.document);
    const skip = [adapter.chrome, adapter.excluded, NEVER_TOUCH].filter(Boolean).join(',');
    const mentions = adapter.people(loaded.document, loaded.url).filter((m) => m.badge);
    const regions = adapter.proseRegions(loaded.document).filter((r) => !r.closest(skip));
    const words = regions.reduce(
      (n, r) => n + (r.textContent ?? '').split(/\s+/).filter(Boolean).length,
      0,
    );
    const finder = createProseNameFinder(
      client,
      compileSkip([TOPIC_SKIP, adapter.chrome, adapter.excluded].filter(Boolean).join(',')),
    );
    const hits = await finder(regions, mentions, async () => {});
    const query = {
      handles: [],
      emails: [],
      names: hits.flatMap((h) => identityKeys(h.identity).names),
    };
    const answer = await annotateResolve(db, query);
    let truePositives = 0;
    const falseNames: string[] = [];
    let marks = 0;
    for (const hit of hits) {
      const person = resolveIdentity(identityKeys(hit.identity), answer);
      if (!person) continue;
      marks++;
      if (person.feedId === REAL_PAGES_FEED.feedId) truePositives++;
      else falseNames.push(hit.identity.names[0]!);
    }
    rows.push([
      page.name,
      String(words),
      String(marks),
      String(truePositives),
      String(falseNames.length),
      [...new Set(falseNames)].join(', ') || '–',
    ]);
    total.words += words;
    total.marks += marks;
    total.truePositives += truePositives;
    total.falsePositives += falseNames.length;
    await loaded.close();
  }
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
  for (const row of rows) console.log(row.map((c, i) => c.padEnd(widths[i]!)).join('  '));
  const rate = total.marks ? ((100 * total.falsePositives) / total.marks).toFixed(1) : 'n/a';
  console.log(
    `\nTotal: ${total.words} prose words, ${total.marks} name marks, ${total.truePositives} true, ` +
      `${total.falsePositives} false (${rate}% of marks; ` +
      `${((10000 * total.falsePositives) / Math.max(1, total.words)).toFixed(2)} per 10,000 prose words)`,
  );
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
