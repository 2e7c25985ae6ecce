// @vitest-environment happy-dom
// The popup's community view answers in two steps: its head (name, facts with members counted
// from the memberships, domain, follow) shows first, marked busy, while every member's record
// is read; then the full view replaces it. A members-only community the viewer is not in is
// refused from the head already. The members' read is held back here until released, so each
// step can be seen; the head's reads are the real ones.
import { render } from 'preact';
import { afterEach, beforeEach, expect, it, vi } from 'vitest';
import { CommunityView } from '../../../components/popup/CommunityView';
import type { ConstellationDB } from '../../../lib/db/database';
import { ANONYMOUS } from '../../../lib/db/queries';
import { smallTestDb } from '../../fixtures/test-db';
import type * as Views from '../../../lib/db/views';

/** Holds the whole view's reads until released (once per test). */
let release: () => void = () => undefined;
let held: Promise<void> = Promise.resolve();
let headReads = 0;
vi.mock('../../../lib/db/views', async (original) => {
  const real = await original<typeof Views>();
  return {
    ...real,
    communityHead: (...args: Parameters<typeof real.communityHead>) => {
      headReads++;
      return real.communityHead(...args);
    },
    communityDetail: async (...args: Parameters<typeof real.communityDetail>) => {
      await held;
      return real.communityDetail(...args);
    },
  };
});

let db: ConstellationDB;
let root: HTMLElement;
beforeEach(async () => {
  headReads = 0;
  held = new Promise<void>((done) => (release = done));
  db = await smallTestDb();
  root = document.createElement('div');
  document.body.append(root);
});
afterEach(() => {
  render(null, root);
  root.remove();
});

const nav = { open: () => undefined, back: () => undefined };
const show = (id: string) =>
  render(
    <CommunityView db={db} viewer={ANONYMOUS} nav={nav} community={{ feedId: 'acme-main', id }} />,
    root,
  );

it('shows the head with members counted, busy, then the full view', async () => {
  show('c-sre');
  expect(root.textContent).toBe('Loading…');
  await vi.waitFor(() => expect(root.querySelector('.community-head')).not.toBeNull());
  const head = root.querySelector('.community-head')!;
  expect(head.getAttribute('aria-busy')).toBe('true');
  expect(head.getAttribute('data-community')).toBe('c-sre');
  expect(head.querySelector('h2')?.textContent).toBe('SRE Guild');
  expect(head.querySelector('.community-facts')?.textContent).toContain(
    '1 core / 1 active / 1 peripheral · … units',
  );
  expect(head.querySelector('.domain')?.textContent).toBe('Keeping production boring.');
  expect(head.querySelector('.follow')?.textContent).toBe('Follow');
  expect(head.querySelector('.loading')?.textContent).toBe('Loading 3 members…');
  expect(root.querySelector('.member-group')).toBeNull();
  expect(root.querySelector('.community-view')).toBeNull();

  release();
  await vi.waitFor(() => expect(root.querySelector('.community-view')).not.toBeNull());
  expect(root.querySelector('.community-head')).toBeNull();
  const view = root.querySelector('.community-view')!;
  expect(view.hasAttribute('aria-busy')).toBe(false);
  expect(view.querySelector('.community-facts')?.textContent).toContain(
    '1 core / 1 active / 1 peripheral · 2 units',
  );
  expect([...view.querySelectorAll('.member-group h4')].map((h) => h.textContent)).toEqual([
    'core (1)',
    'active (1)',
    'peripheral (1)',
  ]);
  expect(view.querySelector('.loading')).toBeNull();

  // A change to the data (following it) reads the whole view again, never the head.
  expect(headReads).toBe(1);
  view.querySelector<HTMLButtonElement>('.follow')!.click();
  await vi.waitFor(() =>
    expect(root.querySelector('.community-view .follow')?.textContent).toBe('Following — unfollow'),
  );
  expect(root.querySelector('.community-head')).toBeNull();
  expect(headReads).toBe(1);
});

it('refuses a members-only community from the head, before its members are read', async () => {
  show('c-fraud');
  await vi.waitFor(() => expect(root.querySelector('[role="alert"]')).not.toBeNull());
  expect(root.textContent).toBe(
    'This community is not in your data, or it is shown only to its members.',
  );
  release();
});
