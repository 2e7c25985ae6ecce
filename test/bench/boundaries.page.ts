// Benchmark page for the boundaries view (issue 6), run inside real Chromium by
// scripts/bench/boundaries.ts. A large synthetic feed is ingested into real IndexedDB once;
// then, each as a median over several runs: one full read of the membership table (the
// baseline), the view's bulk read of everything, all analyses, the first map from opening the
// view, and the latency of select, filter and zoom until the next frame is painted.
import { h, render } from 'preact';
import { BoundariesApp } from '../../components/boundaries/BoundariesApp';
import type { DrawnMap } from '../../components/boundaries/map-canvas';
import { loadConstellation, viewPeople } from '../../lib/db/constellation';
import { ConstellationDB } from '../../lib/db/database';
import { benchFeed, seededDatabase } from './seed';
import { boundaryOptions } from '../../lib/boundaries/options';
import { analyseConstellation } from '../../lib/boundaries/report';
import { median } from '../../lib/stats';
import { readPacks, visibleRecords } from '../../lib/db/packed';

export interface BoundariesResult {
  communities: number;
  people: number;
  memberships: number;
  ingestMs: number;
  runs: number;
  membershipReadMs: number;
  /** Each other list the view reads, read alone the same way (what the bulk read is made of). */
  listReadMs: Record<string, number>;
  loadMs: number;
  analysesMs: number;
  /** Of which: index + edges, the rest. */
  mapNodes: number;
  firstMapFromOpenMs: number;
  /** From the app's data being ready (report computed) to the map painted. */
  firstMapRenderMs: number;
  /** Steps of opening (components/boundaries/marks.ts), each from the one before. */
  openSteps: Record<string, number>;
  selectMs: number;
  filterMs: number;
  zoomMs: number;
  searchMs: number;
  /** Median over all interactions of the time until the DOM showed the effect. */
  updateMs: number;
  /** From the first map to the layout worker settling it (off the main thread). */
  settleMs: number;
  /** A frame with nothing to do, on this machine now: the floor under every latency. */
  idleFrameMs: number;
  /** One short text changed outside the map, until painted: the floor for any interaction. */
  trivialChangeMs: number;
}

const DB_NAME = 'bench-boundaries';
const OPEN_TIMEOUT_MS = 300_000;

/** Resolves after the next frame has been produced (rAF, then a task after it). */
function nextPaint(): Promise<number> {
  return new Promise((resolve) =>
    requestAnimationFrame(() => setTimeout(() => resolve(performance.now()), 0)),
  );
}

async function waitFor<T>(find: () => T | null | undefined, timeoutMs = 60_000): Promise<T> {
  const start = performance.now();
  for (;;) {
    const found = find();
    if (found) return found;
    if (performance.now() - start > timeoutMs) throw new Error('timed out waiting for the view');
    await new Promise((resolve) => setTimeout(resolve, 1));
  }
}

async function addStyles(href: string): Promise<void> {
  const link = document.createElement('link');
  link.rel = 'stylesheet';
  link.href = href;
  const loaded = new Promise((resolve, reject) => {
    link.onload = resolve;
    // A stylesheet that fails (or one of its imports) must fail the run, not hang it.
    link.onerror = () => reject(new Error(`stylesheet ${href} did not load`));
  });
  document.head.appendChild(link);
  await loaded;
}

/** An interaction that changes how many communities are shown, until that is painted. */
function changeShown(host: HTMLElement, action: () => void): Promise<number> {
  const count = () => host.querySelector('.shown-count')?.getAttribute('data-shown');
  const before = count();
  return interaction(action, () => count() !== before);
}

/** Time from an action to the next painted frame after the DOM shows its effect. */
/** Of every interaction: the part until the DOM showed its effect (the rest is paint). */
const updateTimes: number[] = [];

async function interaction(action: () => void, done: () => boolean): Promise<number> {
  const start = performance.now();
  action();
  await waitFor(() => done() || null, 10_000);
  updateTimes.push(performance.now() - start);
  return (await nextPaint()) - start;
}

