// The demo feed: "Northwind Mutual", a fictional insurer, with its partner Lumen Analytics.
// Pure and deterministic (one seeded random stream, a fixed generatedAt), so the committed
// public/demo-feed.json can be regenerated and checked byte for byte
// (scripts/build-demo-feed.ts --check). All hosts are fictional (*.northwind.test,
// *.example) and github.com logins are nw- prefixed so no link reaches a real person.
import type { FeedInput } from '../model/feed';
import { FEED_FORMAT, FEED_VERSION } from '../model/feed';
import { DATA_RISK_COMMUNITIES } from './communities-data-risk';
import { ENGINEERING_COMMUNITIES } from './communities-engineering';
import { SERVICE_COMMUNITIES } from './communities-service';
import type { CommunityPlan } from './community-plan';
import { assignExpertise } from './demo-expertise';
import { staffCommunities } from './demo-memberships';
import { buildDemoPeople } from './demo-people';
import { Random } from './random';
import { DEMO_TOPICS } from './topics';
import { NORTHWIND, UNIT_PLANS } from './units';

export const DEMO_FEED_ID = 'demo-northwind';
const DEMO_GENERATED_AT = '2026-11-01T09:00:00Z';
/** Changing the seed reshuffles every generated person; the committed file must follow. */
const DEMO_SEED = 20261101;

export const DEMO_COMMUNITY_PLANS: readonly CommunityPlan[] = [
  ...ENGINEERING_COMMUNITIES,
  ...DATA_RISK_COMMUNITIES,
  ...SERVICE_COMMUNITIES,
];

export function generateDemoFeed(): FeedInput {
  const random = new Random(DEMO_SEED);
  const units = UNIT_PLANS.map((plan) => ({
    id: plan.id,
    name: plan.name,
    ...(plan.parent ? { parent: plan.parent } : {}),
    company: plan.company,
  }));
  const people = buildDemoPeople(random);
  // Copies, so a caller mutating the feed cannot change the next call's result.
  const communities = DEMO_COMMUNITY_PLANS.map((plan) => structuredClone(plan.community));
  const topics = DEMO_TOPICS.map((topic) => structuredClone(topic));
  const memberships = staffCommunities(DEMO_COMMUNITY_PLANS, people, DEMO_GENERATED_AT, random);
  const expertise = assignExpertise(people, communities, memberships, topics, random);
  return {
    format: FEED_FORMAT,
    version: FEED_VERSION,
    feedId: DEMO_FEED_ID,
    generatedAt: DEMO_GENERATED_AT,
    organization: { name: NORTHWIND },
    units,
    people: people.map((p) => p.record),
    topics,
    communities,
    memberships,
    expertise,
  };
}

/** The demo feed exactly as committed in public/demo-feed.json. */
export function demoFeedJson(): string {
  return `${JSON.stringify(generateDemoFeed(), null, 2)}\n`;
}
