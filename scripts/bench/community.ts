// A community's screens at directory scale (test/bench/community.page.ts): its hovercard, the
// popup's community view (its head, then the whole view) and one of its topics' hovercard,
// cold, for the synthetic directory's largest community, a median one, and "Everyone" (every
// person a member, as an LDAP all-staff group gives: 1% core, 0.2% with a role), against
// reading the community's memberships alone.
// `npm run bench -- --suite community [--people N] [--runs N]`
import { DIGEST_MIN_MEMBERS } from '../../lib/db/community-digest';
import { generateSyntheticFeed } from '../../lib/demo/synthetic';
import type { CommunityBenchResult } from '../../test/bench/community.page';
import { ms, numberOption, printTable, ratio, runPageBenchmark } from './harness';

export async function benchCommunity(): Promise<void> {
  const people = numberOption('people', 100_000);
  const runs = numberOption('runs', 5);
  console.log(`\n## A community's screens: directory of ${people.toLocaleString('en')} people`);
  const feed = generateSyntheticFeed({ people, seed: 42 });
  const sizes = new Map<string, number>();
  for (const m of feed.memberships) sizes.set(m.community, (sizes.get(m.community) ?? 0) + 1);
  const bySize = [...sizes].sort((a, b) => b[1] - a[1]).map(([id]) => id);
  const model = feed.communities.find((c) => c.id === bySize[0])!;
  // Its topic has no declared experts, so its hovercard asks the community's core members.
  feed.topics.push({ id: 't-everyone', label: 'All hands' });
  feed.communities.push({ ...model, id: 'everyone', name: 'Everyone', topics: ['t-everyone'] });
  feed.people.forEach((person, i) =>
    feed.memberships.push({
      person: person.id,
      community: 'everyone',
      participation: i % 100 === 0 ? 'core' : 'peripheral',
      roles: i % 500 === 0 ? ['boundary'] : [],
    }),
  );
  const ids = ['everyone', bySize[0]!, bySize[Math.floor(bySize.length / 2)]!];
  const { result, browserVersion } = await runPageBenchmark<CommunityBenchResult>({
    entry: 'test/bench/community.page.ts',
    exportName: 'runCommunityBench',
    args: ['/feed.json', ids, runs],
    files: { '/feed.json': { body: JSON.stringify(feed), contentType: 'application/json' } },
  });
  console.log(`Chromium ${browserVersion}, medians of ${runs} cold rounds.`);
  console.log(
    `Digests of the ${result.warmed} communities of at least ${DIGEST_MIN_MEMBERS} members written in ${ms(result.warmMs)} (as the worker does after a sync).`,
  );
  printTable([
    [
      'community',
      'members',
      'memberships alone',
      'hovercard',
      'hovercard (digest)',
      'popup head',
      'popup view (long way)',
      'popup head (digest)',
      'popup view (digest)',
      'popup first members (digest)',
      'topic hovercard',
      'hovercard / alone',
      'view / alone',
      'digest view / alone',
    ],
    ...result.rows.map((r) => [
      r.id,
      r.members.toLocaleString('en'),
      ms(r.baselineMs),
      ms(r.cardMs),
      r.members < DIGEST_MIN_MEMBERS ? '—' : ms(r.digestCardMs),
      ms(r.headMs),
      ms(r.viewMs),
      r.members < DIGEST_MIN_MEMBERS ? '— (no digest)' : ms(r.digestHeadMs),
      r.members < DIGEST_MIN_MEMBERS ? '—' : ms(r.digestViewMs),
      r.members < DIGEST_MIN_MEMBERS ? '—' : ms(r.digestFirstMs),
      ms(r.topicCardMs),
      ratio(r.cardMs, r.baselineMs),
      ratio(r.viewMs, r.baselineMs),
      r.members < DIGEST_MIN_MEMBERS ? '—' : ratio(r.digestViewMs, r.baselineMs),
    ]),
  ]);
}