export async function runBoundariesBench(
  feedUrl: string,
  cssUrl: string,
  workerUrl: string,
  runs: number,
): Promise<BoundariesResult> {
  await addStyles(cssUrl);
  const feed = await benchFeed(feedUrl);
  const { db, ingestMs } = await seededDatabase(DB_NAME, feed);
  const asOf = feed.generatedAt.slice(0, 10);

  const read: number[] = [];
  const load: number[] = [];
  const analyses: number[] = [];
  const listReads: Record<string, number[]> = {};
  let counts = { communities: 0, people: 0, memberships: 0 };
  // Interleaved, the first round discarded (JIT and IndexedDB warm-up).
  for (let i = 0; i <= runs; i++) {
    let t = performance.now();
    const rows = await visibleRecords(db, 'memberships');
    const r = performance.now() - t;
    if (rows.length === 0) throw new Error('no memberships');
    const lists: Record<string, number> = {};
    for (const list of ['people', 'communities', 'units', 'topics'] as const) {
      t = performance.now();
      await visibleRecords(db, list);
      lists[list] = performance.now() - t;
    }
    {
      // The people as the view reads them: the fields its analyses use, the rest not decoded.
      t = performance.now();
      await readPacks(db, viewPeople);
      lists['people (the view’s fields)'] = performance.now() - t;
    }
    t = performance.now();
    const loaded = await loadConstellation(db);
    const l = performance.now() - t;
    t = performance.now();
    const report = analyseConstellation(loaded, boundaryOptions(asOf));
    const a = performance.now() - t;
    counts = {
      communities: report.communities.length,
      people: report.constellation.people.length,
      memberships: report.constellation.membershipCount,
    };
    if (i > 0) {
      read.push(r);
      for (const [list, ms] of Object.entries(lists)) (listReads[list] ??= []).push(ms);
      load.push(l);
      analyses.push(a);
    }
  }

  const host = document.createElement('div');
  document.body.appendChild(host);
  const fromOpen: number[] = [];
  const render1: number[] = [];
  const select: number[] = [];
  const filter: number[] = [];
  const zoom: number[] = [];
  const search: number[] = [];
  const settle: number[] = [];
  const steps: Record<string, number[]> = {};
  const idle: number[] = [];
  const trivial: number[] = [];
  let mapNodes = 0;
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    render(
      h(BoundariesApp, {
        db,
        createLayoutWorker: () => new Worker(workerUrl, { type: 'module' }),
      }),
      host,
    );
    // The summary line appears when the report is computed; the map in the same commit.
    // Opening reads every row of a large organisation: minutes on a loaded machine.
    await waitFor(() => host.querySelector('[data-summary]'), OPEN_TIMEOUT_MS);
    const dataReady = performance.now();
    // The canvas paints in the next animation frame after the map's first commit.
    await waitFor(() => host.querySelector('.constellation-map .node'));
    const painted = await nextPaint();
    fromOpen.push(painted - start);
    render1.push(painted - dataReady);
    let before = start;
    for (const step of ['read', 'indexed', 'analysed', 'painted']) {
      const at = performance.getEntriesByName(`boundaries:${step}`).at(-1)?.startTime;
      if (at === undefined || at < start) continue;
      (steps[step] ??= []).push(at - before);
      before = at;
    }
    (steps['to the list and next frame'] ??= []).push(painted - before);
    mapNodes = host.querySelectorAll('.constellation-map .node').length;
    await waitFor(
      () =>
        host.querySelector('.constellation-map')?.getAttribute('data-settled') === 'true'
          ? true
          : null,
      OPEN_TIMEOUT_MS,
    );
    settle.push(performance.now() - painted);
    for (let k = 0; k < 5; k++) {
      const start = performance.now();
      idle.push((await nextPaint()) - start);
      // A change of one short text outside the map: what any visible change costs right now.
      const note = host.querySelector('.export-message')!;
      trivial.push(
        await interaction(
          () => (note.textContent = `probe ${i}.${k}`),
          () => note.textContent === `probe ${i}.${k}`,
        ),
      );
    }

    const canvas = host.querySelector('.constellation-map > canvas') as HTMLCanvasElement & {
      drawnMap: () => DrawnMap;
    };
    for (let k = 0; k < 5; k++) {
      // A click where the canvas drew a circle, found by hit-testing as a user's click is; a
      // circle whose centre lies under a circle drawn later would not be the one clicked.
      const circles = canvas.drawnMap().circles;
      const clear = circles.filter((c, i) =>
        circles.slice(i + 1).every((o) => Math.hypot(o.x - c.x, o.y - c.y) > o.r + 2),
      );
      const target = clear[(k * 37) % clear.length]!;
      const key = target.key;
      select.push(
        await interaction(
          () =>
            canvas.dispatchEvent(
              new MouseEvent('click', { bubbles: true, clientX: target.x, clientY: target.y }),
            ),
          () => host.querySelector('section.details')?.getAttribute('data-selected') === key,
        ),
      );
      const stage = host.querySelector<HTMLSelectElement>('#f-stage')!;
      for (const value of ['active', ''])
        filter.push(
          await changeShown(host, () => {
            stage.value = value;
            stage.dispatchEvent(new Event('change', { bubbles: true }));
          }),
        );
      const before = canvas.getAttribute('data-zoom');
      zoom.push(
        await interaction(
          () => host.querySelector<HTMLButtonElement>('button[aria-label="Zoom in"]')!.click(),
          () => canvas.getAttribute('data-zoom') !== before,
        ),
      );
      const box = host.querySelector<HTMLInputElement>('#f-search')!;
      // A word from a community's name on the map: some communities match, not all.
      // (Its name begins the text of its button in the map's list of communities.)
      const name = await waitFor(() =>
        host.querySelector(`.constellation-map .node[data-index="${target.index}"]`),
      );
      const word = name.textContent.split(' ')[0]!;
      for (const query of [word, ''])
        search.push(
          await changeShown(host, () => {
            box.value = query;
            box.dispatchEvent(new Event('input', { bubbles: true }));
          }),
        );
    }
    render(null, host);
    await nextPaint();
  }
  db.close();
  await ConstellationDB.delete(DB_NAME);
  return {
    ...counts,
    ingestMs,
    runs,
    membershipReadMs: median(read),
    listReadMs: Object.fromEntries(Object.entries(listReads).map(([list, t]) => [list, median(t)])),
    loadMs: median(load),
    analysesMs: median(analyses),
    mapNodes,
    firstMapFromOpenMs: median(fromOpen),
    firstMapRenderMs: median(render1),
    openSteps: Object.fromEntries(Object.entries(steps).map(([step, t]) => [step, median(t)])),
    selectMs: median(select),
    filterMs: median(filter),
    zoomMs: median(zoom),
    settleMs: median(settle),
    updateMs: median(updateTimes),
    idleFrameMs: median(idle),
    trivialChangeMs: median(trivial),
    searchMs: median(search),
  };
}
