// What the popup's community view lists, for a large community, kept per generation: its
// members in the view's order (participation, then name) with their memberships and names,
// and the units and companies it spans. Listing them otherwise reads every member's person
// record (0.8–1 s for a community of everyone at 100,000 people, ≈ 0.3 s for one of 2,000
// whose members are spread over most people packs: "A community's screens at directory scale",
// docs/benchmarks.md); a digest is one value, its columns a few long strings.
//
// A digest is derived data, never the only copy of anything: keyed by feed, generation and
// community, it is written after a sync switches a generation in (`warmDigests`, in the
// background) or by the first view that lists the community the long way, and read only for
// the generation a `feeds` row names, which never changes (generation numbers are never
// reused). Garbage collection drops the digests of generations no longer visible.
import Dexie from 'dexie';
import type { ConstellationDB } from './database';
import { columnData, columnText, fromColumns, toColumns, type PackColumns } from './pack-columns';
import { readPacks, type PackReader } from './packed';
import {
  byParticipationThenName,
  byRolesThenName,
  contactsReadLongWay,
  countByParticipation,
  isContact,
  membershipsOf,
  readMembers,
  type CommunityContacts,
} from './queries';
import type { Viewer } from './viewer';
import type { MembershipRow, PersonRow, Ref, UnitRow } from './schema';
import type { Participation } from '../model/vocabulary';

/** Communities with fewer members are listed the long way: it takes tens of milliseconds. */
export const DIGEST_MIN_MEMBERS = 300;

/**
 * How many members of each level of participation a digest's `first` part holds: the popup's
 * community view shows 30 of each at first (components/popup/MemberGroup.tsx), and reads the
 * whole `members` part only when asked for more than this.
 */
export const DIGEST_FIRST_PER_LEVEL = 60;

/**
 * How many of its first contacts (`byRolesThenName`) a digest's summary keeps: a community card
 * names 5, and the viewer, if among them, is left out.
 */
export const DIGEST_CONTACTS = 8;

/** A membership as a digest stores it: without its feed and community (the row's). */
type StoredMembership = Omit<MembershipRow, 'feedId' | 'community'>;

interface DigestKey {
  feedId: string;
  gen: number;
  community: string;
}

/**
 * A digest is three rows, so the view's head reads a few hundred bytes and not the members:
 * `summary`, its members counted by participation (a membership whose person the feed lacks
 * counts too) and what it spans; `first`, the first members of each level; `members`, the
 * members in the view's order.
 */
export type CommunityDigestRow = DigestKey &
  (
    | {
        part: 'summary';
        counts: Record<Participation, number>;
        units: string[];
        companies: string[];
        /**
         * The first `DIGEST_CONTACTS` members a community card may name (`isContact`), in its
         * order, with their names; all of them when there are fewer. Absent in digests written
         * before it (the card then reads the long way).
         */
        contacts?: { name: string; membership: StoredMembership }[];
      }
    | {
        /**
         * The first `DIGEST_FIRST_PER_LEVEL` members of each level of participation, in the
         * view's order, with their names. Absent in digests written before it.
         */
        part: 'first';
        memberships: StoredMembership[];
        names: string[];
        /**
         * Their own units and companies, in the same order: what a topic card shows of a
         * member it names, without reading the people packs they are spread over. Absent in
         * digests written before it, and in one rewritten from a digest's own listing.
         */
        where?: Where[];
      }
    | {
        part: 'members';
        /** In columns when they fit, else as objects. */
        memberships: PackColumns | StoredMembership[];
        /**
         * The members' names in the same order: joined by a newline when none holds one (as
         * UTF-8 bytes when a character is beyond Latin-1, which V8 would clone as two bytes
         * each), else a list.
         */
        names: string | Uint8Array | string[];
      }
  );

/** A person's own unit and company (not their unit's company), as a `first` part keeps them. */
export interface Where {
  unit?: string;
  company?: string;
}

/** A person's `Where`, without empty fields. */
function whereOf({ unit, company }: Partial<Pick<PersonRow, 'unit' | 'company'>>): Where {
  return { ...(unit ? { unit } : {}), ...(company ? { company } : {}) };
}

export type DigestSummary = Extract<CommunityDigestRow, { part: 'summary' }>;
type DigestMembers = Extract<CommunityDigestRow, { part: 'members' }>;
type DigestFirst = Extract<CommunityDigestRow, { part: 'first' }>;

/** A member as the community view lists them: the person's name, and the membership. */
export interface ListedMember {
  person: Pick<PersonRow, 'feedId' | 'id' | 'name'>;
  membership: MembershipRow;
}

