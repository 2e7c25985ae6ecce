// Export and import of the user's own data: a round trip restores it exactly, invalid entries
// are skipped and reported with their path, a file that is not an export changes nothing,
// and feed tables are never touched.
import { describe, expect, it } from 'vitest';
import { LOCAL_TABLES } from '../../../lib/db/database';
import {
  declareExpertise,
  declareMembership,
  follow,
  saveNote,
  setMe,
} from '../../../lib/db/local';
import { exportLocalData, importLocalData } from '../../../lib/db/local-transfer';
import { emptyTestDb, smallTestDb } from '../../fixtures/test-db';

async function withLocalData() {
  const db = await smallTestDb();
  const now = new Date('2026-11-21T08:00:00Z');
  await setMe(db, { feedId: 'acme-main', id: 'p-alice' }, now);
  await follow(db, { feedId: 'acme-main', id: 'c-sre' }, now);
  await declareMembership(db, {
    feedId: 'acme-main',
    community: 'c-fraud',
    participation: 'peripheral',
    roles: ['boundary'],
  });
  await declareExpertise(db, { feedId: 'acme-main', topic: 't-k8s', level: 0 });
  await saveNote(db, 'person', { feedId: 'acme-main', id: 'p-bob' }, 'Met at the k8s meetup', now);
  return db;
}

const snapshot = (db: Awaited<ReturnType<typeof withLocalData>>) =>
  Promise.all(LOCAL_TABLES.map((t) => db.table(t).toArray()));

describe('local data export/import', () => {
  it('round-trips everything into an empty profile', async () => {
    const db = await withLocalData();
    const file = JSON.stringify(await exportLocalData(db, new Date('2026-11-22T00:00:00Z')));
    const fresh = emptyTestDb();
    const report = await importLocalData(fresh, file);
    expect(report).toEqual({
      ok: true,
      imported: { me: 1, follows: 1, myMemberships: 1, myExpertise: 1, notes: 1 },
      skipped: 0,
      problems: [],
    });
    expect(await snapshot(fresh)).toEqual(await snapshot(db));
    expect(await fresh.packs.count()).toBe(0);
    // Importing again replaces the note instead of duplicating it.
    await importLocalData(fresh, file);
    expect(await fresh.notes.count()).toBe(1);
  });

  it('skips and reports invalid entries, importing the rest', async () => {
    const db = await withLocalData();
    const data = await exportLocalData(db);
    const doc = JSON.parse(JSON.stringify(data)) as Record<string, Record<string, unknown>[]>;
    doc.follows!.push({ feedId: 'acme-main', community: '', followedAt: 'yesterday' });
    doc.myMemberships![0]!.participation = 'lurker';
    const fresh = emptyTestDb();
    const report = await importLocalData(fresh, JSON.stringify(doc));
    expect(report.ok).toBe(true);
    if (!report.ok) return;
    expect(report.imported).toMatchObject({ follows: 1, myMemberships: 0 });
    expect(report.skipped).toBe(2);
    expect(report.problems.map((p) => p.path)).toEqual([
      'follows[1].community',
      'myMemberships[0].participation',
    ]);
  });

  it('counts every "me" beyond the first as skipped, and names what it kept', async () => {
    const db = await withLocalData();
    const doc = JSON.parse(JSON.stringify(await exportLocalData(db))) as Record<
      string,
      Record<string, unknown>[]
    >;
    const me = doc.me![0]!;
    doc.me!.push({ ...me }, { ...me });
    const report = await importLocalData(emptyTestDb(), JSON.stringify(doc));
    expect(report.ok).toBe(true);
    if (!report.ok) return;
    expect(report.imported.me).toBe(1);
    expect(report.skipped).toBe(2);
    expect(report.problems).toEqual([
      { path: 'me[1]', reason: 'more than one "me"; the first was kept, this one skipped' },
      { path: 'me[2]', reason: 'more than one "me"; the first was kept, this one skipped' },
    ]);
  });

  it('refuses what is not an export and changes nothing', async () => {
    const db = await withLocalData();
    const before = await snapshot(db);
    expect(await importLocalData(db, '<html>')).toMatchObject({
      ok: false,
      error: expect.stringContaining('not valid JSON'),
    });
    expect(await importLocalData(db, '{"format":"constellation-feed","version":1}')).toMatchObject({
      ok: false,
      error: expect.stringContaining('not a Constellation local-data export'),
    });
    expect(
      await importLocalData(db, '{"format":"constellation-local-data","version":9}'),
    ).toMatchObject({
      ok: false,
      error: 'unsupported version 9; this extension reads version 1',
    });
    expect(await snapshot(db)).toEqual(before);
  });
});
