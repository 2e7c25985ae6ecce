// @vitest-environment happy-dom
// A screen's live query runs again when what it shows may have changed, and not while a sync
// writes a generation no reader sees yet: its chunks land with their checkpoint (packs, the
// source's pending state, the lease), and only the switch (the `feeds` row) changes what
// readers see. A real sync (lib/feed/sync.ts) is held after a few chunks, then let go.
import { render } from 'preact';
import { afterEach, expect, it } from 'vitest';
import { useLiveQuery } from '../../../components/useLiveQuery';
import type { ConstellationDB } from '../../../lib/db/database';
import { dataStatus } from '../../../lib/db/queries';
import { generateSyntheticFeed } from '../../../lib/demo/synthetic';
import { syncFeed, type SyncProgress } from '../../../lib/feed/sync';
import { emptyTestDb } from '../../fixtures/test-db';
import { FakeFeedServer } from '../feed/fake-server';

const URL_A = 'https://feeds.acme.example/live.json';
/** Longer than the hook's settle time and its shortest time between two runs. */
const QUIET_MS = 800;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

let root: HTMLElement | undefined;
afterEach(() => {
  if (root) render(null, root);
  root?.remove();
});

function Probe(props: { db: ConstellationDB; ran: () => void }) {
  const status = useLiveQuery(async () => {
    props.ran();
    return (await dataStatus(props.db)).counts.people;
  }, [props.db]);
  return <p>{status.status === 'ready' ? `${status.value} people` : status.status}</p>;
}

/**
 * Shows the probe over an empty database, once it has answered and settled (creating the
 * database announces a change of every table: one more run); `runs()` counts its runs.
 */
async function settledProbe(db: ConstellationDB): Promise<{ runs: () => number }> {
  let runs = 0;
  root = document.createElement('div');
  document.body.append(root);
  render(<Probe db={db} ran={() => runs++} />, root);
  await expect.poll(() => root!.textContent).toBe('0 people');
  await sleep(QUIET_MS);
  return { runs: () => runs };
}

it('does not run again while a sync writes its chunks, and runs once the generation is switched in', async () => {
  const db = emptyTestDb();
  const feed = { ...generateSyntheticFeed({ people: 120, seed: 7, feedId: 'live' }) };
  const server = new FakeFeedServer().serveFeed(URL_A, JSON.stringify(feed));
  const { runs } = await settledProbe(db);
  const before = runs();

  let held!: () => void;
  const reached = new Promise<void>((resolve) => (held = resolve));
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  const sync = syncFeed(
    {
      db,
      fetch: server.fetch,
      owner: 'worker-live',
      maxInvalidShare: 0.1,
      chunkSize: 50,
      onProgress: (p: SyncProgress) =>
        p.phase === 'writing' && p.chunksDone === 4 ? (held(), released) : undefined,
    },
    { url: URL_A, label: 'Live', intervalMinutes: 60 },
  );
  await reached;
  // Four chunks and their checkpoints are written; the generation is not visible yet.
  expect((await db.syncSources.get(URL_A))?.pending?.chunksDone).toBe(4);
  await sleep(QUIET_MS);
  expect(runs()).toBe(before);
  expect(root!.textContent).toBe('0 people');

  release();
  expect((await sync).outcome).toBe('updated');
  await expect.poll(() => root!.textContent).toBe('120 people');
  expect(runs()).toBeGreaterThan(before);
});

it('runs again when the user changes their own data', async () => {
  const db = emptyTestDb();
  const { runs } = await settledProbe(db);
  const before = runs();
  await db.follows.put({ feedId: 'acme-main', community: 'c-sre', followedAt: '2026-12-05' });
  await expect.poll(runs).toBe(before + 1);
});