/** A community's members in the view's order, counted by participation, and what it spans. */
export interface CommunityListing {
  members: ListedMember[];
  counts: Record<Participation, number>;
  units: string[];
  companies: string[];
}

/**
 * The listing from a community's memberships and, in the same order, their people (undefined
 * for one the feed lacks), with the feed's units: members in the order of
 * `byParticipationThenName`, the units and companies (a person's, or else their unit's) sorted.
 */
export function listingOf(
  memberships: readonly MembershipRow[],
  people: readonly (ListedPerson | undefined)[],
  unitCompany: ReadonlyMap<string, string>,
): CommunityListing {
  const members: ListedMember[] = [];
  memberships.forEach((membership, i) => {
    const person = people[i];
    if (!person) return;
    members.push({
      person: { feedId: person.feedId, id: person.id, name: person.name },
      membership,
    });
  });
  members.sort(byParticipationThenName);
  return { members, counts: countByParticipation(memberships), ...spansOf(people, unitCompany) };
}

/** The people fields a listing reads. */
type ListedPerson = Pick<PersonRow, 'feedId' | 'id' | 'name' | 'unit' | 'company'>;

/**
 * The units and the companies (a person's, or else their unit's) that people span, sorted;
 * `unitCompany`: the company of each unit that has one.
 */
export function spansOf(
  people: readonly (Pick<ListedPerson, 'unit' | 'company'> | undefined)[],
  unitCompany: ReadonlyMap<string, string>,
): { units: string[]; companies: string[] } {
  const units = new Set<string>();
  const companies = new Set<string>();
  for (const person of people) {
    if (!person) continue;
    if (person.unit) units.add(person.unit);
    const company = person.company ?? (person.unit ? unitCompany.get(person.unit) : undefined);
    if (company) companies.add(company);
  }
  return { units: [...units].sort(), companies: [...companies].sort() };
}

/** A membership as a digest stores it. */
function stored(membership: MembershipRow): StoredMembership {
  const { feedId: _feed, community: _community, ...rest } = membership;
  return rest;
}

/**
 * The digest rows of a listing; `people`, the members' people by id when read (the `first`
 * part then keeps where they work).
 */
export function digestRows(
  ref: Ref,
  gen: number,
  listing: CommunityListing,
  people?: ReadonlyMap<string, Pick<PersonRow, 'unit' | 'company'>>,
): [DigestSummary, DigestFirst, DigestMembers] {
  const key = { feedId: ref.feedId, gen, community: ref.id };
  const memberships = listing.members.map(({ membership }) => stored(membership));
  const names = listing.members.map((m) => m.person.name);
  const taken: Record<Participation, number> = { core: 0, active: 0, peripheral: 0 };
  const first = listing.members.filter(
    ({ membership }) => ++taken[membership.participation] <= DIGEST_FIRST_PER_LEVEL,
  );
  const contacts = listing.members
    .filter((m) => isContact(m.membership))
    .sort(byRolesThenName)
    .slice(0, DIGEST_CONTACTS)
    .map(({ person, membership }) => ({ name: person.name, membership: stored(membership) }));
  return [
    {
      ...key,
      part: 'summary',
      counts: listing.counts,
      units: listing.units,
      companies: listing.companies,
      contacts,
    },
    {
      ...key,
      part: 'first',
      memberships: first.map(({ membership }) => stored(membership)),
      names: first.map(({ person }) => person.name),
      ...(people
        ? {
            where: first.map(({ person }) => whereOf(people.get(person.id) ?? {})),
          }
        : {}),
    },
    {
      ...key,
      part: 'members',
      memberships: toColumns(memberships) ?? memberships,
      names: names.some((name) => name.includes('\n')) ? names : columnData(names.join('\n')),
    },
  ];
}

/**
 * The listing a digest's summary and its `members` part hold (or its `first` part: the first
 * members of each level only).
 */
export function listingFromDigest(
  summary: DigestSummary,
  members: Pick<DigestMembers | DigestFirst, 'memberships' | 'names'>,
): CommunityListing {
  const { feedId, community } = summary;
  const stored = members.memberships;
  const memberships = (
    Array.isArray(stored)
      ? stored.map((m) => ({ ...m, feedId }))
      : (fromColumns(stored, feedId) as Omit<MembershipRow, 'community'>[])
  ) as MembershipRow[];
  const names = Array.isArray(members.names)
    ? members.names
    : memberships.length === 0
      ? []
      : columnText(members.names).split('\n');
  if (names.length !== memberships.length)
    throw new Error(
      `a digest of ${community} holds ${names.length} names for ${memberships.length} members`,
    );
  const listed = new Array<ListedMember>(memberships.length);
  for (let i = 0; i < memberships.length; i++) {
    const membership = memberships[i]!;
    membership.community = community;
    listed[i] = { person: { feedId, id: membership.person, name: names[i]! }, membership };
  }
  return {
    members: listed,
    counts: { ...summary.counts },
    units: summary.units,
    companies: summary.companies,
  };
}

