// Discovered meets declared: a discovered community whose people (and words) are those of a
// community some other source declared is the same community seen from its practice, so it
// enriches that one instead of appearing twice. The rule (docs/discovery.md): of the
// discovered community's core and active members, a share of at least `people` are declared
// members of it — or at least `peopleWithTopics` when the two also share a word (the
// declared name, domain or topic labels against the discovered areas and subject words).
import { emailKey, foldText, handleKey } from '../../model/keys';
import type { SourceRecords } from '../source';
import type { DiscoveredCommunity } from './discover';
import type { Person } from './identity';

export interface MatchRules {
  people: number;
  peopleWithTopics: number;
}

export interface DeclaredMatch {
  community: string;
  name: string;
  /** Jaccard overlap of members (all, or core and active only: the larger). */
  overlap: number;
  sharedWords: string[];
}

export interface DeclaredIndex {
  /** A discovered person's declared id, by email or github.com handle. */
  personId(person: Person): string | undefined;
  topicId(word: string): string | undefined;
  /** Discovered community key → the declared community it is. */
  matchAll(
    found: readonly DiscoveredCommunity[],
    people: readonly Person[],
    rules: MatchRules,
  ): Map<string, DeclaredMatch>;
}

export function indexDeclared(sources: readonly SourceRecords[]): DeclaredIndex {
  const byKey = new Map<string, string>();
  for (const source of sources)
    for (const { record } of source.people) {
      for (const e of record.emails ?? [])
        if (!byKey.has(`e ${emailKey(e)}`)) byKey.set(`e ${emailKey(e)}`, record.id);
      // Full names (two words or more) as the last resort, as in identity.ts: declared
      // directories often know a login but no address, commits an address but no login.
      for (const name of [record.name, ...(record.aliases ?? [])]) {
        const key = `n ${foldText(name)}`;
        if (foldText(name).split(' ').length >= 2 && !byKey.has(key)) byKey.set(key, record.id);
      }
      for (const [host, login] of Object.entries(record.handles ?? {}))
        if (!byKey.has(`h ${handleKey(host, login)}`))
          byKey.set(`h ${handleKey(host, login)}`, record.id);
    }
  const topics = new Map<string, string>();
  const topicLabels = new Map<string, string[]>();
  for (const source of sources)
    for (const { record } of source.topics) {
      const labels = [record.label, ...(record.aliases ?? [])].map(foldText);
      topicLabels.set(record.id, labels);
      for (const l of labels) if (!topics.has(l)) topics.set(l, record.id);
    }
  const members = new Map<string, Set<string>>();
  for (const source of sources)
    for (const { record } of source.memberships) {
      let set = members.get(record.community);
      if (!set) members.set(record.community, (set = new Set()));
      set.add(record.person);
    }
  const communities = sources.flatMap((s) => s.communities.map((c) => c.record));

  const personId = (person: Person): string | undefined => {
    if (person.github) {
      const hit = byKey.get(`h ${handleKey('github.com', person.github)}`);
      if (hit) return hit;
    }
    for (const e of person.emails) {
      const hit = byKey.get(`e ${emailKey(e)}`);
      if (hit) return hit;
    }
    for (const name of [person.name, ...person.aliases]) {
      const hit = byKey.get(`n ${foldText(name)}`);
      if (hit) return hit;
    }
    return undefined;
  };

  return {
    personId,
    topicId: (word) => topics.get(foldText(word)),
    matchAll(found, people, rules) {
      const candidates: (DeclaredMatch & { key: string; score: number })[] = [];
      for (const discovered of found) {
        const all = discovered.members.map((m) => personId(people[m.person]!));
        const engaged = discovered.members
          .filter((m) => m.participation !== 'peripheral')
          .map((m) => personId(people[m.person]!));
        const vocabulary = new Set(
          [...discovered.words, ...discovered.areas.flatMap((a) => a.split(/[/._-]+/))]
            .map(foldText)
            .filter((w) => w.length >= 3),
        );
        for (const community of communities) {
          const declared = members.get(community.id);
          if (!declared || declared.size === 0) continue;
          const overlap = Math.max(jaccard(all, declared), jaccard(engaged, declared));
          if (overlap < rules.peopleWithTopics) continue;
          const sharedWords = [
            ...new Set(
              [
                community.name,
                community.domain ?? '',
                ...(community.topics ?? []).flatMap((t) => topicLabels.get(t) ?? []),
              ]
                .flatMap((text) => foldText(text).split(/[^\p{L}\p{N}]+/u))
                .filter((w) => vocabulary.has(w)),
            ),
          ];
          if (overlap < rules.people && sharedWords.length === 0) continue;
          candidates.push({
            key: discovered.key,
            community: community.id,
            name: community.name,
            overlap,
            sharedWords,
            score: overlap + (sharedWords.length > 0 ? 0.1 : 0),
          });
        }
      }
      // One to one, best pairs first: a declared community is enriched by its closest
      // discovered counterpart only; the others remain candidates of their own.
      candidates.sort((a, b) => b.score - a.score || (a.key < b.key ? -1 : 1));
      const out = new Map<string, DeclaredMatch>();
      const used = new Set<string>();
      for (const { key, score: _score, ...match } of candidates) {
        if (out.has(key) || used.has(match.community)) continue;
        out.set(key, match);
        used.add(match.community);
      }
      return out;
    },
  };
}

function jaccard(ids: readonly (string | undefined)[], declared: ReadonlySet<string>): number {
  const mine = new Set(ids.filter((id): id is string => id !== undefined));
  if (mine.size === 0) return 0;
  let shared = 0;
  for (const id of mine) if (declared.has(id)) shared++;
  return shared / (ids.length + declared.size - shared);
}
