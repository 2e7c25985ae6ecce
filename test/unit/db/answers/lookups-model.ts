// The model of the answers across feeds: prefix search (people, topics, communities) and
// resolving a page's people by handle, email, name and profile link. Part of the model of
// answers (model.ts); the same rules, computed from the feeds' JSON with plain loops.
import { expect } from 'vitest';
import type { FeedInput } from '../../../../lib/model/feed';
import { foldText, nameKey, queryTokens } from '../../../../lib/model/keys';
import type { Answers, ResolveKeys } from './product';

type Person = FeedInput['people'][number];
type Community = FeedInput['communities'][number];

/** The viewer: my person (of one feed), and the communities I am in ("feedId\0id"). */
export interface ModelViewer {
  me?: { feedId: string; id: string };
  memberOf: Set<string>;
}

export const byCodeUnits = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
export const sorted = (values: Iterable<string>) => [...values].sort();

/** A row's search words: its values folded, split at anything not a letter or digit. */
function wordsOf(values: readonly string[]): string[] {
  const words: string[] = [];
  for (const value of values) {
    const folded = foldText(value);
    words.push(...folded.split(/[^\p{L}\p{N}]+/u).filter(Boolean));
    if (/[^\p{L}\p{N}]/u.test(folded) && !folded.includes(' ')) words.push(folded);
  }
  return words;
}

function matches(query: string, values: readonly string[]): boolean {
  const words = queryTokens(query);
  const mine = wordsOf(values);
  return words.length > 0 && words.every((w) => mine.some((t) => t.startsWith(w)));
}

export function modelHandleKey(host: string, login: string): string {
  return `${host.toLowerCase().replace(/^www\./, '')} ${login.toLowerCase()}`;
}

/** A feed's records with the feed's id, as cross-feed answers ("feedId|id") name them. */
export const rowsOf = <T extends { id: string }>(
  feeds: readonly FeedInput[],
  list: (f: FeedInput) => T[],
) =>
  feeds.flatMap((f) =>
    list(f).map((row) => ({ ...row, feedId: f.feedId, key: `${f.feedId}|${row.id}` })),
  );

/** Search across the feeds: every query word a prefix of a row's word; ranked by name. */
export function expectSearch(
  actual: Answers['search'],
  feeds: readonly FeedInput[],
  queries: readonly string[],
  visible: (feedId: string, c: Community) => boolean,
): void {
  const people = rowsOf(feeds, (f) => f.people);
  const topics = rowsOf(feeds, (f) => f.topics);
  const communities = rowsOf(feeds, (f) => f.communities);
  expect(actual.map((s) => s.query)).toEqual(queries);
  for (const answer of actual) {
    const q = answer.query;
    // Names that start with the query first, then by name, then by feed and id.
    const ranked = <T extends { feedId: string; id: string; key: string }>(
      rows: T[],
      name: (row: T) => string,
    ) => {
      const lower = q.trim().toLowerCase();
      const starts = (row: T) => (name(row).toLowerCase().startsWith(lower) ? 0 : 1);
      return rows
        .sort(
          (a, b) =>
            starts(a) - starts(b) ||
            name(a).localeCompare(name(b)) ||
            byCodeUnits(a.feedId, b.feedId) ||
            byCodeUnits(a.id, b.id),
        )
        .map((row) => row.key);
    };
    const found = people.filter((p) =>
      matches(q, [
        p.name,
        ...(p.aliases ?? []),
        ...(p.emails ?? []),
        ...Object.values(p.handles ?? {}),
      ]),
    );
    const all = ranked(found, (p) => p.name);
    expect(answer.people, `people for "${q}"`).toEqual(all);
    // With a limit: that many of the matches (which ones is open), in the same order.
    expect(answer.peopleLimited.length, `limited people for "${q}"`).toBe(Math.min(2, all.length));
    const at = answer.peopleLimited.map((id) => all.indexOf(id));
    expect(
      at.every((i, n) => i >= 0 && (n === 0 || i > at[n - 1]!)),
      `limited "${q}"`,
    ).toBe(true);
    expect(answer.topics, `topics for "${q}"`).toEqual(
      ranked(
        topics.filter((t) => matches(q, [t.label, ...(t.aliases ?? [])])),
        (t) => t.label,
      ),
    );
    expect(answer.communities, `communities for "${q}"`).toEqual(
      ranked(
        communities.filter((c) => visible(c.feedId, c) && matches(q, [c.name])),
        (c) => c.name,
      ),
    );
  }
}