/**
 * The listing a digest holds, or undefined when it does not decode (damaged, or written by a
 * faulty version): the view then reads the long way instead of failing on derived data.
 */
function decodedListing(summary: DigestSummary, members: DigestMembers | DigestFirst) {
  try {
    return listingFromDigest(summary, members);
  } catch {
    return undefined;
  }
}

/** The key of one part of a community's digest in the generation `r` reads. */
function partKey(
  r: PackReader,
  ref: Ref,
  part: CommunityDigestRow['part'],
): [string, number, string, string] | undefined {
  const gen = r.gens.get(ref.feedId);
  return gen === undefined ? undefined : [ref.feedId, gen, ref.id, part];
}

/**
 * The summary of a community's digest in the generation `r` reads, if it has one: what the
 * view's head shows, without reading the memberships.
 */
export async function digestSummary(
  db: ConstellationDB,
  r: PackReader,
  ref: Ref,
): Promise<DigestSummary | undefined> {
  const key = partKey(r, ref, 'summary');
  return key && ((await db.communityDigests.get(key)) as DigestSummary | undefined);
}

/**
 * Both rows of a community's digest in the generation `r` reads, if it has one. The summary is
 * read first, alone: the view's head asks for it at the same moment, and its small read then
 * comes before the members' large one instead of waiting behind it.
 */
async function storedDigest(
  db: ConstellationDB,
  r: PackReader,
  ref: Ref,
): Promise<[DigestSummary, DigestMembers] | undefined> {
  const summary = await digestSummary(db, r, ref);
  const key = summary && partKey(r, ref, 'members');
  const members = key && (await db.communityDigests.get(key));
  return summary && members?.part === 'members' ? [summary, members] : undefined;
}

/** Stores digests, each only while its generation is still the one its feed shows. */
async function storeDigests(db: ConstellationDB, rows: readonly CommunityDigestRow[]) {
  if (rows.length === 0) return;
  await db.transaction('rw', db.feeds, db.communityDigests, async () => {
    const gens = new Map((await db.feeds.toArray()).map((f) => [f.feedId, f.gen]));
    await db.communityDigests.bulkPut(rows.filter((row) => gens.get(row.feedId) === row.gen));
  });
}

/**
 * A community's listing: from its digest when the visible generation has one that decodes;
 * else read the long way (every member's person record), and kept as a digest when the
 * community is large. No visibility check: callers make it.
 */
export async function communityListing(
  db: ConstellationDB,
  ref: Ref,
  minMembers = DIGEST_MIN_MEMBERS,
): Promise<CommunityListing> {
  const { listing, keep } = await readPacks(db, async (r) => {
    const stored = await storedDigest(db, r, ref);
    const fromDigest = stored && decodedListing(...stored);
    if (fromDigest) return { listing: fromDigest, keep: undefined };
    const { memberships, people, unitCompany } = await readMembersAndUnits(r, ref);
    const listing = listingOf(memberships, people, unitCompany);
    const gen = r.gens.get(ref.feedId);
    // A digest that did not decode is replaced, whatever the community's size.
    const keep = (stored || listing.members.length >= minMembers) && gen !== undefined;
    const byId = () => new Map(people.flatMap((p) => (p ? [[p.id, p] as const] : [])));
    return { listing, keep: keep ? digestRows(ref, gen, listing, byId()) : undefined };
  });
  // Written after the answer, and never in its way: a digest that cannot be written (a
  // read-only moment, quota) only means the next view reads the long way again.
  if (keep) void storeDigests(db, keep).catch(() => undefined);
  return listing;
}

/** A community's listing as the popup's community view first shows it. */
export interface FirstListing {
  listing: CommunityListing;
  /**
   * False when `listing.members` holds only the first `DIGEST_FIRST_PER_LEVEL` members of some
   * level (`listing.counts` counts them all): `communityListing` gives the rest.
   */
  complete: boolean;
}

/**
 * The members the popup's community view shows first: from a large community's digest, its
 * `first` part (the first `DIGEST_FIRST_PER_LEVEL` of each level, a few kilobytes at any size);
 * else the whole listing (`communityListing`). No visibility check: callers make it.
 */
