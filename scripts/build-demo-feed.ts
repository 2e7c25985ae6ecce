// Writes public/demo-feed.json from generateDemoFeed() (lib/demo/generate-demo.ts).
//   npx tsx scripts/build-demo-feed.ts           regenerate the file
//   npx tsx scripts/build-demo-feed.ts --check   exit 1 if the committed file is stale
// The file is committed so the extension can ship and serve the demo without running the
// generator; --check (and test/unit/demo) keep it from drifting from its source.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { demoFeedJson } from '../lib/demo/generate-demo';
import { validateFeedText } from '../lib/model/validate';

const target = fileURLToPath(new URL('../public/demo-feed.json', import.meta.url));
const shown = relative(process.cwd(), target) || target;

function readCommitted(): string | null {
  try {
    return readFileSync(target, 'utf8');
  } catch {
    return null;
  }
}

function main(args: readonly string[]): number {
  const json = demoFeedJson();
  // The demo must be a perfect feed: a problem here is a bug in lib/demo, not data to skip.
  const result = validateFeedText(json);
  if (!result.ok) {
    console.error(`The generated demo feed is not a feed: ${result.error.reason}`);
    return 1;
  }
  if (result.problems.length > 0) {
    for (const problem of result.problems) console.error(`${problem.path}: ${problem.reason}`);
    console.error(`The generated demo feed has ${result.problems.length} invalid record(s).`);
    return 1;
  }

  if (args.includes('--check')) {
    const committed = readCommitted();
    if (committed === json) {
      console.log(`${shown} is up to date.`);
      return 0;
    }
    console.error(
      committed === null
        ? `${shown} is missing.`
        : `${shown} differs from what lib/demo/generate-demo.ts produces.`,
    );
    console.error('Regenerate it with: npx tsx scripts/build-demo-feed.ts');
    return 1;
  }

  mkdirSync(dirname(target), { recursive: true });
  writeFileSync(target, json);
  const { counts } = result;
  console.log(
    `Wrote ${shown} (${Buffer.byteLength(json).toLocaleString('en')} bytes): ` +
      `${counts.people.valid} people, ${counts.units.valid} units, ${counts.topics.valid} topics, ` +
      `${counts.communities.valid} communities, ${counts.memberships.valid} memberships, ` +
      `${counts.expertise.valid} expertise entries.`,
  );
  return 0;
}

process.exitCode = main(process.argv.slice(2));
