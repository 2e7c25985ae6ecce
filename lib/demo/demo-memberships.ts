// Staffs the demo communities: named leaders first, then Lumen Analytics partners, then
// generated Northwind colleagues drawn mostly from the community's home units. How members
// spread over core, active and peripheral depends on the community's stage: a young community
// is mostly its core, a dispersed or memorable one mostly people who drifted to the edge.
import type { FeedInput } from '../model/feed';
import type { Participation, Stage } from '../model/vocabulary';
import type { CommunityPlan } from './community-plan';
import { dayNumber, isoDay } from './dates';
import type { DemoPerson } from './demo-people';
import type { Random } from './random';
import { LUMEN } from './units';

export type MembershipInput = FeedInput['memberships'][number];

const PARTICIPATION_BY_STAGE: Readonly<
  Record<Stage, readonly (readonly [Participation, number])[]>
> = {
  potential: [
    ['core', 4],
    ['active', 4],
    ['peripheral', 2],
  ],
  coalescing: [
    ['core', 25],
    ['active', 40],
    ['peripheral', 35],
  ],
  active: [
    ['core', 12],
    ['active', 30],
    ['peripheral', 58],
  ],
  dispersed: [
    ['core', 8],
    ['active', 22],
    ['peripheral', 70],
  ],
  memorable: [
    ['core', 5],
    ['active', 15],
    ['peripheral', 80],
  ],
};

/** Share of a community's generated members drawn from its home units. */
const HOME_UNIT_SHARE = 0.75;
/** Share of generated Northwind people left outside every community, as in any organisation. */
const UNAFFILIATED_SHARE = 0.15;

/**
 * Chance that a generated person joins one more community, given how many they are in. Without
 * it, people in popular home units pile up eight or nine memberships; with it most belong to
 * one to three, and the busiest brokers are the featured people whose stories say so.
 */
function acceptance(communitiesJoined: number): number {
  return 1 / (1 + 0.3 * communitiesJoined * communitiesJoined);
}

export function staffCommunities(
  plans: readonly CommunityPlan[],
  people: readonly DemoPerson[],
  generatedAt: string,
  random: Random,
): MembershipInput[] {
  const byId = new Map(people.map((p) => [p.record.id, p]));
  const generated = people.filter((p) => !p.featured);
  // Featured people stay in exactly the communities their story gives them.
  const northwindPool = generated.filter(
    (p) => p.unit.company !== LUMEN && !random.chance(UNAFFILIATED_SHARE),
  );
  const lumenPool = generated.filter((p) => p.unit.company === LUMEN);
  const today = dayNumber(generatedAt.slice(0, 10));

  const memberships: MembershipInput[] = [];
  const joined = new Map<string, number>();
  for (const plan of plans) {
    const founded = dayNumber(plan.founded);
    const last = plan.community.lastActivity ? dayNumber(plan.community.lastActivity) : today;
    const sinceBetween = (from: number, to: number) =>
      isoDay(random.int(Math.min(from, to), Math.max(from, to)));
    const members = new Map<string, MembershipInput>();
    const isPartner = (id: string) => byId.get(id)?.unit.company === LUMEN;

    for (const leader of plan.leaders) {
      if (!byId.has(leader.person)) {
        throw new Error(`community ${plan.community.id} names unknown person ${leader.person}`);
      }
      members.set(leader.person, {
        person: leader.person,
        community: plan.community.id,
        participation: leader.participation ?? 'core',
        roles: [...leader.roles],
        // Named leaders were there from the start, or nearly.
        since: sinceBetween(founded, Math.min(founded + 90, last)),
      });
    }
    const addGenerated = (person: DemoPerson) => {
      members.set(person.record.id, {
        person: person.record.id,
        community: plan.community.id,
        participation: random.weighted(PARTICIPATION_BY_STAGE[plan.community.stage]),
        roles: [],
        since: sinceBetween(founded, last),
      });
    };

    let partners = [...members.keys()].filter(isPartner).length;
    for (const person of random.shuffled(lumenPool)) {
      if (partners >= (plan.partners ?? 0)) break;
      if (members.has(person.record.id)) continue;
      addGenerated(person);
      partners++;
    }

    const home = random.shuffled(northwindPool.filter((p) => plan.homeUnits.includes(p.unit.id)));
    const anywhere = random.shuffled(northwindPool);
    const passedOver: DemoPerson[] = [];
    const firstGenerated = members.size;
    let h = 0;
    let a = 0;
    while (members.size < plan.size) {
      const fromHome = h < home.length && (a >= anywhere.length || random.chance(HOME_UNIT_SHARE));
      const candidate = fromHome ? home[h++] : anywhere[a++];
      if (!candidate) {
        // Everyone was considered once; take the busy people passed over after all.
        const fallback = passedOver.shift();
        if (!fallback) throw new Error(`not enough people to staff ${plan.community.id}`);
        if (!members.has(fallback.record.id)) addGenerated(fallback);
        continue;
      }
      if (members.has(candidate.record.id)) continue;
      if (random.chance(acceptance(joined.get(candidate.record.id) ?? 0))) addGenerated(candidate);
      else passedOver.push(candidate);
    }

    // Leadership roles held by generated Northwind members make them core members.
    const staff = [...members.values()].slice(firstGenerated).filter((m) => !isPartner(m.person));
    (plan.generatedLeaders ?? []).forEach((roles, index) => {
      const member = staff[index];
      if (!member) throw new Error(`community ${plan.community.id} has too few members to lead`);
      member.participation = 'core';
      member.roles = [...roles];
    });
    for (const id of members.keys()) joined.set(id, (joined.get(id) ?? 0) + 1);
    memberships.push(...members.values());
  }
  return memberships;
}
