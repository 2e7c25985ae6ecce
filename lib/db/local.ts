// The user's own data: who "me" is, communities followed, declared memberships and expertise,
// private notes. These tables are never written by feed ingest or sync.
import type { ConstellationDB } from './database';
import type { MyExpertiseRow, MyMembershipRow, NoteRow, NoteTarget, Ref } from './schema';

export async function getMe(db: ConstellationDB): Promise<Ref | undefined> {
  const row = await db.me.get('me');
  return row ? { feedId: row.feedId, id: row.personId } : undefined;
}

export async function setMe(
  db: ConstellationDB,
  person: Ref | undefined,
  now = new Date(),
): Promise<void> {
  if (!person) {
    await db.me.delete('me');
    return;
  }
  await db.me.put({
    key: 'me',
    feedId: person.feedId,
    personId: person.id,
    chosenAt: now.toISOString(),
  });
}

export async function follow(db: ConstellationDB, community: Ref, now = new Date()): Promise<void> {
  await db.follows.put({
    feedId: community.feedId,
    community: community.id,
    followedAt: now.toISOString(),
  });
}

export async function unfollow(db: ConstellationDB, community: Ref): Promise<void> {
  await db.follows.delete([community.feedId, community.id]);
}

export async function isFollowing(db: ConstellationDB, community: Ref): Promise<boolean> {
  return (await db.follows.get([community.feedId, community.id])) !== undefined;
}

export async function followedCommunities(db: ConstellationDB): Promise<Ref[]> {
  const rows = await db.follows.orderBy('[feedId+community]').toArray();
  return rows.map((r) => ({ feedId: r.feedId, id: r.community }));
}

export async function declareMembership(db: ConstellationDB, row: MyMembershipRow): Promise<void> {
  await db.myMemberships.put(row);
}

export async function declareExpertise(db: ConstellationDB, row: MyExpertiseRow): Promise<void> {
  await db.myExpertise.put(row);
}

/** The longest note kept (characters): the local data's export and import hold it to the same. */
export const MAX_NOTE_CHARS = 20_000;

/**
 * Saves the note on a target, replacing an earlier one; an empty text deletes it. A text over
 * `MAX_NOTE_CHARS` is refused (thrown), the note before it kept: saved, it would make the
 * user's export a file that its own import refuses.
 */
export async function saveNote(
  db: ConstellationDB,
  target: NoteTarget,
  ref: Ref,
  text: string,
  now = new Date(),
): Promise<void> {
  if (text.length > MAX_NOTE_CHARS)
    throw new RangeError(
      `a note holds at most ${MAX_NOTE_CHARS.toLocaleString('en')} characters; this one has ${text.length.toLocaleString('en')}; shorten it, or keep the rest elsewhere and link to it`,
    );
  await db.transaction('rw', db.notes, async () => {
    const existing = await noteFor(db, target, ref);
    if (!text.trim()) {
      if (existing?.id !== undefined) await db.notes.delete(existing.id);
      return;
    }
    const row: NoteRow = {
      target,
      feedId: ref.feedId,
      targetId: ref.id,
      text,
      updatedAt: now.toISOString(),
    };
    if (existing?.id !== undefined) row.id = existing.id;
    await db.notes.put(row);
  });
}

export function noteFor(
  db: ConstellationDB,
  target: NoteTarget,
  ref: Ref,
): Promise<NoteRow | undefined> {
  return db.notes.where('[target+feedId+targetId]').equals([target, ref.feedId, ref.id]).first();
}

export async function withdrawExpertise(db: ConstellationDB, topic: Ref): Promise<void> {
  await db.myExpertise.delete([topic.feedId, topic.id]);
}
