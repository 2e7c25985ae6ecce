// A community's screens at directory scale, in real Chromium with real IndexedDB: the
// hovercard of a community named on a page (annotateCommunityCard), the popup's community view
// (its head, communityHead, shown first, timed with the whole view's reads running beside it
// as in the popup; then communityDetail alone) and the hovercard of one of its
// topics (annotateTopicCard), each from a
// cold reader (no pack remembered), for communities of every size up to one of everyone.
// Baseline in the same run: reading the community's memberships alone, cold, which any answer
// that counts its members needs.
import { annotateTopicCard } from '../../lib/background/annotate';
import { annotateCommunityCard } from '../../lib/background/community-card';
import { ConstellationDB } from '../../lib/db/database';
import { benchFeed, seededDatabase } from './seed';
import { readPacks } from '../../lib/db/packed';
import { forgetPacks } from '../../lib/db/pack-memory';
import { viewerOf } from '../../lib/db/queries';
import { communityDetail, communityHead } from '../../lib/db/views';
import { DIGEST_MIN_MEMBERS, warmDigests } from '../../lib/db/community-digest';
import { median } from '../../lib/stats';

const DB_NAME = 'bench-community';

export interface CommunityRow {
  id: string;
  members: number;
  baselineMs: number;
  /** The community's hovercard read the long way (no digest stored). */
  cardMs: number;
  /** The hovercard with the digest stored (its contacts and count from the digest's summary). */
  digestCardMs: number;
  headMs: number;
  /** The whole view read the long way (no digest stored). */
  viewMs: number;
  /** The whole view from the community's digest (lib/db/community-digest.ts). */
  digestViewMs: number;
  /** The head with the digest stored (its counts from the digest's summary). */
  digestHeadMs: number;
  /** The view as the popup first shows it: the digest's first members of each level. */
  digestFirstMs: number;
  topicCardMs: number;
}

export interface CommunityBenchResult {
  rows: CommunityRow[];
  /** Writing the digests of every large community, as the worker does after a sync (cold). */
  warmMs: number;
  warmed: number;
}

const STEPS = [
  'baseline',
  'card',
  'head',
  'view',
  'digest',
  'digestFirst',
  'digestHead',
  'digestCard',
  'topic',
] as const;

export async function runCommunityBench(
  feedUrl: string,
  ids: string[],
  runs: number,
): Promise<CommunityBenchResult> {
  const feed = await benchFeed(feedUrl);
  (await seededDatabase(DB_NAME, feed)).db.close();
  const feedId = feed.feedId;
  const out: CommunityRow[] = [];
  forgetPacks();
  const warmDb = new ConstellationDB(DB_NAME);
  await warmDb.open();
  const warmStart = performance.now();
  const warmed = await warmDigests(warmDb);
  const warmMs = performance.now() - warmStart;
  warmDb.close();
  for (const id of ids) {
    const ref = { feedId, id };
    const community = feed.communities.find((c) => c.id === id);
    if (!community?.topics[0]) throw new Error(`community ${id} is missing or has no topic`);
    const topic = { feedId, id: community.topics[0] };
    const times: Record<(typeof STEPS)[number], number[]> = {
      baseline: [],
      card: [],
      digestCard: [],
      head: [],
      view: [],
      digest: [],
      digestFirst: [],
      digestHead: [],
      topic: [],
    };
    let members = 0;
    // The first round is discarded (JIT and IndexedDB warm-up).
    for (let round = 0; round <= runs; round++) {
      for (const step of STEPS) {
        forgetPacks();
        const db = new ConstellationDB(DB_NAME);
        await db.open();
        // The card, the head and the long way are timed with no digest stored; the digest's
        // steps with one.
        if (step === 'card' || step === 'head' || step === 'view')
          await db.communityDigests.clear();
        // A community below the digests' size has none: its "digest" steps are not timed.
        if (
          (step === 'digest' ||
            step === 'digestFirst' ||
            step === 'digestHead' ||
            step === 'digestCard') &&
          members < DIGEST_MIN_MEMBERS
        ) {
          db.close();
          continue;
        }
        if (step === 'digest' && (await warmDigests(db)) > 0) forgetPacks();
        const t = performance.now();
        if (step === 'baseline')
          members = (await readPacks(db, (r) => r.group('memberships@community', feedId, id)))
            .length;
        else if (step === 'card' || step === 'digestCard') {
          const card = await annotateCommunityCard(db, ref);
          if (card.members !== members)
            throw new Error(`card counts ${card.members} of ${members}`);
        } else if (step === 'head' || step === 'digestHead') {
          // As the popup asks: the whole view's reads start beside the head's.
          const viewer = await viewerOf(db);
          const whole = communityDetail(db, ref, viewer);
          const head = await communityHead(db, ref, viewer);
          if (round > 0) times[step].push(performance.now() - t);
          await whole;
          const counted = head
            ? head.members.core + head.members.active + head.members.peripheral
            : -1;
          if (counted !== members) throw new Error(`head counts ${counted} of ${members}`);
        } else if (step === 'view' || step === 'digest') {
          const view = await communityDetail(db, ref, await viewerOf(db));
          if (view?.members.length !== members)
            throw new Error(`view lists ${view?.members.length}`);
        } else if (step === 'digestFirst') {
          const view = await communityDetail(db, ref, await viewerOf(db), { members: 'first' });
          const counts = view?.summary.members;
          const total = counts ? counts.core + counts.active + counts.peripheral : -1;
          if (total !== members || view?.complete !== false)
            throw new Error(`the first members of ${members}: complete ${view?.complete}`);
        } else await annotateTopicCard(db, topic);
        if (round > 0 && step !== 'head' && step !== 'digestHead')
          times[step].push(performance.now() - t);
        db.close();
      }
    }
    out.push({
      id,
      members,
      baselineMs: median(times.baseline),
      cardMs: median(times.card),
      digestCardMs: median(times.digestCard),
      headMs: median(times.head),
      viewMs: median(times.view),
      digestViewMs: median(times.digest),
      digestHeadMs: median(times.digestHead),
      digestFirstMs: median(times.digestFirst),
      topicCardMs: median(times.topic),
    });
  }
  return { rows: out, warmMs, warmed };
}
