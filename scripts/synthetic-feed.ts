// Writes a large synthetic feed (lib/demo/synthetic.ts) for benchmarks and stress tests:
//   npx tsx scripts/synthetic-feed.ts --people 10000 --out /tmp/feed-10k.json
// Options: --communities N, --topics N, --memberships-per-person N, --seed N, --feed-id ID,
// --pretty (2-space indent; compact by default, as a producer would serve it).
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { generateSyntheticFeed, type SyntheticFeedOptions } from '../lib/demo/synthetic';

const USAGE =
  'Usage: npx tsx scripts/synthetic-feed.ts --people N --out FILE [--communities N] [--topics N] ' +
  '[--memberships-per-person N] [--seed N] [--feed-id ID] [--pretty]';

function integer(name: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value))
    throw new RangeError(`--${name} must be a whole number, got "${value}"`);
  return Number(value);
}

function main(): number {
  const { values } = parseArgs({
    options: {
      people: { type: 'string' },
      out: { type: 'string' },
      communities: { type: 'string' },
      topics: { type: 'string' },
      'memberships-per-person': { type: 'string' },
      seed: { type: 'string' },
      'feed-id': { type: 'string' },
      pretty: { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help || values.people === undefined || values.out === undefined) {
    console.error(USAGE);
    return values.help ? 0 : 2;
  }
  const options: SyntheticFeedOptions = { people: integer('people', values.people)! };
  const communities = integer('communities', values.communities);
  const topics = integer('topics', values.topics);
  const perPerson = integer('memberships-per-person', values['memberships-per-person']);
  const seed = integer('seed', values.seed);
  if (communities !== undefined) options.communities = communities;
  if (topics !== undefined) options.topics = topics;
  if (perPerson !== undefined) options.membershipsPerPerson = perPerson;
  if (seed !== undefined) options.seed = seed;
  if (values['feed-id'] !== undefined) options.feedId = values['feed-id'];

  const started = performance.now();
  const feed = generateSyntheticFeed(options);
  const generated = performance.now();
  const json = `${JSON.stringify(feed, null, values.pretty ? 2 : undefined)}\n`;
  writeFileSync(values.out, json);
  const bytes = Buffer.byteLength(json);
  console.log(
    `Wrote ${values.out}: ${(bytes / 1_048_576).toFixed(1)} MiB (${bytes.toLocaleString('en')} bytes); ` +
      `${feed.people.length} people, ${feed.units.length} units, ${feed.topics.length} topics, ` +
      `${feed.communities.length} communities, ${feed.memberships.length} memberships, ` +
      `${feed.expertise.length} expertise entries; generated in ${Math.round(generated - started)} ms, ` +
      `written in ${Math.round(performance.now() - generated)} ms.`,
  );
  return 0;
}

try {
  process.exitCode = main();
} catch (error) {
  console.error(error instanceof Error ? error.message : String(error));
  console.error(USAGE);
  process.exitCode = 2;
}
