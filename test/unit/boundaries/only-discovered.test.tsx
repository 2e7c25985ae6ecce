// @vitest-environment happy-dom
// The boundaries page when the data holds only communities discovered from shared work (for
// example the discovery sample alone): it says why the map is empty and lists them with their
// evidence — never "No communities to show yet". The real-browser proof with the real sample
// is test/e2e/discovery-sample.e2e.test.ts.
import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { BoundariesApp } from '../../../components/boundaries/BoundariesApp';
import type { ConstellationDB } from '../../../lib/db/database';
import { replaceFeed } from '../../../lib/db/ingest';
import { emptyTestDb, parsedFeed } from '../../fixtures/test-db';

// Dexie's liveQuery never emits under happy-dom; here the page reads its data once (the live
// subscription is exercised in real Chromium by the e2e tests).
vi.mock('../../../components/useLiveQuery', () => ({
  useLiveQuery<T>(query: () => Promise<T>, deps: unknown[]) {
    const [state, setState] = useState<
      { status: 'loading' } | { status: 'ready'; value: T } | { status: 'error'; error: string }
    >({ status: 'loading' });
    useEffect(() => {
      query().then(
        (value) => setState({ status: 'ready', value }),
        (error: unknown) => setState({ status: 'error', error: String(error) }),
      );
    }, deps);
    return state;
  },
}));

const evidence = (summary: string) => ({
  summary,
  commits: 40,
  paths: ['docs'],
  since: '2021-03-01',
  until: '2026-06-01',
  with: ['Ana Lima'],
  source: 'acme/handbook history',
});

function onlyDiscovered(communities: number) {
  return {
    format: 'constellation-feed',
    version: 1,
    feedId: 'handbook',
    generatedAt: '2026-07-01T00:00:00Z',
    organization: { name: 'Acme handbook' },
    units: [],
    people: [
      { id: 'ana', name: 'Ana Lima', emails: ['ana@acme.example'] },
      { id: 'ben', name: 'Ben Ode', emails: ['ben@acme.example'] },
    ],
    topics: [],
    communities: Array.from({ length: communities }, (_, i) => ({
      id: `git-area-${i}`,
      name: `Area ${i}`,
      domain: `Looking after area-${i} together.`,
      stage: 'active',
      standing: 'unrecognized',
      openToNewcomers: true,
      discovered: true,
      evidence: evidence(`${40 - i} commits by 2 people on area-${i} since 2021`),
    })),
    memberships: Array.from({ length: communities }, (_, i) => ({
      person: 'ana',
      community: `git-area-${i}`,
      participation: 'core',
      evidence: evidence(`30 commits with Ben Ode on area-${i} since 2021`),
    })),
    expertise: [],
  };
}

let host: HTMLElement | undefined;
afterEach(() => {
  if (host) render(null, host);
  host?.remove();
  host = undefined;
});

async function page(db: ConstellationDB): Promise<HTMLElement> {
  host = document.createElement('div');
  document.body.append(host);
  render(<BoundariesApp db={db} />, host);
  await vi.waitFor(() => expect(host!.querySelector('[data-summary]')).not.toBeNull(), {
    timeout: 10_000,
  });
  return host;
}

describe('boundaries page with only discovered communities', () => {
  it('says why the map is empty and lists the discovered communities with evidence', async () => {
    const db = emptyTestDb();
    await replaceFeed(db, parsedFeed(onlyDiscovered(2)), {
      source: 'url',
      url: 'https://feeds.acme.example/handbook.json',
      now: new Date('2026-07-02T08:00:00Z'),
    });
    const html = await page(db);
    expect(html.textContent).not.toContain('No communities to show yet');
    expect(html.querySelector('[data-empty="only-discovered"]')?.textContent).toContain(
      'The map is empty because it shows chartered communities only, and the data loaded holds none: just 2 communities discovered from shared work',
    );
    expect(html.querySelector('[data-summary]')?.textContent).toContain('0 chartered communities');
    const items = [...html.querySelectorAll('[data-layer="discovered"] [data-discovered]')];
    expect(items.map((li) => li.querySelector('h3 strong, h3')?.textContent)).toEqual([
      expect.stringContaining('Area 0'),
      expect.stringContaining('Area 1'),
    ]);
    const first = items[0]!;
    expect(first.querySelector('p.origin')?.textContent).toBe(
      'Discovered from shared work in acme/handbook history, 2021–2026 — not a chartered community (standing: unrecognized).',
    );
    expect(first.querySelector('p.evidence')?.textContent).toBe(
      'Evidence: 40 commits by 2 people on area-0 since 2021',
    );
    expect(first.querySelector('.discovered-members li')?.textContent).toContain(
      '30 commits with Ben Ode on area-0 since 2021',
    );
  });

  it('still says there is nothing to show when nothing is loaded', async () => {
    const html = await page(emptyTestDb());
    expect(html.querySelector('[data-empty="nothing"]')?.textContent).toContain(
      'No communities to show yet',
    );
    expect(html.querySelector('[data-layer="discovered"]')).toBeNull();
  });
});