export async function communityFirstMembers(db: ConstellationDB, ref: Ref): Promise<FirstListing> {
  const { first, mend } = await readPacks(db, async (r) => {
    const summary = await digestSummary(db, r, ref);
    const decoded = summary && (await firstPart(db, r, ref, summary))?.listing;
    // A digest without a first part that decodes (written by an earlier version, or damaged)
    // is written again from the whole listing, so the next view reads the few kilobytes.
    const gen = r.gens.get(ref.feedId);
    return { first: decoded, mend: summary && !decoded ? gen : undefined };
  });
  if (!first) {
    const listing = await communityListing(db, ref);
    if (mend !== undefined)
      void storeDigests(db, digestRows(ref, mend, listing)).catch(() => undefined);
    return { listing, complete: true };
  }
  const shown: Record<Participation, number> = { core: 0, active: 0, peripheral: 0 };
  for (const { membership } of first.members) shown[membership.participation] += 1;
  // A level with fewer than the part's share is there whole.
  const complete = Object.values(shown).every((n) => n < DIGEST_FIRST_PER_LEVEL);
  return { listing: first, complete };
}

/** The listing a digest's `first` part holds, or undefined when it has none that decodes. */
async function firstPart(db: ConstellationDB, r: PackReader, ref: Ref, summary: DigestSummary) {
  const key = partKey(r, ref, 'first');
  const part = key && (await db.communityDigests.get(key));
  if (part?.part !== 'first') return undefined;
  const listing = decodedListing(summary, part);
  const where = part.where?.length === listing?.members.length ? part.where : undefined;
  return listing && { listing, where };
}

/** A member a topic card may name: with where they work, when that was read with them. */
export interface MemberToAsk extends ListedMember {
  /** Their own unit and company; undefined when not known (read the person for it). */
  where?: Where;
}

/**
 * The first `want` members of a community at one level of participation whom `wanted` accepts,
 * in the view's order (`byParticipationThenName`). A topic card asks a few core members of each
 * community covering the topic: with a digest, its `first` part holds them, with where they
 * work (a few kilobytes, where a community of everyone at 100,000 people has 100,000
 * memberships to read, and its first members by name are spread over every people pack), and
 * only when too few of those are wanted does the whole listing answer. A community without a
 * digest: when small, the level's memberships and their people are read; when large (none
 * written yet), the whole listing answers and keeps one. The same members either way. No
 * visibility check: callers make it.
 */
export async function firstMembersOfLevel(
  db: ConstellationDB,
  ref: Ref,
  level: Participation,
  wanted: (member: ListedMember) => boolean,
  want: number,
): Promise<MemberToAsk[]> {
  if (want <= 0) return [];
  const take = (members: readonly MemberToAsk[]) => {
    const out: MemberToAsk[] = [];
    for (const member of members) {
      if (member.membership.participation !== level || !wanted(member)) continue;
      if (out.push(member) === want) break;
    }
    return out;
  };
  const found = await readPacks(db, async (r) => {
    const summary = await digestSummary(db, r, ref);
    if (!summary) {
      const all = await membershipsOf(r, ref);
      // A large community without a digest yet (before the sync's warm-up wrote it, or the
      // worker stopped first): its level's people are spread over every people pack, so the
      // whole listing answers once, and keeps a digest for the next card.
      if (all.length >= DIGEST_MIN_MEMBERS) return undefined;
      const memberships = all.filter((m) => m.participation === level);
      const people = await r.bulkGet<PersonRow>(
        'people',
        memberships.map((m) => ({ feedId: m.feedId, id: m.person })),
      );
      const members: MemberToAsk[] = [];
      memberships.forEach((membership, i) => {
        const person = people[i];
        if (!person) return;
        const { feedId, id, name } = person;
        members.push({ person: { feedId, id, name }, membership, where: whereOf(person) });
      });
      return take(members.sort(byParticipationThenName));
    }
    const first = await firstPart(db, r, ref, summary);
    if (!first) return undefined;
    const { listing, where } = first;
    const taken = take(
      where ? listing.members.map((m, i) => ({ ...m, where: where[i]! })) : listing.members,
    );
    // The part holds the level whole when it has fewer than its share of it.
    const shown = listing.members.filter((m) => m.membership.participation === level).length;
    return taken.length === want || shown < DIGEST_FIRST_PER_LEVEL ? taken : undefined;
  });
  return found ?? take((await communityListing(db, ref)).members);
}

/**
 * Whom a community card names to ask (`contactsReadLongWay`): from the digest's summary when
 * the visible generation has one that holds enough of them — a community card of everyone at
 * 100,000 people then reads a few hundred bytes and the viewer's own memberships, not 100,000
 * memberships — else the long way. The same answer either way. No visibility check: callers
 * make it.
 */
