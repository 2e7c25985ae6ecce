// Makes the extension useful the minute it is installed: while no real feed is shown, the
// bundled demo organisation is loaded into the database (once per demo version).
import type { ConstellationDB } from '../db/database';
import { removeFeed, replaceFeed } from '../db/ingest';
import { feedRow, feedRows } from '../db/feeds';
import { validateFeedText, type RecordProblem } from '../model/validate';

export type DemoOutcome =
  | { kind: 'skipped'; reason: 'feeds-configured' | 'up-to-date' }
  | { kind: 'ingested'; feedId: string; people: number; problems: RecordProblem[] }
  | { kind: 'failed'; error: string };

/**
 * Loads the demo feed unless real feeds are configured or the same demo is already stored.
 * `loadDemo` returns the bundled file's text (fetch of the extension's own URL in production).
 */
export async function ensureDemoData(
  db: ConstellationDB,
  options: { feedsConfigured: boolean; loadDemo: () => Promise<string> },
): Promise<DemoOutcome> {
  if (options.feedsConfigured) return { kind: 'skipped', reason: 'feeds-configured' };
  try {
    const text = await options.loadDemo();
    const validation = validateFeedText(text);
    if (!validation.ok)
      return { kind: 'failed', error: `demo feed rejected: ${validation.error.reason}` };
    const { feed, problems } = validation;
    const stored = await feedRow(db, feed.feedId);
    if (stored && stored.generatedAt === feed.generatedAt && stored.source === 'demo') {
      return { kind: 'skipped', reason: 'up-to-date' };
    }
    // Decided again inside the write: a real feed that landed while the demo file was read
    // (a first sync finishing during a reconcile) keeps the demo away.
    const written = await replaceFeed(db, feed, {
      source: 'demo',
      onlyIf: (stored) => stored.every((row) => row.source === 'demo'),
    });
    if (!written) return { kind: 'skipped', reason: 'feeds-configured' };
    return { kind: 'ingested', feedId: feed.feedId, people: feed.people.length, problems };
  } catch (error) {
    return { kind: 'failed', error: error instanceof Error ? error.message : String(error) };
  }
}

/**
 * The demo makes way for real data: while a real feed is visible the demo is not loaded (the
 * first real generation's switch removes it in the same transaction, lib/feed/sync.ts); when
 * no real feed is visible — none configured, none landed yet, or the last one removed — the
 * demo is (re)loaded, so the user is never left with nothing.
 */
export async function reconcileDemoData(
  db: ConstellationDB,
  loadDemo: () => Promise<string>,
): Promise<DemoOutcome> {
  const feeds = await feedRows(db);
  const realFeedShown = feeds.some((feed) => feed.source !== 'demo');
  if (realFeedShown) {
    for (const demo of feeds.filter((feed) => feed.source === 'demo'))
      await removeFeed(db, demo.feedId);
  }
  return ensureDemoData(db, { feedsConfigured: realFeedShown, loadDemo });
}
