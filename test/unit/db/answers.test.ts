// Model-based properties of what the product answers after a sync: random small feeds the
// contract accepts (answers/feed-arbitrary.ts), one or two of them (the second repeating the
// first one's record ids), are synced into a fresh database by the real sync engine, and every
// query's answer is checked against a plain model computed from the feeds' JSON
// (answers/model.ts). Then: after a random changes file lands as a layer, every answer equals
// a fresh whole sync's of the resulting document, and the model's.
// Runs are few so the file takes seconds; to search harder, ANSWERS_RUNS=200 sets the runs and
// ANSWERS_FILLER=300 the feeds' filler people (several packs of people).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ConstellationDB } from '../../../lib/db/database';
import { declareMembership, setMe } from '../../../lib/db/local';
import { syncFeed } from '../../../lib/feed/sync';
import type { FeedInput } from '../../../lib/model/feed';
import { emptyTestDb } from '../../fixtures/test-db';
import { servePublicationWithChanges } from '../feed/changes-publication';
import { FakeFeedServer, syncDeps } from '../feed/fake-server';
import { applyEdit, editArbitrary } from './answers/edits';
import {
  FEED_IDS,
  feedOfPlan,
  planArbitrary,
  queryArbitrary,
  queryOf,
  viewerArbitrary,
  type QueryPlan,
  type ViewerPlan,
} from './answers/feed-arbitrary';
import { expectAnswers, normalized, resolveKeys, type ModelViewer } from './answers/model';
import { productAnswers } from './answers/product';

const urlOf = (feedId: string) => `https://feeds.answers.example/${feedId}.json`;
const targetOf = (feedId: string) => ({ url: urlOf(feedId), label: feedId, intervalMinutes: 60 });
const runs = (n: number) => ({ numRuns: Number(process.env.ANSWERS_RUNS ?? n) });
const ENV_FILLER = process.env.ANSWERS_FILLER ? Number(process.env.ANSWERS_FILLER) : undefined;
/** Filler people of the changing feed (enough records for a change to land as a layer). */
const FILLER = ENV_FILLER ?? 60;

async function sync(db: ConstellationDB, server: FakeFeedServer, feedId: string) {
  const report = await syncFeed(syncDeps(db, server), targetOf(feedId));
  expect(report.outcome, report.message).toBe('updated');
  expect(report.problems).toEqual([]);
  return report;
}

/** A fresh database with each of `feeds` synced whole. */
async function wholeSync(feeds: readonly FeedInput[]): Promise<ConstellationDB> {
  const db = emptyTestDb();
  const server = new FakeFeedServer();
  for (const feed of feeds) {
    server.serveFeed(urlOf(feed.feedId), JSON.stringify(feed));
    await sync(db, server, feed.feedId);
  }
  return db;
}

/** Chooses the viewer in `db` (me, declared memberships); the model's view of the same. */
async function chooseViewer(
  db: ConstellationDB,
  feeds: readonly FeedInput[],
  plan: ViewerPlan,
): Promise<ModelViewer> {
  await db.me.clear();
  await db.myMemberships.clear();
  const memberOf = new Set<string>();
  const feed = plan.me && feeds[plan.me[0] % feeds.length]!;
  const me =
    plan.me && feed ? feed.people[plan.me[1] % Math.max(1, feed.people.length)] : undefined;
  if (feed && me) {
    await setMe(db, { feedId: feed.feedId, id: me.id });
    for (const m of feed.memberships)
      if (m.person === me.id) memberOf.add(`${feed.feedId}\u0000${m.community}`);
  }
  for (const [f, at] of plan.declared) {
    const of = feeds[f % feeds.length]!;
    const community = of.communities[at % Math.max(1, of.communities.length)];
    if (!community) continue;
    await declareMembership(db, {
      feedId: of.feedId,
      community: community.id,
      participation: 'peripheral',
      roles: [],
    });
    memberOf.add(`${of.feedId}\u0000${community.id}`);
  }
  return { ...(feed && me ? { me: { feedId: feed.feedId, id: me.id } } : {}), memberOf };
}

