// The page summary the popup shows for the current tab: how many people across how many
// units, which communities the page touches (those whose topics appear, and those named on
// it by their own name or alias: a community mark), how many of the people are the viewer's
// colleagues (share a community with them).
import type { ResolvedPerson } from '../match/identity';
import type { VocabularyTopic } from '../match/vocabulary';
import type { PageKind, SiteId } from '../sites/types';

export interface PageSummary {
  site: SiteId;
  siteLabel: string;
  pageKind: PageKind;
  people: number;
  units: number;
  /** Communities the page touches, by name: their topics appear, or they are named on it. */
  communities: string[];
  /** Of those, the communities named on the page (a community mark), by name. */
  namedCommunities: string[];
  topics: number;
  colleagues: number;
  /** The viewer appears on the page. */
  includesMe: boolean;
}

export function summarize(
  site: { id: SiteId; label: string; pageKind: PageKind },
  people: Iterable<ResolvedPerson>,
  topics: Iterable<VocabularyTopic>,
  communityMarks: Iterable<VocabularyTopic> = [],
): PageSummary {
  const units = new Set<string>();
  let count = 0;
  let colleagues = 0;
  let includesMe = false;
  for (const person of people) {
    count++;
    if (person.unitName) units.add(`${person.company ?? ''}\u0000${person.unitName}`);
    if (person.isMe) includesMe = true;
    else if (person.sharedWithMe.length > 0) colleagues++;
  }
  const communities = new Set<string>();
  let topicCount = 0;
  for (const topic of topics) {
    topicCount++;
    for (const name of topic.communities) communities.add(name);
  }
  // A community mark's vocabulary entry is the community itself: its label is its name.
  const named = new Set<string>();
  for (const mark of communityMarks) {
    const name = mark.communities[0] ?? mark.label;
    named.add(name);
    communities.add(name);
  }
  return {
    site: site.id,
    siteLabel: site.label,
    pageKind: site.pageKind,
    people: count,
    units: units.size,
    communities: [...communities].sort(),
    namedCommunities: [...named].sort(),
    topics: topicCount,
    colleagues,
    includesMe,
  };
}

/** "this page: 6 people across 4 units; touches 3 communities; 2 of your colleagues" */
export function summaryLine(summary: PageSummary): string {
  const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
  const parts = [
    `${plural(summary.people, 'person', 'people')} across ${plural(summary.units, 'unit', 'units')}`,
    `touches ${plural(summary.communities.length, 'community', 'communities')}`,
    plural(summary.colleagues, 'of your colleagues', 'of your colleagues'),
  ];
  return `This page: ${parts.join('; ')}`;
}
