import { describe, expect, it } from 'vitest';
import { ensureDemoData, reconcileDemoData } from '../../../lib/background/demo-data';
import { replaceFeed } from '../../../lib/db/ingest';
import { parsedFeed } from '../../fixtures/test-db';
import { dataStatus } from '../../../lib/db/queries';
import { smallFeed } from '../../fixtures/small-feed';
import { emptyTestDb } from '../../fixtures/test-db';
import { visibleRecords } from '../../../lib/db/packed';

function demoText(generatedAt = '2026-11-01T09:00:00Z'): string {
  const feed = smallFeed();
  feed.feedId = 'demo-test';
  feed.generatedAt = generatedAt;
  return JSON.stringify(feed);
}

describe('ensureDemoData', () => {
  it('ingests the demo feed when no feed is configured, once', async () => {
    const db = emptyTestDb();
    const first = await ensureDemoData(db, {
      feedsConfigured: false,
      loadDemo: async () => demoText(),
    });
    expect(first).toEqual({ kind: 'ingested', feedId: 'demo-test', people: 4, problems: [] });
    const status = await dataStatus(db);
    expect(status.demo).toBe(true);
    expect(status.counts.people).toBe(4);
    const again = await ensureDemoData(db, {
      feedsConfigured: false,
      loadDemo: async () => demoText(),
    });
    expect(again).toEqual({ kind: 'skipped', reason: 'up-to-date' });
  });

  it('replaces an older demo version', async () => {
    const db = emptyTestDb();
    await ensureDemoData(db, { feedsConfigured: false, loadDemo: async () => demoText() });
    const next = await ensureDemoData(db, {
      feedsConfigured: false,
      loadDemo: async () => demoText('2026-12-01T09:00:00Z'),
    });
    expect(next.kind).toBe('ingested');
    expect((await db.feeds.get('demo-test'))?.generatedAt).toBe('2026-12-01T09:00:00Z');
  });

  it('does nothing when a real feed is configured', async () => {
    const db = emptyTestDb();
    let loaded = false;
    const outcome = await ensureDemoData(db, {
      feedsConfigured: true,
      loadDemo: async () => {
        loaded = true;
        return demoText();
      },
    });
    expect(outcome).toEqual({ kind: 'skipped', reason: 'feeds-configured' });
    expect(loaded).toBe(false);
    expect((await visibleRecords(db, 'people')).length).toBe(0);
  });

  it('reports a broken demo file and keeps what was stored', async () => {
    const db = emptyTestDb();
    await ensureDemoData(db, { feedsConfigured: false, loadDemo: async () => demoText() });
    const broken = await ensureDemoData(db, {
      feedsConfigured: false,
      loadDemo: async () => '<html>404</html>',
    });
    expect(broken).toEqual({
      kind: 'failed',
      error:
        'demo feed rejected: the body is an HTML or XML page (often an error or sign-in page), not JSON',
    });
    const missing = await ensureDemoData(db, {
      feedsConfigured: false,
      loadDemo: () => Promise.reject(new Error('demo feed missing from the extension (HTTP 404)')),
    });
    expect(missing).toEqual({
      kind: 'failed',
      error: 'demo feed missing from the extension (HTTP 404)',
    });
    expect((await visibleRecords(db, 'people')).length).toBe(4);
  });

  it('stays away when a real feed lands while the demo file is being read', async () => {
    // The race a first sync and a reconcile can run: the reconcile saw only the demo (or
    // nothing), then the real feed's first generation landed, then the demo file arrived.
    const db = emptyTestDb();
    const outcome = await reconcileDemoData(db, async () => {
      await replaceFeed(db, parsedFeed({ ...smallFeed(), feedId: 'real' }), { source: 'url' });
      return demoText();
    });
    expect(outcome).toEqual({ kind: 'skipped', reason: 'feeds-configured' });
    expect((await db.feeds.toArray()).map((row) => row.feedId)).toEqual(['real']);
    expect((await dataStatus(db)).counts.people).toBe(4);
  });
});
