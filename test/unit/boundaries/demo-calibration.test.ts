// Health signals calibrated on the demo organisation (issue 17): each signal is raised on a
// minority of the communities a visitor sees, with a sentence that says why, and moving its
// threshold changes how many communities it is raised on. Read as the view reads it: the demo
// feed ingested into a real Dexie schema (fake-indexeddb), loaded with the members-only rule.
import { describe, expect, it } from 'vitest';
import { generateDemoFeed } from '../../../lib/demo/generate-demo';
import { asOfDate, loadConstellation } from '../../../lib/db/constellation';
import { replaceFeed } from '../../../lib/db/ingest';
import { HEALTH_SIGNALS, type HealthSignalKind } from '../../../lib/boundaries/health';
import { boundaryOptions, type BoundaryOptions } from '../../../lib/boundaries/options';
import { analyseConstellation } from '../../../lib/boundaries/report';
import { emptyTestDb, parsedFeed } from '../../fixtures/test-db';

async function demoConstellation() {
  const db = emptyTestDb();
  await replaceFeed(db, parsedFeed(generateDemoFeed()), { source: 'demo' });
  return loadConstellation(db);
}

function counts(
  loaded: Awaited<ReturnType<typeof demoConstellation>>,
  overrides: Partial<BoundaryOptions> = {},
) {
  const report = analyseConstellation(loaded, boundaryOptions(asOfDate(loaded.feeds), overrides));
  const by = new Map<HealthSignalKind, number>(HEALTH_SIGNALS.map((kind) => [kind, 0]));
  for (const c of report.communities)
    for (const signal of c.signals) by.set(signal.kind, by.get(signal.kind)! + 1);
  return { report, by };
}

describe('health signals on the demo organisation', () => {
  it('each fires on at least one and at most a minority of the visible communities, saying why', async () => {
    const loaded = await demoConstellation();
    const { report, by } = counts(loaded);
    const total = report.communities.length;
    expect(total).toBeGreaterThan(10);
    for (const kind of HEALTH_SIGNALS) {
      expect(by.get(kind)!, kind).toBeGreaterThan(0);
      expect(by.get(kind)! * 2, kind).toBeLessThan(total);
    }
    for (const c of report.communities)
      for (const signal of c.signals) {
        // A sentence in words: starts with a capital or a count, ends with a full stop.
        expect(signal.explanation).toMatch(/^[A-Z0-9].{20,}\.$/);
        expect(signal.explanation).not.toMatch(/undefined|NaN|\[object/);
      }
  });

  it('raises fewer or more signals when the user moves a threshold', async () => {
    const loaded = await demoConstellation();
    const base = counts(loaded).by;
    const moved = [
      counts(loaded, { leadershipMinMembers: 1000, leadershipLargeMembers: 1000 }).by.get(
        'leadership-gap',
      )!,
      counts(loaded, { staleMonths: 120 }).by.get('stale')!,
      counts(loaded, { siloShare: 0.3 }).by.get('siloed')!,
      counts(loaded, { recognitionActiveMembers: 1000 }).by.get('mismatch')!,
    ];
    expect(moved[0]).toBeLessThan(base.get('leadership-gap')!);
    expect(moved[1]).toBeLessThan(base.get('stale')!);
    expect(moved[2]).toBeGreaterThan(base.get('siloed')!);
    expect(moved[3]).toBeLessThan(base.get('mismatch')!);
  });
});