export async function communityContacts(
  db: ConstellationDB,
  ref: Ref,
  viewer: Viewer,
  limit: number,
): Promise<CommunityContacts> {
  return readPacks(db, async (r) => {
    const summary = await digestSummary(db, r, ref);
    const me = viewer.me?.feedId === ref.feedId ? viewer.me.id : undefined;
    const kept = summary?.contacts;
    const others = kept?.filter((c) => c.membership.person !== me);
    // Enough kept: `limit` beside the viewer, or every contact the community has.
    if (!summary || !kept || !others || (others.length < limit && kept.length >= DIGEST_CONTACTS))
      return contactsReadLongWay(r, ref, viewer, limit);
    const withRef = (m: StoredMembership): MembershipRow => ({
      ...m,
      feedId: ref.feedId,
      community: ref.id,
    });
    const mine =
      me === undefined
        ? undefined
        : (await r.group<MembershipRow>('memberships', ref.feedId, me)).find(
            (m) => m.community === ref.id,
          );
    const { core, active, peripheral } = summary.counts;
    return {
      count: core + active + peripheral,
      ...(mine ? { mine } : {}),
      contacts: others.slice(0, limit).map(({ name, membership }) => ({
        person: { feedId: ref.feedId, id: membership.person, name },
        membership: withRef(membership),
      })),
    };
  });
}

/**
 * A community's memberships, their people (in the same order, undefined for one the feed
 * lacks) and the company of each of their units that has one, in one reader: the long way.
 */
export async function readMembersAndUnits(r: PackReader, community: Ref) {
  const { memberships, people } = await readMembers(r, community);
  const unitIds = new Set<string>();
  for (const p of people) if (p?.unit) unitIds.add(p.unit);
  const units = await r.bulkGet<UnitRow>(
    'units',
    [...unitIds].map((id) => ({ feedId: community.feedId, id })),
  );
  return { memberships, people, unitCompany: companiesOfUnits(units) };
}

/** The company of each unit that has one. */
export function companiesOfUnits(units: readonly (UnitRow | undefined)[]): Map<string, string> {
  return new Map(units.flatMap((u) => (u?.company ? [[u.id, u.company] as const] : [])));
}

/** The person fields a listing needs (the rest of each record is not decoded). */
const LISTED_FIELDS: ReadonlySet<string> = new Set(['id', 'name', 'unit', 'company']);

/**
 * Writes the digests of every large community of the visible generations that has none yet
 * (after a sync, in the background): per feed, every membership and every person's name, unit
 * and company, read once. Returns how many were written.
 */
export async function warmDigests(
  db: ConstellationDB,
  minMembers = DIGEST_MIN_MEMBERS,
): Promise<number> {
  const rows = await readPacks(db, async (r) => {
    const out: CommunityDigestRow[] = [];
    for (const [feedId, gen] of r.gens) {
      const memberships = await r.all<MembershipRow>('memberships@community', feedId);
      const byCommunity = new Map<string, MembershipRow[]>();
      for (const m of memberships) {
        let group = byCommunity.get(m.community);
        if (!group) byCommunity.set(m.community, (group = []));
        group.push(m);
      }
      const large = [...byCommunity].filter(([, group]) => group.length >= minMembers);
      if (large.length === 0) continue;
      const have = new Set(
        (
          await db.communityDigests
            .where('[feedId+gen+community+part]')
            .between(
              [feedId, gen, Dexie.minKey, Dexie.minKey],
              [feedId, gen, Dexie.maxKey, Dexie.maxKey],
            )
            .primaryKeys()
        ).flatMap((key) => (key[3] === 'summary' ? [key[2]] : [])),
      );
      const wanted = large.filter(([id]) => !have.has(id));
      if (wanted.length === 0) continue;
      const people = new Map(
        (await r.all<PersonRow>('people', feedId, LISTED_FIELDS)).map((p) => [p.id, p]),
      );
      const unitCompany = companiesOfUnits(await r.all<UnitRow>('units', feedId));
      for (const [id, group] of wanted) {
        // One community at a time, with the worker's messages (a page's lookups) in between.
        await new Promise((resolve) => setTimeout(resolve, 0));
        const listing = listingOf(
          group,
          group.map((m) => people.get(m.person)),
          unitCompany,
        );
        out.push(...digestRows({ feedId, id }, gen, listing, people));
      }
    }
    return out;
  });
  await storeDigests(db, rows);
  return rows.filter((row) => row.part === 'summary').length;
}
