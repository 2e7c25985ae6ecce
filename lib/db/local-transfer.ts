// Export and import of the user's own data (who "me" is, follows, declared memberships and
// expertise, notes) as one JSON file. Import validates every entry (zod) and reports each one
// it skips with its path and reason; the valid ones land in one transaction over the local
// tables only. Feed tables are never touched, and nothing local is ever deleted by an import.
import { z } from '../model/zod';
import { LEADERSHIP_ROLES, PARTICIPATION_LEVELS } from '../model/vocabulary';
import { formatPath } from '../model/validate';
import type { ConstellationDB } from './database';
import { LOCAL_TABLES } from './database';
import { MAX_NOTE_CHARS } from './local';
import type { FollowRow, MeRow, MyExpertiseRow, MyMembershipRow, NoteRow } from './schema';

const LOCAL_DATA_FORMAT = 'constellation-local-data';
const LOCAL_DATA_VERSION = 1;

const id = z.string().min(1).max(200);
const when = z.iso.datetime({ offset: true });
const meSchema = z.object({ key: z.literal('me'), feedId: id, personId: id, chosenAt: when });
const followSchema = z.object({ feedId: id, community: id, followedAt: when });
const myMembershipSchema = z.object({
  feedId: id,
  community: id,
  participation: z.enum(PARTICIPATION_LEVELS),
  roles: z.array(z.enum(LEADERSHIP_ROLES)).max(20),
  since: z.iso.date().optional(),
});
const myExpertiseSchema = z.object({
  feedId: id,
  topic: id,
  level: z.literal([0, 1, 2, 3, 4, 5]),
});
const noteSchema = z.object({
  target: z.enum(['person', 'community', 'topic']),
  feedId: id,
  targetId: id,
  text: z.string().min(1).max(MAX_NOTE_CHARS),
  updatedAt: when,
});

const ENTRY_SCHEMAS = {
  me: meSchema,
  follows: followSchema,
  myMemberships: myMembershipSchema,
  myExpertise: myExpertiseSchema,
  notes: noteSchema,
} as const;

type LocalList = keyof typeof ENTRY_SCHEMAS;
const LISTS = Object.keys(ENTRY_SCHEMAS) as LocalList[];

export interface LocalDataFile {
  format: typeof LOCAL_DATA_FORMAT;
  version: typeof LOCAL_DATA_VERSION;
  exportedAt: string;
  me: MeRow[];
  follows: FollowRow[];
  myMemberships: MyMembershipRow[];
  myExpertise: MyExpertiseRow[];
  notes: Omit<NoteRow, 'id'>[];
}

export async function exportLocalData(
  db: ConstellationDB,
  now = new Date(),
): Promise<LocalDataFile> {
  return db.transaction(
    'r',
    LOCAL_TABLES.map((t) => db[t]),
    async () => ({
      format: LOCAL_DATA_FORMAT,
      version: LOCAL_DATA_VERSION,
      exportedAt: now.toISOString(),
      me: await db.me.toArray(),
      follows: await db.follows.toArray(),
      myMemberships: await db.myMemberships.toArray(),
      myExpertise: await db.myExpertise.toArray(),
      notes: (await db.notes.toArray()).map(({ id: _id, ...note }) => note),
    }),
  );
}

interface ImportProblem {
  path: string;
  reason: string;
}

export type LocalImportReport =
  | { ok: false; error: string }
  | { ok: true; imported: Record<LocalList, number>; skipped: number; problems: ImportProblem[] };

/** Validates a local-data file and merges its valid entries into the local tables. */
export async function importLocalData(
  db: ConstellationDB,
  text: string,
): Promise<LocalImportReport> {
  let value: unknown;
  try {
    value = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    return {
      ok: false,
      error: `the file is not valid JSON (${error instanceof Error ? error.message : String(error)})`,
    };
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    return { ok: false, error: 'the file is not a JSON object' };
  const doc = value as Record<string, unknown>;
  if (doc.format !== LOCAL_DATA_FORMAT)
    return {
      ok: false,
      error: `"format" must be "${LOCAL_DATA_FORMAT}"; this is not a Constellation local-data export`,
    };
  if (doc.version !== LOCAL_DATA_VERSION)
    return {
      ok: false,
      error: `unsupported version ${JSON.stringify(doc.version)}; this extension reads version ${LOCAL_DATA_VERSION}`,
    };

  const problems: ImportProblem[] = [];
  /** Where the valid "me" entries stand in the file. */
  const meIndexes: number[] = [];
  const valid = {} as { [L in LocalList]: z.output<(typeof ENTRY_SCHEMAS)[L]>[] };
  for (const list of LISTS) {
    valid[list] = [] as never[];
    const raw = doc[list] ?? [];
    if (!Array.isArray(raw)) {
      problems.push({ path: list, reason: 'must be an array' });
      continue;
    }
    raw.forEach((entry, index) => {
      const parsed = ENTRY_SCHEMAS[list].safeParse(entry);
      if (parsed.success) {
        (valid[list] as unknown[]).push(parsed.data);
        if (list === 'me') meIndexes.push(index);
      } else {
        const issue = parsed.error.issues[0]!;
        const field = formatPath(issue.path);
        problems.push({
          path: `${list}[${index}]${field ? `.${field}` : ''}`,
          reason: issue.message,
        });
      }
    });
  }
  // One "me": each after the first valid one is skipped, at its own index.
  for (const index of meIndexes.slice(1))
    problems.push({
      path: `me[${index}]`,
      reason: 'more than one "me"; the first was kept, this one skipped',
    });
  valid.me = valid.me.slice(0, 1);
  await db.transaction(
    'rw',
    LOCAL_TABLES.map((t) => db[t]),
    async () => {
      await db.me.bulkPut(valid.me);
      await db.follows.bulkPut(valid.follows);
      await db.myMemberships.bulkPut(valid.myMemberships);
      await db.myExpertise.bulkPut(valid.myExpertise);
      for (const note of valid.notes) {
        // One note per target: an imported note replaces the one stored for the same target.
        const existing = await db.notes
          .where('[target+feedId+targetId]')
          .equals([note.target, note.feedId, note.targetId])
          .first();
        await db.notes.put(existing?.id !== undefined ? { ...note, id: existing.id } : note);
      }
    },
  );
  const imported = Object.fromEntries(LISTS.map((l) => [l, valid[l].length])) as Record<
    LocalList,
    number
  >;
  return {
    ok: true,
    imported,
    skipped: problems.filter((p) => p.path.includes('[')).length,
    problems,
  };
}
