// Who knows what in the demo organisation. Expertise follows participation (a community's core
// members tend to know its topics well) and home units (an actuary knows some actuarial
// modelling whether or not they join a community). Evidence links appear mostly on high levels,
// as they would when people point at what they built or presented.
import type { FeedInput } from '../model/feed';
import type { CommunityInput } from './community-plan';
import { HOSTS, type DemoPerson } from './demo-people';
import type { MembershipInput } from './demo-memberships';
import type { Random } from './random';

export type ExpertiseInput = FeedInput['expertise'][number];
type TopicInput = FeedInput['topics'][number];
type LinkInput = NonNullable<ExpertiseInput['evidence']>[number];

const CHANCE_BY_PARTICIPATION = { core: 0.8, active: 0.45, peripheral: 0.15 } as const;
const UNIT_TOPIC_CHANCE = 0.5;
const EVIDENCE_CHANCE = 0.5;

export function assignExpertise(
  people: readonly DemoPerson[],
  communities: readonly CommunityInput[],
  memberships: readonly MembershipInput[],
  topics: readonly TopicInput[],
  random: Random,
): ExpertiseInput[] {
  const communityById = new Map(communities.map((c) => [c.id, c]));
  const topicById = new Map(topics.map((t) => [t.id, t]));
  const membershipsByPerson = new Map<string, MembershipInput[]>();
  for (const membership of memberships) {
    const list = membershipsByPerson.get(membership.person) ?? [];
    list.push(membership);
    membershipsByPerson.set(membership.person, list);
  }

  const expertise: ExpertiseInput[] = [];
  for (const person of people) {
    const known = new Set<string>();
    const add = (topicId: string, level: number) => {
      if (known.has(topicId)) return;
      const topic = topicById.get(topicId);
      if (!topic) throw new Error(`demo data names unknown topic ${topicId}`);
      known.add(topicId);
      const evidence =
        level >= 4 && random.chance(EVIDENCE_CHANCE) ? evidenceFor(person, topic, random) : [];
      expertise.push({ person: person.record.id, topic: topicId, level, evidence });
    };

    for (const membership of membershipsByPerson.get(person.record.id) ?? []) {
      const community = communityById.get(membership.community);
      const communityTopics = community?.topics ?? [];
      if (communityTopics.length === 0) continue;
      if (membership.roles?.includes('cutting-edge')) {
        add(communityTopics[0]!, 5);
        continue;
      }
      if (!random.chance(CHANCE_BY_PARTICIPATION[membership.participation])) continue;
      const level =
        membership.participation === 'core'
          ? random.int(3, 5)
          : membership.participation === 'active'
            ? random.int(2, 4)
            : random.int(1, 3);
      add(random.pick(communityTopics), level);
    }
    if (person.unit.topics.length > 0 && random.chance(UNIT_TOPIC_CHANCE)) {
      add(random.pick(person.unit.topics), random.int(1, 4));
    }
  }
  return expertise;
}

function evidenceFor(person: DemoPerson, topic: TopicInput, random: Random): LinkInput[] {
  const handles = person.record.handles ?? {};
  const topicSlug = topic.id.replace(/^t-/, '');
  const options: LinkInput[] = [
    {
      label: `Tech talk: ${topic.label} at Northwind`,
      url: `https://intranet.northwind.test/talks/${topicSlug}-${random.int(2021, 2026)}`,
    },
  ];
  const code = handles[HOSTS.code];
  if (code) {
    options.push({
      label: `${topic.label} examples`,
      url: `https://git.northwind.test/${code}/${topicSlug}-examples`,
    });
  }
  const wiki = handles[HOSTS.wiki];
  if (wiki) {
    options.push({
      label: `Wiki contributions`,
      url: `https://wiki.northwind.test/wiki/Special:Contributions/${encodeURIComponent(wiki)}`,
    });
  }
  const shuffled = random.shuffled(options);
  return shuffled.slice(0, random.chance(0.3) ? 2 : 1);
}
