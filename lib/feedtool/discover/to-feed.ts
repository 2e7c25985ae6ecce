// A discovery as feed records for the build: people (joined to declared people by address
// or github.com handle through the merge step), topics (declared ones reused by label),
// communities marked `discovered` with standing "unrecognized" and their evidence, and
// memberships with evidence. A discovered community that is a declared one (declared.ts)
// adds its evidence and members to that one instead of a second record.
import { isSafeUrl } from '../../model/safe-url';
import {
  slug,
  type CommunityInput,
  type MembershipInput,
  type Origin,
  type PersonInput,
  type SourceRecords,
  type TopicInput,
  emptyRecords,
} from '../source';
import type { DeclaredIndex, DeclaredMatch, MatchRules } from './declared';
import type { Discovery } from './discover';
import { communityEvidence, isoDay, memberEvidence } from './evidence';

export interface FeedMapping {
  personIdPrefix: string;
  communityIdPrefix: string;
  topicIdPrefix: string;
  repository?: string;
  /** How evidence names this history. */
  label?: string;
  match: MatchRules;
}

export interface DiscoveryRecords {
  records: SourceRecords;
  /** Discovered community key → the declared community it enriched. */
  matches: Map<string, DeclaredMatch>;
}

export function discoveryRecords(
  discovery: Discovery,
  mapping: FeedMapping,
  declared: DeclaredIndex,
  origin: Origin,
): DiscoveryRecords {
  const records = emptyRecords();
  const source = mapping.label ?? mapping.repository;
  const matches = declared.matchAll(discovery.communities, discovery.people, mapping.match);
  const at = <T>(record: T, weak?: string[]) => ({ record, origin, ...(weak ? { weak } : {}) });

  const personIds = new Map<number, string>();
  const usedIds = new Set<string>();
  for (const community of discovery.communities)
    for (const member of community.members) {
      if (personIds.has(member.person)) continue;
      const person = discovery.people[member.person]!;
      const base =
        mapping.personIdPrefix +
        (slug(person.github ?? '') ||
          slug(person.name) ||
          slug(person.emails[0] ?? '') ||
          'person');
      let id = base;
      for (let i = 2; usedIds.has(id); i++) id = `${base}-${i}`;
      usedIds.add(id);
      personIds.set(member.person, id);
      const record: PersonInput = {
        id,
        name: person.name,
        emails: person.emails,
        aliases: person.aliases,
      };
      if (person.github) record.handles = { 'github.com': person.github };
      // A name in git config is whatever the person typed once; a directory's spelling wins.
      records.people.push(at(record, ['name']));
    }

  const topicIds = new Set<string>();
  for (const community of discovery.communities) {
    const match = matches.get(community.key);
    const communityId = match?.community ?? mapping.communityIdPrefix + community.key;
    const evidence = communityEvidence(community, discovery.people, discovery.end, source);
    if (match) {
      // Enrich the declared community: its evidence, nothing that would override its charter.
      records.communities.push(at({ id: communityId, evidence } as unknown as CommunityInput));
    } else {
      const topics: string[] = [];
      for (const word of community.words.slice(0, 3)) {
        const id = declared.topicId(word) ?? mapping.topicIdPrefix + slug(word);
        if (!declared.topicId(word) && !topicIds.has(id)) {
          topicIds.add(id);
          const topic: TopicInput = {
            id,
            label: word,
            description: 'A word of the commit subjects of a discovered community',
          };
          records.topics.push(at(topic));
        }
        if (!topics.includes(id)) topics.push(id);
      }
      const record: CommunityInput = {
        id: communityId,
        name: community.name,
        domain: community.domain,
        topics,
        stage: community.stage,
        standing: 'unrecognized',
        openToNewcomers: true,
        lastActivity: isoDay(community.last),
        discovered: true,
        evidence,
      };
      if (mapping.repository && isSafeUrl(mapping.repository, 'remote-feed'))
        record.repertoire = [
          { label: mapping.label ?? mapping.repository, url: mapping.repository },
        ];
      records.communities.push(at(record));
    }
    for (const member of community.members) {
      const membership: MembershipInput = {
        person: personIds.get(member.person)!,
        community: communityId,
        participation: member.participation,
        roles: member.roles,
        since: isoDay(member.first),
        evidence: memberEvidence(member, discovery.people, discovery.end, source),
      };
      // In a declared community its own record of participation and dates stands.
      records.memberships.push(at(membership, match ? ['participation', 'since'] : undefined));
    }
  }
  return { records, matches };
}