/** Each query as it is typed: every prefix, one code point more each time. */
function typed(queries: readonly string[]): string[] {
  return queries.flatMap((q) => [...q].map((_, i) => [...q].slice(0, i + 1).join('')));
}

/** Asks `db` everything and checks each answer against the model of `feeds`. */
async function expectModelAnswers(
  db: ConstellationDB,
  feeds: readonly FeedInput[],
  viewerPlan: ViewerPlan,
  queryPlans: readonly QueryPlan[],
) {
  const model = feeds.map(normalized);
  const viewer = await chooseViewer(db, model, viewerPlan);
  const queries = typed(queryPlans.map((q) => queryOf(q, model)));
  const keys = resolveKeys(model);
  const answers = await productAnswers(db, model, queries, keys);
  expectAnswers(answers, model, viewer, queries, keys);
  return answers;
}

describe('what the product answers after a sync, against a model of the feed', () => {
  it('answers every query as the model does', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(planArbitrary, { minLength: 1, maxLength: 2 }),
        viewerArbitrary,
        fc.array(queryArbitrary, { maxLength: 3 }),
        async (plans, viewerPlan, queryPlans) => {
          const feeds = plans.map((plan, i) =>
            feedOfPlan(plan, '2026-11-20T10:00:00Z', ENV_FILLER ?? 0, FEED_IDS[i]),
          );
          const db = await wholeSync(feeds);
          await expectModelAnswers(db, feeds, viewerPlan, queryPlans);
          db.close();
        },
      ),
      runs(30),
    );
  });

  it('answers after changes files as after a whole sync of the document they make', async () => {
    const via = { changes: 0, document: 0 };
    await fc.assert(
      fc.asyncProperty(
        planArbitrary,
        fc.option(planArbitrary, { nil: undefined }),
        fc.array(fc.array(editArbitrary, { minLength: 1, maxLength: 3 }), {
          minLength: 1,
          maxLength: 2,
        }),
        viewerArbitrary,
        fc.array(queryArbitrary, { maxLength: 2 }),
        async (plan, otherPlan, steps, viewerPlan, queryPlans) => {
          // The feed that changes, beside another feed with the same record ids that does not.
          let current = feedOfPlan(plan, '2026-11-19T10:00:00Z', FILLER);
          const others = otherPlan
            ? [feedOfPlan(otherPlan, '2026-11-20T10:00:00Z', 0, FEED_IDS[1])]
            : [];
          const url = urlOf(current.feedId);
          const layered = await wholeSync(others);
          const server = new FakeFeedServer();
          servePublicationWithChanges(server, url, JSON.stringify(current));
          await sync(layered, server, current.feedId);
          // The same questions before each change, so that whatever the product remembers
          // (summaries, kept search rows, packs, digests) was filled from the earlier data.
          await expectModelAnswers(layered, [current, ...others], viewerPlan, queryPlans);
          for (const [i, edits] of steps.entries()) {
            const next = structuredClone(current);
            next.generatedAt = `2026-11-20T1${i}:00:00Z`;
            for (const edit of edits) applyEdit(next, edit);
            servePublicationWithChanges(server, url, JSON.stringify(next), [
              JSON.stringify(current),
            ]);
            const report = await sync(layered, server, current.feedId);
            via[report.delivery?.via === 'changes' ? 'changes' : 'document'] += 1;
            current = next;
          }
          const feeds = [current, ...others];
          const answers = await expectModelAnswers(layered, feeds, viewerPlan, queryPlans);
          const whole = await wholeSync(feeds);
          expect(answers).toEqual(await expectModelAnswers(whole, feeds, viewerPlan, queryPlans));
          layered.close();
          whole.close();
        },
      ),
      runs(12),
    );
    // Most edits land as a layer; the rest (a layer past its share) as a whole document.
    expect(via.changes).toBeGreaterThan(via.document);
  });
});
