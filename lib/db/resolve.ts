// Batch lookups for page annotation: resolve every handle, email and name key a page
// mentions in one call (one read of the packs each key falls in, each pack read once), and compile
// the topic vocabulary for content scripts. Only the visible feeds' generations are read
// (readPacks), and communities are filtered through canSee, like every other query.
import type { ConstellationDB } from './database';
import { readPacks } from './packed';
import type { IndexEntry, IndexList } from './packs';
import { canSee, communityKey, type Viewer } from './queries';
import type { CommunityRow, MembershipRow, PersonRow, Ref, TopicRow } from './schema';

export interface KeyedPeople {
  handles: Map<string, PersonRow[]>;
  emails: Map<string, PersonRow[]>;
  names: Map<string, PersonRow[]>;
}

/** People for each key (keys are already normalised by lib/model/keys.ts). */
export async function peopleByKeys(
  db: ConstellationDB,
  keys: { handles: string[]; emails: string[]; names: string[] },
): Promise<KeyedPeople> {
  return readPacks(db, async (r) => {
    // One row object per person, however many keys find them.
    const rows = new Map<string, Promise<PersonRow | undefined>>();
    const person = (ref: Ref) => {
      const key = communityKey(ref.feedId, ref.id);
      let row = rows.get(key);
      if (!row) rows.set(key, (row = r.get<PersonRow>('people', ref.feedId, ref.id)));
      return row;
    };
    const lookup = async (index: IndexList, wanted: string[]) => {
      const out = new Map<string, PersonRow[]>();
      await Promise.all(
        [...new Set(wanted)].map(async (key) => {
          const found = await Promise.all((await r.lookup(index, key)).map(person));
          const list = found.filter((p): p is PersonRow => p !== undefined);
          if (list.length > 0) out.set(key, [...new Set(list)]);
        }),
      );
      return out;
    };
    const [handles, emails, names] = await Promise.all([
      lookup('people.handleKeys', keys.handles),
      lookup('people.emailKeys', keys.emails),
      lookup('people.nameKeys', keys.names),
    ]);
    return { handles, emails, names };
  });
}

/** Every membership of these people, grouped by person ("feedId\0id"). */
export async function membershipsOfPeople(
  db: ConstellationDB,
  people: PersonRow[],
): Promise<Map<string, MembershipRow[]>> {
  const rows = (
    await readPacks(db, (r) =>
      r.groups<MembershipRow>(
        'memberships',
        people.map((p) => ({ feedId: p.feedId, id: p.id })),
      ),
    )
  ).flat();
  const out = new Map<string, MembershipRow[]>();
  for (const row of rows) {
    const key = communityKey(row.feedId, row.person);
    out.set(key, [...(out.get(key) ?? []), row]);
  }
  return out;
}

/** Communities by "feedId\0id", only those the viewer may see. */
export async function visibleCommunities(
  db: ConstellationDB,
  viewer: Viewer,
  refs: { feedId: string; id: string }[],
): Promise<Map<string, CommunityRow>> {
  const unique = [...new Map(refs.map((r) => [communityKey(r.feedId, r.id), r])).values()];
  const rows = await readPacks(db, (r) => r.bulkGet<CommunityRow>('communities', unique));
  const out = new Map<string, CommunityRow>();
  for (const row of rows) {
    if (row && canSee(viewer, row)) out.set(communityKey(row.feedId, row.id), row);
  }
  return out;
}

export interface VocabularySource {
  topics: TopicRow[];
  /** Visible communities covering each topic ("feedId\0topicId" → community ids). */
  coverage: Map<string, string[]>;
  /** Names of those communities ("feedId\0communityId" → name). */
  names: Map<string, string>;
  /** Every community visible to the viewer (its name and aliases are marked on pages). */
  communities: CommunityRow[];
}

/** Topics of visible feeds that at least one community visible to the viewer covers. */
export async function vocabularySource(
  db: ConstellationDB,
  viewer: Viewer,
): Promise<VocabularySource> {
  const [topics, communities] = await readPacks(db, (r) =>
    Promise.all([r.all<TopicRow>('topics'), r.all<CommunityRow>('communities')]),
  );
  const coverage = new Map<string, string[]>();
  const names = new Map<string, string>();
  const seen: CommunityRow[] = [];
  for (const community of communities) {
    if (!canSee(viewer, community)) continue;
    seen.push(community);
    names.set(communityKey(community.feedId, community.id), community.name);
    for (const topic of community.topics) {
      const key = communityKey(community.feedId, topic);
      coverage.set(key, [...(coverage.get(key) ?? []), community.id]);
    }
  }
  return {
    topics: topics.filter((t) => coverage.has(communityKey(t.feedId, t.id))),
    coverage,
    names,
    communities: seen,
  };
}

/**
 * The folded full names (two words or more; names and aliases) that name exactly one person
 * of the visible feeds — read from the `nameKeys` index alone, without loading the rows.
 */
export async function uniquePersonNameKeys(db: ConstellationDB): Promise<string[]> {
  const entries = await readPacks(db, (r) => r.all<IndexEntry>('people.nameKeys'));
  const count = new Map<string, number>();
  for (const [key] of entries) {
    if (!key.includes(' ')) continue;
    count.set(key, (count.get(key) ?? 0) + 1);
  }
  return [...count].filter(([, n]) => n === 1).map(([key]) => key);
}

/** A string that changes whenever any feed is (re)ingested or removed. */
export async function dataVersion(db: ConstellationDB): Promise<string> {
  const feeds = await db.feeds.toArray();
  return feeds
    .map((f) => `${f.feedId}@${f.generatedAt}@${f.ingestedAt}`)
    .sort()
    .join('|');
}