/** Resolving a page's people: by handle, email, name and profile link, in every feed. */
export function expectResolved(
  actual: Answers['resolve'],
  feeds: readonly FeedInput[],
  viewer: ModelViewer,
  keys: ResolveKeys,
  visible: (feedId: string, c: Community) => boolean,
): void {
  const people = rowsOf(feeds, (f) => f.people);
  const having = (keysOf: (p: Person) => string[], key: string) =>
    sorted(people.filter((p) => keysOf(p).includes(key)).map((p) => p.key));
  const handleKeys = (p: Person) =>
    Object.entries(p.handles ?? {}).map(([host, login]) => modelHandleKey(host, login));
  const emailKeys = (p: Person) => (p.emails ?? []).map((e) => e.toLowerCase());
  const nameKeys = (p: Person) => [p.name, ...(p.aliases ?? [])].map(nameKey);
  const each = (wanted: string[], keysOf: (p: Person) => string[]) =>
    [...new Set(wanted)].map((key) => [key, having(keysOf, key)]);
  expect(actual.handles, 'by handle').toEqual(each(keys.handles, handleKeys));
  expect(actual.emails, 'by email').toEqual(each(keys.emails, emailKeys));
  expect(actual.names, 'by name').toEqual(each(keys.names, nameKeys));
  expect(actual.urls, 'by profile link').toEqual(
    keys.urls.map((url) => {
      const handle = profileOf(url);
      return [url, handle, handle ? having(handleKeys, handle) : []];
    }),
  );
  const resolvedKeys = new Set(
    [...actual.handles, ...actual.emails, ...actual.names].flatMap(([, ids]) => ids),
  );
  const byKey = new Map(people.map((p) => [p.key, p]));
  expect(actual.resolved, 'resolved people').toEqual(
    sorted(resolvedKeys).map((key) => {
      const p = byKey.get(key)!;
      const feed = feeds.find((f) => f.feedId === p.feedId)!;
      const mine = feed.memberships
        .filter((m) => m.person === p.id)
        .map((m) => feed.communities.find((c) => c.id === m.community)!)
        .filter((c) => visible(feed.feedId, c));
      const unit = p.unit ? feed.units.find((u) => u.id === p.unit) : undefined;
      const company = p.company ?? unit?.company;
      return [
        key,
        {
          communities: mine.length,
          sharedWithMe: viewer.me
            ? sorted(
                mine
                  .filter((c) => viewer.memberOf.has(`${feed.feedId}\u0000${c.id}`))
                  .map((c) => c.name),
              )
            : [],
          isMe: viewer.me?.feedId === p.feedId && viewer.me.id === p.id,
          ...(unit ? { unitName: unit.name } : {}),
          ...(company !== undefined ? { company } : {}),
        },
      ];
    }),
  );
}

/**
 * What pages are marked with: the topics a visible community covers (with those communities),
 * every visible community, and the folded full names (two words or more, names and aliases)
 * that name exactly one person of the feeds.
 */
export function expectVocabulary(
  actual: Answers['vocabulary'],
  feeds: readonly FeedInput[],
  visible: (feedId: string, c: Community) => boolean,
): void {
  const coverage = new Map<string, string[]>();
  for (const f of feeds)
    for (const c of f.communities)
      if (visible(f.feedId, c))
        for (const t of c.topics ?? []) {
          const key = `${f.feedId}|${t}`;
          coverage.set(key, [...(coverage.get(key) ?? []), c.id]);
        }
  expect(actual.topics, 'topics marked').toEqual(
    sorted(rowsOf(feeds, (f) => f.topics).flatMap((t) => (coverage.has(t.key) ? [t.key] : []))),
  );
  expect(actual.coverage, 'communities covering them').toEqual(
    [...coverage]
      .map(([key, ids]): [string, string[]] => [key, sorted(ids)])
      .sort((a, b) => byCodeUnits(a[0], b[0])),
  );
  expect(actual.communities, 'communities marked').toEqual(
    sorted(
      rowsOf(feeds, (f) => f.communities).flatMap((c) => (visible(c.feedId, c) ? [c.key] : [])),
    ),
  );
  const named = new Map<string, Set<string>>();
  for (const p of rowsOf(feeds, (f) => f.people))
    for (const key of [p.name, ...(p.aliases ?? [])].map(nameKey))
      if (key.includes(' ')) named.set(key, (named.get(key) ?? new Set()).add(p.key));
  expect(actual.uniqueNames, 'names of one person').toEqual(
    sorted([...named].flatMap(([key, who]) => (who.size === 1 ? [key] : []))),
  );
}

/** The profile URLs `resolveKeys` makes, read back: the handle key each one names. */
const PROFILE_URLS = new Map<string, string>();

export function profileOf(url: string): string | undefined {
  return PROFILE_URLS.get(url);
}

/** The keys a page could carry for the people of `feeds`, and some that name no one. */
export function resolveKeys(feeds: readonly FeedInput[]): ResolveKeys {
  const handles = ['github.com nobody', 'wiki.acme.example alice.x'];
  const emails = ['nobody@acme.example'];
  const names = ['no such person'];
  const urls = ['https://github.com/settings', 'https://wiki.acme.example/wiki/Help:Contents'];
  for (const p of feeds.flatMap((f) => f.people)) {
    for (const [host, login] of Object.entries(p.handles ?? {})) {
      const key = modelHandleKey(host, login);
      handles.push(key);
      // Profile links only for logins the code hosts' and wikis' URL patterns allow.
      if (!/^[\p{L}\p{N}][\p{L}\p{N}._-]*$/u.test(login)) continue;
      const path = host.toLowerCase().includes('wiki')
        ? `wiki/User:${encodeURIComponent(login)}`
        : encodeURIComponent(login);
      const url = `https://${host}/${path}`;
      PROFILE_URLS.set(url, key);
      urls.push(url);
    }
    emails.push(...(p.emails ?? []).map((e) => e.toLowerCase()));
    names.push(...[p.name, ...(p.aliases ?? [])].map(nameKey));
  }
  return { handles, emails, names, urls: [...new Set(urls)] };
}
