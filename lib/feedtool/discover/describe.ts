// Names, domain sentences and topics for found groups, from what they share: the areas they
// change (ranked by weight) and the words of their commit subjects that are distinctive for
// this group compared with the others (tf-idf over groups), never a fixed list of subjects.

/** Words that say nothing about a domain: English glue and the verbs of every commit log. */
const STOP = new Set(
  (
    'the and for with from into onto about when what which this that these those then than its ' +
    'are was were has have had not but all any some more most less also only just now new old ' +
    'use used using via per out off one two can may should would could will make made makes ' +
    'add adds added adding fix fixes fixed fixing update updates updated updating remove removes ' +
    'removed removing change changes changed improve improved improves improvement improvements ' +
    'typo typos minor small tweak tweaks wording clarify clarified clarification mention mentions ' +
    'section sections page pages link links file files line lines doc docs note notes text ' +
    'bump bumps merge merged revert reverts reverted move moved moves rename renamed cleanup clean ' +
    'up down how why who where there here our your they them their you his her get set let like ' +
    'gh bpo issue issues pull request requests master main branch pre post see instead other ' +
    "myself yourself possible todo etc don doesn isn aren wasn can't don't it's"
  ).split(/\s+/),
);

export function subjectWords(subject: string): string[] {
  return (
    subject
      .toLowerCase()
      // Issue and PR references: "(#123)", "GH-123", "bpo-4567".
      .replace(/\(?#\d+\)?|\b(gh|bpo)-\d+\b/g, ' ')
      .split(/[^\p{L}\p{N}'+-]+/u)
      .map((w) => w.replace(/'s$/, '').replace(/^['+-]+|['+-]+$/g, ''))
      .filter((w) => w.length >= 3 && !STOP.has(w) && !/^\d/.test(w))
  );
}

/** Distinctive words per group, best first. `subjects[g]` are group g's commit subjects. */
export function distinctiveWords(subjects: readonly string[][], limit: number): string[][] {
  const counts = subjects.map((list) => {
    const count = new Map<string, number>();
    for (const s of list)
      for (const w of new Set(subjectWords(s))) count.set(w, (count.get(w) ?? 0) + 1);
    return count;
  });
  const df = new Map<string, number>();
  for (const count of counts) for (const w of count.keys()) df.set(w, (df.get(w) ?? 0) + 1);
  const groups = subjects.length;
  return counts.map((count) =>
    [...count.entries()]
      .filter(([, n]) => n >= 2)
      // A squared idf: a word all groups use ("python" in a Python
      // repository) must be far more frequent here than a word only this group uses.
      .map(([w, n]) => ({ w, score: n * Math.log(1 + groups / df.get(w)!) ** 2 }))
      .sort((a, b) => b.score - a.score || (a.w < b.w ? -1 : 1))
      .slice(0, limit)
      .map((x) => x.w),
  );
}

/** "development-tools/clinic" → "Clinic"; "getting-started" → "Getting started"; "index.rst" → "Index". */
export function areaLabel(area: string): string {
  const last = area.split('/').pop() ?? area;
  const bare = last.replace(/^\.+/, '').replace(/\.[A-Za-z0-9]+$/, '') || last;
  const words = bare.replace(/[-_]+/g, ' ').trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** A name from the one or two areas that carry most of the work; unique among `taken`. */
export function groupName(
  areas: readonly string[],
  weights: readonly number[],
  taken: Set<string>,
): string {
  const first = areas[0]!;
  let name = areaLabel(first);
  if (areas[1] !== undefined && weights[1]! >= 0.5 * weights[0]! && areaLabel(areas[1]) !== name)
    name = `${name} & ${areaLabel(areas[1])}`;
  if (taken.has(name.toLowerCase())) name = `${name} (${first})`;
  let unique = name;
  for (let i = 2; taken.has(unique.toLowerCase()); i++) unique = `${name} ${i}`;
  taken.add(unique.toLowerCase());
  return unique;
}

/** The domain sentence: the shared repertoire, and what the work is about in its own words. */
export function domainSentence(areas: readonly string[], words: readonly string[]): string {
  const shown = areas.slice(0, 3).join(', ');
  const more = areas.length > 3 ? ` and ${areas.length - 3} more` : '';
  const about = words.length > 0 ? `; the commits are about ${words.slice(0, 6).join(', ')}` : '';
  return `Looking after ${shown}${more} together${about}.`;
}
