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

  it('remembers the topics of pages read only from ordinary tabs and while the user allows it', async () => {
    const db = await smallTestDb();
    const message = {
      type: 'recordTopicVisits',
      request: { topics: [{ feedId: 'acme-main', id: 't-k8s' }] },
    };
    const tab = { id: EXT, tab: { incognito: false } };
    const on = { syncNow: async () => [], remembersVisitedTopics: async () => true };
    const off = { syncNow: async () => [], remembersVisitedTopics: async () => false };

    // Turned off, a private window, or not from a tab at all: nothing is kept.
    expect(await handleMessage(db, message, tab, EXT, off)).toEqual({
      ok: true,
      value: { recorded: 0 },
    });
    expect(
      await handleMessage(db, message, { id: EXT, tab: { incognito: true } }, EXT, on),
    ).toEqual({ ok: true, value: { recorded: 0 } });
    expect(await handleMessage(db, message, { id: EXT }, EXT, on)).toEqual({
      ok: true,
      value: { recorded: 0 },
    });
    // An extension page opened in a tab (options) is not a page the user read.
    expect(
      await handleMessage(
        db,
        message,
        { id: EXT, url: `chrome-extension://${EXT}/options.html`, tab: { incognito: false } },
        EXT,
        on,
      ),
    ).toEqual({ ok: true, value: { recorded: 0 } });
    expect(await db.topicVisits.count()).toBe(0);

    expect(await handleMessage(db, message, tab, EXT, on)).toEqual({
      ok: true,
      value: { recorded: 1 },
    });
    expect((await db.topicVisits.toArray()).map((r) => [r.topic, r.days])).toEqual([['t-k8s', 1]]);
    // Malformed refs are refused before anything is written.
    const bad = await handleMessage(
      db,
      { type: 'recordTopicVisits', request: { topics: [{ feedId: '', id: 'x' }] } },
      tab,
      EXT,
      on,
    );
    expect(bad.ok).toBe(false);
    expect(await db.topicVisits.count()).toBe(1);
  });
});
