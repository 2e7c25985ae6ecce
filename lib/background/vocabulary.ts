// The vocabulary compiler: what content scripts mark on pages, from the visible feeds. Every
// topic some visible community covers (label and aliases), and every visible community by its
// name and aliases (a community mark; not a discovered one, whose name is made from paths),
// each spelling through the shared normalisation (lib/model/text.ts) the page matcher applies
// to page text. Spellings that are one common English word are listed in `commonTerms`, so
// the content script applies the common-word rule without carrying the word list
// (lib/match/terms.ts).
import { communityKey } from '../db/queries';
import type { VocabularySource } from '../db/resolve';
import { isDiscovered } from '../discovered';
import { isCommonWord } from '../match/common-words';
import type { TopicVocabulary, VocabularyTopic } from '../match/vocabulary';
import { normalizeText } from '../model/text';

/** Distinct normalised spellings, first one first. */
function spellings(values: readonly string[]): string[] {
  return [...new Set(values.map((v) => normalizeText(v).trim()).filter(Boolean))];
}

export function compileVocabulary(version: string, source: VocabularySource): TopicVocabulary {
  const { topics, coverage, names, communities } = source;
  // The page summary names the communities a page touches; a discovered one says so.
  const discovered = new Set(
    communities.filter(isDiscovered).map((c) => communityKey(c.feedId, c.id)),
  );
  const nameOf = (feedId: string, id: string) => {
    const key = communityKey(feedId, id);
    const name = names.get(key) ?? id;
    return discovered.has(key) ? `${name} (discovered)` : name;
  };
  const out: VocabularyTopic[] = topics.map((t) => {
    const terms = spellings([t.label, ...t.aliases]);
    const entry: VocabularyTopic = {
      feedId: t.feedId,
      id: t.id,
      label: t.label,
      terms,
      communities: (coverage.get(communityKey(t.feedId, t.id)) ?? []).map((id) =>
        nameOf(t.feedId, id),
      ),
    };
    const common = terms.filter(isCommonWord);
    if (common.length > 0) entry.commonTerms = common;
    if (t.matchAnywhere) entry.matchAnywhere = true;
    return entry;
  });
  for (const c of communities) {
    // A discovered community's name is made from file and folder names ("Conf", "Triage"),
    // not a name people write: marking it on pages would only find the word. It still shows
    // on the cards of the topics it covers and of its members, labelled as discovered.
    if (isDiscovered(c)) continue;
    const terms = spellings([c.name, ...(c.aliases ?? [])]);
    const entry: VocabularyTopic = {
      feedId: c.feedId,
      id: c.id,
      label: c.name,
      terms,
      communities: [c.name],
      kind: 'community',
    };
    // A community called "Design" is as ambiguous in prose as a topic called so.
    const common = terms.filter(isCommonWord);
    if (common.length > 0) entry.commonTerms = common;
    out.push(entry);
  }
  return { version, topics: out };
}
