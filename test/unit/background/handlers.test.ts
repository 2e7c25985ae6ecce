import { describe, expect, it } from 'vitest';
import { handleMessage } from '../../../lib/background/handlers';
import { smallTestDb } from '../../fixtures/test-db';

const EXT = 'test-extension-id';

describe('background message handling', () => {
  it('answers searchPeople with summaries', async () => {
    const db = await smallTestDb();
    const answer = await handleMessage(
      db,
      { type: 'searchPeople', request: { query: 'jos' } },
      { id: EXT },
      EXT,
    );
    expect(answer).toEqual({
      ok: true,
      value: [
        {
          feedId: 'acme-main',
          id: 'p-jose',
          name: 'José Müller',
          unit: 'platform',
          unitName: 'Platform Engineering',
          company: 'Acme',
          emails: ['jose.muller@acme.example'],
          handles: { 'gitlab.com': 'jmuller' },
        },
      ],
    });
  });

  it('answers peopleByHandle and getStatus', async () => {
    const db = await smallTestDb();
    const byHandle = await handleMessage(
      db,
      { type: 'peopleByHandle', request: { host: 'github.com', login: 'BOBO' } },
      { id: EXT },
      EXT,
    );
    expect(byHandle.ok && (byHandle.value as { id: string }[]).map((p) => p.id)).toEqual(['p-bob']);
    const status = await handleMessage(db, { type: 'getStatus', request: {} }, { id: EXT }, EXT);
    expect(status.ok && status.value).toMatchObject({ demo: false, counts: { people: 4 } });
  });

  it('refuses other senders and invalid requests without touching the database', async () => {
    const db = await smallTestDb();
    expect(
      await handleMessage(db, { type: 'getStatus', request: {} }, { id: 'intruder' }, EXT),
    ).toEqual({
      ok: false,
      error: 'sender not allowed',
    });
    expect(
      await handleMessage(db, { type: 'searchPeople', request: { query: 7 } }, { id: EXT }, EXT),
    ).toMatchObject({
      ok: false,
    });
  });

  it('reports a database failure as an error value', async () => {
    const db = await smallTestDb();
    db.close();
    const answer = await handleMessage(db, { type: 'getStatus', request: {} }, { id: EXT }, EXT);
    expect(answer.ok).toBe(false);
  });
});
